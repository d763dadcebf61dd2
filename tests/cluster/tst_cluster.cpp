// Several parleyd nodes on one PostgreSQL database, live events between them over a real
// redis-server (docs/scaling.md): what a user on one node sees of users on another.
#include "ClusterFixture.h"
#include "HaproxyProcess.h"
#include "TestLogging.h"

#include <QtCore/QDateTime>
#include <QtCore/QElapsedTimer>
#include <QtCore/QProcess>
#include <QtCore/QTemporaryDir>
#include <QtNetwork/QSslSocket>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

using namespace Parley;
using namespace Qt::StringLiterals;

namespace {

#define SKIP_WITHOUT_CLUSTER()                            \
  do {                                                    \
    const QString reason_ = ClusterFixture::skipReason(); \
    if (!reason_.isEmpty())                               \
      QSKIP(qPrintable(reason_));                         \
  } while (false)

/// Every entry 1..lastSeq that this device did not send itself, pushed exactly once, in order.
void verifyDevice(TestClient &client, const char *who, qint64 conversationId, qint64 lastSeq,
                  const QList<qint64> &ownSeqs)
{
    QList<qint64> expected;
    for (qint64 s = 1; s <= lastSeq; ++s) {
        if (!ownSeqs.contains(s))
            expected.append(s);
    }
    if (!expected.isEmpty())
        QVERIFY2(waitForSeq(client, conversationId, expected.last()), who);
    const QList<qint64> got = pushedSeqs(client, conversationId);
    if (got != expected) {
        qCWarning(lcTestServer) << who << "expected" << expected;
        qCWarning(lcTestServer) << who << "got     " << got;
    }
    QVERIFY2(got == expected, who);
}

qint64 conversationOf(const Result<ConversationInfoFrame> &info)
{
    return info ? info->conversation.id : 0;
}

/// The next presence push about `userId` with this online state.
std::optional<Presence> nextPresence(TestClient &client, qint64 userId, bool online,
                                     int timeoutMs = 10000)
{
    auto frame = client.await(
            [&](const RawFrame &f) {
                if (f.type != FrameType::Presence || f.hasId())
                    return false;
                auto p = FrameCodec::read<PresenceFrame>(f);
                return p && p->presence.userId == userId && p->presence.online == online;
            },
            timeoutMs);
    if (!frame)
        return std::nullopt;
    return FrameCodec::read<PresenceFrame>(*frame)->presence;
}

/// The status of GET /healthz on the node ("200 OK") and, on the next line, its body.
QByteArray healthOf(ParleydProcess &node)
{
    QSslSocket socket;
    socket.setPeerVerifyMode(QSslSocket::VerifyNone);
    QSignalSpy closed(&socket, &QAbstractSocket::disconnected);
    socket.connectToHostEncrypted(u"127.0.0.1"_s, node.port());
    socket.write("GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n");
    if (!closed.wait(5000))
        return {};
    const QByteArray response = socket.readAll();
    const QByteArray statusLine = response.left(response.indexOf("\r\n"));
    return statusLine.mid(statusLine.indexOf(' ') + 1) + '\n'
            + response.mid(response.indexOf("\r\n\r\n") + 4);
}

/// The whole log of the conversation as one member reads it (history pages).
QList<Envelope> wholeLog(TestClient &client, qint64 conversationId)
{
    QList<Envelope> log;
    for (;;) {
        HistoryFrame h;
        h.conversationId = conversationId;
        h.afterSeq = log.isEmpty() ? 0 : log.last().seq;
        h.limit = 100;
        auto page = client.call<MessagesFrame>(h);
        if (!page)
            return {};
        log += page->messages;
        if (!page->more || page->messages.isEmpty())
            return log;
    }
}

/// A direct chat between two new users on nodes `first` and `second`, both past its first entry.
qint64 directChat(ClusterFixture &cluster, std::unique_ptr<TestClient> &a, int first,
                  std::unique_ptr<TestClient> &b, int second)
{
    a = cluster.newUser(first, u"alice"_s);
    b = cluster.newUser(second, u"bob"_s);
    if (!a || !b)
        return 0;
    const qint64 conv =
            conversationOf(a->call<ConversationInfoFrame>(CreateDirectFrame{b->account().userId}));
    if (!conv || !waitForSeq(*b, conv, 1))
        return 0;
    return conv;
}

} // namespace

