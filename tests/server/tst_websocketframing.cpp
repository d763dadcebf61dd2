// The native transport's pure RFC 6455 code: the client-frame parser (masking, the three length
// forms, fragmentation, control frames between fragments, hostile input fed whole and byte by
// byte), the server-frame encoder, and the HTTP head before the upgrade (accept key from RFC
// 6455 section 1.3, refusals, the probes, the head's size bound).
#include "net/HttpUpgrade.h"
#include "net/WebSocketFrameEncoder.h"
#include "net/WebSocketFrameParser.h"

#include <QtTest/QTest>

#include <vector>

using namespace Parley;
using namespace Qt::StringLiterals;
using Event = WebSocketFrameParser::Event;
using Kind = WebSocketFrameParser::Event::Kind;

namespace {

constexpr qsizetype Cap = 256 * 1024;

struct FrameSpec
{
    quint8 opcode;
    QByteArray payload;
    bool fin = true;
    bool masked = true;
    quint8 rsv = 0;
    int lengthForm = 0; ///< 0: shortest; 7, 16 or 64: force that form
    quint64 declaredLength = ~quint64(0); ///< to lie about the length
};

/// A frame as a client sends it (masked with a fixed, non-trivial key).
QByteArray clientFrame(const FrameSpec &f)
{
    QByteArray out;
    out.append(char((f.fin ? 0x80 : 0) | (f.rsv << 4) | f.opcode));
    const quint64 size =
            f.declaredLength != ~quint64(0) ? f.declaredLength : quint64(f.payload.size());
    const quint8 maskBit = f.masked ? 0x80 : 0;
    int form = f.lengthForm;
    if (form == 0)
        form = size < 126 ? 7 : size <= 0xffff ? 16 : 64;
    if (form == 7) {
        out.append(char(maskBit | size));
    } else if (form == 16) {
        out.append(char(maskBit | 126));
        out.append(char(size >> 8));
        out.append(char(size));
    } else {
        out.append(char(maskBit | 127));
        for (int i = 7; i >= 0; --i)
            out.append(char(size >> (8 * i)));
    }
    const quint8 mask[4] = {0x37, 0xfa, 0x21, 0x3d};
    if (f.masked)
        out.append(reinterpret_cast<const char *>(mask), 4);
    for (qsizetype i = 0; i < f.payload.size(); ++i)
        out.append(f.masked ? char(quint8(f.payload[i]) ^ mask[i & 3]) : f.payload[i]);
    return out;
}

QByteArray binary(const QByteArray &payload, bool fin = true)
{
    return clientFrame({2, payload, fin});
}

QByteArray continuation(const QByteArray &payload, bool fin)
{
    return clientFrame({0, payload, fin});
}

QByteArray closeFrame(quint16 code, const QByteArray &reason)
{
    QByteArray p;
    p.append(char(code >> 8));
    p.append(char(code));
    return clientFrame({8, p + reason});
}

QByteArray pattern(qsizetype size)
{
    QByteArray out(size, Qt::Uninitialized);
    for (qsizetype i = 0; i < size; ++i)
        out[i] = char(i * 7 + i / 251);
    return out;
}

std::vector<Event> parseWhole(const QByteArray &bytes, qsizetype cap = Cap)
{
    WebSocketFrameParser parser(cap);
    std::vector<Event> events;
    parser.feed(bytes.constData(), bytes.size(), events);
    return events;
}

std::vector<Event> parseByteByByte(const QByteArray &bytes, qsizetype cap = Cap)
{
    WebSocketFrameParser parser(cap);
    std::vector<Event> events;
    for (char c : bytes)
        parser.feed(&c, 1, events);
    return events;
}

QString describe(const std::vector<Event> &events)
{
    QStringList out;
    for (const Event &e : events) {
        static const char *names[] = {"binary", "text", "ping", "close", "error"};
        out << QStringLiteral("%1(%2,%3)")
                        .arg(QLatin1StringView(names[int(e.kind)]))
                        .arg(e.payload.size())
                        .arg(e.code);
    }
    return out.join(u' ');
}

} // namespace

class tst_WebSocketFraming : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void lengths_data();
    void lengths();
    void fragmentedWithInterleavedPing();
    void closeEchoes();
    void textIsReportedNotKept();
    void pongIgnored();
    void hostile_data();
    void hostile();
    void messageCapCountsFragments();
    void inputAfterCloseIgnored();

    void encoderHeaders_data();
    void encoderHeaders();
    void encoderRoundTrip();
    void encoderCloseCutsOnUtf8Boundary();

    void acceptKeyFromRfc();
    void goodUpgrade();
    void upgradeKeepsFollowingBytes();
    void headInPieces();
    void refusals_data();
    void refusals();
    void oversizedHead();
    void probes_data();
    void probes();
};

