#pragma once

/// A TCP proxy between the test's clients and a plain (ws://) parleyd that keeps every
/// WebSocket message either way, unmasked: what the server received and sent, as bytes.

#include <QtCore/QByteArray>
#include <QtCore/QList>
#include <QtCore/QObject>
#include <QtCore/QUrl>
#include <QtNetwork/QTcpServer>

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

private:
    /// One direction of one connection: finds WebSocket frames after the HTTP handshake.
    struct Direction
    {
        QByteArray buffer;
        bool handshakeDone = false;
        QByteArray message; ///< fragments of the message being received
        QList<QByteArray> *out = nullptr;
        void feed(const QByteArray &bytes);
    };
    struct Pipe
    {
        QTcpSocket *client = nullptr;
        QTcpSocket *server = nullptr;
        QByteArray pendingToServer;
        Direction up;
        Direction down;
    };

    void onNewConnection();

    quint16 m_serverPort;
    QTcpServer m_listener;
    std::vector<std::unique_ptr<Pipe>> m_pipes;
    QList<QByteArray> m_clientMessages;
    QList<QByteArray> m_serverMessages;
    QByteArray m_raw;
};

} // namespace Parley
