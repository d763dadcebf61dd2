#pragma once

/// What the cluster tests share: one fresh PostgreSQL database, one redis-server, and N real
/// parleyd nodes on both (--redis), plus users registered and logged in on a chosen node.

#include "ParleydProcess.h"
#include "RedisProcess.h"
#include "TestClient.h"
#include "TestLogging.h"

#include <QtTest/QTest>

#include <memory>
#include <vector>

namespace Parley {

class ClusterFixture
{
public:
    RedisProcess redis;
    std::vector<std::unique_ptr<ParleydProcess>> nodes;

    ~ClusterFixture()
    {
        nodes.clear(); // killed before their database goes
        ParleydProcess::dropPostgresDatabase(m_database);
    }

    /// Empty if a cluster can run here; else the reason to QSKIP.
    static QString skipReason()
    {
        if (QString pg = ParleydProcess::postgresUnavailableReason(); !pg.isEmpty())
            return pg;
        return RedisProcess::unavailableReason();
    }

    static QString password(const QString &username)
    {
        return username + QStringLiteral("-secret");
    }

    /// Creates the database, starts Redis and `count` nodes with `extra` options.
    bool start(int count, const QStringList &extra = {})
    {
        m_database = ParleydProcess::createPostgresDatabase();
        if (m_database.isEmpty() || !redis.start())
            return false;
        m_extra = extra;
        for (int i = 0; i < count; ++i) {
            if (!addNode())
                return false;
        }
        return true;
    }

    /// One more node on the same database and Redis, with `more` options besides start()'s.
    bool addNode(const QStringList &more = {})
    {
        auto node = std::make_unique<ParleydProcess>();
        node->setDatabase(ParleydProcess::postgresUrl(m_database));
        node->setArguments(QStringList{QStringLiteral("--redis"), redis.url()} + m_extra + more);
        if (!node->start()) {
            qCWarning(lcTestServer).noquote() << "node did not start:" << node->log();
            return false;
        }
        nodes.push_back(std::move(node));
        return true;
    }

    ParleydProcess &node(int i) { return *nodes.at(size_t(i)); }

    QString uniqueName(const QString &prefix) { return prefix + QString::number(++m_counter); }

    /// A connected client of a newly registered user, on node `i`.
    std::unique_ptr<TestClient> newUser(int i, const QString &prefix)
    {
        auto client = std::make_unique<TestClient>();
        const QString name = uniqueName(prefix);
        auto r = client->connectAndRegister(node(i).url(), node(i).fingerprint(), name,
                                            password(name));
        if (!r) {
            qCWarning(lcTestServer) << "could not register" << name << ":" << r.error().message;
            return nullptr;
        }
        client->clear();
        return client;
    }

    /// A new device of `username`, logged in on node `i`.
    std::unique_ptr<TestClient> newDevice(int i, const QString &username)
    {
        auto client = std::make_unique<TestClient>();
        if (!client->open(node(i).url(), node(i).fingerprint()) || !client->hello()) {
            qCWarning(lcTestServer) << "could not connect to node" << i;
            return nullptr;
        }
        auto r = client->login(username, password(username));
        if (!r) {
            qCWarning(lcTestServer) << "could not log in" << username << ":" << r.error().message;
            return nullptr;
        }
        client->clear();
        return client;
    }

    /// Resumes `token` on node `i` (the same device, reconnecting elsewhere).
    std::unique_ptr<TestClient> resumeOn(int i, const QByteArray &token)
    {
        auto client = std::make_unique<TestClient>();
        if (!client->open(node(i).url(), node(i).fingerprint()) || !client->hello())
            return nullptr;
        if (!client->resume(token))
            return nullptr;
        return client;
    }

private:
    QString m_database;
    QStringList m_extra;
    int m_counter = 0;
};

/// The seqs of the log entries of `conversationId` pushed to `client`, in arrival order.
inline QList<qint64> pushedSeqs(const TestClient &client, qint64 conversationId)
{
    QList<qint64> seqs;
    for (const RawFrame &f : client.received()) {
        if (f.type != FrameType::Message || f.hasId())
            continue;
        auto m = FrameCodec::read<MessageFrame>(f);
        if (m && m->envelope.conversationId == conversationId)
            seqs.append(m->envelope.seq);
    }
    return seqs;
}

/// Waits until `client` got a push of entry `seq` (or a later one) of the conversation.
inline bool waitForSeq(TestClient &client, qint64 conversationId, qint64 seq, int timeoutMs = 10000)
{
    return QTest::qWaitFor(
            [&] {
                const QList<qint64> seqs = pushedSeqs(client, conversationId);
                return std::any_of(seqs.begin(), seqs.end(), [seq](qint64 s) { return s >= seq; });
            },
            timeoutMs);
}

/// Sends `count` messages without waiting between them; returns the request ids.
inline QList<qint64> sendMany(TestClient &client, qint64 conversationId, int count,
                              QList<QByteArray> *clientIds = nullptr)
{
    QList<qint64> ids;
    for (int i = 0; i < count; ++i) {
        const QByteArray clientId = TestClient::newClientId();
        if (clientIds)
            clientIds->append(clientId);
        ids.append(client.send(SendFrame{conversationId, clientId,
                                         QByteArray("message ") + QByteArray::number(i)}));
    }
    return ids;
}

/// The seqs acknowledged for these requests (empty if any failed or timed out).
inline QList<qint64> acks(TestClient &client, const QList<qint64> &requestIds,
                          int timeoutMs = 15000)
{
    QList<qint64> seqs;
    for (qint64 id : requestIds) {
        auto reply = client.awaitReply(id, timeoutMs);
        if (!reply || reply->type != FrameType::Sent)
            return {};
        auto sent = FrameCodec::read<SentFrame>(*reply);
        if (!sent)
            return {};
        seqs.append(sent->seq);
    }
    return seqs;
}

} // namespace Parley
