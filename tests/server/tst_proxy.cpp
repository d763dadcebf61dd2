// parleyd behind the real HAProxy, configured from packaging/haproxy.cfg.example (TLS passed
// through, PROXY v2 to the node): the per-address limits (login throttle, TLS handshakes in
// flight) see each client's own address, and the per-connection rate limit stays each
// client's own. Clients reach HAProxy from 127.0.0.2 and 127.0.0.3 through relays bound to
// those addresses, as clients on two machines would. A forged X-Forwarded-For or PROXY header
// from a peer that is not a trusted proxy changes nothing; a trusted proxy's connection
// without its PROXY header is refused. X-Forwarded-For from a trusted proxy is believed, on
// both transports.
#include "HaproxyProcess.h"
#include "ParleydProcess.h"
#include "TcpRelay.h"
#include "TestClient.h"
#include "TestLogging.h"
#include "net/ProxyHeaderParser.h"

#include <QtNetwork/QNetworkRequest>
#include <QtNetwork/QSslSocket>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

#include <memory>

using namespace Parley;
using namespace Qt::StringLiterals;

namespace {

const QHostAddress ClientA(u"127.0.0.2"_s);
const QHostAddress ClientB(u"127.0.0.3"_s);
const QHostAddress Loopback(QHostAddress::LocalHost);

QString password(const QString &user)
{
    return user + u"-secret"_s;
}

} // namespace

class tst_Proxy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void servesThroughHaproxy();
    void loginThrottleSeesEachClient();
    void handshakeLimitSeesEachClient();
    void rateLimitStaysPerClient();
    void forgedForwardedForChangesNothing();
    void forgedProxyHeaderChangesNothing();
    void trustedProxyWithoutHeaderRefused();
    void forwardedForFromTrustedProxy_data();
    void forwardedForFromTrustedProxy();
    void proxyProtocolNeedsNativeTransport();

private:
    /// parleyd trusting 127.0.0.1 (where HAProxy connects from) for PROXY v2, HAProxy in front.
    bool startBehindHaproxy(const QStringList &extra = {});
    /// A relay from `source` to HAProxy (or, `direct`, to parleyd itself).
    TcpRelay *relayFrom(const QHostAddress &source, bool direct = false);
    /// A client through `relay` that said hello; null if that failed.
    std::unique_ptr<TestClient> connectThrough(TcpRelay *relay,
                                               const QByteArray &forwardedFor = {});
    /// Registers `user` (through HAProxy, from 127.0.0.4).
    bool registerUser(const QString &user);
    ErrorCode loginCode(TestClient &client, const QString &user, const QString &pass);

    std::unique_ptr<ParleydProcess> m_node;
    std::unique_ptr<HaproxyProcess> m_haproxy;
    QList<TcpRelay *> m_relays;
};

void tst_Proxy::init()
{
    if (HaproxyProcess::binary().isEmpty())
        QSKIP("haproxy is not installed (packaging/debian-packages.txt lists it)");
    m_node = std::make_unique<ParleydProcess>();
    m_haproxy = std::make_unique<HaproxyProcess>();
}

void tst_Proxy::cleanup()
{
    qDeleteAll(m_relays);
    m_relays.clear();
    if (QTest::currentTestFailed()) {
        if (m_node)
            qCWarning(lcTestServer).noquote() << "parleyd said:\n" << m_node->log().right(4000);
        if (m_haproxy)
            qCWarning(lcTestServer).noquote() << "haproxy said:\n" << m_haproxy->log().right(4000);
    }
    m_haproxy.reset();
    m_node.reset();
}

bool tst_Proxy::startBehindHaproxy(const QStringList &extra)
{
    m_node->setArguments(QStringList{u"--trusted-proxy"_s, u"127.0.0.1"_s, u"--proxy-protocol"_s}
                         + extra);
    if (!m_node->start())
        return false;
    m_haproxy->setNodePorts({m_node->port()});
    return m_haproxy->start();
}

TcpRelay *tst_Proxy::relayFrom(const QHostAddress &source, bool direct)
{
    auto *relay = new TcpRelay(source, Loopback, direct ? m_node->port() : m_haproxy->port());
    m_relays << relay;
    return relay->listen() ? relay : nullptr;
}

