// UI automation of the tray: closing the window leaves Parley running in the tray, where
// messages keep arriving; clicking the tray icon brings the window back; "Quit" quits, and
// with the setting off closing the window does too. The real QML app against a real parleyd,
// on a real X server (Xvfb) with a desktop tray host on the session bus (tray_host), since
// the offscreen platform has no tray. Every case saves screenshots.

#include "AppWindow.h"
#include "Client.h"
#include "Steps.h"
#include "TwoPeople.h"
#include "models/ConversationListModel.h"

#include <QtCore/QProcess>
#include <QtQml/QQmlEngine>
#include <QtQuick/QQuickItem>
#include <QtQuick/QQuickWindow>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace Parley;

class tst_Tray : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void closeKeepsRunningInTray();

private:
    /// Whether the tray host printed `line` (read what it printed so far first).
    bool hostSaid(const QString &line);
    /// The icons registered with the tray host so far, as their D-Bus service names.
    QStringList trayIcons();
    /// Opens Settings on its Notifications tab, where the tray switch is.
    static bool openNotificationSettings(AppWindow &app);
    /// What the tray icon of `app` says when pointed at.
    static QString trayToolTip(AppWindow &app);

    QProcess m_trayHost;
    QStringList m_hostLines;
    TwoPeople m_people;
};

void tst_Tray::init()
{
    m_hostLines.clear();
    m_trayHost.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_trayHost.start(qEnvironmentVariable("PARLEY_TRAY_HOST"), {});
    QVERIFY2(m_trayHost.waitForStarted(), qPrintable(m_trayHost.errorString()));
    QTRY_VERIFY_WITH_TIMEOUT(hostSaid(u"ready"_s), 10000);
    m_people.start();
}

void tst_Tray::cleanup()
{
    m_people.finish();
    m_trayHost.closeWriteChannel(); // the host ends with its stdin
    if (!m_trayHost.waitForFinished(5000))
        m_trayHost.kill();
}

bool tst_Tray::hostSaid(const QString &line)
{
    while (m_trayHost.canReadLine())
        m_hostLines << QString::fromUtf8(m_trayHost.readLine()).trimmed();
    return m_hostLines.contains(line);
}

QStringList tst_Tray::trayIcons()
{
    hostSaid({});
    QStringList icons;
    for (const QString &line : std::as_const(m_hostLines)) {
        if (line.startsWith(u"registered "_s))
            icons << line.mid(11);
    }
    return icons;
}

bool tst_Tray::openNotificationSettings(AppWindow &app)
{
    if (!app.click(u"mainMenuButton"_s)
        || !QTest::qWaitFor([&app] { return app.isShown(u"settingsMenuItem"_s); })
        || !app.click(u"settingsMenuItem"_s)
        || !QTest::qWaitFor([&app] { return app.isShown(u"notificationsTab"_s); })
        || !app.click(u"notificationsTab"_s))
        return false;
    return QTest::qWaitFor([&app] { return app.isShown(u"keepInTraySwitch"_s); });
}

QString tst_Tray::trayToolTip(AppWindow &app)
{
    const QObject *tray = app.window()->findChild<QObject *>(u"trayIcon"_s);
    return tray ? tray->property("tooltip").toString() : QString();
}

void tst_Tray::closeKeepsRunningInTray()
{
    m_people.openChatWith(u"Hello from alice"_s);
    if (QTest::currentTestFailed())
        return;
    AppWindow &alice = *m_people.alice;
    AppWindow &bob = *m_people.bob;

    // Both apps put their icon in the panel. Qt numbers a process's icons in the order they
    // were made: alice's window came first, so bob's icon is the one with the higher number.
    QTRY_COMPARE_WITH_TIMEOUT(trayIcons().size(), 2, Steps::NetworkTimeout);
    QStringList icons = trayIcons();
    const auto number = [](const QString &service) { return service.section(u'-', -1).toInt(); };
    std::sort(icons.begin(), icons.end(),
              [&](const QString &a, const QString &b) { return number(a) < number(b); });
    const QString bobsIcon = icons.last();

    // On by default where there is a tray, and said so in Settings.
    QVERIFY(openNotificationSettings(bob));
    QQuickItem *keepSwitch = bob.item(u"keepInTraySwitch"_s);
    QVERIFY(keepSwitch->isEnabled());
    QVERIFY(keepSwitch->property("checked").toBool());
    QVERIFY(bob.text(u"keepInTrayNote"_s).contains(u"keep arriving"_s));
    bob.screenshot(u"tray-setting"_s);
    QVERIFY(bob.click(u"closeSettingsButton"_s));
    QTRY_VERIFY(!bob.isShown(u"settingsDialog"_s));

    // Closing the window, as its title bar's close button does: the window goes, Parley stays.
    QSignalSpy quits(qmlEngine(bob.window()), &QQmlEngine::quit);
    bob.window()->close();
    QTRY_VERIFY(!bob.window()->isVisible());
    QCOMPARE(quits.size(), 0);
    QCOMPARE(trayToolTip(bob), u"Parley"_s);

    // A message arrives while the window is closed: the tray icon says so.
    Steps::sendMessage(alice, u"Are you still there?"_s);
    if (QTest::currentTestFailed())
        return;
    QTRY_COMPARE_WITH_TIMEOUT(trayToolTip(bob), u"Parley: 1 unread message"_s,
                              Steps::NetworkTimeout);
    QCOMPARE(bob.client()->conversations()->totalUnread(), 1);

    // Clicking the icon in the panel brings the window back with the chat and the message.
    m_trayHost.write("activate " + bobsIcon.toUtf8() + '\n');
    QTRY_VERIFY(hostSaid(u"activated "_s + bobsIcon));
    QTRY_VERIFY(bob.window()->isVisible());
    QTRY_VERIFY(bob.message(u"Are you still there?"_s) != nullptr);
    bob.screenshot(u"tray-back"_s);

    // "Quit" in the main menu quits.
    QVERIFY(bob.click(u"mainMenuButton"_s));
    QTRY_VERIFY(bob.isShown(u"quitMenuItem"_s));
    QVERIFY(bob.click(u"quitMenuItem"_s));
    QTRY_COMPARE(quits.size(), 1);

    // With the setting off, closing the window quits too; the choice is kept.
    QVERIFY(openNotificationSettings(bob));
    QVERIFY(bob.click(u"keepInTraySwitch"_s));
    QTRY_VERIFY(!bob.client()->keepRunningInTray());
    QVERIFY(bob.click(u"closeSettingsButton"_s));
    QTRY_VERIFY(!bob.isShown(u"settingsDialog"_s));
    bob.window()->close();
    QTRY_COMPARE(quits.size(), 2);

    m_people.bob.reset();
    m_people.bob = m_people.reopen(u"bob"_s);
    QTRY_VERIFY_WITH_TIMEOUT(m_people.bob->client()->isStarted(), Steps::NetworkTimeout);
    QVERIFY(!m_people.bob->client()->keepRunningInTray());
}

QTEST_MAIN(tst_Tray)
#include "tst_tray.moc"
