// How parleyd learns the client's address behind a proxy, without sockets: the PROXY protocol
// v2 header (good, invalid and malformed headers, fed whole and byte by byte, never reading past
// the header), the trusted-proxy networks, the X-Forwarded-For walk (rightmost untrusted hop;
// an untrusted peer's header is never read), and the header as the HTTP head carries it.
#include "net/HttpUpgrade.h"
#include "net/ProxyHeaderParser.h"
#include "net/TrustedProxies.h"

#include <QtCore/QtEndian>
#include <QtTest/QTest>

using namespace Parley;
using namespace Qt::StringLiterals;
using Outcome = ProxyHeaderParser::Outcome;

Q_DECLARE_METATYPE(ProxyHeaderParser::Outcome)

namespace {

const QByteArray Signature("\r\n\r\n\0\r\nQUIT\n", 12);

/// A header from its parts: version/command byte, family/protocol byte, the address block.
QByteArray header(quint8 versionCommand, quint8 familyProtocol, const QByteArray &block,
                  int declaredLength = -1)
{
    QByteArray out = Signature;
    out.append(char(versionCommand));
    out.append(char(familyProtocol));
    uchar length[2];
    qToBigEndian(quint16(declaredLength < 0 ? block.size() : declaredLength), length);
    out.append(reinterpret_cast<const char *>(length), 2);
    return out + block;
}

QByteArray ipv4Block(const char *source, quint16 sourcePort)
{
    uchar b[12];
    qToBigEndian(QHostAddress(QLatin1StringView(source)).toIPv4Address(), b);
    qToBigEndian(QHostAddress(u"10.0.0.1"_s).toIPv4Address(), b + 4);
    qToBigEndian(sourcePort, b + 8);
    qToBigEndian(quint16(443), b + 10);
    return QByteArray(reinterpret_cast<const char *>(b), 12);
}

/// Feeds `bytes` as a socket would: never more than the parser asks for, `step` at most.
ProxyHeaderParser::Result feedAll(ProxyHeaderParser &parser, const QByteArray &bytes,
                                  qsizetype step, qsizetype *consumed)
{
    ProxyHeaderParser::Result result;
    qsizetype at = 0;
    while (at < bytes.size() && parser.bytesWanted() > 0) {
        const qsizetype n = std::min({step, parser.bytesWanted(), bytes.size() - at});
        result = parser.feed(bytes.constData() + at, n);
        at += n;
        if (result.outcome != Outcome::NeedMore)
            break;
    }
    *consumed = at;
    return result;
}

TrustedProxies trusted(const QStringList &networks)
{
    TrustedProxies t;
    for (const QString &n : networks) {
        if (!t.add(n))
            qFatal("bad network in test");
    }
    return t;
}

} // namespace

class tst_ClientAddress : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void proxyHeader_data();
    void proxyHeader();
    void proxyHeaderStopsAtItsEnd();
    void proxyHeaderRoundTrip();
    void trustedNetworks_data();
    void trustedNetworks();
    void badNetworksRefused_data();
    void badNetworksRefused();
    void forwardedFor_data();
    void forwardedFor();
    void upgradeCarriesForwardedFor();
};

