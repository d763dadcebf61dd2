// Hostile and broken input: every malformed frame gets its error and the connection stays
// where that is safe; limits hold (size, rate, time, handshakes, slow readers); retries never
// duplicate.
#include "ServerFixture.h"

#include "protocol/Limits.h"

#include <QtCore/QCborArray>
#include <QtCore/QScopeGuard>
#include <QtCore/QSemaphore>
#include <QtCore/QThread>
#include <QtNetwork/QTcpSocket>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

using namespace Parley;
using namespace Qt::StringLiterals;

class tst_Hostile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void cleanup();

    void malformedFrames_data();
    void malformedFrames();
    void wrongFieldsKeepTheId();
    void textMessage();
    void requestWithoutId();
    void serverOnlyFrame();
    void helloFirst();
    void unsupportedVersion();
    void authRequired();
    void oversizedMessageCloses();
    void oversizedBody();
    void retryIsIdempotent();
    void rateLimited();
    void authTimeout();
    void silentConnectionDropped();
    void unfinishedHandshakesAreBounded();
    void slowReaderDropped();
    void hostileAttachmentRequests();

private:
    /// A connection that said hello and is still answered: ping gets pong.
    static bool stillServes(TestClient &client);
    static std::optional<RawFrame> nextError(TestClient &client, int timeoutMs = 5000);
    ServerFixture f;
};

void tst_Hostile::initTestCase()
{
    PARLEY_START_SERVER(f);
}

void tst_Hostile::cleanupTestCase()
{
    PARLEY_STOP_SERVER(f);
}

void tst_Hostile::cleanup()
{
    f.logIfFailed();
}

bool tst_Hostile::stillServes(TestClient &client)
{
    auto pong = client.call<PongFrame>(PingFrame{});
    return bool(pong);
}

std::optional<RawFrame> tst_Hostile::nextError(TestClient &client, int timeoutMs)
{
    return client.await([](const RawFrame &f) { return f.type == FrameType::Error; }, timeoutMs);
}

void tst_Hostile::hostileAttachmentRequests()
{
    auto c = f.newUser();
    QVERIFY(c);
    auto conv = c->call<ConversationInfoFrame>(CreateGroupFrame{u"files"_s, {}});
    PARLEY_VERIFY(conv);
    const qint64 id = conv->conversation.id;
    constexpr qint64 Max = std::numeric_limits<qint64>::max();
    QCOMPARE(ServerFixture::errorOf(c->awaitReply(c->send(UploadStartFrame{id, Max}))),
             ErrorCode::AttachmentTooLarge);
    auto started = c->call<UploadProgressFrame>(UploadStartFrame{id, 100});
    PARLEY_VERIFY(started);
    // Offsets near the integer limit must not overflow into "fits".
    QCOMPARE(ServerFixture::errorOf(
                     c->awaitReply(c->send(UploadChunkFrame{started->uploadId, Max, "x"_ba}))),
             ErrorCode::AttachmentTooLarge);
    QCOMPARE(ServerFixture::errorOf(
                     c->awaitReply(c->send(UploadChunkFrame{started->uploadId, 99, "xy"_ba}))),
             ErrorCode::AttachmentTooLarge);
    QCOMPARE(ServerFixture::errorOf(c->awaitReply(
                     c->send(DownloadFrame{QByteArray(AttachmentIdBytes, '\0'), Max}))),
             ErrorCode::NoSuchAttachment);
    // Frames only the server sends.
    QCOMPARE(ServerFixture::errorOf(
                     c->awaitReply(c->send(UploadProgressFrame{started->uploadId, 100, 0}))),
             ErrorCode::UnexpectedFrame);
    QCOMPARE(ServerFixture::errorOf(c->awaitReply(c->send(
                     DownloadChunkFrame{QByteArray(AttachmentIdBytes, 'a'), 0, 1, "x"_ba}))),
             ErrorCode::UnexpectedFrame);
    QCOMPARE(ServerFixture::errorOf(c->awaitReply(c->send(BlockListFrame{{1}}))),
             ErrorCode::UnexpectedFrame);
    // Not before authentication.
    auto anonymous = f.newConnection();
    QVERIFY(anonymous);
    QCOMPARE(
            ServerFixture::errorOf(anonymous->awaitReply(anonymous->send(UploadStartFrame{id, 1}))),
            ErrorCode::AuthRequired);
    QCOMPARE(ServerFixture::errorOf(anonymous->awaitReply(anonymous->send(ListBlockedFrame{}))),
             ErrorCode::AuthRequired);
    // A session that negotiated version 1 does not know the version-2 types.
    TestClient old;
    QVERIFY(old.open(f.server.url(), f.server.fingerprint()));
    auto welcome = old.call<WelcomeFrame>(HelloFrame{1, 1, u"old"_s});
    PARLEY_VERIFY(welcome);
    QCOMPARE(welcome->version, 1);
    PARLEY_VERIFY(old.registerUser(f.uniqueName(u"old"_s), u"old-password"_s));
    old.send(UploadStartFrame{id, 1});
    auto unknown = old.awaitPush(FrameType::Error);
    QVERIFY(unknown);
    QCOMPARE(FrameCodec::read<ErrorFrame>(*unknown)->code, ErrorCode::UnknownFrameType);
    QVERIFY(stillServes(old));
    // Nothing was written, and the connection still serves.
    auto status = c->call<UploadProgressFrame>(UploadStatusFrame{started->uploadId});
    PARLEY_VERIFY(status);
    QCOMPARE(status->received, 0);
    QVERIFY(stillServes(*c));
}

