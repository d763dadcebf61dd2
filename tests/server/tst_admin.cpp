// What the admin runs: subcommands, the configuration file, plain mode, SIGTERM and SIGHUP.
#include "ServerFixture.h"
#include "store/Migrations.h"

#include <QtCore/QFile>
#include <QtCore/QProcess>
#include <QtCore/QRegularExpression>
#include <QtCore/QTemporaryDir>
#include <QtNetwork/QSslSocket>
#include <QtTest/QTest>

using namespace Parley;
using namespace Qt::StringLiterals;

class tst_Admin : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void migrate();
    void users();
    void devices();
    void revokingClosesLiveSessions();
    void badUsage();
    void configFile();
    void plainMode();
    void healthAndMetrics();
    void limitRefusalsAreCounted();
    void terminateDrains();
    void hangupReloadsCertificates();
};

void tst_Admin::initTestCase()
{
    PARLEY_SKIP_WITHOUT_BACKEND();
}

void tst_Admin::migrate()
{
    ParleydProcess p;
    QByteArray out;
    // The newest schema this build knows: what `migrate` reports, fresh or again.
    const QByteArray latest = "schema version " + QByteArray::number(Migrations::latestVersion());
    QCOMPARE(p.runAdmin({u"migrate"_s}, &out), 0);
    QVERIFY2(out.contains(latest), out.constData());
    // Again: nothing to do, same answer.
    QCOMPARE(p.runAdmin({u"migrate"_s}, &out), 0);
    QVERIFY2(out.contains(latest), out.constData());
}

void tst_Admin::users()
{
    ParleydProcess p;
    QByteArray out;
    // The password from stdin, or from --password.
    QCOMPARE(p.runAdmin({u"user"_s, u"add"_s, u"alice"_s}, &out, "alice-password\n"), 0);
    QCOMPARE(p.runAdmin({u"user"_s, u"add"_s, u"bob"_s, u"--password"_s, u"bob-password"_s}, &out),
             0);
    QCOMPARE(p.runAdmin({u"user"_s, u"add"_s, u"alice"_s, u"--password"_s, u"another-one"_s}, &out),
             1);
    QVERIFY(out.contains("taken"));
    QCOMPARE(p.runAdmin({u"user"_s, u"add"_s, u"Bad Name"_s, u"--password"_s, u"long-enough"_s},
                        &out),
             2);
    QCOMPARE(p.runAdmin({u"user"_s, u"add"_s, u"carol"_s, u"--password"_s, u"short"_s}, &out), 2);
    QCOMPARE(p.runAdmin({u"user"_s, u"list"_s}, &out), 0);
    QVERIFY(out.contains("alice") && out.contains("bob") && !out.contains("carol"));

    QVERIFY2(p.start(), p.log().constData());
    TestClient c;
    QVERIFY(c.open(p.url(), p.fingerprint()) && c.hello());
    PARLEY_VERIFY(c.login(u"alice"_s, u"alice-password"_s));
    c.close();
    // Works while the server runs.
    QCOMPARE(p.runAdmin({u"user"_s, u"reset-password"_s, u"alice"_s}, &out, "fresh-password\n"), 0);
    QCOMPARE(p.runAdmin({u"user"_s, u"disable"_s, u"bob"_s}, &out), 0);
    QCOMPARE(p.runAdmin({u"user"_s, u"disable"_s, u"nobody"_s}, &out), 1);
    TestClient d;
    QVERIFY(d.open(p.url(), p.fingerprint()) && d.hello());
    QCOMPARE(d.login(u"alice"_s, u"alice-password"_s).error().code, ErrorCode::InvalidCredentials);
    QCOMPARE(d.login(u"bob"_s, u"bob-password"_s).error().code, ErrorCode::AccountDisabled);
    PARLEY_VERIFY(d.login(u"alice"_s, u"fresh-password"_s));
    QCOMPARE(p.runAdmin({u"user"_s, u"list"_s}, &out), 0);
    QVERIFY(out.contains("disabled"));
    QVERIFY(p.stop());
}

