#pragma once

/// The raw Qt peer: QWebSocketServer's upgrade and framing, rooms in memory, no storage, no
/// auth, no encoding beyond a 5-byte header: the most a Qt WebSocket server can do on this
/// machine, for parleyd to be measured against.
///
/// Protocol: text "join R1 R2 …" → text "ok"; binary 'M' room(4) counter(4) payload → 'A'
/// counter(4) to the sender and 'M' room(4) payload to every other member of the room.

#include <QtCore/QHash>
#include <QtCore/QList>
#include <QtCore/QObject>
#include <QtNetwork/QSslConfiguration>
#include <QtNetwork/QTcpServer>

class QThread;
class QWebSocket;
class QWebSocketServer;

namespace Parley::Bench {

/// One I/O thread's sockets and its members of each room.
class BroadcastShard : public QObject
{
    Q_OBJECT

public:
    explicit BroadcastShard(const QSslConfiguration &tls, QObject *parent = nullptr);
    void setShards(QList<BroadcastShard *> shards) { m_shards = std::move(shards); }

    /// Takes over an accepted socket (called on this shard's thread).
    void adopt(qintptr descriptor);
    /// Delivers a message from another shard to this shard's members of the room.
    void deliver(quint32 room, const QByteArray &frame);

private:
    void upgraded();
    void textArrived(QWebSocket *socket, const QString &text);
    void binaryArrived(QWebSocket *socket, const QByteArray &bytes);
    void closed(QWebSocket *socket);

    QSslConfiguration m_tls;
    QWebSocketServer *m_upgrader;
    QList<BroadcastShard *> m_shards;
    QHash<quint32, QList<QWebSocket *>> m_rooms;
    QHash<QWebSocket *, QList<quint32>> m_memberships;
};

class BroadcastServer : public QTcpServer
{
    Q_OBJECT

public:
    BroadcastServer(int threads, const QSslConfiguration &tls, QObject *parent = nullptr);
    ~BroadcastServer() override;

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    QList<QThread *> m_threads;
    QList<BroadcastShard *> m_shards;
    int m_next = 0;
};

} // namespace Parley::Bench
