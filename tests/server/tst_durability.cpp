// A server killed with SIGKILL at random moments under load loses nothing it acknowledged:
// afterwards every acknowledged message is stored exactly once, seqs have no gaps, and the
// clients' retries (same client id) created no duplicates.
#include "ServerFixture.h"

#include <QtCore/QRandomGenerator>
#include <QtTest/QTest>

using namespace Parley;
using namespace Qt::StringLiterals;

namespace {

/// One device sending messages with an outbox, as a real client does: a message stays until its
/// `sent` arrives and is resent with the same client id after every reconnect.
class Sender : public QObject
{
public:
    Sender(TestClient *client, qint64 conversation, int inFlight)
        : m_client(client),
          m_conversation(conversation),
          m_inFlight(inFlight)
    {
        connect(client, &TestClient::frameArrived, this, &Sender::collect);
    }

    /// Keeps `inFlight` messages on the wire while `keepSending`.
    void pump()
    {
        if (!m_client->isOpen())
            return;
        while (m_keepSending && m_pending.size() < m_inFlight) {
            const QByteArray clientId = TestClient::newClientId();
            m_outbox.insert(clientId, "body " + QByteArray::number(++m_made));
            transmit(clientId);
        }
    }

    /// After a reconnect: everything still in the outbox goes again, same client ids.
    void resendAll()
    {
        m_pending.clear();
        for (auto it = m_outbox.cbegin(); it != m_outbox.cend(); ++it)
            transmit(it.key());
    }

    void stop() { m_keepSending = false; }
    qsizetype acked() const { return m_acked.size(); }
    qsizetype unacked() const { return m_outbox.size(); }
    const QHash<QByteArray, qint64> &ackedSeqs() const { return m_acked; }
    qint64 made() const { return m_made; }

private:
    void transmit(const QByteArray &clientId)
    {
        const qint64 id =
                m_client->send(SendFrame{m_conversation, clientId, m_outbox.value(clientId)});
        m_pending.insert(id, clientId);
    }

    void collect()
    {
        // Replies to sends, and pushes (dropped: this test reads the log at the end); other
        // replies (hello, resume) stay for whoever waits for them.
        const QList<RawFrame> frames = m_client->takeAll(
                [this](const RawFrame &f) { return !f.hasId() || m_pending.contains(f.id); });
        for (const RawFrame &f : frames) {
            if (!f.hasId())
                continue;
            const QByteArray clientId = m_pending.take(f.id);
            if (f.type != FrameType::Sent)
                continue; // an error (e.g. shutting down): it stays in the outbox
            const auto sent = FrameCodec::read<SentFrame>(f);
            if (!sent || sent->clientId != clientId)
                continue;
            const auto known = m_acked.constFind(clientId);
            if (known != m_acked.cend() && *known != sent->seq)
                m_conflicts.append(clientId); // acked twice with different seqs: a duplicate
            m_acked.insert(clientId, sent->seq);
            m_outbox.remove(clientId);
        }
        pump();
    }

public:
    QList<QByteArray> m_conflicts;

private:
    TestClient *m_client;
    qint64 m_conversation;
    int m_inFlight;
    bool m_keepSending = true;
    qint64 m_made = 0;
    QHash<QByteArray, QByteArray> m_outbox; ///< client id → body, until acked
    QHash<qint64, QByteArray> m_pending; ///< request id → client id, on this connection
    QHash<QByteArray, qint64> m_acked; ///< client id → seq
};

} // namespace

class tst_Durability : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void killedServerLosesNothingAcknowledged();

private:
    ServerFixture f;
};

void tst_Durability::initTestCase()
{
    PARLEY_START_SERVER(f, {u"--rate-limit"_s, u"100000"_s, u"--rate-burst"_s, u"100000"_s});
}

void tst_Durability::cleanup()
{
    f.logIfFailed(20000);
}