std::unique_ptr<TestClient> tst_Proxy::connectThrough(TcpRelay *relay,
                                                      const QByteArray &forwardedFor)
{
    auto client = std::make_unique<TestClient>();
    if (!relay)
        return nullptr;
    if (forwardedFor.isEmpty()) {
        if (!client->open(relay->url(), m_node->fingerprint()))
            return nullptr;
    } else if (!client->open(relay->url(), m_node->fingerprint(), forwardedFor)) {
        return nullptr;
    }
    if (!client->hello())
        return nullptr;
    return client;
}

bool tst_Proxy::registerUser(const QString &user)
{
    auto client = connectThrough(relayFrom(QHostAddress(u"127.0.0.4"_s)));
    return client && client->registerUser(user, password(user));
}

ErrorCode tst_Proxy::loginCode(TestClient &client, const QString &user, const QString &pass)
{
    const auto r = client.login(user, pass);
    return r ? ErrorCode::None : r.error().code;
}

void tst_Proxy::servesThroughHaproxy()
{
    QVERIFY(startBehindHaproxy());
    TestClient client;
    // The certificate the client pins is the node's own: TLS is passed through.
    QVERIFY(client.open(m_haproxy->url(), m_node->fingerprint()));
    QVERIFY(client.hello());
    QVERIFY(client.registerUser(u"alice"_s, password(u"alice"_s)));
    QVERIFY(m_haproxy->healthzAnswers());
    // HAProxy's own checks (TLS, PROXY v2 LOCAL, GET /healthz) pass.
    QTRY_COMPARE_WITH_TIMEOUT(m_haproxy->nodeCheck(1), u"L7OK"_s, 10000);
    QVERIFY(m_haproxy->nodeStatus(1).startsWith(u"UP"_s));
}

void tst_Proxy::loginThrottleSeesEachClient()
{
    QVERIFY(startBehindHaproxy({u"--login-failures"_s, u"2"_s, u"--login-backoff"_s, u"300"_s}));
    QVERIFY(registerUser(u"alice"_s));
    auto a = connectThrough(relayFrom(ClientA));
    QVERIFY(a);
    // Someone at 127.0.0.2 guesses alice's password until the throttle stops them.
    QCOMPARE(loginCode(*a, u"alice"_s, u"guess1"_s), ErrorCode::InvalidCredentials);
    QCOMPARE(loginCode(*a, u"alice"_s, u"guess2"_s), ErrorCode::InvalidCredentials);
    QCOMPARE(loginCode(*a, u"alice"_s, u"guess3"_s), ErrorCode::SlowDown);

    // Alice at 127.0.0.3 comes through the same HAProxy and is not slowed down.
    auto b = connectThrough(relayFrom(ClientB));
    QVERIFY(b);
    QCOMPARE(loginCode(*b, u"alice"_s, password(u"alice"_s)), ErrorCode::None);

    // The guesser still is, with the right password too, on a new connection.
    auto again = connectThrough(relayFrom(ClientA));
    QVERIFY(again);
    QCOMPARE(loginCode(*again, u"alice"_s, password(u"alice"_s)), ErrorCode::SlowDown);
}

void tst_Proxy::handshakeLimitSeesEachClient()
{
    QVERIFY(startBehindHaproxy({u"--max-handshakes-per-address"_s, u"2"_s}));
    // 127.0.0.2 opens connections and never starts TLS: HAProxy connects to the node at once
    // and sends the PROXY header, so each one is a handshake in flight for 127.0.0.2.
    TcpRelay *relayA = relayFrom(ClientA);
    QVERIFY(relayA);
    std::vector<std::unique_ptr<QTcpSocket>> idle;
    for (int i = 0; i < 3; ++i) {
        auto socket = std::make_unique<QTcpSocket>();
        socket->connectToHost(Loopback, relayA->port());
        QVERIFY(socket->waitForConnected(5000));
        idle.push_back(std::move(socket));
    }
    // One is over 127.0.0.2's limit (whichever reached the node last): the node closes it,
    // HAProxy and the relay follow; the other two wait in their handshakes.
    const auto closedCount = [&idle] {
        return int(std::count_if(idle.begin(), idle.end(), [](const auto &s) {
            return s->state() != QAbstractSocket::ConnectedState;
        }));
    };
    QTRY_COMPARE_WITH_TIMEOUT(closedCount(), 1, 10000);

    // 127.0.0.3 is another client: its handshake goes through while 127.0.0.2's two wait.
    auto b = connectThrough(relayFrom(ClientB));
    QVERIFY(b);
    QVERIFY(b->registerUser(u"bob"_s, password(u"bob"_s)));
    QCOMPARE(closedCount(), 1);
}