void tst_Hostile::malformedFrames_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<ErrorCode>("code");
    QTest::newRow("garbage") << "\xff\xfe\xfd garbage"_ba << ErrorCode::MalformedFrame;
    QTest::newRow("empty") << QByteArray() << ErrorCode::MalformedFrame;
    QTest::newRow("not a map") << QCborValue(42).toCbor() << ErrorCode::MalformedFrame;
    QTest::newRow("truncated")
            << QCborMap{{u"t"_s, u"ping"_s}, {u"id"_s, 1}}.toCborValue().toCbor().chopped(2)
            << ErrorCode::MalformedFrame;
    QTest::newRow("trailing data") << QCborMap{{u"t"_s, u"ping"_s}}.toCborValue().toCbor() + '\x00'
                                   << ErrorCode::MalformedFrame;
    QTest::newRow("unknown type")
            << QCborMap{{u"t"_s, u"teleport"_s}, {u"id"_s, 3}}.toCborValue().toCbor()
            << ErrorCode::UnknownFrameType;
    QTest::newRow("type not text")
            << QCborMap{{u"t"_s, 7}}.toCborValue().toCbor() << ErrorCode::InvalidField;
    QTest::newRow("negative id")
            << QCborMap{{u"t"_s, u"ping"_s}, {u"id"_s, -1}}.toCborValue().toCbor()
            << ErrorCode::InvalidField;
    // {"t":"ping","t":"ping"}
    QTest::newRow("duplicate key")
            << "\xa2\x61t\x64ping\x61t\x64ping"_ba << ErrorCode::DuplicateKey;
    // {"t":"<invalid UTF-8>"}
    QTest::newRow("invalid utf-8") << "\xa1\x61t\x62\xc3\x28"_ba << ErrorCode::InvalidUtf8;
    QCborValue deep = QCborMap{};
    for (int i = 0; i < 20; ++i)
        deep = QCborArray{deep};
    QTest::newRow("too deep")
            << QCborMap{{u"t"_s, u"ping"_s}, {u"x"_s, deep}}.toCborValue().toCbor()
            << ErrorCode::LimitExceeded;
    // A byte string that claims 2^32 bytes.
    QTest::newRow("huge length") << "\xa2\x61t\x64ping\x61x\x5a\xff\xff\xff\xff"_ba
                                 << ErrorCode::LimitExceeded;
    QTest::newRow("tag") << "\xa1\x61t\xc1\x01"_ba << ErrorCode::InvalidField;
}

