// UI automation: two people register, start a chat, talk, and see delivery, read and typing,
// through the real QML app against a real parleyd.

#include "AppWindow.h"
#include "Client.h"
#include "Steps.h"
#include "TwoPeople.h"
#include "chat/Chat.h"

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
    void lastSeenShown();
    void lastSeenPrivacy();

private:
    /// Opens Settings → Privacy in `app`, clicks the last-seen switch and waits until the
    /// server agreed to `shows`; closes Settings again.
    static void switchLastSeen(AppWindow &app, bool shows, const QString &screenshot);

    TwoPeople m_people;
};

void tst_Chat::init()
{
    m_people.start();
}

void tst_Chat::cleanup()
{
    m_people.finish();
}

void tst_Chat::registerTwoUsers()
{
    QTRY_VERIFY(m_people.alice->isShown(u"welcomeRegisterButton"_s));
    m_people.alice->screenshot(u"registerTwoUsers-welcome"_s);

    Steps::registerAccount(*m_people.alice, u"alice"_s, u"alice-password"_s);
    if (QTest::currentTestFailed())
        return;
    Steps::registerAccount(*m_people.bob, u"bob"_s, u"bob-password"_s);
    if (QTest::currentTestFailed())
        return;

    // Both see themselves, online, with nothing to read yet.
    QCOMPARE(m_people.alice->text(u"ownUsername"_s), u"alice"_s);
    QCOMPARE(m_people.bob->text(u"ownUsername"_s), u"bob"_s);
    QVERIFY(m_people.alice->isShown(u"noConversationsLabel"_s));
    QVERIFY(!m_people.alice->isShown(u"offlineBanner"_s));
    m_people.bob->screenshot(u"registerTwoUsers"_s);
}

void tst_Chat::startChat()
{
    m_people.openChat();
    if (QTest::currentTestFailed())
        return;

    // alice sees the chat in her list and open on the right, with only the note that it began.
    QVERIFY(m_people.alice->conversation(u"bob"_s));
    QTRY_COMPARE(m_people.alice->text(u"systemText"_s), u"alice started the conversation"_s);
    QCOMPARE(m_people.alice->messageTexts(), QStringList());
    QVERIFY(m_people.alice->isShown(u"composerInput"_s));
    m_people.alice->screenshot(u"startChat"_s);
}

void tst_Chat::sendAndReceive()
{
    m_people.openChat();
    if (QTest::currentTestFailed())
        return;

    Steps::sendMessage(*m_people.alice, u"Hi Bob! Lunch at noon?"_s);
    if (QTest::currentTestFailed())
        return;

    // bob's list shows the new chat with a preview and one unread message.
    QTRY_VERIFY_WITH_TIMEOUT(m_people.bob->conversation(u"alice"_s), Steps::NetworkTimeout);
    QQuickItem *row = m_people.bob->conversation(u"alice"_s);
    QTRY_COMPARE_WITH_TIMEOUT(m_people.bob->text(u"conversationPreview"_s, row),
                              u"Hi Bob! Lunch at noon?"_s, Steps::NetworkTimeout);
    QTRY_COMPARE(m_people.bob->text(u"unreadCount"_s, row), u"1"_s);
    m_people.bob->screenshot(u"sendAndReceive-unread"_s);

    Steps::openConversation(*m_people.bob, u"alice"_s);
    if (QTest::currentTestFailed())
        return;
    QTRY_VERIFY(m_people.bob->message(u"Hi Bob! Lunch at noon?"_s));
    QTRY_VERIFY(!m_people.bob->isShown(u"unreadBadge"_s));

    // Enter sends; Shift+Enter is a new line within the message.
    QVERIFY(m_people.bob->typeInto(u"composerInput"_s, u"Sure."_s));
    m_people.bob->press(Qt::Key_Return, Qt::ShiftModifier);
    m_people.bob->type(u"See you there"_s);
    QCOMPARE(m_people.bob->text(u"composerInput"_s), u"Sure.\nSee you there"_s);
    m_people.bob->press(Qt::Key_Return);
    QTRY_VERIFY(m_people.bob->message(u"Sure.\nSee you there"_s));

    QTRY_VERIFY_WITH_TIMEOUT(m_people.alice->message(u"Sure.\nSee you there"_s),
                             Steps::NetworkTimeout);
    QCOMPARE(m_people.alice->messageTexts(),
             (QStringList{u"Hi Bob! Lunch at noon?"_s, u"Sure.\nSee you there"_s}));
    m_people.alice->screenshot(u"sendAndReceive"_s);
}