void tst_WebSocketFraming::lengths_data()
{
    QTest::addColumn<qsizetype>("size");
    QTest::addColumn<int>("form");
    for (qsizetype size : {0, 1, 125, 126, 65535, 65536, 200000})
        QTest::addRow("%lld", qlonglong(size)) << size << 0;
    // Non-minimal forms are legal input.
    QTest::addRow("5 in 16 bits") << qsizetype(5) << 16;
    QTest::addRow("5 in 64 bits") << qsizetype(5) << 64;
}

void tst_WebSocketFraming::lengths()
{
    QFETCH(qsizetype, size);
    QFETCH(int, form);
    const QByteArray payload = pattern(size);
    FrameSpec spec{2, payload};
    spec.lengthForm = form;
    const QByteArray wire = clientFrame(spec);
    for (const auto &events : {parseWhole(wire), parseByteByByte(wire)}) {
        QCOMPARE(events.size(), std::size_t(1));
        QCOMPARE(events[0].kind, Kind::Binary);
        QCOMPARE(events[0].payload, payload);
    }
}

void tst_WebSocketFraming::fragmentedWithInterleavedPing()
{
    const QByteArray wire = binary("hello ", false) + clientFrame({9, "are you there"})
            + continuation("big ", false) + continuation("world", true) + binary("next");
    for (const auto &events : {parseWhole(wire), parseByteByByte(wire)}) {
        QCOMPARE(describe(events), u"ping(13,0) binary(15,0) binary(4,0)"_s);
        QCOMPARE(events[0].payload, QByteArray("are you there"));
        QCOMPARE(events[1].payload, QByteArray("hello big world"));
        QCOMPARE(events[2].payload, QByteArray("next"));
    }
}

void tst_WebSocketFraming::closeEchoes()
{
    auto events = parseWhole(closeFrame(1001, "bye \xc3\xa9"));
    QCOMPARE(describe(events), u"close(6,1001)"_s);
    QCOMPARE(events[0].payload, QByteArray("bye \xc3\xa9"));
    events = parseWhole(clientFrame({8, {}}));
    QCOMPARE(describe(events), u"close(0,0)"_s);
    events = parseWhole(closeFrame(4000, {}));
    QCOMPARE(describe(events), u"close(0,4000)"_s);
}

void tst_WebSocketFraming::textIsReportedNotKept()
{
    const QByteArray wire =
            clientFrame({1, "hi", false}) + continuation(" there", true) + binary("after");
    const auto events = parseByteByByte(wire);
    QCOMPARE(describe(events), u"text(0,0) binary(5,0)"_s);
}

void tst_WebSocketFraming::pongIgnored()
{
    QCOMPARE(describe(parseWhole(clientFrame({10, "x"}) + binary("a"))), u"binary(1,0)"_s);
}

void tst_WebSocketFraming::hostile_data()
{
    QTest::addColumn<QByteArray>("wire");
    QTest::addColumn<int>("code");
    QTest::addColumn<qsizetype>("cap");
    const qsizetype cap = Cap;
    QTest::newRow("unmasked") << clientFrame({2, "abc", true, false}) << 1002 << cap;
    for (quint8 rsv : {1, 2, 4})
        QTest::addRow("rsv %d", rsv) << clientFrame({2, "abc", true, true, rsv}) << 1002 << cap;
    for (quint8 op : {3, 7, 11, 15})
        QTest::addRow("opcode %d", op) << clientFrame({op, "abc"}) << 1002 << cap;
    QTest::newRow("ping of 126 bytes") << clientFrame({9, QByteArray(126, 'p')}) << 1002 << cap;
    QTest::newRow("close of 126 bytes") << clientFrame({8, QByteArray(126, 'c')}) << 1002 << cap;
    QTest::newRow("fragmented ping") << clientFrame({9, "p", false}) << 1002 << cap;
    FrameSpec huge{2, {}};
    huge.declaredLength = quint64(1) << 63;
    QTest::newRow("64-bit length with MSB set") << clientFrame(huge) << 1002 << cap;
    huge.declaredLength = quint64(1) << 40;
    QTest::newRow("1 TiB declared") << clientFrame(huge) << 1009 << cap;
    QTest::newRow("one byte over the cap") << binary(QByteArray(cap + 1, 'x')) << 1009 << cap;
    QTest::newRow("continuation first") << continuation("x", true) << 1002 << cap;
    QTest::newRow("new message inside one") << binary("a", false) + binary("b") << 1002 << cap;
    QTest::newRow("close with 1 byte") << clientFrame({8, "x"}) << 1002 << cap;
    for (quint16 code : {0, 999, 1004, 1005, 1006, 1015, 2000, 2999, 5000})
        QTest::addRow("close code %d", code) << closeFrame(code, {}) << 1002 << cap;
    QTest::newRow("close reason not UTF-8") << closeFrame(1000, "\xff\xfe") << 1007 << cap;
}