class tst_Cluster : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void refusesRedisWithSqlite();
    void directChatAcrossNodes();
    void groupAcrossThreeNodes();
    void receiptsAndTypingCrossNodes();
    void revocationOnOneNodeDisconnectsOnAnother();
    void presenceAcrossNodes();
    void lastSeenHiddenOnEveryNode();
    void disabledUserIsOfflineEverywhere();
    void nodeLossTakesUsersOffline();
    void nodeLossLosesNothing();
    void nodeLossThroughHaproxy();
    void redisLossLosesNothing();
};

void tst_Cluster::refusesRedisWithSqlite()
{
    QTemporaryDir dir;
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(ParleydProcess::binary(),
            {u"--data-dir"_s, dir.path(), u"--redis"_s, u"redis://127.0.0.1:6379"_s, u"--listen"_s,
             u"127.0.0.1:0"_s});
    QVERIFY(p.waitForFinished(30000));
    QVERIFY(p.exitCode() != 0);
    const QByteArray out = p.readAll();
    QVERIFY2(out.contains("postgresql://"), out.constData());
    QVERIFY2(!out.contains("listening"), out.constData());

    // A malformed URL is refused the same way.
    p.start(ParleydProcess::binary(),
            {u"--data-dir"_s, dir.path(), u"--database"_s, u"postgresql://u@127.0.0.1/db"_s,
             u"--redis"_s, u"http://127.0.0.1"_s});
    QVERIFY(p.waitForFinished(30000));
    QVERIFY(p.exitCode() != 0);
    QVERIFY(p.readAll().contains("redis://"));
}

void tst_Cluster::directChatAcrossNodes()
{
    SKIP_WITHOUT_CLUSTER();
    ClusterFixture cluster;
    QVERIFY(cluster.start(2));
    auto alice = cluster.newUser(0, u"alice"_s);
    auto bob = cluster.newUser(1, u"bob"_s);
    QVERIFY(alice && bob);
    auto alice2 = cluster.newDevice(1, alice->account().username);
    QVERIFY(alice2);

    const qint64 conv = conversationOf(
            alice->call<ConversationInfoFrame>(CreateDirectFrame{bob->account().userId}));
    QVERIFY(conv > 0);
    // Bob (other node) and alice's second device learn of it and get its first entry.
    QVERIFY(waitForSeq(*bob, conv, 1));
    QVERIFY(waitForSeq(*alice2, conv, 1));
    // Bob can write in it at once: his node knows he is a member.
    const QList<qint64> fromAlice = sendMany(*alice, conv, 15);
    const QList<qint64> fromBob = sendMany(*bob, conv, 15);
    const QList<qint64> aliceSeqs = acks(*alice, fromAlice);
    const QList<qint64> bobSeqs = acks(*bob, fromBob);
    QCOMPARE(aliceSeqs.size(), 15);
    QCOMPARE(bobSeqs.size(), 15);

    verifyDevice(*alice, "alice", conv, 31, aliceSeqs);
    verifyDevice(*alice2, "alice's second device", conv, 31, {});
    verifyDevice(*bob, "bob", conv, 31, bobSeqs);
}