void tst_Proxy::rateLimitStaysPerClient()
{
    QVERIFY(startBehindHaproxy({u"--rate-limit"_s, u"1"_s, u"--rate-burst"_s, u"5"_s}));
    auto a = connectThrough(relayFrom(ClientA));
    auto b = connectThrough(relayFrom(ClientB));
    QVERIFY(a);
    QVERIFY(b);
    // 127.0.0.2 floods; it runs out of its burst and is told so.
    QList<qint64> ids;
    for (int i = 0; i < 20; ++i)
        ids << a->send(PingFrame{});
    bool limited = false;
    for (qint64 id : ids) {
        const auto reply = a->awaitReply(id, 5000);
        QVERIFY(reply);
        if (reply->type == FrameType::Error) {
            const auto e = FrameCodec::read<ErrorFrame>(*reply);
            QVERIFY(e);
            QCOMPARE(e->code, ErrorCode::RateLimited);
            limited = true;
        }
    }
    QVERIFY(limited);
    // 127.0.0.3, through the same HAProxy, still has its whole burst.
    for (int i = 0; i < 4; ++i) {
        const auto reply = b->awaitReply(b->send(PingFrame{}), 5000);
        QVERIFY(reply);
        QCOMPARE(reply->type, FrameType::Pong);
    }
}

void tst_Proxy::forgedForwardedForChangesNothing()
{
    QVERIFY(startBehindHaproxy({u"--login-failures"_s, u"2"_s, u"--login-backoff"_s, u"300"_s}));
    QVERIFY(registerUser(u"alice"_s));
    // 127.0.0.2 is no trusted proxy; it claims to forward for 127.0.0.3, straight to the
    // node and through HAProxy (which passes the header on untouched: it does not read HTTP).
    for (bool direct : {true, false}) {
        auto forger = connectThrough(relayFrom(ClientA, direct), "127.0.0.3");
        QVERIFY(forger);
        QCOMPARE(loginCode(*forger, u"alice"_s, u"guess"_s), ErrorCode::InvalidCredentials);
    }
    auto forger = connectThrough(relayFrom(ClientA), "127.0.0.3");
    QVERIFY(forger);
    QCOMPARE(loginCode(*forger, u"alice"_s, u"guess"_s), ErrorCode::SlowDown);

    // The failures were 127.0.0.2's: 127.0.0.3 logs in, 127.0.0.2 without the header is slowed.
    auto b = connectThrough(relayFrom(ClientB));
    QVERIFY(b);
    QCOMPARE(loginCode(*b, u"alice"_s, password(u"alice"_s)), ErrorCode::None);
    auto a = connectThrough(relayFrom(ClientA, true));
    QVERIFY(a);
    QCOMPARE(loginCode(*a, u"alice"_s, password(u"alice"_s)), ErrorCode::SlowDown);
}

void tst_Proxy::forgedProxyHeaderChangesNothing()
{
    QVERIFY(startBehindHaproxy());
    // 127.0.0.2 connects straight to the node and sends a PROXY header naming 127.0.0.3 before
    // its TLS: the node does not read PROXY headers from it, so the TLS handshake fails.
    TcpRelay *relay = relayFrom(ClientA, true);
    QVERIFY(relay);
    QSslSocket socket;
    socket.setPeerVerifyMode(QSslSocket::VerifyNone);
    QSignalSpy encrypted(&socket, &QSslSocket::encrypted);
    QSignalSpy closed(&socket, &QAbstractSocket::disconnected);
    socket.connectToHost(Loopback, relay->port());
    QVERIFY(socket.waitForConnected(5000));
    socket.write(ProxyHeaderParser::encode(ClientB, 40000, Loopback, m_node->port()));
    socket.startClientEncryption();
    QVERIFY(closed.wait(10000));
    QVERIFY(encrypted.isEmpty());

    // The node still serves 127.0.0.2 as itself.
    auto a = connectThrough(relayFrom(ClientA, true));
    QVERIFY(a);
}