void tst_ClientAddress::proxyHeader_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<Outcome>("outcome");
    QTest::addColumn<QString>("source");
    QTest::addColumn<int>("sourcePort");

    const QByteArray v4 = ipv4Block("203.0.113.7", 50123);
    QByteArray v6(36, '\0');
    const Q_IPV6ADDR six = QHostAddress(u"2001:db8::42"_s).toIPv6Address();
    memcpy(v6.data(), six.c, 16);
    v6[16 + 15] = 1; // destination ::1
    v6[32] = char(0xC3);
    v6[33] = char(0x50); // source port 50000

    // Good.
    QTest::newRow("PROXY TCP4") << header(0x21, 0x11, v4) << Outcome::Proxied << u"203.0.113.7"_s
                                << 50123;
    QTest::newRow("PROXY TCP6") << header(0x21, 0x21, v6) << Outcome::Proxied << u"2001:db8::42"_s
                                << 50000;
    QTest::newRow("PROXY TCP4 with TLVs") << header(0x21, 0x11,
                                                    v4
                                                            + QByteArray("\x04\x00\x03"
                                                                         "abc",
                                                                         6))
                                          << Outcome::Proxied << u"203.0.113.7"_s << 50123;
    QTest::newRow("LOCAL, no address")
            << header(0x20, 0x00, {}) << Outcome::Local << QString() << 0;
    QTest::newRow("LOCAL with an address block to skip")
            << header(0x20, 0x11, v4) << Outcome::Local << QString() << 0;

    // Invalid: well formed, but nothing parleyd may use.
    QTest::newRow("version 1 text") << QByteArray("PROXY TCP4 203.0.113.7 10.0.0.1 50123 443\r\n")
                                    << Outcome::Invalid << QString() << 0;
    QTest::newRow("a TLS ClientHello") << QByteArray("\x16\x03\x01\x02\x00\x01\x00\x01\xfc", 9)
                                       << Outcome::Invalid << QString() << 0;
    QTest::newRow("an HTTP request") << QByteArray("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
                                     << Outcome::Invalid << QString() << 0;
    QTest::newRow("version 3") << header(0x31, 0x11, v4) << Outcome::Invalid << QString() << 0;
    QTest::newRow("command 2") << header(0x22, 0x11, v4) << Outcome::Invalid << QString() << 0;
    QTest::newRow("PROXY UNSPEC") << header(0x21, 0x00, {}) << Outcome::Invalid << QString() << 0;
    QTest::newRow("PROXY UDP4") << header(0x21, 0x12, v4) << Outcome::Invalid << QString() << 0;
    QTest::newRow("PROXY UNIX stream")
            << header(0x21, 0x31, QByteArray(216, 'x')) << Outcome::Invalid << QString() << 0;
    QTest::newRow("family 4") << header(0x21, 0x41, v4) << Outcome::Invalid << QString() << 0;

    // Malformed.
    QTest::newRow("TCP4 block too short")
            << header(0x21, 0x11, v4.left(8)) << Outcome::Invalid << QString() << 0;
    QTest::newRow("TCP6 block too short")
            << header(0x21, 0x21, v6.left(20)) << Outcome::Invalid << QString() << 0;
    QTest::newRow("length over the bound")
            << header(0x21, 0x11, v4, ProxyHeaderParser::MaxPayloadBytes + 1) << Outcome::Invalid
            << QString() << 0;
    QTest::newRow("signature off by one byte")
            << QByteArray(header(0x21, 0x11, v4)).replace(7, 1, "R") << Outcome::Invalid
            << QString() << 0;
    // Truncated: stays NeedMore (the caller's deadline ends it).
    QTest::newRow("preamble only, block missing")
            << header(0x21, 0x11, v4).left(16) << Outcome::NeedMore << QString() << 0;
    QTest::newRow("half the signature") << Signature.left(6) << Outcome::NeedMore << QString() << 0;
}

void tst_ClientAddress::proxyHeader()
{
    QFETCH(QByteArray, bytes);
    QFETCH(Outcome, outcome);
    QFETCH(QString, source);
    QFETCH(int, sourcePort);

    for (qsizetype step : {bytes.size() + 1, qsizetype(1), qsizetype(5)}) {
        ProxyHeaderParser parser;
        qsizetype consumed = 0;
        const auto result = feedAll(parser, bytes, std::max<qsizetype>(1, step), &consumed);
        QCOMPARE(result.outcome, outcome);
        if (outcome == Outcome::Proxied) {
            QCOMPARE(result.source, QHostAddress(source));
            QCOMPARE(int(result.sourcePort), sourcePort);
        }
        if (outcome == Outcome::Invalid)
            QVERIFY(!result.error.isEmpty());
        if (outcome != Outcome::NeedMore)
            QCOMPARE(parser.bytesWanted(), 0);
        // Decided: it stays so.
        if (outcome != Outcome::NeedMore)
            QCOMPARE(parser.feed("x", 1).outcome, outcome);
    }
}

void tst_ClientAddress::proxyHeaderStopsAtItsEnd()
{
    // The TLS ClientHello follows at once; the parser never asks for a byte of it.
    const QByteArray head = ProxyHeaderParser::encode(QHostAddress(u"198.51.100.9"_s), 4242,
                                                      QHostAddress(u"10.0.0.1"_s), 443);
    const QByteArray stream = head + QByteArray("\x16\x03\x01\x00\x10", 5);
    ProxyHeaderParser parser;
    qsizetype consumed = 0;
    const auto result = feedAll(parser, stream, stream.size(), &consumed);
    QCOMPARE(result.outcome, Outcome::Proxied);
    QCOMPARE(consumed, head.size());
    QCOMPARE(result.source, QHostAddress(u"198.51.100.9"_s));

    // More than it asked for is the caller's error, and refused.
    ProxyHeaderParser greedy;
    QCOMPARE(greedy.feed(stream.constData(), stream.size()).outcome, Outcome::Invalid);
}