void tst_Cluster::groupAcrossThreeNodes()
{
    SKIP_WITHOUT_CLUSTER();
    ClusterFixture cluster;
    QVERIFY(cluster.start(3));
    auto a = cluster.newUser(0, u"ann"_s);
    auto b = cluster.newUser(1, u"ben"_s);
    auto c = cluster.newUser(2, u"cat"_s);
    QVERIFY(a && b && c);
    auto b2 = cluster.newDevice(2, b->account().username);
    auto c2 = cluster.newDevice(0, c->account().username);
    QVERIFY(b2 && c2);

    const qint64 conv = conversationOf(a->call<ConversationInfoFrame>(
            CreateGroupFrame{u"three nodes"_s, {b->account().userId, c->account().userId}}));
    QVERIFY(conv > 0);
    for (TestClient *client : {a.get(), b.get(), b2.get(), c.get(), c2.get()})
        QVERIFY(waitForSeq(*client, conv, 1));

    // All three write at once, each from a different node.
    const QList<qint64> ra = sendMany(*a, conv, 10);
    const QList<qint64> rb = sendMany(*b, conv, 10);
    const QList<qint64> rc = sendMany(*c, conv, 10);
    const QList<qint64> sa = acks(*a, ra);
    const QList<qint64> sb = acks(*b, rb);
    const QList<qint64> sc = acks(*c, rc);
    QCOMPARE(sa.size() + sb.size() + sc.size(), 30);

    verifyDevice(*a, "ann", conv, 31, sa);
    verifyDevice(*b, "ben", conv, 31, sb);
    verifyDevice(*b2, "ben's second device", conv, 31, {});
    verifyDevice(*c, "cat", conv, 31, sc);
    verifyDevice(*c2, "cat's second device", conv, 31, {});
}

void tst_Cluster::receiptsAndTypingCrossNodes()
{
    SKIP_WITHOUT_CLUSTER();
    ClusterFixture cluster;
    QVERIFY(cluster.start(2));
    auto alice = cluster.newUser(0, u"alice"_s);
    auto bob = cluster.newUser(1, u"bob"_s);
    QVERIFY(alice && bob);
    const qint64 conv = conversationOf(
            alice->call<ConversationInfoFrame>(CreateDirectFrame{bob->account().userId}));
    QVERIFY(conv > 0);
    QVERIFY(waitForSeq(*bob, conv, 1));

    // Typing on node 1 shows on node 0.
    bob->sendWithoutId(TypingFrame{Typing{conv, 0, true}});
    auto typing = alice->awaitPush(FrameType::Typing);
    QVERIFY(typing);
    auto t = FrameCodec::read<TypingFrame>(*typing);
    QVERIFY(t);
    QCOMPARE(t->typing.userId, bob->account().userId);
    QVERIFY(t->typing.typing);

    // A message from node 0, delivered and read on node 1: alice sees both receipts.
    const QList<qint64> seqs = acks(*alice, sendMany(*alice, conv, 1));
    QCOMPARE(seqs.size(), 1);
    QVERIFY(waitForSeq(*bob, conv, seqs[0]));
    PARLEY_VERIFY(bob->callOk(ReceiptFrame{Receipt{conv, 0, 0, ReceiptKind::Delivered, seqs[0]}}));
    PARLEY_VERIFY(bob->callOk(ReceiptFrame{Receipt{conv, 0, 0, ReceiptKind::Read, seqs[0]}}));
    for (ReceiptKind kind : {ReceiptKind::Delivered, ReceiptKind::Read}) {
        auto frame = alice->await(
                [&](const RawFrame &f) {
                    if (f.type != FrameType::Receipt || f.hasId())
                        return false;
                    auto r = FrameCodec::read<ReceiptFrame>(f);
                    return r && r->receipt.kind == kind;
                },
                10000);
        QVERIFY2(frame, kind == ReceiptKind::Read ? "read receipt" : "delivered receipt");
        auto r = FrameCodec::read<ReceiptFrame>(*frame);
        QCOMPARE(r->receipt.userId, bob->account().userId);
        QCOMPARE(r->receipt.seq, seqs[0]);
    }
}