void tst_Hostile::malformedFrames()
{
    QFETCH(QByteArray, bytes);
    QFETCH(ErrorCode, code);
    auto c = f.newUser();
    QVERIFY(c);
    c->sendBytes(bytes);
    auto error = nextError(*c);
    QVERIFY(error);
    QVERIFY(!error->hasId()); // an id in a broken frame cannot be trusted
    QCOMPARE(FrameCodec::read<ErrorFrame>(*error)->code, code);
    QVERIFY(stillServes(*c));
}

void tst_Hostile::wrongFieldsKeepTheId()
{
    auto c = f.newUser();
    QVERIFY(c);
    const QByteArray wrongType = QCborMap{{u"t"_s, u"send"_s},
                                          {u"id"_s, 77},
                                          {u"conv"_s, u"one"_s},
                                          {u"clientId"_s, QByteArray(16, 'c')},
                                          {u"body"_s, QByteArray("x")}}
                                         .toCborValue()
                                         .toCbor();
    c->sendBytes(wrongType);
    auto reply = c->awaitReply(77);
    QVERIFY(reply);
    QCOMPARE(ServerFixture::errorOf(reply), ErrorCode::InvalidField);
    const QByteArray missing =
            QCborMap{{u"t"_s, u"history"_s}, {u"id"_s, 78}}.toCborValue().toCbor();
    c->sendBytes(missing);
    QCOMPARE(ServerFixture::errorOf(c->awaitReply(78)), ErrorCode::InvalidField);
    const QByteArray shortClientId = FrameCodec::encode(SendFrame{1, "short"_ba, "x"_ba}, 79);
    c->sendBytes(shortClientId);
    QCOMPARE(ServerFixture::errorOf(c->awaitReply(79)), ErrorCode::InvalidField);
    QVERIFY(stillServes(*c));
}

void tst_Hostile::textMessage()
{
    auto c = f.newUser();
    QVERIFY(c);
    c->sendText(u"{\"t\":\"ping\"}"_s);
    auto error = nextError(*c);
    QVERIFY(error);
    QVERIFY(!error->hasId());
    QCOMPARE(FrameCodec::read<ErrorFrame>(*error)->code, ErrorCode::MalformedFrame);
    QVERIFY(stillServes(*c));
}

void tst_Hostile::requestWithoutId()
{
    auto c = f.newUser();
    auto other = f.newUser();
    QVERIFY(c && other);
    auto conv = c->call<ConversationInfoFrame>(CreateDirectFrame{other->account().userId});
    PARLEY_VERIFY(conv);
    other->clear();
    c->sendWithoutId(SendFrame{conv->conversation.id, TestClient::newClientId(), "no id"_ba});
    auto error = nextError(*c);
    QVERIFY(error);
    QCOMPARE(FrameCodec::read<ErrorFrame>(*error)->code, ErrorCode::InvalidField);
    // Not performed.
    QVERIFY(!ServerFixture::nextContent(*other, 300));
    QVERIFY(stillServes(*c));
}

void tst_Hostile::serverOnlyFrame()
{
    auto c = f.newUser();
    QVERIFY(c);
    QCOMPARE(ServerFixture::errorOf(c->awaitReply(c->send(WelcomeFrame{}))),
             ErrorCode::UnexpectedFrame);
    QCOMPARE(
            ServerFixture::errorOf(c->awaitReply(c->send(SentFrame{1, QByteArray(16, 'c'), 1, 1}))),
            ErrorCode::UnexpectedFrame);
    QCOMPARE(ServerFixture::errorOf(c->awaitReply(c->send(HelloFrame{}))),
             ErrorCode::UnexpectedFrame);
    QVERIFY(stillServes(*c));
}

