#pragma once

/// One device sending messages to a conversation with an outbox, as a real client does: a
/// message stays until its `sent` arrives and is resent with the same client id after every
/// reconnect. Load for the durability and backup tests; records the seq each message was
/// acknowledged with.

#include "TestClient.h"

#include <QtCore/QHash>
#include <QtCore/QObject>

namespace Parley {

class OutboxSender : public QObject
{
    Q_OBJECT
public:
    OutboxSender(TestClient *client, qint64 conversation, int inFlight);

    /// Keeps `inFlight` messages on the wire until stop().
    void pump();
    /// After a reconnect: everything still in the outbox goes again, same client ids.
    void resendAll();
    void stop() { m_keepSending = false; }

    qsizetype acked() const { return m_acked.size(); }
    qsizetype unacked() const { return m_outbox.size(); }
    /// client id → seq of every acknowledged message.
    const QHash<QByteArray, qint64> &ackedSeqs() const { return m_acked; }
    qint64 made() const { return m_made; }
    /// Client ids acknowledged twice with different seqs (a duplicate was stored).
    const QList<QByteArray> &conflicts() const { return m_conflicts; }

private:
    void transmit(const QByteArray &clientId);
    void collect();

    TestClient *m_client;
    qint64 m_conversation;
    int m_inFlight;
    bool m_keepSending = true;
    qint64 m_made = 0;
    QHash<QByteArray, QByteArray> m_outbox; ///< client id → body, until acked
    QHash<qint64, QByteArray> m_pending; ///< request id → client id, on this connection
    QHash<QByteArray, qint64> m_acked; ///< client id → seq
    QList<QByteArray> m_conflicts;
};

} // namespace Parley
