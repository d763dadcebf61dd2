// UI automation: disappearing messages. alice turns the timer on from the conversation menu,
// both see it in the header and in the log, and messages sent under a 5-second timer (a
// server started with --allow-test-timers) vanish on both sides, from search too, and from
// the server's database.

#include "AppWindow.h"
#include "Client.h"
#include "Steps.h"
#include "TwoPeople.h"
#include "platform/Notifier.h"
#include "store/AwaitFuture.h"
#include "store/MessageStore.h"

#include <QtQuick/QQuickItem>
#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlQuery>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;
using namespace Parley;

class tst_Disappearing : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void disappearingMessagesVanish();

private:
    /// The notes (membership and settings lines) the open conversation shows.
    static QStringList systemTexts(const AppWindow &app);
    /// Hits of a full-text search of `app`'s cache for `text`.
    static qsizetype searchHits(AppWindow &app, const QString &text);
    /// Content rows in the server's log whose expiry is set (SQLite); -1 if it cannot be read.
    int expiringRowsOnServer() const;

    TwoPeople m_people;
};

void tst_Disappearing::init()
{
    m_people.serverArguments = {u"--allow-test-timers"_s};
    m_people.start();
}

void tst_Disappearing::cleanup()
{
    m_people.finish();
}

QStringList tst_Disappearing::systemTexts(const AppWindow &app)
{
    QStringList texts;
    for (QQuickItem *note : app.items(u"systemText"_s))
        texts.append(note->property("text").toString());
    return texts;
}

qsizetype tst_Disappearing::searchHits(AppWindow &app, const QString &text)
{
    return awaitFuture(app.client()->store()->searchMessages(text, 0, SearchCursor{}, 50))
            .result()
            .size();
}

int tst_Disappearing::expiringRowsOnServer() const
{
    const QString name = u"tst_ui_disappearing_server"_s;
    int rows = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(m_people.server->dataDir() + u"/parley.db"_s);
        db.setConnectOptions(u"QSQLITE_OPEN_READONLY"_s);
        if (db.open()) {
            QSqlQuery q(u"SELECT count(*) FROM messages WHERE expires_at IS NOT NULL"_s, db);
            if (q.next())
                rows = q.value(0).toInt();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return rows;
}

void tst_Disappearing::disappearingMessagesVanish()
{
    const QString kept = u"Sent before the timer"_s;
    m_people.openChatWith(kept);
    if (QTest::currentTestFailed())
        return;
    AppWindow &alice = *m_people.alice;
    AppWindow &bob = *m_people.bob;

    // alice picks "1 hour" from the conversation menu: both headers and logs say so.
    QVERIFY(!alice.isShown(u"disappearingTimerLabel"_s));
    QVERIFY(alice.click(u"conversationMenuButton"_s));
    QTRY_VERIFY(alice.isShown(u"headerTimerMenuItem"_s));
    QVERIFY(alice.click(u"headerTimerMenuItem"_s));
    QTRY_VERIFY(alice.isShown(u"timerOption3600"_s));
    // The test timer is never offered.
    QVERIFY(!alice.isShown(u"timerOption5"_s));
    alice.screenshot(u"disappearingMessagesVanish-menu"_s);
    QVERIFY(alice.click(u"timerOption3600"_s));
    QTRY_COMPARE_WITH_TIMEOUT(alice.text(u"disappearingTimerLabel"_s), u"Disappearing: 1 hour"_s,
                              Steps::NetworkTimeout);
    QTRY_COMPARE_WITH_TIMEOUT(bob.text(u"disappearingTimerLabel"_s), u"Disappearing: 1 hour"_s,
                              Steps::NetworkTimeout);
    const QString note = u"alice set disappearing messages to 1 hour"_s;
    QTRY_VERIFY_WITH_TIMEOUT(systemTexts(bob).contains(note), Steps::NetworkTimeout);
    QTRY_VERIFY_WITH_TIMEOUT(systemTexts(alice).contains(note), Steps::NetworkTimeout);

    // The 5-second timer of a test server, set through the same call the menu makes.
    QVERIFY(alice.client()->activeChat());
    alice.client()->activeChat()->setTimer(5);
    QTRY_COMPARE_WITH_TIMEOUT(bob.text(u"disappearingTimerLabel"_s), u"Disappearing: 5 seconds"_s,
                              Steps::NetworkTimeout);
    QTRY_COMPARE_WITH_TIMEOUT(alice.text(u"disappearingTimerLabel"_s), u"Disappearing: 5 seconds"_s,
                              Steps::NetworkTimeout);

    // A few messages, each seen on the other side as it arrives (the first would be gone
    // before the last arrives if they were checked at the end).
    const QStringList vanishing{u"Vanishing one"_s, u"Vanishing two"_s, u"Vanishing three"_s};
    AppWindow *writers[] = {&alice, &bob, &alice};
    for (int i = 0; i < 3; ++i) {
        AppWindow &from = *writers[i];
        AppWindow &to = &from == &alice ? bob : alice;
        Steps::sendMessage(from, vanishing.at(i));
        if (QTest::currentTestFailed())
            return;
        QTRY_VERIFY_WITH_TIMEOUT(to.message(vanishing.at(i)), Steps::NetworkTimeout);
    }
    QVERIFY(alice.message(vanishing.at(2)));
    QTRY_COMPARE_WITH_TIMEOUT(searchHits(bob, u"three"_s), 1, 3000);
    QTRY_COMPARE_WITH_TIMEOUT(searchHits(alice, u"three"_s), 1, 3000);
    bob.screenshot(u"disappearingMessagesVanish-shown"_s);

    // Then they vanish on both sides, from search too; what came before the timer stays.
    for (const QString &text : vanishing) {
        QTRY_VERIFY_WITH_TIMEOUT(!alice.message(text), 15000);
        QTRY_VERIFY_WITH_TIMEOUT(!bob.message(text), 15000);
    }
    QVERIFY(alice.message(kept));
    QVERIFY(bob.message(kept));
    QCOMPARE(searchHits(alice, u"Vanishing"_s), 0);
    QCOMPARE(searchHits(bob, u"Vanishing"_s), 0);
    QCOMPARE(searchHits(bob, u"timer"_s), 1);
    bob.screenshot(u"disappearingMessagesVanish-gone"_s);

    // bob looks elsewhere with notifications on: the next one notifies, and the notification
    // is taken back when its message expires, as the message itself is.
    bob.client()->setNotificationsEnabled(true);
    bob.client()->setActiveChat(nullptr);
    QSignalSpy notified(bob.client()->notifier(), &Notifier::notified);
    QSignalSpy withdrawn(bob.client()->notifier(), &Notifier::withdrawn);
    Steps::sendMessage(alice, u"Vanishing four"_s);
    if (QTest::currentTestFailed())
        return;
    QTRY_COMPARE_WITH_TIMEOUT(notified.size(), 1, Steps::NetworkTimeout);
    const qint64 conversationId = notified.first().at(0).toLongLong();
    QCOMPARE(notified.first().at(2).toString(), u"Vanishing four"_s);
    QVERIFY(withdrawn.isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(withdrawn.size(), 1, 15000);
    QCOMPARE(withdrawn.first().at(0).toLongLong(), conversationId);
    QTRY_VERIFY_WITH_TIMEOUT(!alice.message(u"Vanishing four"_s), 15000);

    // And the server deleted its rows.
    QTRY_COMPARE_WITH_TIMEOUT(expiringRowsOnServer(), 0, 15000);
}

QTEST_MAIN(tst_Disappearing)
#include "tst_disappearing.moc"
