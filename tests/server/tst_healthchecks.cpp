// /healthz's verdict: 200 "ok" while every named check passes, 503 naming each failed check, a
// check that stops answering counts as failed, a check the server is told about (a cluster's
// Redis) changes the verdict at once, and a draining node answers 503 "draining".
#include "admin/HealthChecks.h"

#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

using namespace Parley;
using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

class tst_HealthChecks : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void passingChecksAnswerOk();
    void failedCheckAnswers503WithItsName();
    void silentCheckCountsAsFailed();
    void drainingAnswers503();
    void toldCheckChangesTheVerdictAtOnce();
};

namespace {

QByteArray body(const QByteArray &response)
{
    return response.mid(response.indexOf("\r\n\r\n") + 4);
}

} // namespace

void tst_HealthChecks::passingChecksAnswerOk()
{
    HealthChecks health;
    int asked = 0;
    health.add(u"database"_s, [&](auto done) {
        ++asked;
        done(Status{});
    });
    health.start(50ms);
    QCOMPARE(asked, 1);
    QVERIFY(health.isHealthy());
    QVERIFY(health.response().startsWith("HTTP/1.1 200 OK\r\n"));
    QCOMPARE(body(health.response()), "ok\n"_ba);
    QTRY_VERIFY_WITH_TIMEOUT(asked >= 3, 5000); // asked again every interval
}

void tst_HealthChecks::failedCheckAnswers503WithItsName()
{
    HealthChecks health;
    bool redisUp = true;
    health.add(u"database"_s, [](auto done) { done(Status{}); });
    health.add(u"redis"_s, [&](auto done) {
        done(redisUp ? Status{} : Status(Error{ErrorCode::Unavailable, u"connection refused"_s}));
    });
    QSignalSpy changed(&health, &HealthChecks::verdictChanged);
    health.start(50ms);
    QVERIFY(health.isHealthy());
    redisUp = false;
    QVERIFY(changed.wait(5000));
    QCOMPARE(changed.last().at(0).toBool(), false);
    QVERIFY2(health.response().startsWith("HTTP/1.1 503 Service Unavailable\r\n"),
             health.response().constData());
    QCOMPARE(body(health.response()), "redis: connection refused\n"_ba);
    redisUp = true;
    QVERIFY(changed.wait(5000));
    QCOMPARE(changed.last().at(0).toBool(), true);
    QCOMPARE(body(health.response()), "ok\n"_ba);
}

void tst_HealthChecks::silentCheckCountsAsFailed()
{
    HealthChecks health;
    std::function<void(Status)> pending;
    health.add(u"database"_s, [&](auto done) { pending = done; }); // never reports
    QSignalSpy changed(&health, &HealthChecks::verdictChanged);
    health.start(50ms);
    QVERIFY(health.isHealthy()); // passes until its first round is over
    QVERIFY(changed.wait(5000));
    QVERIFY(!health.isHealthy());
    QVERIFY2(body(health.response()).startsWith("database: no answer within"),
             health.response().constData());
}

void tst_HealthChecks::drainingAnswers503()
{
    HealthChecks health;
    health.add(u"database"_s, [](auto done) { done(Status{}); });
    health.start(1s);
    QVERIFY(health.isHealthy());
    health.setDraining();
    QVERIFY(!health.isHealthy());
    QVERIFY(health.response().startsWith("HTTP/1.1 503 Service Unavailable\r\n"));
    QCOMPARE(body(health.response()), "draining\n"_ba);
}

void tst_HealthChecks::toldCheckChangesTheVerdictAtOnce()
{
    HealthChecks health;
    int asked = 0;
    health.add(u"database"_s, [&](auto done) {
        ++asked;
        done(Status{});
    });
    health.start(1h); // one round now, the next one far away: only set() can change it
    QCOMPARE(asked, 1);
    QSignalSpy changed(&health, &HealthChecks::verdictChanged);
    health.set(u"redis"_s, Error{ErrorCode::Unavailable, u"unreachable"_s});
    QCOMPARE(changed.size(), 1);
    QVERIFY(!health.isHealthy());
    QVERIFY(health.response().startsWith("HTTP/1.1 503 Service Unavailable\r\n"));
    QCOMPARE(body(health.response()), "redis: unreachable\n"_ba);
    health.set(u"redis"_s, Status{});
    QCOMPARE(changed.size(), 2);
    QVERIFY(health.isHealthy());
    QCOMPARE(body(health.response()), "ok\n"_ba);
    QCOMPARE(asked, 1); // told, never asked
}

QTEST_GUILESS_MAIN(tst_HealthChecks)
#include "tst_healthchecks.moc"