void tst_Admin::devices()
{
    ParleydProcess p;
    QVERIFY2(p.start(), p.log().constData());
    TestClient c;
    auto account = c.connectAndRegister(p.url(), p.fingerprint(), u"dave"_s, u"dave-password"_s);
    PARLEY_VERIFY(account);
    c.close();
    QByteArray out;
    QCOMPARE(p.runAdmin({u"device"_s, u"list"_s, u"dave"_s}, &out), 0);
    QVERIFY2(out.startsWith(QByteArray(QByteArray::number(account->deviceId) + '\t')),
             out.constData());
    QCOMPARE(p.runAdmin({u"device"_s, u"revoke"_s, QString::number(account->deviceId)}, &out), 0);
    QCOMPARE(p.runAdmin({u"device"_s, u"revoke"_s, QString::number(account->deviceId)}, &out), 1);
    QCOMPARE(p.runAdmin({u"device"_s, u"revoke"_s, u"abc"_s}, &out), 2);
    TestClient d;
    QVERIFY(d.open(p.url(), p.fingerprint()) && d.hello());
    QCOMPARE(d.resume(account->token).error().code, ErrorCode::InvalidToken);
    QVERIFY(p.stop());
}

void tst_Admin::revokingClosesLiveSessions()
{
    // The admin commands are other processes: the running server must still log the device out
    // at once, not whenever it next reconnects.
    ParleydProcess p;
    QVERIFY2(p.start(), p.log().constData());
    TestClient erin, frank, grace;
    auto e = erin.connectAndRegister(p.url(), p.fingerprint(), u"erin"_s, u"erin-password"_s);
    auto f = frank.connectAndRegister(p.url(), p.fingerprint(), u"frank"_s, u"frank-password"_s);
    auto g = grace.connectAndRegister(p.url(), p.fingerprint(), u"grace"_s, u"grace-password"_s);
    PARLEY_VERIFY(e);
    PARLEY_VERIFY(f);
    PARLEY_VERIFY(g);
    QByteArray out;
    QCOMPARE(p.runAdmin({u"device"_s, u"revoke"_s, QString::number(e->deviceId)}, &out), 0);
    QVERIFY2(erin.waitClosed(10000), p.log().constData());
    auto told = erin.awaitPush(FrameType::Error, 0);
    QVERIFY(told);
    QCOMPARE(FrameCodec::read<ErrorFrame>(*told)->code, ErrorCode::InvalidToken);
    QCOMPARE(p.runAdmin({u"user"_s, u"disable"_s, u"frank"_s}, &out), 0);
    QVERIFY2(frank.waitClosed(10000), p.log().constData());
    // Nobody else is touched.
    QVERIFY(grace.isOpen());
    PARLEY_VERIFY(grace.call<DeviceListFrame>(ListDevicesFrame{}));
    QVERIFY(p.stop());
}

void tst_Admin::badUsage()
{
    ParleydProcess p;
    QByteArray out;
    QCOMPARE(p.runAdmin({u"frobnicate"_s}, &out), 2);
    QCOMPARE(p.runAdmin({u"user"_s, u"add"_s}, &out), 2);
    QCOMPARE(p.runAdmin({u"migrate"_s, u"--registration"_s, u"sometimes"_s}, &out), 2);
    QCOMPARE(p.runAdmin({u"migrate"_s, u"--database"_s, u"mysql://nope"_s}, &out), 2);
}

void tst_Admin::configFile()
{
    QTemporaryDir dir;
    const QString config = dir.filePath(u"parleyd.ini"_s);
    QFile file(config);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("; comment\nregistration = closed\nheartbeat = 12\nmax-devices = 3\n");
    file.close();
    ParleydProcess p;
    p.setArguments({u"--config"_s, config});
    QVERIFY2(p.start(), p.log().constData());
    TestClient c;
    QVERIFY(c.open(p.url(), p.fingerprint()));
    auto welcome = c.hello();
    PARLEY_VERIFY(welcome);
    QVERIFY(!welcome->registrationOpen);
    QCOMPARE(welcome->heartbeatSeconds, 12);
    QVERIFY(p.stop());
    // The command line wins over the file.
    ParleydProcess q;
    q.setArguments({u"--config"_s, config, u"--registration"_s, u"open"_s});
    QVERIFY2(q.start(), q.log().constData());
    TestClient d;
    QVERIFY(d.open(q.url(), q.fingerprint()));
    QVERIFY(d.hello()->registrationOpen);
    QVERIFY(q.stop());
    // An unknown key is an error.
    QVERIFY(file.open(QIODevice::Append));
    file.write("colour = blue\n");
    file.close();
    ParleydProcess r;
    QByteArray out;
    QCOMPARE(r.runAdmin({u"migrate"_s, u"--config"_s, config}, &out), 2);
    QVERIFY(out.contains("colour"));
}

void tst_Admin::plainMode()
{
    ParleydProcess p;
    p.setPlain(true);
    QVERIFY2(p.start(), p.log().constData());
    QVERIFY(p.log().contains("TLS-terminating proxy"));
    QCOMPARE(p.url().scheme(), u"ws"_s);
    TestClient c;
    PARLEY_VERIFY(c.connectAndRegister(p.url(), {}, u"plain"_s, u"plain-password"_s));
    QVERIFY(p.stop());
}

