#pragma once

/// Prepares a peer for a plan before anything is measured: Parley accounts (register, keep
/// the device token) and conversations (createDirect / createGroup, keep the ids); XMPP rooms
/// (created and made persistent by their owner). The raw Qt and Socket.IO peers need nothing.

#include "ChatClient.h"
#include "Plan.h"

#include <QtCore/QHash>
#include <QtCore/QList>
#include <QtCore/QObject>

#include <functional>

namespace Parley::Bench {

class Provisioner : public QObject, private ChatClient::Observer
{
    Q_OBJECT

public:
    /// `plan` is filled in place; it must outlive the provisioner. With `shareIdleAccount`,
    /// Parley users in no conversation all resume one account's device token (one device
    /// with many sessions) instead of registering each: registration hashes the password
    /// with Argon2id, which would make setup the longest part of a pass.
    Provisioner(Plan &plan, int window, bool shareIdleAccount, QObject *parent = nullptr);

    /// Runs every step, then calls `done` with an empty string, or with what went wrong.
    void run(std::function<void(const QString &error)> done);

private:
    void registerUsers();
    void createConversations();
    void createRooms();
    void startNext();
    void openClient(int user);
    void finishOne(ChatClient *client);
    void finish(const QString &error);

    void clientReady(ChatClient *client) override;
    void clientFailed(ChatClient *client, const QString &reason) override;
    void clientLost(ChatClient *client) override;
    void clientCaughtUp(ChatClient *) override { }
    void messageAcked(ChatClient *, const Stamp &, qint64) override { }
    void messageReceived(ChatClient *, const Stamp &, qint64) override { }
    void messageRejected(ChatClient *, const Stamp &, const QString &) override { }

    Plan &m_plan;
    int m_window;
    bool m_shareIdleAccount;
    QList<int> m_queue; ///< users still to open in this step
    int m_inFlight = 0;
    QHash<int, int> m_outstanding; ///< per user: requests not yet answered
    QHash<int, int> m_attempts; ///< per user: connections opened in this step
    std::function<void(ChatClient *)> m_onReady;
    std::function<void()> m_afterStep;
    std::function<void(const QString &)> m_done;
    qint64 m_stepStartNs = 0;
};

} // namespace Parley::Bench
