// UI automation: two people register, start a chat, talk, and see delivery, read and typing,
// through the real QML app against a real parleyd.

#include "AppWindow.h"
#include "Client.h"
#include "ParleydProcess.h"
#include "Steps.h"

#include <QtCore/QTemporaryDir>
#include <QtQuick/QQuickItem>
#include <QtTest/QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace Parley;

class tst_Chat : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void registerTwoUsers();
    void startChat();
    void sendAndReceive();
    void deliveryAndReadTicks();
    void typingShown();
    void searchAndKeyboard();
    void muteFromTheList();
    void blockAndUnblock();

private:
    // alice and bob registered, each with a window; alice has a chat with bob open.
    void setUpChat();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ParleydProcess> m_server;
    std::unique_ptr<AppWindow> m_alice;
    std::unique_ptr<AppWindow> m_bob;
};

void tst_Chat::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_server = std::make_unique<ParleydProcess>();
    QVERIFY2(m_server->start(), m_server->log().constData());
    // One profile per case, so keychain entries of parallel runs never meet.
    const QString run = QString::number(QCoreApplication::applicationPid()) + u'-'
            + QString::fromLatin1(QTest::currentTestFunction());
    m_alice = std::make_unique<AppWindow>(u"alice-"_s + run, m_dir->filePath(u"alice"_s),
                                          m_server->url());
    m_bob = std::make_unique<AppWindow>(u"bob-"_s + run, m_dir->filePath(u"bob"_s),
                                        m_server->url());
}

void tst_Chat::cleanup()
{
    // What the windows showed when a case failed, for whoever reads the report.
    if (QTest::currentTestFailed()) {
        const QString name = QString::fromLatin1(QTest::currentTestFunction()) + u"-FAILED-"_s;
        if (m_alice)
            m_alice->screenshot(name + u"alice"_s);
        if (m_bob)
            m_bob->screenshot(name + u"bob"_s);
    }
    m_alice.reset();
    m_bob.reset();
    m_server.reset();
    m_dir.reset();
}

void tst_Chat::setUpChat()
{
    Steps::registerAccount(*m_alice, u"alice"_s, u"alice-password"_s);
    if (QTest::currentTestFailed())
        return;
    Steps::registerAccount(*m_bob, u"bob"_s, u"bob-password"_s);
    if (QTest::currentTestFailed())
        return;
    Steps::startChat(*m_alice, u"bob"_s);
}

void tst_Chat::registerTwoUsers()
{
    QTRY_VERIFY(m_alice->isShown(u"welcomeRegisterButton"_s));
    m_alice->screenshot(u"registerTwoUsers-welcome"_s);

    Steps::registerAccount(*m_alice, u"alice"_s, u"alice-password"_s);
    if (QTest::currentTestFailed())
        return;
    Steps::registerAccount(*m_bob, u"bob"_s, u"bob-password"_s);
    if (QTest::currentTestFailed())
        return;

    // Both see themselves, online, with nothing to read yet.
    QCOMPARE(m_alice->text(u"ownUsername"_s), u"alice"_s);
    QCOMPARE(m_bob->text(u"ownUsername"_s), u"bob"_s);
    QVERIFY(m_alice->isShown(u"noConversationsLabel"_s));
    QVERIFY(!m_alice->isShown(u"offlineBanner"_s));
    m_bob->screenshot(u"registerTwoUsers"_s);
}

void tst_Chat::startChat()
{
    setUpChat();
    if (QTest::currentTestFailed())
        return;

    // alice sees the chat in her list and open on the right, with only the note that it began.
    QVERIFY(m_alice->conversation(u"bob"_s));
    QTRY_COMPARE(m_alice->text(u"systemText"_s), u"alice started the conversation"_s);
    QCOMPARE(m_alice->messageTexts(), QStringList());
    QVERIFY(m_alice->isShown(u"composerInput"_s));
    m_alice->screenshot(u"startChat"_s);
}

