#pragma once

/// A TCP relay between clients and a server that misbehaves on demand, for tests of a network
/// going wrong. This sandbox has no `tc netem` (docs/security.md, "Faults on the wire"), so the
/// faults are made here, at the TCP level: every chunk delayed (with jitter, order kept), "loss"
/// as TCP shows it to an application (a stall of a retransmission timeout on a random share of
/// the chunks), connections reset (RST, no FIN), and a silent link: nothing passes either way
/// and nothing closes (a half-open connection), also for connections opened meanwhile. Runs in
/// the thread that creates it.

#include <QtCore/QElapsedTimer>
#include <QtCore/QObject>
#include <QtCore/QUrl>
#include <QtNetwork/QTcpServer>

#include <deque>
#include <memory>
#include <vector>

class QTcpSocket;
class QTimer;

namespace Parley {

class FaultyLink : public QObject
{
    Q_OBJECT

public:
    /// Relays to `targetPort` on 127.0.0.1.
    explicit FaultyLink(quint16 targetPort, QObject *parent = nullptr);
    ~FaultyLink() override;

    /// Listens on a free port of 127.0.0.1.
    bool listen();
    quint16 port() const { return m_server.serverPort(); }
    /// `serverUrl` with this relay's port.
    QUrl url(QUrl serverUrl) const;

    /// Each chunk waits `delayMs` plus up to `jitterMs` more (order is kept, as TCP keeps it).
    void setDelay(int delayMs, int jitterMs);
    /// `percent` of the chunks stall for `stallMs` first, as a lost segment does until it is
    /// sent again.
    void setLoss(int percent, int stallMs = 1000);
    /// Resets every open connection (RST both ways, no FIN).
    void resetAll();
    /// Silent: nothing passes, nothing closes, new connections are accepted and ignored. Off:
    /// connections that were silenced are reset (the peers' TCP would be by then), new ones
    /// work again.
    void setSilent(bool silent);

    int connectionsAccepted() const { return m_accepted; }

private:
    struct Chunk
    {
        qint64 dueMs;
        QByteArray bytes;
    };
    struct Pipe
    {
        QTcpSocket *client = nullptr;
        QTcpSocket *server = nullptr;
        std::deque<Chunk> toServer;
        std::deque<Chunk> toClient;
        bool silenced = false; ///< lived through a silence: reset when it ends
    };

    void accept();
    void read(Pipe *pipe, QTcpSocket *from);
    void flush();
    void close(Pipe *pipe, bool reset);
    qint64 dueFor(const std::deque<Chunk> &queue);

    quint16 m_targetPort;
    QTcpServer m_server;
    std::vector<std::unique_ptr<Pipe>> m_pipes;
    QTimer *m_flushTimer;
    QElapsedTimer m_clock;
    int m_delayMs = 0;
    int m_jitterMs = 0;
    int m_lossPercent = 0;
    int m_stallMs = 1000;
    bool m_silent = false;
    int m_accepted = 0;
};

} // namespace Parley
