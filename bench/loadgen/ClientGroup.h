#pragma once

/// The clients one load thread owns, and what that thread does with them: open them a few
/// at a time, send at an open-loop rate, count what arrives (each message once per device),
/// and answer the worker's questions. Lives on its thread; reached only by queued calls.

#include "ChatClient.h"
#include "PhaseStats.h"

#include <QtCore/QHash>
#include <QtCore/QJsonObject>
#include <QtCore/QList>
#include <QtCore/QObject>

#include <functional>
#include <vector>

class QTimer;

namespace Parley::Bench {

class ClientGroup : public QObject, private ChatClient::Observer
{
    Q_OBJECT

public:
    /// Called (on this group's thread) with the group's answer to a request.
    using Reply = std::function<void(const QJsonObject &)>;

    ClientGroup(const Plan &plan, QList<int> users, QObject *parent = nullptr);
    ~ClientGroup() override;

    /// Opens the given users' clients (those this group owns), `window` at a time; retries
    /// a failed open up to `retries` times. Replies {ok, failed, ms}.
    void open(const QList<int> &users, int window, int retries, Reply reply);
    /// Drops the given users' connections at once. Replies {dropped}.
    void drop(const QList<int> &users, Reply reply);
    /// Sends for `ms` at `perSenderRate` messages/s for each of its senders in `role`
    /// ("pairs": both members of each pair; "groups": the first senders of each group).
    /// Replies {sent} when the schedule ends.
    void load(quint32 phase, const QString &role, double perSenderRate, int ms, Reply reply);
    /// Sends `count` messages from `user` into `conversation`, `window` unacknowledged at most.
    /// Replies {ms, acked} once all are acknowledged.
    void burst(int user, int conversation, quint32 phase, int count, int window, Reply reply);
    /// Opens `user` and replies {ms, received, duplicates} once it has received `count`
    /// messages of `phase` (or after `timeoutMs`).
    void catchUp(int user, quint32 phase, int count, int timeoutMs, Reply reply);
    /// Replies with the phase's PhaseStats plus {ready, seqRedeliveries}.
    void stats(quint32 phase, Reply reply);

private:
    void clientReady(ChatClient *client) override;
    void clientFailed(ChatClient *client, const QString &reason) override;
    void clientLost(ChatClient *client) override;
    void clientCaughtUp(ChatClient *client) override;
    void messageAcked(ChatClient *client, const Stamp &stamp, qint64 nowNs) override;
    void messageReceived(ChatClient *client, const Stamp &stamp, qint64 nowNs) override;
    void messageRejected(ChatClient *client, const Stamp &stamp, const QString &why) override;

    ChatClient *clientFor(int user);
    void openMore();
    void finishOpenIfDone();
    void tick();
    void sendNext(ChatClient *client, int conversation, quint32 phase, qint64 intendedNs);
    void heartbeat();

    /// Which (sender, counter) a device has received: one bit per counter, per sender.
    struct Ledger
    {
        QHash<quint32, std::vector<quint64>> bits;
        bool mark(quint32 sender, quint32 counter);
    };

    const Plan &m_plan;
    QHash<int, ChatClient *> m_clients;
    QHash<int, Ledger> m_ledgers;
    QHash<quint32, PhaseStats> m_stats;
    QHash<quint32, quint32> m_counters; ///< next counter per sending user
    QTimer *m_heartbeat = nullptr;

    // Opening.
    QList<int> m_openQueue;
    QHash<int, int> m_openAttempts;
    int m_openWindow = 0;
    int m_openInFlight = 0;
    int m_openRetries = 0;
    int m_openOk = 0;
    int m_openFailed = 0;
    qint64 m_openStartNs = 0;
    Reply m_openReply;

    // Open-loop load.
    struct Sender
    {
        ChatClient *client;
        int conversation;
    };
    QTimer *m_ticker = nullptr;
    std::vector<Sender> m_senders;
    size_t m_nextSender = 0;
    quint32 m_loadPhase = 0;
    double m_rate = 0; ///< messages/s for the whole group
    qint64 m_loadStartNs = 0;
    qint64 m_loadEndNs = 0;
    qint64 m_loadSent = 0;
    Reply m_loadReply;

    // Closed-loop burst (catch-up writer).
    ChatClient *m_burstClient = nullptr;
    int m_burstConversation = -1;
    quint32 m_burstPhase = 0;
    int m_burstCount = 0;
    int m_burstSent = 0;
    int m_burstAcked = 0;
    qint64 m_burstStartNs = 0;
    Reply m_burstReply;

    // Catch-up reader.
    ChatClient *m_watchClient = nullptr;
    quint32 m_watchPhase = 0;
    int m_watchCount = 0;
    int m_watchReceived = 0;
    int m_watchDuplicates = 0;
    qint64 m_watchStartNs = 0;
    Reply m_watchReply;
};

} // namespace Parley::Bench