void tst_WebSocketFraming::hostile()
{
    QFETCH(QByteArray, wire);
    QFETCH(int, code);
    QFETCH(qsizetype, cap);
    // Good traffic first: the parser does not lose state before the bad frame.
    const QByteArray all = binary("ok") + wire + binary("never seen");
    for (const auto &events : {parseWhole(all, cap), parseByteByByte(all, cap)}) {
        QCOMPARE(events.size(), std::size_t(2));
        QCOMPARE(events[0].kind, Kind::Binary);
        QCOMPARE(events[1].kind, Kind::Error);
        QCOMPARE(int(events[1].code), code);
        QVERIFY(!events[1].payload.isEmpty());
    }
}

void tst_WebSocketFraming::messageCapCountsFragments()
{
    const qsizetype cap = 1000;
    // Exactly the cap over three fragments passes...
    QByteArray wire = binary(QByteArray(400, 'a'), false)
            + continuation(QByteArray(400, 'b'), false) + continuation(QByteArray(200, 'c'), true);
    QCOMPARE(describe(parseWhole(wire, cap)), u"binary(1000,0)"_s);
    // ...one more byte is refused when its fragment's header arrives, before its payload.
    wire = binary(QByteArray(400, 'a'), false) + continuation(QByteArray(400, 'b'), false);
    FrameSpec last{0, {}};
    last.declaredLength = 201;
    wire += clientFrame(last);
    WebSocketFrameParser parser(cap);
    std::vector<Event> events;
    parser.feed(wire.constData(), wire.size(), events);
    QCOMPARE(describe(events), u"error(15,1009)"_s);
    QVERIFY(parser.hasEnded());
    QCOMPARE(parser.bufferedBytes(), 0);
}

void tst_WebSocketFraming::inputAfterCloseIgnored()
{
    WebSocketFrameParser parser(Cap);
    std::vector<Event> events;
    const QByteArray wire = closeFrame(1000, {}) + binary("late");
    parser.feed(wire.constData(), wire.size(), events);
    QCOMPARE(describe(events), u"close(0,1000)"_s);
    QVERIFY(parser.hasEnded());
}

void tst_WebSocketFraming::encoderHeaders_data()
{
    QTest::addColumn<quint64>("size");
    QTest::addColumn<QByteArray>("header");
    QTest::newRow("0") << quint64(0) << QByteArray::fromHex("8200");
    QTest::newRow("125") << quint64(125) << QByteArray::fromHex("827d");
    QTest::newRow("126") << quint64(126) << QByteArray::fromHex("827e007e");
    QTest::newRow("65535") << quint64(65535) << QByteArray::fromHex("827effff");
    QTest::newRow("65536") << quint64(65536) << QByteArray::fromHex("827f0000000000010000");
}

void tst_WebSocketFraming::encoderHeaders()
{
    QFETCH(quint64, size);
    QFETCH(QByteArray, header);
    char out[WebSocketFrameEncoder::MaxHeaderBytes];
    const int n = WebSocketFrameEncoder::writeHeader(out, WebSocketOpcode::Binary, size);
    QCOMPARE(QByteArray(out, n), header);
}

void tst_WebSocketFraming::encoderRoundTrip()
{
    // A server frame, masked the way a client would send it, parses back to the same payload.
    for (qsizetype size : {0, 125, 126, 65535, 65536}) {
        const QByteArray payload = pattern(size);
        const QByteArray frame = WebSocketFrameEncoder::frame(WebSocketOpcode::Binary, payload);
        QCOMPARE(quint8(frame[0]), quint8(0x82));
        QCOMPARE(quint8(frame[1]) & 0x80, 0); // servers do not mask
        const int headerSize = size < 126 ? 2 : size <= 0xffff ? 4 : 10;
        QCOMPARE(frame.mid(headerSize), payload);
        const auto events = parseWhole(binary(payload));
        QCOMPARE(events.size(), std::size_t(1));
        QCOMPARE(events[0].payload, payload);
    }
    QCOMPARE(WebSocketFrameEncoder::frame(WebSocketOpcode::Pong, "hi"), QByteArray("\x8a\x02hi"));
    QCOMPARE(WebSocketFrameEncoder::close(1009, "too big"),
             QByteArray::fromHex("880903f1") + "too big");
}