void tst_Proxy::trustedProxyWithoutHeaderRefused()
{
    QVERIFY(startBehindHaproxy());
    // 127.0.0.1 is the trusted proxy: its connections must carry the header.
    TestClient bare;
    QVERIFY(!bare.open(m_node->url(), m_node->fingerprint(), 5000));

    // With a LOCAL header (what HAProxy's health checks send) it is served as itself.
    QSslSocket socket;
    socket.setPeerVerifyMode(QSslSocket::VerifyNone);
    QSignalSpy encrypted(&socket, &QSslSocket::encrypted);
    socket.connectToHost(Loopback, m_node->port());
    QVERIFY(socket.waitForConnected(5000));
    socket.write(ProxyHeaderParser::encodeLocal());
    socket.startClientEncryption();
    QVERIFY(encrypted.wait(10000));
    socket.write("GET /healthz HTTP/1.1\r\nHost: parley\r\n\r\n");
    QTRY_VERIFY_WITH_TIMEOUT(socket.peek(12).startsWith("HTTP/1.1 200") || !socket.isOpen(), 10000);
    QVERIFY(socket.readAll().startsWith("HTTP/1.1 200"));
}

void tst_Proxy::forwardedForFromTrustedProxy_data()
{
    QTest::addColumn<QString>("transport");
    QTest::newRow("native") << u"native"_s;
    QTest::newRow("qt") << u"qt"_s;
}

void tst_Proxy::forwardedForFromTrustedProxy()
{
    // TLS at the proxy: parleyd serves ws:// to the proxy at 127.0.0.1, which says who the
    // client is in X-Forwarded-For (the test plays that proxy).
    QFETCH(QString, transport);
    m_node->setPlain(true);
    m_node->setArguments({u"--trusted-proxy"_s, u"127.0.0.1"_s, u"--transport"_s, transport,
                          u"--login-failures"_s, u"2"_s, u"--login-backoff"_s, u"300"_s});
    QVERIFY(m_node->start());
    const auto viaProxy = [this](const QByteArray &forwardedFor) {
        auto client = std::make_unique<TestClient>();
        if (!client->open(m_node->url(), {}, forwardedFor) || !client->hello())
            return std::unique_ptr<TestClient>();
        return client;
    };
    auto registrar = viaProxy("198.51.100.1");
    QVERIFY(registrar);
    QVERIFY(registrar->registerUser(u"alice"_s, password(u"alice"_s)));

    // A client at 203.0.113.5 (behind the proxy) guesses until slowed down. The proxy kept
    // what the client itself sent in front: in the same line ("1.2.3.4, "), or as a line of
    // its own before the proxy's (as HAProxy's "option forwardfor" leaves it).
    for (const QByteArray &forwardedFor : {QByteArray("1.2.3.4, 203.0.113.5"),
                                           QByteArray("9.9.9.9\r\nX-Forwarded-For: 203.0.113.5")}) {
        auto c = viaProxy(forwardedFor);
        QVERIFY(c);
        QCOMPARE(loginCode(*c, u"alice"_s, u"guess"_s), ErrorCode::InvalidCredentials);
    }
    auto slowed = viaProxy("203.0.113.5");
    QVERIFY(slowed);
    QCOMPARE(loginCode(*slowed, u"alice"_s, password(u"alice"_s)), ErrorCode::SlowDown);
    // Alice at 203.0.113.6, through the same proxy, is not.
    auto alice = viaProxy("1.2.3.4, 203.0.113.6");
    QVERIFY(alice);
    QCOMPARE(loginCode(*alice, u"alice"_s, password(u"alice"_s)), ErrorCode::None);
}

void tst_Proxy::proxyProtocolNeedsNativeTransport()
{
    QByteArray output;
    QCOMPARE(m_node->runAdmin({u"--trusted-proxy"_s, u"127.0.0.1"_s, u"--proxy-protocol"_s,
                               u"--transport"_s, u"qt"_s, u"user"_s, u"list"_s},
                              &output),
             2);
    QVERIFY2(output.contains("--proxy-protocol needs the native transport"), output);
    QCOMPARE(m_node->runAdmin({u"--proxy-protocol"_s, u"user"_s, u"list"_s}, &output), 2);
    QVERIFY2(output.contains("--proxy-protocol needs --trusted-proxy"), output);
    QCOMPARE(m_node->runAdmin({u"--trusted-proxy"_s, u"10.0.0.0/33"_s, u"user"_s, u"list"_s},
                              &output),
             2);
    QVERIFY2(output.contains("--trusted-proxy"), output);
}

QTEST_MAIN(tst_Proxy)
#include "tst_proxy.moc"