void tst_Hostile::helloFirst()
{
    TestClient c;
    QVERIFY(c.open(f.server.url(), f.server.fingerprint()));
    c.send(PingFrame{});
    auto error = nextError(c);
    QVERIFY(error);
    QCOMPARE(FrameCodec::read<ErrorFrame>(*error)->code, ErrorCode::HelloRequired);
    QVERIFY(c.waitClosed());
}

void tst_Hostile::unsupportedVersion()
{
    TestClient c;
    QVERIFY(c.open(f.server.url(), f.server.fingerprint()));
    auto welcome =
            c.call<WelcomeFrame>(HelloFrame{ProtocolVersion + 1, ProtocolVersion + 5, u"future"_s});
    QCOMPARE(welcome.error().code, ErrorCode::UnsupportedVersion);
    QVERIFY(c.waitClosed());
    // A range that includes ours gets the highest common version.
    TestClient d;
    QVERIFY(d.open(f.server.url(), f.server.fingerprint()));
    auto ok = d.call<WelcomeFrame>(HelloFrame{1, ProtocolVersion + 5, u"newer"_s});
    PARLEY_VERIFY(ok);
    QCOMPARE(ok->version, ProtocolVersion);
    QCOMPARE(ok->heartbeatSeconds, 30);
}

void tst_Hostile::authRequired()
{
    auto c = f.newConnection();
    QVERIFY(c);
    for (qint64 id : {c->send(SendFrame{1, QByteArray(16, 'c'), "x"_ba}), c->send(SyncFrame{}),
                      c->send(ListDevicesFrame{}), c->send(CreateDirectFrame{1})})
        QCOMPARE(ServerFixture::errorOf(c->awaitReply(id)), ErrorCode::AuthRequired);
    QVERIFY(stillServes(*c));
    PARLEY_VERIFY(c->registerUser(f.uniqueName(u"late"_s), u"late-password"_s));
}

void tst_Hostile::oversizedMessageCloses()
{
    auto c = f.newUser();
    QVERIFY(c);
    c->sendBytes(QByteArray(FrameLimits::fromClient().maxFrameBytes + 1024, '\x00'));
    // docs/protocol.md section 1: the error first, then the close.
    auto error = nextError(*c);
    QVERIFY(error);
    QVERIFY(!error->hasId());
    QCOMPARE(FrameCodec::read<ErrorFrame>(*error)->code, ErrorCode::FrameTooLarge);
    QVERIFY(c->waitClosed());
    QCOMPARE(c->closeCode(), QWebSocketProtocol::CloseCodeTooMuchData);
    // Everyone else is still served.
    auto d = f.newUser();
    QVERIFY(d);
    QVERIFY(stillServes(*d));
}

void tst_Hostile::oversizedBody()
{
    auto c = f.newUser();
    auto other = f.newUser();
    QVERIFY(c && other);
    auto conv = c->call<ConversationInfoFrame>(CreateDirectFrame{other->account().userId});
    PARLEY_VERIFY(conv);
    auto sent = c->call<SentFrame>(SendFrame{conv->conversation.id, TestClient::newClientId(),
                                             QByteArray(MaxBodyBytes + 1, 'b')});
    QCOMPARE(sent.error().code, ErrorCode::BodyTooLarge);
    PARLEY_VERIFY(c->call<SentFrame>(SendFrame{conv->conversation.id, TestClient::newClientId(),
                                               QByteArray(MaxBodyBytes, 'b')}));
}