namespace {

/// One HTTP GET over TLS (any certificate) on the WebSocket port; the whole response.
/// The admin listener's port, from the line parleyd logs when it listens.
quint16 adminPort(const ParleydProcess &p)
{
    static const QRegularExpression line(u"admin listener on http://[^ ]*:(\\d+)"_s);
    const auto match = line.match(QString::fromUtf8(p.log()));
    return match.hasMatch() ? quint16(match.captured(1).toUInt()) : 0;
}

/// GET over plain HTTP (the admin listener).
QByteArray plainHttpGet(quint16 port, const QByteArray &path)
{
    QTcpSocket socket;
    socket.connectToHost(u"127.0.0.1"_s, port);
    if (!socket.waitForConnected(10000))
        return {};
    socket.write("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n");
    QByteArray response;
    while (socket.waitForReadyRead(10000))
        response += socket.readAll();
    return response + socket.readAll();
}

QByteArray httpGet(quint16 port, const QByteArray &path)
{
    QSslSocket socket;
    socket.setPeerVerifyMode(QSslSocket::VerifyNone);
    socket.connectToHostEncrypted(u"127.0.0.1"_s, port);
    if (!socket.waitForEncrypted(10000))
        return {};
    socket.write("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n");
    QByteArray response;
    while (socket.waitForReadyRead(10000))
        response += socket.readAll();
    return response + socket.readAll();
}

} // namespace

void tst_Admin::healthAndMetrics()
{
    ParleydProcess p;
    QVERIFY2(p.start(), p.log().constData());
    QVERIFY(adminPort(p) != 0);
    TestClient c;
    PARLEY_VERIFY(
            c.connectAndRegister(p.url(), p.fingerprint(), u"gauged"_s, u"gauged-password"_s));
    auto conv = c.call<ConversationInfoFrame>(CreateGroupFrame{u"gauges"_s, {}});
    PARLEY_VERIFY(conv);
    PARLEY_VERIFY(c.call<SentFrame>(
            SendFrame{conv->conversation.id, TestClient::newClientId(), "counted"_ba}));
    // Load balancers probe the public port.
    const QByteArray health = httpGet(p.port(), "/healthz");
    QVERIFY2(health.startsWith("HTTP/1.1 200 OK\r\n"), health.constData());
    QVERIFY(health.endsWith("\r\n\r\nok\n"));
    // Metrics are not served there any more, only on the admin listener (plain HTTP).
    const QByteArray hidden = httpGet(p.port(), "/metrics");
    QVERIFY2(hidden.startsWith("HTTP/1.1 404 Not Found\r\n"), hidden.constData());
    QVERIFY(!hidden.contains("parley_"));
    QCOMPARE(plainHttpGet(adminPort(p), "/healthz").right(4), "\nok\n"_ba);
    const QByteArray metrics = plainHttpGet(adminPort(p), "/metrics");
    QVERIFY2(metrics.startsWith("HTTP/1.1 200 OK\r\n"), metrics.constData());
    for (const char *line :
         {"\nparley_connections{state=\"open\"} 1\n", "\nparley_up 1\n",
          "\nparley_frames_received_total{type=\"send\"} 1\n",
          "\nparley_frames_received_total{type=\"createGroup\"} 1\n",
          "\nparley_frames_sent_total{type=\"sent\"} 1\n", "\nparley_messages_stored_total 1\n",
          "\nparley_send_ack_seconds_count 1\n", "\nparley_store_batch_size_count ",
          "\nparley_store_commit_seconds_bucket{le=\"+Inf\"} ", "\nparley_rate_limited_total 0\n",
          "\nparley_size_limited_total 0\n", "\nparley_handshakes_failed_total ",
          "\nparley_attachment_bytes_received_total 0\n", "\nparley_store_queue_depth "}) {
        QVERIFY2(metrics.contains(line),
                 QByteArray(QByteArray(line) + " not in:\n" + metrics).constData());
    }
    QVERIFY(plainHttpGet(adminPort(p), "/other").startsWith("HTTP/1.1 404 Not Found\r\n"));
    // Anything else on the public port is a WebSocket handshake (and fails as one); the server
    // goes on.
    QVERIFY(!httpGet(p.port(), "/other").contains("200 OK"));
    PARLEY_VERIFY(c.call<PongFrame>(PingFrame{}));
    QVERIFY(p.stop());
}