void tst_Cluster::revocationOnOneNodeDisconnectsOnAnother()
{
    SKIP_WITHOUT_CLUSTER();
    ClusterFixture cluster;
    QVERIFY(cluster.start(2));
    auto alice = cluster.newUser(0, u"alice"_s);
    QVERIFY(alice);
    auto laptop = cluster.newDevice(1, alice->account().username);
    auto phone = cluster.newDevice(1, alice->account().username);
    QVERIFY(laptop && phone);

    // Revoked through a session on node 0: the device on node 1 is closed within 2 s.
    QElapsedTimer clock;
    clock.start();
    PARLEY_VERIFY(alice->callOk(RevokeDeviceFrame{laptop->account().deviceId}));
    QVERIFY(laptop->waitClosed(2000));
    QVERIFY2(clock.elapsed() < 2000, QByteArray::number(clock.elapsed()).constData());

    // Revoked by the admin command (another process, no Redis): within 2 s as well.
    clock.restart();
    QByteArray out;
    QCOMPARE(cluster.node(0).runAdmin(
                     {u"device"_s, u"revoke"_s, QString::number(phone->account().deviceId)}, &out),
             0);
    QVERIFY2(phone->waitClosed(2500), out.constData());
    QVERIFY(alice->isOpen());
}

void tst_Cluster::presenceAcrossNodes()
{
    SKIP_WITHOUT_CLUSTER();
    ClusterFixture cluster;
    QVERIFY(cluster.start(2, {u"--presence-delay"_s, u"100"_s}));
    std::unique_ptr<TestClient> alice, bob;
    const qint64 conv = directChat(cluster, alice, 0, bob, 1);
    QVERIFY(conv);
    const qint64 bobId = bob->account().userId;

    // Bob on both nodes: his device on node 1 leaving does not make him offline.
    auto bobPhone = cluster.newDevice(0, bob->account().username);
    QVERIFY(bobPhone);
    alice->clear();
    bob->close();
    QVERIFY(!alice->receivesPush(FrameType::Presence, 1500));
    // His last device leaving does, with a last-seen time.
    bobPhone->close();
    auto away = nextPresence(*alice, bobId, false);
    QVERIFY(away);
    QVERIFY(away->lastSeen > 0);
    // Back on node 1: alice on node 0 sees him online.
    auto bobAgain = cluster.newDevice(1, bob->account().username);
    QVERIFY(bobAgain);
    QVERIFY(nextPresence(*alice, bobId, true));

    // A device that connects to node 1 learns from its sync that alice (node 0 only) is online.
    auto synced = bobAgain->call<SyncedFrame>(SyncFrame{});
    PARLEY_VERIFY(synced);
    bool aliceOnline = false;
    for (const Presence &p : synced->presence)
        aliceOnline = aliceOnline || (p.userId == alice->account().userId && p.online);
    QVERIFY(aliceOnline);
}

void tst_Cluster::lastSeenHiddenOnEveryNode()
{
    SKIP_WITHOUT_CLUSTER();
    ClusterFixture cluster;
    QVERIFY(cluster.start(2, {u"--presence-delay"_s, u"100"_s}));
    std::unique_ptr<TestClient> alice, bob;
    QVERIFY(directChat(cluster, alice, 0, bob, 1));
    const qint64 bobId = bob->account().userId;
    auto alicePhone = cluster.newDevice(1, alice->account().username);
    QVERIFY(alicePhone);

    // Alice hides her last seen on node 0; her phone on node 1 hears of it (after node 1's
    // directory did: both come from node 0 over Redis, in order).
    PARLEY_VERIFY(alice->callOk(SetPrivacyFrame{false}));
    auto pushed = alicePhone->awaitPush(FrameType::Privacy);
    QVERIFY(pushed);
    QVERIFY(!FrameCodec::read<PrivacyFrame>(*pushed)->showLastSeen);
    // Bob leaves node 1: node 1 withholds his time from alice (reciprocity) on both her nodes.
    alice->clear();
    bob->close();
    auto away = nextPresence(*alice, bobId, false);
    QVERIFY(away);
    QCOMPARE(away->lastSeen, 0);
    QVERIFY(away->lastSeenHidden);
    auto awayOnPhone = nextPresence(*alicePhone, bobId, false);
    QVERIFY(awayOnPhone);
    QCOMPARE(awayOnPhone->lastSeen, 0);
}