void tst_ClientAddress::proxyHeaderRoundTrip()
{
    for (const auto &[source, destination] :
         {std::pair{u"192.0.2.1"_s, u"10.1.2.3"_s}, std::pair{u"2001:db8::1"_s, u"fd00::2"_s}}) {
        const QByteArray bytes =
                ProxyHeaderParser::encode(QHostAddress(source), 1, QHostAddress(destination), 2);
        ProxyHeaderParser parser;
        qsizetype consumed = 0;
        const auto result = feedAll(parser, bytes, 3, &consumed);
        QCOMPARE(result.outcome, Outcome::Proxied);
        QCOMPARE(result.source, QHostAddress(source));
        QCOMPARE(result.sourcePort, quint16(1));
    }
    ProxyHeaderParser local;
    const QByteArray bytes = ProxyHeaderParser::encodeLocal();
    QCOMPARE(local.feed(bytes.constData(), 16).outcome, Outcome::Local);
}

void tst_ClientAddress::trustedNetworks_data()
{
    QTest::addColumn<QStringList>("networks");
    QTest::addColumn<QString>("address");
    QTest::addColumn<bool>("trusted");

    QTest::newRow("one address") << QStringList{u"10.0.0.2"_s} << u"10.0.0.2"_s << true;
    QTest::newRow("its neighbour") << QStringList{u"10.0.0.2"_s} << u"10.0.0.3"_s << false;
    QTest::newRow("a /24") << QStringList{u"10.0.0.0/24"_s} << u"10.0.0.200"_s << true;
    QTest::newRow("outside the /24") << QStringList{u"10.0.0.0/24"_s} << u"10.0.1.1"_s << false;
    QTest::newRow("IPv4-mapped peer")
            << QStringList{u"127.0.0.1"_s} << u"::ffff:127.0.0.1"_s << true;
    QTest::newRow("IPv6 network") << QStringList{u"fd00::/8"_s} << u"fd12::1"_s << true;
    QTest::newRow("IPv6 outside") << QStringList{u"fd00::/8"_s} << u"2001:db8::1"_s << false;
    QTest::newRow("mapped network")
            << QStringList{u"::ffff:192.168.1.0/120"_s} << u"192.168.1.9"_s << true;
    QTest::newRow("none listed") << QStringList{} << u"127.0.0.1"_s << false;
    QTest::newRow("second of two")
            << QStringList{u"10.0.0.2"_s, u"192.168.0.0/16"_s} << u"192.168.5.5"_s << true;
}

void tst_ClientAddress::trustedNetworks()
{
    QFETCH(QStringList, networks);
    QFETCH(QString, address);
    QFETCH(bool, trusted);
    QCOMPARE(::trusted(networks).contains(QHostAddress(address)), trusted);
}

void tst_ClientAddress::badNetworksRefused_data()
{
    QTest::addColumn<QString>("network");
    QTest::newRow("empty") << QString();
    QTest::newRow("a name") << u"proxy.example.org"_s;
    QTest::newRow("prefix too long") << u"10.0.0.0/33"_s;
    QTest::newRow("negative prefix") << u"10.0.0.0/-1"_s;
    QTest::newRow("not a number") << u"10.0.0.0/x"_s;
    QTest::newRow("five octets") << u"10.0.0.0.1"_s;
    QTest::newRow("with a port") << u"10.0.0.2:443"_s;
}

void tst_ClientAddress::badNetworksRefused()
{
    QFETCH(QString, network);
    TrustedProxies t;
    const Status added = t.add(network);
    QVERIFY(!added);
    QCOMPARE(added.error().code, ErrorCode::InvalidArgument);
    QVERIFY(t.isEmpty());
}