void tst_Hostile::retryIsIdempotent()
{
    auto a = f.newUser();
    auto b = f.newUser();
    QVERIFY(a && b);
    auto conv = a->call<ConversationInfoFrame>(CreateDirectFrame{b->account().userId});
    PARLEY_VERIFY(conv);
    const qint64 id = conv->conversation.id;
    const QByteArray clientId = TestClient::newClientId();
    auto first = a->call<SentFrame>(SendFrame{id, clientId, "once"_ba});
    PARLEY_VERIFY(first);
    QVERIFY(ServerFixture::nextContent(*b));
    // The same client id again, twice at once: the original seq and time, nothing stored or pushed.
    const qint64 r1 = a->send(SendFrame{id, clientId, "once"_ba});
    const qint64 r2 = a->send(SendFrame{id, clientId, "once"_ba});
    for (qint64 r : {r1, r2}) {
        auto reply = a->awaitReply(r);
        QVERIFY(reply);
        auto again = FrameCodec::read<SentFrame>(*reply);
        PARLEY_VERIFY(again);
        QCOMPARE(again->seq, first->seq);
        QCOMPARE(again->serverTime, first->serverTime);
        QCOMPARE(again->clientId, clientId);
    }
    QVERIFY(!ServerFixture::nextContent(*b, 300));
    auto log = b->call<MessagesFrame>(HistoryFrame{id, 0, 0, 50});
    PARLEY_VERIFY(log);
    QCOMPARE(log->messages.size(), 2); // created + one
    // A new message still gets the next seq: no gap from the retries.
    auto next = a->call<SentFrame>(SendFrame{id, TestClient::newClientId(), "next"_ba});
    PARLEY_VERIFY(next);
    QCOMPARE(next->seq, first->seq + 1);
    // Another device may use the same client id: it is unique per device.
    auto a2 = f.newDevice(a->account().username);
    QVERIFY(a2);
    auto other = a2->call<SentFrame>(SendFrame{id, clientId, "other device"_ba});
    PARLEY_VERIFY(other);
    QCOMPARE(other->seq, next->seq + 1);
}

void tst_Hostile::rateLimited()
{
    ServerFixture strict;
    QVERIFY2(strict.start({u"--rate-limit"_s, u"5"_s, u"--rate-burst"_s, u"5"_s}),
             strict.server.log().constData());
    auto client = strict.registerUser(u"hasty"_s);
    QVERIFY(client);
    TestClient &c = *client;
    QList<qint64> ids;
    for (int i = 0; i < 30; ++i)
        ids.append(c.send(PingFrame{}));
    int limited = 0;
    for (qint64 id : ids) {
        auto reply = c.awaitReply(id);
        QVERIFY(reply);
        if (ServerFixture::errorOf(reply) == ErrorCode::RateLimited)
            ++limited;
        else
            QCOMPARE(reply->type, FrameType::Pong);
    }
    QVERIFY(limited >= 20);
    // The connection stays; tokens come back (QTRY checks once more at the end: no new ping then).
    bool served = false;
    QTRY_VERIFY_WITH_TIMEOUT(served = served || stillServes(c), 5000);
    QVERIFY(strict.stop());
}

void tst_Hostile::authTimeout()
{
    ServerFixture quick;
    QVERIFY2(quick.start({u"--auth-timeout"_s, u"1"_s}), quick.server.log().constData());
    auto c = quick.newConnection();
    QVERIFY(c);
    auto error = nextError(*c, 5000);
    QVERIFY(error);
    QCOMPARE(FrameCodec::read<ErrorFrame>(*error)->code, ErrorCode::AuthTimeout);
    QVERIFY(c->waitClosed());
    QVERIFY(quick.stop());
}

void tst_Hostile::silentConnectionDropped()
{
    ServerFixture quick;
    QVERIFY2(quick.start({u"--heartbeat"_s, u"2"_s}), quick.server.log().constData());
    // The silent one first: the talker starts talking as soon as it is registered (on a busy
    // machine a registration took longer than the talker may stay quiet, and the talker went).
    auto silentClient = quick.registerUser(u"silent"_s);
    auto talkerClient = quick.registerUser(u"talker"_s);
    QVERIFY(talkerClient && silentClient);
    TestClient &talker = *talkerClient;
    TestClient &silent = *silentClient;
    QCOMPARE(talker.hello().error().code, ErrorCode::UnexpectedFrame); // (also keeps it alive)
    // The silent one goes after 2 × 2 s; the one that pings stays.
    bool closed = false;
    for (int i = 0; i < 30 && !closed; ++i) {
        QVERIFY(stillServes(talker));
        closed = silent.waitClosed(400); // waits up to 400 ms between two pings
    }
    QVERIFY(closed);
    QVERIFY(stillServes(talker));
    QVERIFY(quick.stop());
}