void tst_Cluster::disabledUserIsOfflineEverywhere()
{
    SKIP_WITHOUT_CLUSTER();
    ClusterFixture cluster;
    QVERIFY(cluster.start(2, {u"--presence-delay"_s, u"100"_s}));
    std::unique_ptr<TestClient> alice, bob;
    const qint64 conv = directChat(cluster, alice, 0, bob, 1);
    QVERIFY(conv);
    auto bobPhone = cluster.newDevice(0, bob->account().username);
    QVERIFY(bobPhone);
    alice->clear();

    QByteArray out;
    QCOMPARE(cluster.node(1).runAdmin({u"user"_s, u"disable"_s, bob->account().username}, &out), 0);
    QVERIFY2(bob->waitClosed(2500), out.constData());
    QVERIFY(bobPhone->waitClosed(2500));
    auto away = nextPresence(*alice, bob->account().userId, false);
    QVERIFY(away);
    // And it stays so: a sync on either node says offline.
    for (int node : {0, 1}) {
        auto viewer = cluster.newDevice(node, alice->account().username);
        QVERIFY(viewer);
        auto synced = viewer->call<SyncedFrame>(SyncFrame{});
        PARLEY_VERIFY(synced);
        for (const Presence &p : synced->presence) {
            if (p.userId == bob->account().userId)
                QVERIFY(!p.online);
        }
    }
}

void tst_Cluster::nodeLossTakesUsersOffline()
{
    SKIP_WITHOUT_CLUSTER();
    ClusterFixture cluster;
    // A short heartbeat interval (4 s), so that the test is short too.
    QVERIFY(cluster.start(2, {u"--heartbeat"_s, u"4"_s, u"--presence-delay"_s, u"100"_s}));
    std::unique_ptr<TestClient> alice, bob;
    const qint64 conv = directChat(cluster, alice, 0, bob, 1);
    QVERIFY(conv);
    alice->clear();

    // Alice's heartbeat: the server hears from her within the 2 × 4 s it waits.
    QVERIFY(alice->awaitReply(alice->send(PingFrame{})));
    QElapsedTimer clock;
    clock.start();
    cluster.node(1).kill();
    auto away = nextPresence(*alice, bob->account().userId, false, 4000);
    QVERIFY2(away, QByteArray::number(clock.elapsed()).constData());
    QVERIFY(clock.elapsed() <= 4000);
    QVERIFY(away->lastSeen > 0);
    QVERIFY(away->lastSeen <= QDateTime::currentMSecsSinceEpoch());
}