void tst_Chat::deliveryAndReadTicks()
{
    m_people.openChat();
    if (QTest::currentTestFailed())
        return;

    const QString text = u"Did you get the slides?"_s;
    Steps::sendMessage(*m_people.alice, text);
    if (QTest::currentTestFailed())
        return;

    // bob is online but has not opened the chat: delivered, not read.
    QTRY_COMPARE_WITH_TIMEOUT(m_people.alice->deliveryState(text), u"delivered"_s,
                              Steps::NetworkTimeout);
    m_people.alice->screenshot(u"deliveryAndReadTicks-delivered"_s);

    Steps::openConversation(*m_people.bob, u"alice"_s);
    if (QTest::currentTestFailed())
        return;
    QTRY_VERIFY(m_people.bob->message(text));

    QTRY_COMPARE_WITH_TIMEOUT(m_people.alice->deliveryState(text), u"read"_s,
                              Steps::NetworkTimeout);
    QQuickItem *ticks = m_people.alice->item(u"deliveryTicks"_s, m_people.alice->message(text));
    QVERIFY(ticks);
    QCOMPARE(ticks->property("name").toString(), u"check-double"_s);
    m_people.alice->screenshot(u"deliveryAndReadTicks"_s);
}

void tst_Chat::typingShown()
{
    m_people.openChat();
    if (QTest::currentTestFailed())
        return;
    Steps::sendMessage(*m_people.alice, u"Are you there?"_s);
    if (QTest::currentTestFailed())
        return;
    Steps::openConversation(*m_people.bob, u"alice"_s);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(m_people.bob->text(u"typingIndicator"_s), QString());

    // alice types without sending: bob sees it, in the chat and in his list.
    QVERIFY(m_people.alice->typeInto(u"composerInput"_s, u"Yes, just a sec"_s));
    QTRY_COMPARE_WITH_TIMEOUT(m_people.bob->text(u"typingIndicator"_s), u"alice is typing…"_s,
                              Steps::NetworkTimeout);
    QTRY_COMPARE(
            m_people.bob->text(u"conversationPreview"_s, m_people.bob->conversation(u"alice"_s)),
            u"alice is typing…"_s);
    m_people.bob->screenshot(u"typingShown"_s);

    // Sending ends it.
    m_people.alice->press(Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(m_people.bob->message(u"Yes, just a sec"_s), Steps::NetworkTimeout);
    QTRY_COMPARE_WITH_TIMEOUT(m_people.bob->text(u"typingIndicator"_s), QString(),
                              Steps::NetworkTimeout);
}

void tst_Chat::searchAndKeyboard()
{
    m_people.openChat();
    if (QTest::currentTestFailed())
        return;
    // A second conversation: a group with bob.
    QVERIFY(m_people.alice->click(u"mainMenuButton"_s));
    QTRY_VERIFY(m_people.alice->isShown(u"newGroupMenuItem"_s));
    QVERIFY(m_people.alice->click(u"newGroupMenuItem"_s));
    QTRY_VERIFY(m_people.alice->isShown(u"groupTitleInput"_s));
    QVERIFY(m_people.alice->typeInto(u"groupTitleInput"_s, u"Book club"_s));
    QVERIFY(m_people.alice->typeInto(u"groupMembersInput"_s, u"bob"_s));
    m_people.alice->press(Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(m_people.alice->text(u"conversationHeaderTitle"_s), u"Book club"_s,
                              Steps::NetworkTimeout);
    QTRY_VERIFY(m_people.alice->conversation(u"bob"_s));
    QTRY_VERIFY(!m_people.alice->isShown(u"newGroupDialog"_s));

    // From here on, only the keyboard: find the chat with bob by name, open it, write.
    QVERIFY(m_people.alice->activate());
    m_people.alice->press(Qt::Key_F, Qt::ControlModifier);
    QTRY_VERIFY(m_people.alice->item(u"searchField"_s)->hasActiveFocus());
    m_people.alice->type(u"bo"_s);
    QTRY_VERIFY(m_people.alice->conversation(u"bob"_s));
    QTRY_VERIFY(m_people.alice->conversation(u"Book club"_s)); // "bo" matches both
    m_people.alice->type(u"b"_s);
    QTRY_VERIFY(!m_people.alice->conversation(u"Book club"_s));
    QVERIFY(m_people.alice->conversation(u"bob"_s));
    m_people.alice->screenshot(u"searchAndKeyboard-search"_s);

    m_people.alice->press(Qt::Key_Down);
    QTRY_VERIFY(m_people.alice->item(u"conversationList"_s)->hasActiveFocus());
    m_people.alice->press(Qt::Key_Return);
    QTRY_COMPARE(m_people.alice->text(u"conversationHeaderTitle"_s), u"bob"_s);
    QTRY_VERIFY(m_people.alice->item(u"composerInput"_s)->hasActiveFocus());
    m_people.alice->type(u"Typed without a mouse"_s);
    m_people.alice->press(Qt::Key_Return);
    QTRY_VERIFY(m_people.alice->message(u"Typed without a mouse"_s));
    QTRY_VERIFY_WITH_TIMEOUT(m_people.bob->conversation(u"alice"_s), Steps::NetworkTimeout);
    QTRY_COMPARE_WITH_TIMEOUT(
            m_people.bob->text(u"conversationPreview"_s, m_people.bob->conversation(u"alice"_s)),
            u"Typed without a mouse"_s, Steps::NetworkTimeout);

    // Escape empties the search: both conversations are back.
    QVERIFY(m_people.alice->click(u"searchField"_s));
    m_people.alice->press(Qt::Key_Escape);
    QTRY_VERIFY(m_people.alice->conversation(u"Book club"_s));
    QVERIFY(m_people.alice->conversation(u"bob"_s));
}

void tst_Chat::muteFromTheList()
{
    m_people.openChat();
    if (QTest::currentTestFailed())
        return;
    QQuickItem *row = m_people.alice->conversation(u"bob"_s);
    QVERIFY(!m_people.alice->item(u"mutedIcon"_s, row));

    // Right-click the conversation, "Mute notifications": the list shows the muted mark.
    QVERIFY(m_people.alice->click(row, Qt::RightButton));
    QTRY_VERIFY(m_people.alice->isShown(u"muteMenuItem"_s));
    QCOMPARE(m_people.alice->text(u"muteMenuItem"_s), u"Mute notifications"_s);
    QVERIFY(m_people.alice->click(u"muteMenuItem"_s));
    QTRY_VERIFY(m_people.alice->item(u"mutedIcon"_s, m_people.alice->conversation(u"bob"_s)));
    QTRY_VERIFY(m_people.alice->text(u"conversationHeaderSubtitle"_s).contains(u"muted"_s));

    // bob's message still arrives and counts as unread while alice's window is in the back
    // (sending from bob's window brings that one to the front).
    Steps::openConversation(*m_people.bob, u"alice"_s);
    if (QTest::currentTestFailed())
        return;
    Steps::sendMessage(*m_people.bob, u"Are you muting me?"_s);
    if (QTest::currentTestFailed())
        return;
    QTRY_COMPARE_WITH_TIMEOUT(
            m_people.alice->text(u"conversationPreview"_s, m_people.alice->conversation(u"bob"_s)),
            u"Are you muting me?"_s, Steps::NetworkTimeout);
    QTRY_COMPARE(m_people.alice->text(u"unreadCount"_s, m_people.alice->conversation(u"bob"_s)),
                 u"1"_s);
    m_people.alice->screenshot(u"muteFromTheList"_s);

    // And unmuting from the same menu takes the mark away.
    QVERIFY(m_people.alice->click(m_people.alice->conversation(u"bob"_s), Qt::RightButton));
    QTRY_COMPARE(m_people.alice->text(u"muteMenuItem"_s), u"Unmute notifications"_s);
    QVERIFY(m_people.alice->click(u"muteMenuItem"_s));
    QTRY_VERIFY(!m_people.alice->item(u"mutedIcon"_s, m_people.alice->conversation(u"bob"_s)));
}

void tst_Chat::blockAndUnblock()
{
    m_people.openChat();
    if (QTest::currentTestFailed())
        return;
    QTRY_VERIFY_WITH_TIMEOUT(m_people.bob->conversation(u"alice"_s), Steps::NetworkTimeout);

    // alice blocks bob from the conversation's menu: the composer says so instead of the input.
    QVERIFY(m_people.alice->click(u"conversationMenuButton"_s));
    QTRY_VERIFY(m_people.alice->isShown(u"blockMenuItem"_s));
    QCOMPARE(m_people.alice->text(u"blockMenuItem"_s), u"Block"_s);
    QVERIFY(m_people.alice->click(u"blockMenuItem"_s));
    QTRY_VERIFY_WITH_TIMEOUT(m_people.alice->isShown(u"blockedNotice"_s), Steps::NetworkTimeout);
    QCOMPARE(m_people.alice->text(u"blockedNotice"_s),
             u"You blocked bob. Unblock to send messages."_s);
    QVERIFY(!m_people.alice->isShown(u"composerInput"_s));
    QVERIFY(m_people.alice->client()->isBlocked(m_people.bob->client()->userId()));
    m_people.alice->screenshot(u"blockAndUnblock-blocked"_s);

    // bob's message is refused by the server and never reaches alice.
    Steps::openConversation(*m_people.bob, u"alice"_s);
    if (QTest::currentTestFailed())
        return;
    const QString refused = u"Why did you block me?"_s;
    Steps::sendMessage(*m_people.bob, refused);
    if (QTest::currentTestFailed())
        return;
    QTRY_COMPARE_WITH_TIMEOUT(m_people.bob->deliveryState(refused), u"failed"_s,
                              Steps::NetworkTimeout);
    m_people.bob->screenshot(u"blockAndUnblock-refused"_s);
    QVERIFY(!m_people.alice->message(refused));

    // The menu now offers Unblock; alice unblocks from Settings → Privacy instead, where bob
    // is listed: the list empties, the input is back, and bob's next message arrives.
    QVERIFY(m_people.alice->click(u"conversationMenuButton"_s));
    QTRY_COMPARE(m_people.alice->text(u"blockMenuItem"_s), u"Unblock"_s);
    m_people.alice->press(Qt::Key_Escape);
    QTRY_VERIFY(!m_people.alice->isShown(u"blockMenuItem"_s));
    Steps::openSettings(*m_people.alice, u"privacyTab"_s);
    if (QTest::currentTestFailed())
        return;
    QTRY_VERIFY(m_people.alice->isShown(u"blocked:bob"_s));
    QVERIFY(!m_people.alice->isShown(u"noneBlockedLabel"_s));
    m_people.alice->screenshot(u"blockAndUnblock-settings"_s);
    QVERIFY(m_people.alice->click(
            m_people.alice->item(u"unblockButton"_s, m_people.alice->item(u"blocked:bob"_s))));
    QTRY_VERIFY_WITH_TIMEOUT(m_people.alice->isShown(u"noneBlockedLabel"_s), Steps::NetworkTimeout);
    QVERIFY(!m_people.alice->isShown(u"blocked:bob"_s));
    QVERIFY(m_people.alice->click(u"closeSettingsButton"_s));
    QTRY_VERIFY(!m_people.alice->isShown(u"settingsDialog"_s));
    QTRY_VERIFY_WITH_TIMEOUT(m_people.alice->isShown(u"composerInput"_s), Steps::NetworkTimeout);
    QVERIFY(!m_people.alice->isShown(u"blockedNotice"_s));
    QVERIFY(!m_people.alice->client()->isBlocked(m_people.bob->client()->userId()));

    const QString welcome = u"Sorry, friends again"_s;
    Steps::sendMessage(*m_people.bob, welcome);
    if (QTest::currentTestFailed())
        return;
    QTRY_VERIFY_WITH_TIMEOUT(m_people.alice->message(welcome), Steps::NetworkTimeout);
    QVERIFY(!m_people.alice->message(refused));
    m_people.alice->screenshot(u"blockAndUnblock"_s);
}

void tst_Chat::lastSeenShown()
{
    m_people.openChat();
    if (QTest::currentTestFailed())
        return;

    // bob is online while his app runs; once he quits, alice's header says when he was last.
    QTRY_COMPARE_WITH_TIMEOUT(m_people.alice->text(u"conversationHeaderSubtitle"_s), u"Online"_s,
                              Steps::NetworkTimeout);
    m_people.bob.reset();
    QTRY_COMPARE_WITH_TIMEOUT(m_people.alice->text(u"conversationHeaderSubtitle"_s),
                              u"last seen just now"_s, Steps::NetworkTimeout);
    QVERIFY(m_people.alice->client()->activeChat()->lastSeen().isValid());
    QVERIFY(m_people.alice->client()->activeChat()->lastSeen().secsTo(QDateTime::currentDateTime())
            < 60);
    m_people.alice->screenshot(u"lastSeenShown"_s);
}

void tst_Chat::switchLastSeen(AppWindow &app, bool shows, const QString &screenshot)
{
    Steps::openSettings(app, u"privacyTab"_s);
    if (QTest::currentTestFailed())
        return;
    QTRY_VERIFY(app.isShown(u"lastSeenSwitch"_s));
    // Changed on the server: the switch waits for the connection.
    QTRY_VERIFY_WITH_TIMEOUT(app.item(u"lastSeenSwitch"_s)->isEnabled(), Steps::NetworkTimeout);
    QCOMPARE(app.item(u"lastSeenSwitch"_s)->property("checked").toBool(), !shows);
    QVERIFY(app.click(u"lastSeenSwitch"_s));
    QTRY_COMPARE_WITH_TIMEOUT(app.client()->showLastSeen(), shows, Steps::NetworkTimeout);
    QCOMPARE(app.item(u"lastSeenSwitch"_s)->property("checked").toBool(), shows);
    app.screenshot(screenshot);
    QVERIFY(app.click(u"closeSettingsButton"_s));
    QTRY_VERIFY(!app.isShown(u"settingsDialog"_s));
}

void tst_Chat::lastSeenPrivacy()
{
    if (!Steps::keychainAvailable())
        QSKIP("No keychain: the login is not remembered across a restart (run the suite under "
              "scripts/test).");
    m_people.openChat();
    if (QTest::currentTestFailed())
        return;
    QTRY_VERIFY_WITH_TIMEOUT(m_people.bob->conversation(u"alice"_s), Steps::NetworkTimeout);
    QTRY_COMPARE_WITH_TIMEOUT(m_people.alice->text(u"conversationHeaderSubtitle"_s), u"Online"_s,
                              Steps::NetworkTimeout);

    // alice hides when she was last seen.
    switchLastSeen(*m_people.alice, false, u"lastSeenPrivacy-hidden"_s);
    if (QTest::currentTestFailed())
        return;

    // So she sees no time of bob's either: he quits, her header says only "recently".
    m_people.bob.reset();
    QTRY_COMPARE_WITH_TIMEOUT(m_people.alice->text(u"conversationHeaderSubtitle"_s),
                              u"last seen recently"_s, Steps::NetworkTimeout);
    QVERIFY(!m_people.alice->client()->activeChat()->lastSeen().isValid());
    m_people.alice->screenshot(u"lastSeenPrivacy-aliceSeesRecently"_s);

    // bob is back; alice quits: bob's header has no time for her.
    m_people.bob = m_people.reopen(u"bob"_s);
    QTRY_COMPARE_WITH_TIMEOUT(m_people.bob->text(u"ownUsername"_s), u"bob"_s,
                              Steps::NetworkTimeout);
    Steps::openConversation(*m_people.bob, u"alice"_s);
    if (QTest::currentTestFailed())
        return;
    QTRY_COMPARE_WITH_TIMEOUT(m_people.bob->text(u"conversationHeaderSubtitle"_s), u"Online"_s,
                              Steps::NetworkTimeout);
    m_people.alice.reset();
    QTRY_COMPARE_WITH_TIMEOUT(m_people.bob->text(u"conversationHeaderSubtitle"_s),
                              u"last seen recently"_s, Steps::NetworkTimeout);
    QVERIFY(!m_people.bob->client()->activeChat()->lastSeen().isValid());
    m_people.bob->screenshot(u"lastSeenPrivacy-bobSeesRecently"_s);

    // alice comes back (the switch shows her choice) and shows her last seen again.
    m_people.alice = m_people.reopen(u"alice"_s);
    QTRY_COMPARE_WITH_TIMEOUT(m_people.alice->text(u"ownUsername"_s), u"alice"_s,
                              Steps::NetworkTimeout);
    Steps::openConversation(*m_people.alice, u"bob"_s);
    if (QTest::currentTestFailed())
        return;
    QTRY_COMPARE_WITH_TIMEOUT(m_people.alice->text(u"conversationHeaderSubtitle"_s), u"Online"_s,
                              Steps::NetworkTimeout);
    switchLastSeen(*m_people.alice, true, u"lastSeenPrivacy-shown"_s);
    if (QTest::currentTestFailed())
        return;

    // Times are back both ways: bob quits, alice sees when.
    m_people.bob.reset();
    QTRY_COMPARE_WITH_TIMEOUT(m_people.alice->text(u"conversationHeaderSubtitle"_s),
                              u"last seen just now"_s, Steps::NetworkTimeout);
    QVERIFY(m_people.alice->client()->activeChat()->lastSeen().isValid());
    m_people.alice->screenshot(u"lastSeenPrivacy-aliceSeesTime"_s);
    m_people.bob = m_people.reopen(u"bob"_s);
    QTRY_COMPARE_WITH_TIMEOUT(m_people.bob->text(u"ownUsername"_s), u"bob"_s,
                              Steps::NetworkTimeout);
    Steps::openConversation(*m_people.bob, u"alice"_s);
    if (QTest::currentTestFailed())
        return;
    m_people.alice.reset();
    QTRY_COMPARE_WITH_TIMEOUT(m_people.bob->text(u"conversationHeaderSubtitle"_s),
                              u"last seen just now"_s, Steps::NetworkTimeout);
    m_people.bob->screenshot(u"lastSeenPrivacy"_s);
}

QTEST_MAIN(tst_Chat)
#include "tst_chat.moc"
