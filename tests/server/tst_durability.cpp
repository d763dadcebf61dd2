// A server killed with SIGKILL at random moments under load loses nothing it acknowledged:
// afterwards every acknowledged message is stored exactly once, seqs have no gaps, and the
// clients' retries (same client id) created no duplicates.
#include "OutboxSender.h"
#include "ServerFixture.h"

#include <QtCore/QRandomGenerator>
#include <QtTest/QTest>

using namespace Parley;
using namespace Qt::StringLiterals;

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

    std::vector<std::unique_ptr<OutboxSender>> senders;
    for (auto &c : clients) {
        c->clear();
        senders.push_back(std::make_unique<OutboxSender>(c.get(), conversation, 16));
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
        QVERIFY(s->conflicts().isEmpty());
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
