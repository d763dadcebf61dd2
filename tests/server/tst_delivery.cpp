// The thin path through parleyd: register, open a direct chat, send, receive the push, page
// the history.
#include "ServerFixture.h"

#include <QtTest/QTest>

using namespace Parley;
using namespace Qt::StringLiterals;

class tst_Delivery : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void cleanup();
    void directMessageIsPushed();
    void historyPages();

private:
    ServerFixture f;
};

void tst_Delivery::initTestCase()
{
    QVERIFY2(!ParleydProcess::binary().isEmpty(), "PARLEYD_BINARY is not set");
    PARLEY_START_SERVER(f);
    QVERIFY(!f.server.fingerprint().isEmpty());
    // The postgres run really runs on PostgreSQL.
    QCOMPARE(f.server.log().contains("database postgresql://"), ParleydProcess::usesPostgres());
}

void tst_Delivery::cleanupTestCase()
{
    PARLEY_STOP_SERVER(f);
}

void tst_Delivery::cleanup()
{
    f.logIfFailed();
}

void tst_Delivery::directMessageIsPushed()
{
    auto aliceClient = f.registerUser(u"alice"_s);
    QVERIFY(aliceClient);
    auto bobClient = f.registerUser(u"bob"_s);
    QVERIFY(bobClient);
    TestClient &alice = *aliceClient;
    TestClient &bob = *bobClient;
    const AuthenticatedFrame *a = &alice.account();
    const AuthenticatedFrame *b = &bob.account();
    QCOMPARE(a->token.size(), 32);

    auto conv = alice.call<ConversationInfoFrame>(CreateDirectFrame{b->userId});
    PARLEY_VERIFY(conv);
    QCOMPARE(conv->conversation.kind, ConversationKind::Direct);
    QCOMPARE(conv->conversation.members.size(), 2);
    const qint64 id = conv->conversation.id;

    // Bob hears of the new conversation.
    auto pushed = bob.awaitPush(FrameType::ConversationInfo);
    QVERIFY(pushed);
    QCOMPARE(FrameCodec::read<ConversationInfoFrame>(*pushed)->conversation.id, id);

    // Asking again gives the same conversation.
    auto again = bob.call<ConversationInfoFrame>(CreateDirectFrame{a->userId});
    QVERIFY(again);
    QCOMPARE(again->conversation.id, id);

    const QByteArray clientId = TestClient::newClientId();
    auto sent = alice.call<SentFrame>(SendFrame{id, clientId, "opaque ciphertext"_ba});
    PARLEY_VERIFY(sent);
    QCOMPARE(sent->clientId, clientId);
    QVERIFY(sent->seq >= 2); // seq 1 is the conversation's Created entry

    // Bob gets the message; skip the membership entry pushed first.
    auto message = bob.await([](const RawFrame &f) {
        if (f.type != FrameType::Message)
            return false;
        auto m = FrameCodec::read<MessageFrame>(f);
        return m && m->envelope.kind == MessageKind::Content;
    });
    QVERIFY(message);
    const Envelope e = FrameCodec::read<MessageFrame>(*message)->envelope;
    QCOMPARE(e.conversationId, id);
    QCOMPARE(e.seq, sent->seq);
    QCOMPARE(e.senderUserId, a->userId);
    QCOMPARE(e.senderDeviceId, a->deviceId);
    QCOMPARE(e.body, "opaque ciphertext"_ba);
    QCOMPARE(e.serverTime, sent->serverTime);

    // The sending device does not get its own message back.
    QVERIFY(!alice.await(
            [](const RawFrame &f) {
                auto m = FrameCodec::read<MessageFrame>(f);
                return m && m->envelope.kind == MessageKind::Content;
            },
            300));
}

void tst_Delivery::historyPages()
{
    auto carol = f.registerUser(u"carol"_s);
    QVERIFY(carol);
    auto dave = f.registerUser(u"dave"_s);
    QVERIFY(dave);
    const qint64 id = f.direct(*carol, *dave);
    QVERIFY(id);
    QList<qint64> seqs;
    for (int i = 0; i < 5; ++i) {
        auto sent = carol->call<SentFrame>(
                SendFrame{id, TestClient::newClientId(), QByteArray::number(i)});
        QVERIFY(sent);
        seqs.append(sent->seq);
    }
    for (int i = 1; i < seqs.size(); ++i)
        QCOMPARE(seqs[i], seqs[i - 1] + 1);

    auto newest = dave->call<MessagesFrame>(HistoryFrame{id, seqs.last() + 1, 0, 2});
    PARLEY_VERIFY(newest);
    QCOMPARE(newest->messages.size(), 2);
    QCOMPARE(newest->messages[0].seq, seqs[3]);
    QCOMPARE(newest->messages[1].seq, seqs[4]);
    QVERIFY(newest->more);

    auto all = dave->call<MessagesFrame>(HistoryFrame{id, 0, 0, 50});
    PARLEY_VERIFY(all);
    QCOMPARE(all->messages.size(), 6); // Created + 5
    QCOMPARE(all->messages.first().seq, 1);
    QCOMPARE(all->messages.first().kind, MessageKind::Membership);
    QVERIFY(!all->more);

    auto after = dave->call<MessagesFrame>(HistoryFrame{id, 0, seqs[2], 50});
    PARLEY_VERIFY(after);
    QCOMPARE(after->messages.size(), 2);
    QCOMPARE(after->messages.first().seq, seqs[3]);
}

QTEST_GUILESS_MAIN(tst_Delivery)
#include "tst_delivery.moc"
