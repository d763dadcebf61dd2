// UI automation: the contact list. "New chat" lists everyone who shares a conversation with
// the user, by display name, searched by display name or username (case does not count), and
// starts a chat with the one chosen, by click or keyboard; a username that is no contact is
// looked up.

#include "AppWindow.h"
#include "Client.h"
#include "Steps.h"
#include "TestClient.h"
#include "TwoPeople.h"

#include <QtQuick/QQuickItem>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;
using namespace Parley;

class tst_Contacts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void contactListSearchesByName();

private:
    /// The usernames the contact list shows, top to bottom.
    static QStringList shownContacts(AppWindow &app);
    static void search(AppWindow &app, const QString &text);

    TwoPeople m_people;
};

void tst_Contacts::init()
{
    m_people.start();
}

void tst_Contacts::cleanup()
{
    m_people.finish();
}

QStringList tst_Contacts::shownContacts(AppWindow &app)
{
    QStringList names;
    auto *list = app.item(u"contactList"_s);
    if (!list || !list->isVisible())
        return names;
    const int count = list->property("count").toInt();
    for (int row = 0; row < count; ++row)
        names.append(app.client()->contacts()->usernameAt(row));
    return names;
}

void tst_Contacts::search(AppWindow &app, const QString &text)
{
    // typeInto() replaces what the field holds.
    QVERIFY(app.typeInto(u"newChatUsername"_s, text));
}

void tst_Contacts::contactListSearchesByName()
{
    m_people.registerBoth();
    if (QTest::currentTestFailed())
        return;
    AppWindow &alice = *m_people.alice;

    // A new account has no contacts yet, and says so.
    QVERIFY(alice.click(u"newChatButton"_s));
    QTRY_VERIFY(alice.isShown(u"newChatUsername"_s));
    QTRY_VERIFY(alice.isShown(u"noContactsLabel"_s));
    QVERIFY(!alice.isShown(u"contactList"_s));
    QVERIFY(alice.click(u"newChatCancelButton"_s));
    QTRY_VERIFY(!alice.isShown(u"newChatDialog"_s));

    // Carol starts a book club with alice and dave (two more people, on the protocol).
    TestClient carol, dave;
    const QUrl url = m_people.server->url();
    const QString pin = m_people.server->fingerprint();
    PARLEY_VERIFY(dave.connectAndRegister(url, pin, u"dave"_s, u"dave-password-1"_s));
    PARLEY_VERIFY(carol.connectAndRegister(url, pin, u"carol"_s, u"carol-password-1"_s));
    auto aliceFound = carol.call<UserFoundFrame>(FindUserFrame{u"alice"_s});
    PARLEY_VERIFY(aliceFound);
    PARLEY_VERIFY(carol.call<ConversationInfoFrame>(
            CreateGroupFrame{u"Book club"_s, {aliceFound->user.userId, dave.account().userId}}));
    QTRY_VERIFY_WITH_TIMEOUT(alice.conversation(u"Book club"_s), Steps::NetworkTimeout);

    // Everyone alice shares a conversation with is listed, by name, without herself.
    QVERIFY(alice.click(u"newChatButton"_s));
    QTRY_VERIFY(alice.isShown(u"contactList"_s));
    QTRY_COMPARE(shownContacts(alice), (QStringList{u"carol"_s, u"dave"_s}));
    QVERIFY(!alice.isShown(u"noContactsLabel"_s));
    alice.screenshot(u"contactListSearchesByName-list"_s);

    // Part of a name finds it, in any case.
    search(alice, u"AR"_s);
    QTRY_COMPARE(shownContacts(alice), QStringList{u"carol"_s});
    search(alice, u"v"_s);
    QTRY_COMPARE(shownContacts(alice), QStringList{u"dave"_s});

    // Someone who is not a contact yet: nothing matches, and "Start chat" looks the name up.
    search(alice, u"bob"_s);
    QTRY_VERIFY(alice.isShown(u"noContactsLabel"_s));
    QCOMPARE(shownContacts(alice), QStringList());
    QVERIFY(alice.text(u"noContactsLabel"_s).contains(u"\"bob\""_s));
    QVERIFY(alice.click(u"startChatButton"_s));
    QTRY_VERIFY_WITH_TIMEOUT(!alice.isShown(u"newChatDialog"_s), Steps::NetworkTimeout);
    QTRY_COMPARE(alice.text(u"conversationHeaderTitle"_s), u"bob"_s);

    // Bob gives himself a display name (Settings' profile, tst_ui_profile); it reaches alice.
    QVERIFY(m_people.bob->client()->saveProfile(u"Robert Jones"_s, {}, false));
    QTRY_COMPARE_WITH_TIMEOUT(alice.client()->displayNameOf(m_people.bob->client()->userId()),
                              u"Robert Jones"_s, Steps::NetworkTimeout);

    // Now bob is a contact too, listed by his name; the list opens unfiltered.
    QVERIFY(alice.click(u"newChatButton"_s));
    QTRY_VERIFY(alice.isShown(u"contactList"_s));
    QCOMPARE(alice.text(u"newChatUsername"_s), QString());
    QTRY_COMPARE(shownContacts(alice), (QStringList{u"carol"_s, u"dave"_s, u"bob"_s}));
    QTRY_COMPARE(alice.text(u"contactName"_s, alice.item(u"contact:bob"_s)), u"Robert Jones"_s);
    QCOMPARE(alice.text(u"contactUsername"_s, alice.item(u"contact:bob"_s)), u"@bob"_s);

    // His name finds him, any part of it, as his username does.
    search(alice, u"jones"_s);
    QTRY_COMPARE(shownContacts(alice), QStringList{u"bob"_s});
    search(alice, u"ROB"_s);
    QTRY_COMPARE(shownContacts(alice), QStringList{u"bob"_s});
    alice.screenshot(u"contactListSearchesByName-name"_s);
    search(alice, u"bo"_s);
    QTRY_COMPARE(shownContacts(alice), QStringList{u"bob"_s});

    // From the keyboard: typing picks the best match, Down the next, Enter starts the chat.
    search(alice, u"a"_s);
    QTRY_COMPARE(shownContacts(alice), (QStringList{u"carol"_s, u"dave"_s}));
    QTRY_VERIFY(alice.item(u"contact:carol"_s)->property("highlighted").toBool());
    alice.press(Qt::Key_Down);
    QTRY_VERIFY(alice.item(u"contact:dave"_s)->property("highlighted").toBool());
    QVERIFY(!alice.item(u"contact:carol"_s)->property("highlighted").toBool());
    alice.screenshot(u"contactListSearchesByName-search"_s);
    alice.press(Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(!alice.isShown(u"newChatDialog"_s), Steps::NetworkTimeout);
    QTRY_COMPARE(alice.text(u"conversationHeaderTitle"_s), u"dave"_s);
    QTRY_VERIFY(alice.conversation(u"dave"_s));

    // A click on a contact opens the chat with them.
    QVERIFY(alice.click(u"newChatButton"_s));
    QTRY_VERIFY(alice.isShown(u"contact:carol"_s));
    QVERIFY(alice.click(u"contact:carol"_s));
    QTRY_VERIFY_WITH_TIMEOUT(!alice.isShown(u"newChatDialog"_s), Steps::NetworkTimeout);
    QTRY_COMPARE(alice.text(u"conversationHeaderTitle"_s), u"carol"_s);
}

QTEST_MAIN(tst_Contacts)
#include "tst_contacts.moc"