void tst_Durability::killedServerLosesNothingAcknowledged()
{
    constexpr int Clients = 4;
    constexpr int Kills = 6;
    constexpr qsizetype Target = 3000; // acknowledged messages before the last round

    std::vector<std::unique_ptr<TestClient>> clients;
    std::vector<QByteArray> tokens;
    for (int i = 0; i < Clients; ++i) {
        clients.push_back(f.newUser(u"durable"_s));
        QVERIFY(clients.back());
        tokens.push_back(clients.back()->account().token);
    }
    QList<qint64> others;
    for (int i = 1; i < Clients; ++i)
        others.append(clients[std::size_t(i)]->account().userId);
    auto group = clients[0]->call<ConversationInfoFrame>(CreateGroupFrame{u"durable"_s, others});
    PARLEY_VERIFY(group);
    const qint64 conversation = group->conversation.id;

    std::vector<std::unique_ptr<Sender>> senders;
    for (auto &c : clients) {
        c->clear();
        senders.push_back(std::make_unique<Sender>(c.get(), conversation, 16));
    }
    const auto totalAcked = [&] {
        qsizetype n = 0;
        for (auto &s : senders)
            n += s->acked();
        return n;
    };
    for (auto &s : senders)
        s->pump();

    auto *random = QRandomGenerator::global();
    for (int kill = 0; kill < Kills; ++kill) {
        // Let a random amount of traffic through, then kill the server mid-stream.
        const qsizetype until = totalAcked() + qsizetype(random->bounded(150, 600));
        QTRY_VERIFY_WITH_TIMEOUT(totalAcked() >= until, 60000);
        f.server.kill();
        for (auto &c : clients)
            QVERIFY(c->waitClosed(10000));
        QVERIFY2(f.server.start(), f.server.log().right(5000).constData());
        for (std::size_t i = 0; i < clients.size(); ++i) {
            QVERIFY(f.reconnect(*clients[i], tokens[i]));
            senders[i]->resendAll();
            senders[i]->pump();
        }
    }
    QTRY_VERIFY_WITH_TIMEOUT(totalAcked() >= Target, 120000);
    for (auto &s : senders)
        s->stop();
    // Everything still unacknowledged is retried until it is.
    QTRY_VERIFY_WITH_TIMEOUT(
            std::all_of(senders.begin(), senders.end(), [](auto &s) { return s->unacked() == 0; }),
            60000);

    // The log: gapless from 1, each client id exactly once, at the seq it was acknowledged with.
    QHash<QByteArray, qint64> stored;
    qint64 expectedSeq = 1;
    qint64 after = 0;
    for (bool more = true; more;) {
        auto page = clients[0]->call<MessagesFrame>(
                HistoryFrame{conversation, 0, after, MaxPageMessages});
        PARLEY_VERIFY(page);
        for (const Envelope &e : page->messages) {
            QCOMPARE(e.seq, expectedSeq++);
            if (e.kind != MessageKind::Content)
                continue;
            QVERIFY2(!stored.contains(e.clientId), "a message was stored twice");
            stored.insert(e.clientId, e.seq);
        }
        if (!page->messages.isEmpty())
            after = page->messages.last().seq;
        more = page->more;
    }
    qsizetype made = 0;
    for (auto &s : senders) {
        QVERIFY(s->m_conflicts.isEmpty());
        made += s->made();
        for (auto it = s->ackedSeqs().cbegin(); it != s->ackedSeqs().cend(); ++it) {
            QVERIFY2(stored.contains(it.key()), "an acknowledged message is missing");
            QCOMPARE(stored.value(it.key()), it.value());
        }
    }
    // Nothing stored that nobody sent.
    QCOMPARE(stored.size(), made);
    qCInfo(lcTestServer) << made << "messages," << Kills << "kills, last seq" << expectedSeq - 1;
    QVERIFY2(f.server.stop(), f.server.log().right(5000).constData());
}

QTEST_GUILESS_MAIN(tst_Durability)
#include "tst_durability.moc"