void tst_Chat::sendAndReceive()
{
    setUpChat();
    if (QTest::currentTestFailed())
        return;

    Steps::sendMessage(*m_alice, u"Hi Bob! Lunch at noon?"_s);
    if (QTest::currentTestFailed())
        return;

    // bob's list shows the new chat with a preview and one unread message.
    QTRY_VERIFY_WITH_TIMEOUT(m_bob->conversation(u"alice"_s), Steps::NetworkTimeout);
    QQuickItem *row = m_bob->conversation(u"alice"_s);
    QTRY_COMPARE_WITH_TIMEOUT(m_bob->text(u"conversationPreview"_s, row),
                              u"Hi Bob! Lunch at noon?"_s, Steps::NetworkTimeout);
    QTRY_COMPARE(m_bob->text(u"unreadCount"_s, row), u"1"_s);
    m_bob->screenshot(u"sendAndReceive-unread"_s);

    Steps::openConversation(*m_bob, u"alice"_s);
    if (QTest::currentTestFailed())
        return;
    QTRY_VERIFY(m_bob->message(u"Hi Bob! Lunch at noon?"_s));
    QTRY_VERIFY(!m_bob->isShown(u"unreadBadge"_s));

    // Enter sends; Shift+Enter is a new line within the message.
    QVERIFY(m_bob->typeInto(u"composerInput"_s, u"Sure."_s));
    m_bob->press(Qt::Key_Return, Qt::ShiftModifier);
    m_bob->type(u"See you there"_s);
    QCOMPARE(m_bob->text(u"composerInput"_s), u"Sure.\nSee you there"_s);
    m_bob->press(Qt::Key_Return);
    QTRY_VERIFY(m_bob->message(u"Sure.\nSee you there"_s));

    QTRY_VERIFY_WITH_TIMEOUT(m_alice->message(u"Sure.\nSee you there"_s), Steps::NetworkTimeout);
    QCOMPARE(m_alice->messageTexts(),
             (QStringList{u"Hi Bob! Lunch at noon?"_s, u"Sure.\nSee you there"_s}));
    m_alice->screenshot(u"sendAndReceive"_s);
}

void tst_Chat::deliveryAndReadTicks()
{
    setUpChat();
    if (QTest::currentTestFailed())
        return;

    const QString text = u"Did you get the slides?"_s;
    Steps::sendMessage(*m_alice, text);
    if (QTest::currentTestFailed())
        return;

    // bob is online but has not opened the chat: delivered, not read.
    QTRY_COMPARE_WITH_TIMEOUT(m_alice->deliveryState(text), u"delivered"_s, Steps::NetworkTimeout);
    m_alice->screenshot(u"deliveryAndReadTicks-delivered"_s);

    Steps::openConversation(*m_bob, u"alice"_s);
    if (QTest::currentTestFailed())
        return;
    QTRY_VERIFY(m_bob->message(text));

    QTRY_COMPARE_WITH_TIMEOUT(m_alice->deliveryState(text), u"read"_s, Steps::NetworkTimeout);
    QQuickItem *ticks = m_alice->item(u"deliveryTicks"_s, m_alice->message(text));
    QVERIFY(ticks);
    QCOMPARE(ticks->property("name").toString(), u"check-double"_s);
    m_alice->screenshot(u"deliveryAndReadTicks"_s);
}