void tst_Hostile::unfinishedHandshakesAreBounded()
{
    ParleydProcess gated;
    // One I/O thread: connections are gated in the order they arrived.
    gated.setArguments({u"--max-handshakes-per-address"_s, u"2"_s, u"--handshake-timeout"_s, u"2"_s,
                        u"--workers"_s, u"1"_s});
    QVERIFY2(gated.start(), gated.log().constData());
    // Two connections that never start TLS hold the address's slots...
    QTcpSocket idle1, idle2;
    for (QTcpSocket *s : {&idle1, &idle2}) {
        s->connectToHost(QHostAddress::LocalHost, gated.port());
        QVERIFY(s->waitForConnected(5000));
    }
    QSignalSpy dropped1(&idle1, &QTcpSocket::disconnected);
    // ...so a real client is turned away meanwhile.
    TestClient refused;
    QVERIFY(!refused.open(gated.url(), gated.fingerprint(), 1500));
    // The idle ones are cut after the handshake timeout, and clients get in again.
    QVERIFY(dropped1.wait(5000));
    TestClient welcome;
    QVERIFY(welcome.open(gated.url(), gated.fingerprint()));
    PARLEY_VERIFY(welcome.hello());
    QVERIFY(gated.stop());
}

namespace {

/// A client on its own thread whose event loop can be frozen: it stops reading its socket.
class FrozenReader : public QObject
{
public:
    TestClient *client = nullptr;
    QSemaphore release;
};

} // namespace

void tst_Hostile::slowReaderDropped()
{
    ParleydProcess server;
    server.setArguments({u"--max-queued-bytes"_s, u"65536"_s, u"--rate-limit"_s, u"10000"_s,
                         u"--rate-burst"_s, u"10000"_s});
    QVERIFY2(server.start(), server.log().constData());
    TestClient writer;
    PARLEY_VERIFY(writer.connectAndRegister(server.url(), server.fingerprint(), u"writer"_s,
                                            u"writer-password"_s));

    QThread thread;
    FrozenReader frozen;
    frozen.moveToThread(&thread);
    thread.start();
    AuthenticatedFrame reader;
    QSemaphore ready;
    QMetaObject::invokeMethod(&frozen, [&] {
        frozen.client = new TestClient;
        auto r = frozen.client->connectAndRegister(server.url(), server.fingerprint(), u"reader"_s,
                                                   u"reader-password"_s);
        if (r)
            reader = *r;
        ready.release();
        frozen.release.acquire(); // the reader's thread stops here: nothing is read any more
        delete frozen.client;
    });
    const auto unfreeze = qScopeGuard([&] {
        frozen.release.release();
        thread.quit();
        thread.wait(10000);
    });
    QVERIFY(ready.tryAcquire(1, 30000));
    QVERIFY(reader.userId);
    auto conv = writer.call<ConversationInfoFrame>(CreateDirectFrame{reader.userId});
    PARLEY_VERIFY(conv);
    // Pushes pile up for the reader until the server drops it, and only it.
    const QByteArray body(60000, 'z');
    for (int i = 0; i < 400 && !server.log().contains("dropping a slow reader"); ++i)
        PARLEY_VERIFY(writer.call<SentFrame>(
                SendFrame{conv->conversation.id, TestClient::newClientId(), body}));
    QTRY_VERIFY_WITH_TIMEOUT(server.log().contains("dropping a slow reader"), 20000);
    QVERIFY(stillServes(writer));
    QVERIFY(server.stop());
}

QTEST_GUILESS_MAIN(tst_Hostile)
#include "tst_hostile.moc"