void tst_Cluster::nodeLossLosesNothing()
{
    SKIP_WITHOUT_CLUSTER();
    ClusterFixture cluster;
    QVERIFY(cluster.start(3));
    std::unique_ptr<TestClient> alice, bob;
    const qint64 conv = directChat(cluster, alice, 0, bob, 2);
    QVERIFY(conv);
    const QByteArray token = bob->account().token;
    QHash<QByteArray, qint64> acked; // client id → seq
    QList<QByteArray> sentIds;
    constexpr int Rounds = 5;
    constexpr int PerRound = 20;
    for (int round = 0; round < Rounds; ++round) {
        // Bob writes through node 2, which dies under him after the first ack.
        QList<QByteArray> clientIds;
        const QList<qint64> requests = sendMany(*bob, conv, PerRound, &clientIds);
        sentIds += clientIds;
        QVERIFY(bob->awaitReply(requests.first()).has_value());
        cluster.node(2).kill();
        QVERIFY(bob->waitClosed());
        for (const RawFrame &f : bob->received()) {
            if (f.type != FrameType::Sent)
                continue;
            auto sent = FrameCodec::read<SentFrame>(f);
            QVERIFY(sent);
            QVERIFY(!acked.contains(sent->clientId));
            acked.insert(sent->clientId, sent->seq);
        }
        // He reconnects to node 1 and sends again what was not acknowledged (same client ids).
        bob = cluster.resumeOn(1, token);
        QVERIFY(bob);
        QList<qint64> retries;
        for (const QByteArray &id : std::as_const(clientIds)) {
            if (!acked.contains(id))
                retries.append(bob->send(SendFrame{conv, id, QByteArray("again")}));
        }
        for (qint64 request : std::as_const(retries)) {
            auto reply = bob->awaitReply(request);
            QVERIFY(reply && reply->type == FrameType::Sent);
            auto sent = FrameCodec::read<SentFrame>(*reply);
            QVERIFY(!acked.contains(sent->clientId));
            acked.insert(sent->clientId, sent->seq);
        }
        // Node 2 comes back for the next round, and bob goes back to it.
        QVERIFY(cluster.node(2).start());
        bob = cluster.resumeOn(2, token);
        QVERIFY(bob);
    }
    QCOMPARE(acked.size(), Rounds * PerRound);

    // The log holds every acknowledged message exactly once, at the seq its ack said.
    const QList<Envelope> log = wholeLog(*alice, conv);
    QHash<QByteArray, qint64> stored;
    for (qsizetype i = 0; i < log.size(); ++i) {
        QCOMPARE(log[i].seq, qint64(i + 1));
        if (log[i].kind != MessageKind::Content)
            continue;
        QVERIFY2(!stored.contains(log[i].clientId), "duplicated");
        stored.insert(log[i].clientId, log[i].seq);
    }
    for (auto it = acked.cbegin(); it != acked.cend(); ++it)
        QCOMPARE(stored.value(it.key()), it.value());
    QCOMPARE(stored.size(), acked.size());
    // Alice on node 0 never got an entry twice or out of order.
    const QList<qint64> pushed = pushedSeqs(*alice, conv);
    for (qsizetype i = 1; i < pushed.size(); ++i)
        QVERIFY(pushed[i] > pushed[i - 1]);
}