void tst_WebSocketFraming::encoderCloseCutsOnUtf8Boundary()
{
    // 2 bytes of code + 123 of reason fit; "é" is 2 bytes and would straddle the end.
    const QByteArray reason = QByteArray(122, 'a') + "\xc3\xa9" + "tail";
    const QByteArray frame = WebSocketFrameEncoder::close(1000, reason);
    QCOMPARE(frame.size(), 2 + 2 + 122);
    const auto events = parseWhole(clientFrame({8, frame.mid(2)}));
    QCOMPARE(describe(events), u"close(122,1000)"_s);
}

void tst_WebSocketFraming::acceptKeyFromRfc()
{
    // RFC 6455 section 1.3.
    QCOMPARE(HttpUpgrade::acceptKey("dGhlIHNhbXBsZSBub25jZQ=="),
             QByteArray("s3pPLMBiTxaQ9kYGzzhZRbK+xOo="));
}

namespace {

QByteArray upgradeRequest(const QByteArray &extraOrReplacement = {})
{
    if (!extraOrReplacement.isEmpty() && extraOrReplacement.startsWith("GET"))
        return extraOrReplacement;
    return "GET /chat HTTP/1.1\r\nHost: server.example.com\r\nUpgrade: websocket\r\n"
           "Connection: keep-alive, Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
           "Origin: http://example.com\r\nSec-WebSocket-Version: 13\r\n"
            + extraOrReplacement + "\r\n";
}

HttpUpgrade::Result feedAll(HttpUpgrade &h, const QByteArray &bytes)
{
    return h.feed(bytes.constData(), bytes.size());
}

} // namespace

void tst_WebSocketFraming::goodUpgrade()
{
    HttpUpgrade h;
    const auto r = feedAll(h, upgradeRequest());
    QCOMPARE(r.outcome, HttpUpgrade::Outcome::Upgrade);
    QVERIFY(r.response.startsWith("HTTP/1.1 101 Switching Protocols\r\n"));
    QVERIFY(r.response.contains("\r\nSec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n"));
    QVERIFY(r.response.contains("\r\nUpgrade: websocket\r\n"));
    QVERIFY(r.response.endsWith("\r\n\r\n"));
    QVERIFY(r.rest.isEmpty());
    // Decided once.
    QCOMPARE(feedAll(h, "more").response, QByteArray());
}

void tst_WebSocketFraming::upgradeKeepsFollowingBytes()
{
    HttpUpgrade h;
    const QByteArray frame = binary("early");
    const auto r = feedAll(h, upgradeRequest() + frame);
    QCOMPARE(r.outcome, HttpUpgrade::Outcome::Upgrade);
    QCOMPARE(r.rest, frame);
}

void tst_WebSocketFraming::headInPieces()
{
    // Fed byte by byte (the end marker straddles reads): decided on the very last byte.
    const QByteArray request = upgradeRequest();
    HttpUpgrade h;
    for (qsizetype i = 0; i + 1 < request.size(); ++i)
        QCOMPARE(h.feed(request.constData() + i, 1).outcome, HttpUpgrade::Outcome::NeedMore);
    QCOMPARE(h.feed(request.constData() + request.size() - 1, 1).outcome,
             HttpUpgrade::Outcome::Upgrade);
}

void tst_WebSocketFraming::refusals_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<QByteArray>("status");
    const QByteArray base = upgradeRequest();
    const auto without = [&base](const char *header) {
        QByteArray r = base;
        const qsizetype at = r.indexOf(header);
        r.remove(at, r.indexOf("\r\n", at) + 2 - at);
        return r;
    };
    QTest::newRow("no Upgrade") << without("Upgrade: websocket") << QByteArray("426");
    QTest::newRow("no Connection") << without("Connection:") << QByteArray("400");
    QTest::newRow("no key") << without("Sec-WebSocket-Key:") << QByteArray("400");
    QTest::newRow("no version") << without("Sec-WebSocket-Version:") << QByteArray("426");
    QByteArray v8 = base;
    v8.replace("Version: 13", "Version: 8");
    QTest::newRow("version 8") << v8 << QByteArray("426");
    QByteArray shortKey = base;
    shortKey.replace("dGhlIHNhbXBsZSBub25jZQ==", "c2hvcnQ=");
    QTest::newRow("short key") << shortKey << QByteArray("400");
    QByteArray post = base;
    post.replace("GET /chat", "POST /chat");
    QTest::newRow("POST") << post << QByteArray("400");
    QByteArray http10 = base;
    http10.replace("HTTP/1.1", "HTTP/1.0");
    QTest::newRow("HTTP/1.0") << http10 << QByteArray("400");
    QTest::newRow("garbage") << QByteArray("\x16\x03\x01\x02\x01\r\n\r\n") << QByteArray("400");
    QTest::newRow("plain GET /") << QByteArray("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
                                 << QByteArray("426");
    QByteArray folded = base;
    folded.replace("Origin:", " Origin:");
    QTest::newRow("folded line") << folded << QByteArray("400");
}

