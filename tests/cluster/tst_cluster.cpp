// Several parleyd nodes on one PostgreSQL database, live events between them over a real
// redis-server (docs/scaling.md): what a user on one node sees of users on another.
#include "ClusterFixture.h"

#include <QtCore/QProcess>
#include <QtCore/QTemporaryDir>
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
        qWarning() << who << "expected" << expected;
        qWarning() << who << "got     " << got;
    }
    QVERIFY2(got == expected, who);
}

qint64 conversationOf(const Result<ConversationInfoFrame> &info)
{
    return info ? info->conversation.id : 0;
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

QTEST_GUILESS_MAIN(tst_Cluster)
#include "tst_cluster.moc"
