#pragma once

/// A TCP proxy between the test's clients and a plain (ws://) parleyd that keeps every
/// WebSocket message either way, unmasked: what the server received and sent, as bytes. It can
/// also damage a device-inbox item on its way to a device, as a corrupted transfer would.

#include <QtCore/QByteArray>
#include <QtCore/QList>
#include <QtCore/QObject>
#include <QtCore/QUrl>
#include <QtNetwork/QTcpServer>

#include <functional>

#include <memory>
#include <vector>

class QTcpSocket;

namespace Parley {

class FrameRecorder : public QObject
{
    Q_OBJECT

public:
    explicit FrameRecorder(quint16 serverPort, QObject *parent = nullptr);
    ~FrameRecorder() override;

    /// Listens on 127.0.0.1, a free port.
    bool listen();
    /// ws://127.0.0.1:PORT: give this to clients instead of the server's URL.
    QUrl url() const;

    /// Every complete message the clients sent (payloads of data frames, fragments joined).
    QList<QByteArray> clientMessages() const { return m_clientMessages; }
    /// Every complete message the server sent.
    QList<QByteArray> serverMessages() const { return m_serverMessages; }
    /// The raw bytes both ways (handshakes included), as they crossed the proxy.
    QByteArray rawTraffic() const { return m_raw; }

    /// Damages the next inbox item device (fromUserId, fromDeviceId) sends to device
    /// `toDeviceId`, and every copy of it the server hands out later (pushed or fetched): one
    /// byte of its ciphertext flips, so the device cannot decrypt it and drops it.
    void damageNextInboxItem(qint64 fromUserId, qint64 fromDeviceId, qint64 toDeviceId);
    /// Inbox items damaged so far (each counted once, however many copies went out).
    int damagedItems() const { return int(m_damagedItems.size()); }

private:
    /// One direction of one connection: finds WebSocket frames after the HTTP handshake.
    struct Direction
    {
        QByteArray buffer;
        bool handshakeDone = false;
        QByteArray message; ///< fragments of the message being received
        QList<QByteArray> *out = nullptr;
        /// Sees each unfragmented, unmasked data message before it is passed on; may change
        /// its bytes (not its length).
        std::function<void(QByteArray &)> inspect;
        /// Takes in bytes; returns those that are complete (the handshake, whole frames).
        QByteArray feed(const QByteArray &bytes);
    };
    struct Pipe
    {
        QTcpSocket *client = nullptr;
        QTcpSocket *server = nullptr;
        QByteArray pendingToServer;
        Direction up;
        Direction down;
        qint64 deviceId = 0; ///< the device this connection authenticated as
    };
    struct Damage
    {
        qint64 fromUserId = 0;
        qint64 fromDeviceId = 0;
        qint64 toDeviceId = 0;
    };

    void onNewConnection();
    /// A message from the server to the device of `pipe`: damages the inbox items chosen.
    void inspectFromServer(Pipe *pipe, QByteArray &message);

    quint16 m_serverPort;
    QTcpServer m_listener;
    std::vector<std::unique_ptr<Pipe>> m_pipes;
    QList<QByteArray> m_clientMessages;
    QList<QByteArray> m_serverMessages;
    QByteArray m_raw;
    QList<Damage> m_damages; ///< armed, each waiting for its item
    QList<qint64> m_damagedItems;
};

} // namespace Parley
