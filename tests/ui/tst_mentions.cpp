// UI automation: @mentions in a group. "@" and a name's first letters in the composer offer the
// members to pick; a message that mentions someone notifies them even in a muted group, says
// so, and shows the mention highlighted on both sides.

#include "AppWindow.h"
#include "Client.h"
#include "Steps.h"
#include "TwoPeople.h"
#include "platform/Notifier.h"

#include <QtQuick/QQuickItem>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;
using namespace Parley;

class tst_Mentions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void mentionNotifies();

private:
    TwoPeople m_people;
};

void tst_Mentions::init()
{
    m_people.start();
}

void tst_Mentions::cleanup()
{
    m_people.finish();
}

void tst_Mentions::mentionNotifies()
{
    m_people.openChat();
    if (QTest::currentTestFailed())
        return;
    AppWindow &alice = *m_people.alice;
    AppWindow &bob = *m_people.bob;

    // The test windows start with notifications off: bob turns them on in Settings.
    QVERIFY(bob.click(u"mainMenuButton"_s));
    QTRY_VERIFY(bob.isShown(u"settingsMenuItem"_s));
    QVERIFY(bob.click(u"settingsMenuItem"_s));
    QTRY_VERIFY(bob.isShown(u"notificationsTab"_s));
    QVERIFY(bob.click(u"notificationsTab"_s));
    QTRY_VERIFY(bob.isShown(u"notificationsSwitch"_s));
    QVERIFY(bob.click(u"notificationsSwitch"_s));
    QTRY_VERIFY(bob.client()->notificationsEnabled());
    QVERIFY(bob.click(u"closeSettingsButton"_s));
    QTRY_VERIFY(!bob.isShown(u"settingsDialog"_s));

    // Alice starts the group "Plans" with bob.
    QVERIFY(alice.click(u"mainMenuButton"_s));
    QTRY_VERIFY(alice.isShown(u"newGroupMenuItem"_s));
    QVERIFY(alice.click(u"newGroupMenuItem"_s));
    QTRY_VERIFY(alice.isShown(u"groupTitleInput"_s));
    QVERIFY(alice.typeInto(u"groupTitleInput"_s, u"Plans"_s));
    QVERIFY(alice.typeInto(u"groupMembersInput"_s, u"bob"_s));
    QVERIFY(alice.click(u"createGroupButton"_s));
    QTRY_VERIFY_WITH_TIMEOUT(!alice.isShown(u"newGroupDialog"_s), Steps::NetworkTimeout);
    QTRY_COMPARE(alice.text(u"conversationHeaderTitle"_s), u"Plans"_s);

    // Bob mutes it from his list.
    QTRY_VERIFY_WITH_TIMEOUT(bob.conversation(u"Plans"_s), Steps::NetworkTimeout);
    QVERIFY(bob.click(bob.conversation(u"Plans"_s), Qt::RightButton));
    QTRY_VERIFY(bob.isShown(u"muteMenuItem"_s));
    QCOMPARE(bob.text(u"muteMenuItem"_s), u"Mute notifications"_s);
    QVERIFY(bob.click(u"muteMenuItem"_s));
    QTRY_VERIFY(bob.item(u"mutedIcon"_s, bob.conversation(u"Plans"_s)));
    // He looks at his chat with alice, so the group is not on his screen.
    Steps::openConversation(bob, u"alice"_s);
    if (QTest::currentTestFailed())
        return;

    // A message without a mention arrives in silence.
    QSignalSpy notified(bob.client()->notifier(), &Notifier::notified);
    Steps::sendMessage(alice, u"Dinner at eight"_s);
    if (QTest::currentTestFailed())
        return;
    QTRY_COMPARE_WITH_TIMEOUT(bob.text(u"conversationPreview"_s, bob.conversation(u"Plans"_s)),
                              u"Dinner at eight"_s, Steps::NetworkTimeout);
    QVERIFY(notified.isEmpty());

    // "@b" offers bob (alice, the writer, is not offered); picking him writes out his name.
    QVERIFY(alice.typeInto(u"composerInput"_s, u"@b"_s));
    QTRY_VERIFY(alice.isShown(u"mentionCandidate_bob"_s));
    QVERIFY(!alice.isShown(u"mentionCandidate_alice"_s));
    alice.screenshot(u"mentionNotifies-popup"_s);
    QVERIFY(alice.click(u"mentionCandidate_bob"_s));
    QTRY_COMPARE(alice.text(u"composerInput"_s), u"@bob "_s);
    QTRY_VERIFY(!alice.isShown(u"mentionCandidate_bob"_s));
    // Escape closes the list without picking; Tab picks from the keyboard.
    QVERIFY(alice.typeInto(u"composerInput"_s, u"@b"_s));
    QTRY_VERIFY(alice.isShown(u"mentionCandidate_bob"_s));
    alice.press(Qt::Key_Escape);
    QTRY_VERIFY(!alice.isShown(u"mentionCandidate_bob"_s));
    QCOMPARE(alice.text(u"composerInput"_s), u"@b"_s);
    alice.type(u"o"_s);
    QTRY_VERIFY(alice.isShown(u"mentionCandidate_bob"_s));
    alice.press(Qt::Key_Tab);
    QTRY_COMPARE(alice.text(u"composerInput"_s), u"@bob "_s);
    alice.type(u"are you coming?"_s);
    QTRY_COMPARE(alice.text(u"composerInput"_s), u"@bob are you coming?"_s);
    alice.press(Qt::Key_Return);
    const QString question = u"@bob are you coming?"_s;
    QTRY_VERIFY(alice.message(question));

    // Bob gets exactly one notification, saying he is mentioned, although the group is muted.
    QTRY_COMPARE_WITH_TIMEOUT(notified.size(), 1, Steps::NetworkTimeout);
    const QList<QVariant> mention = notified.takeFirst();
    QCOMPARE(mention.at(1).toString(), u"alice mentioned you in Plans"_s);
    QCOMPARE(mention.at(2).toString(), question);
    // A second notification for this message would come before the next one's and fail the
    // checks of the next one below.

    // Without the message text (Settings' switch, tst_ui_notifications), it says only that.
    bob.client()->setNotificationsShowText(false);
    Steps::sendMessage(alice, u"@bob hello?"_s);
    if (QTest::currentTestFailed())
        return;
    QTRY_COMPARE_WITH_TIMEOUT(notified.size(), 1, Steps::NetworkTimeout);
    const QList<QVariant> hidden = notified.takeFirst();
    QCOMPARE(hidden.at(1).toString(), u"alice mentioned you in Plans"_s);
    QCOMPARE(hidden.at(2).toString(), u"alice mentioned you in Plans"_s);

    // The mention is bold on both sides; on bob's side the bubble is marked as mentioning him.
    QQuickItem *sent = alice.message(question);
    QVERIFY(sent->property("formattedText").toString().contains(u"<b>@bob</b>"_s));
    QVERIFY(!sent->property("mentionsMe").toBool());
    Steps::openConversation(bob, u"Plans"_s);
    if (QTest::currentTestFailed())
        return;
    QTRY_VERIFY_WITH_TIMEOUT(bob.message(question), Steps::NetworkTimeout);
    QQuickItem *received = bob.message(question);
    QVERIFY(received->property("formattedText").toString().contains(u"<b>@bob</b>"_s));
    QVERIFY(received->property("mentionsMe").toBool());
    QVERIFY(bob.item(u"mentionMark"_s, received));
    QVERIFY(!bob.item(u"mentionMark"_s, bob.message(u"Dinner at eight"_s)));
    QVERIFY(notified.isEmpty());
    alice.screenshot(u"mentionNotifies-sent"_s);
    bob.screenshot(u"mentionNotifies-received"_s);
}

QTEST_MAIN(tst_Mentions)
#include "tst_mentions.moc"
