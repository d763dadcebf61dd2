// UI automation: desktop notifications. Clicking one opens its conversation in front; with
// "Show message text in notifications" off, a notification says who wrote, never what.

#include "AppWindow.h"
#include "Client.h"
#include "Steps.h"
#include "TwoPeople.h"
#include "platform/Notifier.h"

#include <QtQuick/QQuickItem>
#include <QtQuick/QQuickWindow>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;
using namespace Parley;

class tst_Notifications : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void notificationOpensConversation();

private:
    /// Opens Settings on its Notifications tab.
    static bool openNotificationSettings(AppWindow &app);

    TwoPeople m_people;
};

void tst_Notifications::init()
{
    m_people.start();
}

void tst_Notifications::cleanup()
{
    m_people.finish();
}

bool tst_Notifications::openNotificationSettings(AppWindow &app)
{
    if (!app.click(u"mainMenuButton"_s)
        || !QTest::qWaitFor([&app] { return app.isShown(u"settingsMenuItem"_s); })
        || !app.click(u"settingsMenuItem"_s)
        || !QTest::qWaitFor([&app] { return app.isShown(u"notificationsTab"_s); })
        || !app.click(u"notificationsTab"_s))
        return false;
    return QTest::qWaitFor([&app] { return app.isShown(u"notificationsSwitch"_s); });
}

void tst_Notifications::notificationOpensConversation()
{
    m_people.openChatWith(u"Hello from alice"_s);
    if (QTest::currentTestFailed())
        return;
    AppWindow &alice = *m_people.alice;
    AppWindow &bob = *m_people.bob;

    // The test windows start with notifications off: bob turns them on, as a person would.
    QVERIFY(openNotificationSettings(bob));
    QCOMPARE(bob.item(u"notificationsSwitch"_s)->property("checked").toBool(), false);
    QVERIFY(bob.click(u"notificationsSwitch"_s));
    QTRY_VERIFY(bob.client()->notificationsEnabled());
    // Message text is shown by default.
    QVERIFY(bob.item(u"notificationTextSwitch"_s)->property("checked").toBool());
    QVERIFY(bob.click(u"closeSettingsButton"_s));
    QTRY_VERIFY(!bob.isShown(u"settingsDialog"_s));

    // Alice starts a group with bob and writes there while bob looks at their direct chat.
    QSignalSpy notified(bob.client()->notifier(), &Notifier::notified);
    QVERIFY(alice.click(u"mainMenuButton"_s));
    QTRY_VERIFY(alice.isShown(u"newGroupMenuItem"_s));
    QVERIFY(alice.click(u"newGroupMenuItem"_s));
    QTRY_VERIFY(alice.isShown(u"groupTitleInput"_s));
    QVERIFY(alice.typeInto(u"groupTitleInput"_s, u"Plans"_s));
    QVERIFY(alice.typeInto(u"groupMembersInput"_s, u"bob"_s));
    QVERIFY(alice.click(u"createGroupButton"_s));
    QTRY_VERIFY_WITH_TIMEOUT(!alice.isShown(u"newGroupDialog"_s), Steps::NetworkTimeout);
    QTRY_COMPARE(alice.text(u"conversationHeaderTitle"_s), u"Plans"_s);
    Steps::sendMessage(alice, u"Meet at noon"_s);
    if (QTest::currentTestFailed())
        return;

    QTRY_VERIFY_WITH_TIMEOUT(!notified.isEmpty(), Steps::NetworkTimeout);
    const QList<QVariant> first = notified.takeFirst();
    const qint64 groupId = first.at(0).toLongLong();
    QCOMPARE(first.at(1).toString(), u"alice in Plans"_s);
    QCOMPARE(first.at(2).toString(), u"Meet at noon"_s);
    QCOMPARE(bob.text(u"conversationHeaderTitle"_s), u"alice"_s);

    // The user clicks it: the desktop's activation reaches the notifier, and the window
    // comes to the front with the group open.
    alice.activate(); // bob's window is behind, as when someone clicks a notification
    bob.client()->notifier()->activate(groupId);
    QTRY_COMPARE(bob.text(u"conversationHeaderTitle"_s), u"Plans"_s);
    QTRY_VERIFY(bob.window()->isActive());
    QTRY_VERIFY_WITH_TIMEOUT(bob.message(u"Meet at noon"_s), Steps::NetworkTimeout);
    bob.screenshot(u"notificationOpensConversation"_s);

    // "Show message text in notifications" off: the next one names the sender only.
    QVERIFY(openNotificationSettings(bob));
    QVERIFY(bob.click(u"notificationTextSwitch"_s));
    QTRY_VERIFY(!bob.item(u"notificationTextSwitch"_s)->property("checked").toBool());
    bob.screenshot(u"notificationOpensConversation-settings"_s);
    QVERIFY(bob.click(u"closeSettingsButton"_s));
    QTRY_VERIFY(!bob.isShown(u"settingsDialog"_s));
    Steps::openConversation(bob, u"alice"_s);
    if (QTest::currentTestFailed())
        return;

    notified.clear();
    Steps::sendMessage(alice, u"The code is 4711"_s);
    if (QTest::currentTestFailed())
        return;
    QTRY_VERIFY_WITH_TIMEOUT(!notified.isEmpty(), Steps::NetworkTimeout);
    const QList<QVariant> hidden = notified.takeFirst();
    QCOMPARE(hidden.at(0).toLongLong(), groupId);
    QCOMPARE(hidden.at(1).toString(), u"alice in Plans"_s);
    QCOMPARE(hidden.at(2).toString(), u"New message from alice"_s);
    QVERIFY(!hidden.at(2).toString().contains(u"4711"_s));
}

QTEST_MAIN(tst_Notifications)
#include "tst_notifications.moc"