void tst_WebSocketFraming::refusals()
{
    QFETCH(QByteArray, request);
    QFETCH(QByteArray, status);
    HttpUpgrade h;
    const auto r = feedAll(h, request);
    QCOMPARE(r.outcome, HttpUpgrade::Outcome::Refuse);
    QVERIFY2(r.response.startsWith(QByteArray("HTTP/1.1 " + status + ' ')), r.response.constData());
    QVERIFY(r.response.contains("\r\nConnection: close\r\n"));
    const qsizetype bodyAt = r.response.indexOf("\r\n\r\n") + 4;
    QVERIFY(r.response.size() > bodyAt + 1); // a reason in words
}

void tst_WebSocketFraming::oversizedHead()
{
    HttpUpgrade h;
    QByteArray request = "GET /chat HTTP/1.1\r\n";
    const QByteArray filler = "X-Filler: " + QByteArray(100, 'f') + "\r\n";
    HttpUpgrade::Result r;
    // Fed in pieces: refused as soon as 8 KiB are held without an end.
    int fed = 0;
    r = feedAll(h, request);
    while (r.outcome == HttpUpgrade::Outcome::NeedMore && fed < 1000) {
        r = feedAll(h, filler);
        ++fed;
    }
    QCOMPARE(r.outcome, HttpUpgrade::Outcome::Refuse);
    QVERIFY(r.response.startsWith("HTTP/1.1 431 "));
    QVERIFY(fed * filler.size() <= HttpUpgrade::MaxHeadBytes + filler.size());
    // One read far larger than the bound: refused too, not buffered.
    HttpUpgrade big;
    QCOMPARE(feedAll(big, QByteArray(1 << 20, 'a')).outcome, HttpUpgrade::Outcome::Refuse);
    // A head of just under the bound is fine.
    HttpUpgrade justFits;
    QByteArray fits = upgradeRequest();
    fits.insert(fits.indexOf("Origin:"),
                "X-Pad: " + QByteArray(HttpUpgrade::MaxHeadBytes - fits.size() - 9, 'p') + "\r\n");
    QCOMPARE(fits.size(), HttpUpgrade::MaxHeadBytes);
    QCOMPARE(feedAll(justFits, fits).outcome, HttpUpgrade::Outcome::Upgrade);
}

void tst_WebSocketFraming::probes_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<QByteArray>("path");
    QTest::newRow("healthz") << QByteArray("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
                             << QByteArray("/healthz");
    QTest::newRow("metrics") << QByteArray("GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n")
                             << QByteArray("/metrics");
    // As the Qt transport: the first bytes decide, the rest of the head need not come.
    QTest::newRow("healthz, head unfinished")
            << QByteArray("GET /healthz") << QByteArray("/healthz");
}

void tst_WebSocketFraming::probes()
{
    QFETCH(QByteArray, request);
    QFETCH(QByteArray, path);
    HttpUpgrade whole;
    auto r = feedAll(whole, request);
    QCOMPARE(r.outcome, HttpUpgrade::Outcome::Probe);
    QCOMPARE(r.path, path);
    HttpUpgrade pieces;
    for (qsizetype i = 0; i < request.size(); ++i) {
        r = pieces.feed(request.constData() + i, 1);
        if (r.outcome != HttpUpgrade::Outcome::NeedMore)
            break;
    }
    QCOMPARE(r.outcome, HttpUpgrade::Outcome::Probe);
    QCOMPARE(r.path, path);
    QCOMPARE(HttpUpgrade::okResponse("text/plain; charset=utf-8", "ok\n"),
             QByteArray("HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\n"
                        "Content-Length: 3\r\nConnection: close\r\n\r\nok\n"));
}

QTEST_APPLESS_MAIN(tst_WebSocketFraming)
#include "tst_websocketframing.moc"
