// PostgreSQL restarts under traffic; parleyd is not restarted and carries on: requests that
// hit the outage fail with a storage error, retries succeed once the database is back, and
// the log stays gapless with every acknowledged message in it exactly once.
#include "ServerFixture.h"

#include <QtCore/QProcess>
#include <QtTest/QTest>

using namespace Parley;
using namespace Qt::StringLiterals;

class tst_PgRestart : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void survivesADatabaseRestart();

private:
    ServerFixture f;
};

void tst_PgRestart::initTestCase()
{
    if (!ParleydProcess::usesPostgres())
        QSKIP("runs only against PostgreSQL (label postgres)");
    if (qEnvironmentVariableIsEmpty("PGVERSION"))
        QSKIP("PGVERSION is not set: run under pg_virtualenv");
    // Retries come quickly while the database is away.
    PARLEY_START_SERVER(f, {u"--rate-limit"_s, u"100000"_s, u"--rate-burst"_s, u"100000"_s});
}

void tst_PgRestart::cleanup()
{
    f.logIfFailed(20000);
}

void tst_PgRestart::survivesADatabaseRestart()
{
    auto a = f.newUser();
    auto b = f.newUser();
    QVERIFY(a && b);
    auto conv = a->call<ConversationInfoFrame>(CreateDirectFrame{b->account().userId});
    PARLEY_VERIFY(conv);
    const qint64 id = conv->conversation.id;
    const qint64 pid = f.server.pid();
    QHash<QByteArray, qint64> acked;
    int refused = 0; // sends that met the outage
    QProcess restart;
    const auto sendUntilAcked = [&](const QByteArray &body) {
        const QByteArray clientId = TestClient::newClientId();
        QDeadlineTimer deadline(60000);
        while (!deadline.hasExpired()) {
            auto sent = a->call<SentFrame>(SendFrame{id, clientId, body}, 20000);
            if (sent) {
                acked.insert(clientId, sent->seq);
                return true;
            }
            if (sent.error().code != ErrorCode::StorageError
                && sent.error().code != ErrorCode::Unavailable) {
                qCWarning(lcTestServer) << "send failed:" << errorText(sent);
                return false;
            }
            ++refused;
            // The database is away: wait a little for the restart to finish, then retry.
            if (restart.state() != QProcess::NotRunning)
                restart.waitForFinished(200);
            else
                (void)b->call<PongFrame>(PingFrame{});
        }
        return false;
    };
    for (int i = 0; i < 20; ++i)
        QVERIFY(sendUntilAcked("before " + QByteArray::number(i)));

    // scripts/test gives the cluster its own PID file: pg_ctlcluster trusts that file to know
    // whether the cluster runs, and the default one is shared by every throwaway cluster.
    int during = 0;
    restart.start(u"pg_ctlcluster"_s,
                  {qEnvironmentVariable("PGVERSION"), u"regress"_s, u"restart"_s});
    // Traffic while the database goes down and comes back.
    while (restart.state() != QProcess::NotRunning && during < 5000) {
        QVERIFY(sendUntilAcked("during " + QByteArray::number(during++)));
        restart.waitForFinished(0);
    }
    QVERIFY(restart.state() == QProcess::NotRunning || restart.waitForFinished(60000));
    const QByteArray output = restart.readAllStandardOutput() + restart.readAllStandardError();
    QVERIFY2(restart.exitCode() == 0, output.constData());
    for (int i = 0; i < 20; ++i)
        QVERIFY(sendUntilAcked("after " + QByteArray::number(i)));

    QCOMPARE(f.server.pid(), pid); // the same process all along
    QVERIFY(f.server.isRunning());
    qint64 seq = 1;
    QHash<QByteArray, qint64> stored;
    for (bool more = true; more;) {
        auto page = b->call<MessagesFrame>(HistoryFrame{id, 0, seq - 1, MaxPageMessages});
        PARLEY_VERIFY(page);
        for (const Envelope &e : page->messages) {
            QCOMPARE(e.seq, seq++);
            if (e.kind == MessageKind::Content)
                stored.insert(e.clientId, e.seq);
        }
        more = page->more;
    }
    qCInfo(lcTestServer) << during << "messages sent while PostgreSQL restarted," << refused
                         << "attempts refused";
    QVERIFY(refused > 0); // the outage was really met
    QCOMPARE(stored, acked);
    QVERIFY2(f.server.stop(), f.server.log().right(5000).constData());
}

QTEST_GUILESS_MAIN(tst_PgRestart)
#include "tst_pgrestart.moc"