void tst_Cluster::nodeLossThroughHaproxy()
{
    SKIP_WITHOUT_CLUSTER();
    if (HaproxyProcess::binary().isEmpty())
        QSKIP("haproxy is not installed (packaging/debian-packages.txt lists it)");
    // As packaging/haproxy.cfg.example runs it: TLS passed through, PROXY v2 to every node,
    // and one certificate on all of them (a client pins the one it saw first, whichever node
    // it reaches next).
    const QStringList behindProxy{u"--trusted-proxy"_s, u"127.0.0.1"_s, u"--proxy-protocol"_s};
    ClusterFixture cluster;
    QVERIFY(cluster.start(1, behindProxy));
    const QString tls = cluster.node(0).dataDir() + u"/tls/"_s;
    const QStringList sameCertificate{u"--tls-cert"_s, tls + u"cert.pem"_s, u"--tls-key"_s,
                                      tls + u"key.pem"_s};
    QVERIFY(cluster.addNode(sameCertificate));
    QVERIFY(cluster.addNode(sameCertificate));
    HaproxyProcess haproxy;
    haproxy.setNodePorts({cluster.node(0).port(), cluster.node(1).port(), cluster.node(2).port()});
    QVERIFY2(haproxy.start(), haproxy.log().constData());
    for (int n = 1; n <= 3; ++n)
        QVERIFY(haproxy.waitForNodeStatus(n, u"UP"_s));
    const QString fingerprint = cluster.node(0).fingerprint();
    // HAProxy numbers the nodes from 1; the node holding `count` client connections.
    const auto nodeWith = [&haproxy](int count, int besides) {
        for (int n = 1; n <= 3; ++n) {
            if (n != besides && haproxy.nodeStatistic(n, "scur").toInt() == count)
                return n;
        }
        return 0;
    };

    TestClient alice;
    QVERIFY(alice.connectAndRegister(haproxy.url(), fingerprint, u"alice"_s,
                                     ClusterFixture::password(u"alice"_s)));
    QTRY_VERIFY(nodeWith(1, 0) != 0);
    const int aliceNode = nodeWith(1, 0);
    auto bob = std::make_unique<TestClient>();
    QVERIFY(bob->connectAndRegister(haproxy.url(), fingerprint, u"bob"_s,
                                    ClusterFixture::password(u"bob"_s)));
    auto created = alice.call<ConversationInfoFrame>(CreateDirectFrame{bob->account().userId});
    const qint64 conv = conversationOf(created);
    QVERIFY(conv);
    QVERIFY(waitForSeq(*bob, conv, 1));
    const QByteArray token = bob->account().token;
    const auto resumeThroughHaproxy = [&]() -> std::unique_ptr<TestClient> {
        auto client = std::make_unique<TestClient>();
        if (!client->open(haproxy.url(), fingerprint) || !client->hello() || !client->resume(token))
            return nullptr;
        return client;
    };

    QHash<QByteArray, qint64> acked; // client id → seq
    constexpr int Rounds = 5;
    constexpr int PerRound = 20;
    for (int round = 0; round < Rounds; ++round) {
        // Bob sends a burst; the node HAProxy gave him dies under him after the first ack.
        QTRY_VERIFY(nodeWith(1, aliceNode) != 0);
        const int bobNode = nodeWith(1, aliceNode);
        QList<QByteArray> clientIds;
        const QList<qint64> requests = sendMany(*bob, conv, PerRound, &clientIds);
        QVERIFY(bob->awaitReply(requests.first()).has_value());
        cluster.node(bobNode - 1).kill();
        QVERIFY(bob->waitClosed());
        for (const RawFrame &f : bob->received()) {
            if (f.type != FrameType::Sent)
                continue;
            auto sent = FrameCodec::read<SentFrame>(f);
            QVERIFY(sent);
            QVERIFY(!acked.contains(sent->clientId));
            acked.insert(sent->clientId, sent->seq);
        }
        // As a client does: back to the one address once HAProxy has seen the node go; the
        // unacknowledged messages go again with their client ids.
        QVERIFY(haproxy.waitForNodeStatus(bobNode, u"DOWN"_s));
        bob = resumeThroughHaproxy();
        QVERIFY(bob);
        QList<qint64> retries;
        for (const QByteArray &id : std::as_const(clientIds)) {
            if (!acked.contains(id))
                retries.append(bob->send(SendFrame{conv, id, QByteArray("again")}));
        }
        for (qint64 request : std::as_const(retries)) {
            auto reply = bob->awaitReply(request);
            QVERIFY(reply && reply->type == FrameType::Sent);
            auto sent = FrameCodec::read<SentFrame>(*reply);
            QVERIFY(!acked.contains(sent->clientId));
            acked.insert(sent->clientId, sent->seq);
        }
        // The node comes back and HAProxy takes it in again.
        QVERIFY(cluster.node(bobNode - 1).start());
        QVERIFY(haproxy.waitForNodeStatus(bobNode, u"UP"_s));
    }
    QCOMPARE(acked.size(), Rounds * PerRound);

    // The log holds every acknowledged message exactly once, at the seq its ack said.
    const QList<Envelope> log = wholeLog(alice, conv);
    QHash<QByteArray, qint64> stored;
    for (qsizetype i = 0; i < log.size(); ++i) {
        QCOMPARE(log[i].seq, qint64(i + 1));
        if (log[i].kind != MessageKind::Content)
            continue;
        QVERIFY2(!stored.contains(log[i].clientId), "duplicated");
        stored.insert(log[i].clientId, log[i].seq);
    }
    for (auto it = acked.cbegin(); it != acked.cend(); ++it)
        QCOMPARE(stored.value(it.key()), it.value());
    QCOMPARE(stored.size(), acked.size());
    // What alice's node pushed came once each and in order; an entry whose node died between
    // its commit and its publication reaches her through the log, as a gap does.
    const QList<qint64> pushed = pushedSeqs(alice, conv);
    for (qsizetype i = 1; i < pushed.size(); ++i)
        QVERIFY(pushed[i] > pushed[i - 1]);
}