void tst_Admin::limitRefusalsAreCounted()
{
    ParleydProcess p;
    p.setArguments({u"--rate-limit"_s, u"1"_s, u"--rate-burst"_s, u"2"_s});
    QVERIFY2(p.start(), p.log().constData());
    TestClient c;
    QVERIFY(c.open(p.url(), p.fingerprint()) && c.hello());
    // Over the burst: refused with rate_limited, and counted.
    QList<qint64> ids;
    for (int i = 0; i < 5; ++i)
        ids.append(c.send(PingFrame{}));
    int limited = 0;
    for (qint64 id : ids) {
        auto reply = c.awaitReply(id);
        QVERIFY(reply);
        if (ServerFixture::errorOf(reply) == ErrorCode::RateLimited)
            ++limited;
    }
    QVERIFY(limited >= 2);
    const QByteArray metrics = plainHttpGet(adminPort(p), "/metrics");
    QVERIFY2(metrics.contains(QByteArray("\nparley_rate_limited_total "
                                         + QByteArray::number(limited) + '\n')),
             metrics.constData());
    QVERIFY(p.stop());
}

void tst_Admin::terminateDrains()
{
    ParleydProcess p;
    QVERIFY2(p.start(), p.log().constData());
    TestClient a, b;
    PARLEY_VERIFY(a.connectAndRegister(p.url(), p.fingerprint(), u"erin"_s, u"erin-password"_s));
    PARLEY_VERIFY(b.connectAndRegister(p.url(), p.fingerprint(), u"frank"_s, u"frank-password"_s));
    auto conv = a.call<ConversationInfoFrame>(CreateDirectFrame{b.account().userId});
    PARLEY_VERIFY(conv);
    // Sends in flight when SIGTERM comes are stored and acknowledged before the server goes.
    QList<qint64> ids;
    for (int i = 0; i < 50; ++i)
        ids.append(a.send(SendFrame{conv->conversation.id, TestClient::newClientId(), "bye"_ba}));
    auto first = a.awaitReply(ids.first());
    QVERIFY(first);
    QVERIFY(p.stop()); // exit status 0
    int acked = first->type == FrameType::Sent ? 1 : 0;
    for (qint64 id : ids.mid(1)) {
        if (auto reply = a.awaitReply(id, 100); reply && reply->type == FrameType::Sent)
            ++acked;
    }
    QCOMPARE(acked, 50);
    // Each connection was told why it closes.
    auto why = b.awaitPush(FrameType::Error, 1000);
    QVERIFY(why);
    QCOMPARE(FrameCodec::read<ErrorFrame>(*why)->code, ErrorCode::Unavailable);
    QVERIFY(b.waitClosed());
}

void tst_Admin::hangupReloadsCertificates()
{
    QTemporaryDir dir;
    const QString cert = dir.filePath(u"cert.pem"_s);
    const QString key = dir.filePath(u"key.pem"_s);
    const auto makeCertificate = [&] {
        return QProcess::execute(u"openssl"_s,
                                 {u"req"_s, u"-x509"_s, u"-newkey"_s, u"ec"_s, u"-pkeyopt"_s,
                                  u"ec_paramgen_curve:P-256"_s, u"-nodes"_s, u"-days"_s, u"1"_s,
                                  u"-subj"_s, u"/CN=localhost"_s, u"-keyout"_s, key, u"-out"_s,
                                  cert})
                == 0;
    };
    if (!makeCertificate())
        QSKIP("the openssl command is not available");
    ParleydProcess p;
    p.setArguments({u"--tls-cert"_s, cert, u"--tls-key"_s, key});
    QVERIFY2(p.start(), p.log().constData());
    const QString before = p.fingerprint();
    TestClient old;
    QVERIFY(old.open(p.url(), before) && old.hello());

    QVERIFY(makeCertificate());
    p.reload();
    QTRY_VERIFY_WITH_TIMEOUT(p.log().contains("certificates reloaded"), 10000);
    const QByteArray line = p.log().mid(p.log().indexOf("certificates reloaded"));
    const QString after = QString::fromLatin1(line.mid(line.indexOf("sha256 ") + 7, 95));
    QVERIFY(after != before);
    // New connections get the new certificate; the old one is refused by a client pinning the old.
    TestClient pinnedOld;
    QVERIFY(!pinnedOld.open(p.url(), before, 3000));
    TestClient fresh;
    QVERIFY(fresh.open(p.url(), after) && fresh.hello());
    // Open connections stay.
    QVERIFY(old.isOpen());
    PARLEY_VERIFY(old.call<PongFrame>(PingFrame{}));
    QVERIFY(p.stop());
}

QTEST_GUILESS_MAIN(tst_Admin)
#include "tst_admin.moc"