void tst_ClientAddress::forwardedFor_data()
{
    QTest::addColumn<QString>("peer");
    QTest::addColumn<QByteArray>("forwardedFor");
    QTest::addColumn<QString>("client");

    // Proxies: 10.0.0.2 (HAProxy) and 10.1.0.0/16 (a CDN's edge, say).
    QTest::newRow("untrusted peer: header ignored")
            << u"198.51.100.1"_s << QByteArray("203.0.113.5") << u"198.51.100.1"_s;
    QTest::newRow("untrusted peer forges a trusted hop")
            << u"198.51.100.1"_s << QByteArray("10.0.0.2") << u"198.51.100.1"_s;
    QTest::newRow("trusted peer, one hop")
            << u"10.0.0.2"_s << QByteArray("203.0.113.5") << u"203.0.113.5"_s;
    QTest::newRow("trusted peer, no header") << u"10.0.0.2"_s << QByteArray() << u"10.0.0.2"_s;
    QTest::newRow("client forged the left part")
            << u"10.0.0.2"_s << QByteArray("1.2.3.4, 203.0.113.5") << u"203.0.113.5"_s;
    QTest::newRow("two trusted hops")
            << u"10.0.0.2"_s << QByteArray("203.0.113.5, 10.1.4.4") << u"203.0.113.5"_s;
    QTest::newRow("forged left of two trusted hops")
            << u"10.0.0.2"_s << QByteArray("9.9.9.9,203.0.113.5,10.1.4.4") << u"203.0.113.5"_s;
    QTest::newRow("all hops trusted: the leftmost")
            << u"10.0.0.2"_s << QByteArray("10.1.0.7, 10.1.4.4") << u"10.1.0.7"_s;
    QTest::newRow("IPv6 client") << u"10.0.0.2"_s << QByteArray("2001:db8::7") << u"2001:db8::7"_s;
    QTest::newRow("bracketed IPv6 with port")
            << u"10.0.0.2"_s << QByteArray("[2001:db8::7]:4711") << u"2001:db8::7"_s;
    QTest::newRow("IPv4 with port")
            << u"10.0.0.2"_s << QByteArray("203.0.113.5:4711") << u"203.0.113.5"_s;
    QTest::newRow("malformed rightmost: the proxy")
            << u"10.0.0.2"_s << QByteArray("203.0.113.5, garbage") << u"10.0.0.2"_s;
    QTest::newRow("malformed behind a trusted hop: that hop")
            << u"10.0.0.2"_s << QByteArray("unknown, 10.1.4.4") << u"10.1.4.4"_s;
    QTest::newRow("empty entry") << u"10.0.0.2"_s << QByteArray("203.0.113.5, ") << u"10.0.0.2"_s;
    QTest::newRow("mapped peer") << u"::ffff:10.0.0.2"_s << QByteArray("203.0.113.5")
                                 << u"203.0.113.5"_s;
    QTest::newRow("mapped client is IPv4")
            << u"10.0.0.2"_s << QByteArray("::ffff:203.0.113.5") << u"203.0.113.5"_s;
}

void tst_ClientAddress::forwardedFor()
{
    QFETCH(QString, peer);
    QFETCH(QByteArray, forwardedFor);
    QFETCH(QString, client);
    const TrustedProxies proxies = trusted({u"10.0.0.2"_s, u"10.1.0.0/16"_s});
    QCOMPARE(proxies.clientAddress(QHostAddress(peer), forwardedFor), QHostAddress(client));
    // Nobody trusted: the peer, whatever the header says.
    QCOMPARE(TrustedProxies().clientAddress(QHostAddress(peer), forwardedFor),
             TrustedProxies::normalized(QHostAddress(peer)));
}

void tst_ClientAddress::upgradeCarriesForwardedFor()
{
    // Two header lines (the client's, then the proxy's) join in order, as RFC 9110 says.
    const QByteArray request = "GET / HTTP/1.1\r\nHost: chat\r\nUpgrade: websocket\r\n"
                               "Connection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
                               "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                               "X-Forwarded-For: 1.2.3.4\r\nx-forwarded-for: 203.0.113.5\r\n\r\n";
    HttpUpgrade upgrade;
    const auto result = upgrade.feed(request.constData(), request.size());
    QCOMPARE(result.outcome, HttpUpgrade::Outcome::Upgrade);
    QCOMPARE(result.forwardedFor, QByteArray("1.2.3.4, 203.0.113.5"));
    QCOMPARE(trusted({u"10.0.0.2"_s})
                     .clientAddress(QHostAddress(u"10.0.0.2"_s), result.forwardedFor),
             QHostAddress(u"203.0.113.5"_s));
}

QTEST_APPLESS_MAIN(tst_ClientAddress)
#include "tst_clientaddress.moc"