void tst_Cluster::redisLossLosesNothing()
{
    SKIP_WITHOUT_CLUSTER();
    ClusterFixture cluster;
    QVERIFY(cluster.start(2));
    std::unique_ptr<TestClient> alice, bob;
    const qint64 conv = directChat(cluster, alice, 0, bob, 1);
    QVERIFY(conv);

    QList<QByteArray> clientIds;
    QList<qint64> seqs = acks(*bob, sendMany(*bob, conv, 10, &clientIds));
    QCOMPARE(seqs.size(), 10);
    QVERIFY(waitForSeq(*alice, conv, seqs.last()));

    QCOMPARE(healthOf(cluster.node(0)), QByteArray("200 OK\nok\n"));
    // Redis goes away under traffic: messages are still stored and acknowledged.
    const QList<qint64> during = sendMany(*bob, conv, 10, &clientIds);
    cluster.redis.stop();
    QTRY_COMPARE_WITH_TIMEOUT(healthOf(cluster.node(0)),
                              QByteArray("503 Service Unavailable\nredis: unreachable\n"), 5000);
    const QList<qint64> duringSeqs = acks(*bob, during);
    QCOMPARE(duringSeqs.size(), 10);
    seqs += duringSeqs;
    const QList<qint64> more = acks(*bob, sendMany(*bob, conv, 10, &clientIds));
    QCOMPARE(more.size(), 10);
    seqs += more;
    const qint64 lastDuring = seqs.last();

    // Redis is back: within 5 s alice (who sends nothing) is told the conversation moved, and
    // live pushes flow again.
    QElapsedTimer clock;
    QVERIFY(cluster.redis.start());
    clock.start();
    auto hint = alice->await(
            [&](const RawFrame &f) {
                if (f.type != FrameType::ConversationInfo || f.hasId())
                    return false;
                auto c = FrameCodec::read<ConversationInfoFrame>(f);
                return c && c->conversation.id == conv && c->conversation.lastSeq >= lastDuring;
            },
            5000);
    QVERIFY2(hint, "not told to catch up within 5 s of Redis' return");
    bool live = false;
    while (!live && clock.elapsed() < 5000) {
        const QList<qint64> one = acks(*bob, sendMany(*bob, conv, 1, &clientIds));
        QCOMPARE(one.size(), 1);
        seqs += one;
        live = waitForSeq(*alice, conv, one.first(), 500);
    }
    QVERIFY2(live, "no live push within 5 s of Redis' return");
    QCOMPARE(healthOf(cluster.node(0)), QByteArray("200 OK\nok\n"));

    // Alice catches up as a client does, and holds every acknowledged message exactly once.
    const QList<Envelope> log = wholeLog(*alice, conv);
    QSet<QByteArray> seen;
    for (const Envelope &e : log) {
        if (e.kind != MessageKind::Content)
            continue;
        QVERIFY2(!seen.contains(e.clientId), "duplicated");
        seen.insert(e.clientId);
    }
    for (const QByteArray &id : std::as_const(clientIds))
        QVERIFY2(seen.contains(id), "lost");
    QCOMPARE(log.last().seq, seqs.last());
    const QList<qint64> pushed = pushedSeqs(*alice, conv);
    for (qsizetype i = 1; i < pushed.size(); ++i)
        QVERIFY(pushed[i] > pushed[i - 1]);
}

QTEST_GUILESS_MAIN(tst_Cluster)
#include "tst_cluster.moc"