void tst_Chat::typingShown()
{
    setUpChat();
    if (QTest::currentTestFailed())
        return;
    Steps::sendMessage(*m_alice, u"Are you there?"_s);
    if (QTest::currentTestFailed())
        return;
    Steps::openConversation(*m_bob, u"alice"_s);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(m_bob->text(u"typingIndicator"_s), QString());

    // alice types without sending: bob sees it, in the chat and in his list.
    QVERIFY(m_alice->typeInto(u"composerInput"_s, u"Yes, just a sec"_s));
    QTRY_COMPARE_WITH_TIMEOUT(m_bob->text(u"typingIndicator"_s), u"alice is typing…"_s,
                              Steps::NetworkTimeout);
    QTRY_COMPARE(m_bob->text(u"conversationPreview"_s, m_bob->conversation(u"alice"_s)),
                 u"alice is typing…"_s);
    m_bob->screenshot(u"typingShown"_s);

    // Sending ends it.
    m_alice->press(Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(m_bob->message(u"Yes, just a sec"_s), Steps::NetworkTimeout);
    QTRY_COMPARE_WITH_TIMEOUT(m_bob->text(u"typingIndicator"_s), QString(), Steps::NetworkTimeout);
}

void tst_Chat::searchAndKeyboard()
{
    setUpChat();
    if (QTest::currentTestFailed())
        return;
    // A second conversation: a group with bob.
    QVERIFY(m_alice->click(u"mainMenuButton"_s));
    QTRY_VERIFY(m_alice->isShown(u"newGroupMenuItem"_s));
    QVERIFY(m_alice->click(u"newGroupMenuItem"_s));
    QTRY_VERIFY(m_alice->isShown(u"groupTitleInput"_s));
    QVERIFY(m_alice->typeInto(u"groupTitleInput"_s, u"Book club"_s));
    QVERIFY(m_alice->typeInto(u"groupMembersInput"_s, u"bob"_s));
    m_alice->press(Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(m_alice->text(u"conversationHeaderTitle"_s), u"Book club"_s,
                              Steps::NetworkTimeout);
    QTRY_VERIFY(m_alice->conversation(u"bob"_s));
    QTRY_VERIFY(!m_alice->isShown(u"newGroupDialog"_s));

    // From here on, only the keyboard: find the chat with bob by name, open it, write.
    QVERIFY(m_alice->activate());
    m_alice->press(Qt::Key_F, Qt::ControlModifier);
    QTRY_VERIFY(m_alice->item(u"searchField"_s)->hasActiveFocus());
    m_alice->type(u"bo"_s);
    QTRY_VERIFY(m_alice->conversation(u"bob"_s));
    QTRY_VERIFY(m_alice->conversation(u"Book club"_s)); // "bo" matches both
    m_alice->type(u"b"_s);
    QTRY_VERIFY(!m_alice->conversation(u"Book club"_s));
    QVERIFY(m_alice->conversation(u"bob"_s));
    m_alice->screenshot(u"searchAndKeyboard-search"_s);

    m_alice->press(Qt::Key_Down);
    QTRY_VERIFY(m_alice->item(u"conversationList"_s)->hasActiveFocus());
    m_alice->press(Qt::Key_Return);
    QTRY_COMPARE(m_alice->text(u"conversationHeaderTitle"_s), u"bob"_s);
    QTRY_VERIFY(m_alice->item(u"composerInput"_s)->hasActiveFocus());
    m_alice->type(u"Typed without a mouse"_s);
    m_alice->press(Qt::Key_Return);
    QTRY_VERIFY(m_alice->message(u"Typed without a mouse"_s));
    QTRY_VERIFY_WITH_TIMEOUT(m_bob->conversation(u"alice"_s), Steps::NetworkTimeout);
    QTRY_COMPARE_WITH_TIMEOUT(
            m_bob->text(u"conversationPreview"_s, m_bob->conversation(u"alice"_s)),
            u"Typed without a mouse"_s, Steps::NetworkTimeout);

    // Escape empties the search: both conversations are back.
    QVERIFY(m_alice->click(u"searchField"_s));
    m_alice->press(Qt::Key_Escape);
    QTRY_VERIFY(m_alice->conversation(u"Book club"_s));
    QVERIFY(m_alice->conversation(u"bob"_s));
}

void tst_Chat::muteFromTheList()
{
    setUpChat();
    if (QTest::currentTestFailed())
        return;
    QQuickItem *row = m_alice->conversation(u"bob"_s);
    QVERIFY(!m_alice->item(u"mutedIcon"_s, row));

    // Right-click the conversation, "Mute notifications": the list shows the muted mark.
    QVERIFY(m_alice->click(row, Qt::RightButton));
    QTRY_VERIFY(m_alice->isShown(u"muteMenuItem"_s));
    QCOMPARE(m_alice->text(u"muteMenuItem"_s), u"Mute notifications"_s);
    QVERIFY(m_alice->click(u"muteMenuItem"_s));
    QTRY_VERIFY(m_alice->item(u"mutedIcon"_s, m_alice->conversation(u"bob"_s)));
    QTRY_VERIFY(m_alice->text(u"conversationHeaderSubtitle"_s).contains(u"muted"_s));

    // bob's message still arrives and counts as unread while alice's window is in the back
    // (sending from bob's window brings that one to the front).
    Steps::openConversation(*m_bob, u"alice"_s);
    if (QTest::currentTestFailed())
        return;
    Steps::sendMessage(*m_bob, u"Are you muting me?"_s);
    if (QTest::currentTestFailed())
        return;
    QTRY_COMPARE_WITH_TIMEOUT(
            m_alice->text(u"conversationPreview"_s, m_alice->conversation(u"bob"_s)),
            u"Are you muting me?"_s, Steps::NetworkTimeout);
    QTRY_COMPARE(m_alice->text(u"unreadCount"_s, m_alice->conversation(u"bob"_s)), u"1"_s);
    m_alice->screenshot(u"muteFromTheList"_s);

    // And unmuting from the same menu takes the mark away.
    QVERIFY(m_alice->click(m_alice->conversation(u"bob"_s), Qt::RightButton));
    QTRY_COMPARE(m_alice->text(u"muteMenuItem"_s), u"Unmute notifications"_s);
    QVERIFY(m_alice->click(u"muteMenuItem"_s));
    QTRY_VERIFY(!m_alice->item(u"mutedIcon"_s, m_alice->conversation(u"bob"_s)));
}

void tst_Chat::blockAndUnblock()
{
    setUpChat();
    if (QTest::currentTestFailed())
        return;
    QTRY_VERIFY_WITH_TIMEOUT(m_bob->conversation(u"alice"_s), Steps::NetworkTimeout);

    // alice blocks bob from the conversation's menu: the composer says so instead of the input.
    QVERIFY(m_alice->click(u"conversationMenuButton"_s));
    QTRY_VERIFY(m_alice->isShown(u"blockMenuItem"_s));
    QCOMPARE(m_alice->text(u"blockMenuItem"_s), u"Block"_s);
    QVERIFY(m_alice->click(u"blockMenuItem"_s));
    QTRY_VERIFY_WITH_TIMEOUT(m_alice->isShown(u"blockedNotice"_s), Steps::NetworkTimeout);
    QCOMPARE(m_alice->text(u"blockedNotice"_s), u"You blocked bob. Unblock to send messages."_s);
    QVERIFY(!m_alice->isShown(u"composerInput"_s));
    QVERIFY(m_alice->client()->isBlocked(m_bob->client()->userId()));
    m_alice->screenshot(u"blockAndUnblock-blocked"_s);

    // bob's message is refused by the server and never reaches alice.
    Steps::openConversation(*m_bob, u"alice"_s);
    if (QTest::currentTestFailed())
        return;
    const QString refused = u"Why did you block me?"_s;
    Steps::sendMessage(*m_bob, refused);
    if (QTest::currentTestFailed())
        return;
    QTRY_COMPARE_WITH_TIMEOUT(m_bob->deliveryState(refused), u"failed"_s, Steps::NetworkTimeout);
    m_bob->screenshot(u"blockAndUnblock-refused"_s);
    QVERIFY(!m_alice->message(refused));

    // alice unblocks from the same menu: the input is back, and bob's next message arrives.
    QVERIFY(m_alice->click(u"conversationMenuButton"_s));
    QTRY_COMPARE(m_alice->text(u"blockMenuItem"_s), u"Unblock"_s);
    QVERIFY(m_alice->click(u"blockMenuItem"_s));
    QTRY_VERIFY_WITH_TIMEOUT(m_alice->isShown(u"composerInput"_s), Steps::NetworkTimeout);
    QVERIFY(!m_alice->isShown(u"blockedNotice"_s));
    QVERIFY(!m_alice->client()->isBlocked(m_bob->client()->userId()));

    const QString welcome = u"Sorry, friends again"_s;
    Steps::sendMessage(*m_bob, welcome);
    if (QTest::currentTestFailed())
        return;
    QTRY_VERIFY_WITH_TIMEOUT(m_alice->message(welcome), Steps::NetworkTimeout);
    QVERIFY(!m_alice->message(refused));
    m_alice->screenshot(u"blockAndUnblock"_s);
}

QTEST_MAIN(tst_Chat)
#include "tst_chat.moc"
