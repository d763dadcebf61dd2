#pragma once

/// The QWebSocket transport behind the ClientConnection seam. Binary messages are frames; text
/// messages are rejected; a peer that lets more than the configured bytes queue up is dropped.

#include "ClientConnection.h"

#include <QtCore/QPointer>

class QAbstractSocket;
class QWebSocket;

namespace Parley {

class WebSocketConnection : public ClientConnection
{
    Q_OBJECT
public:
    /// Takes ownership of `socket`; `transport` is the TCP or TLS socket under it (whose
    /// buffered output counts against `maxQueuedBytes`, the most that may wait unsent);
    /// `client`: the peer's address, or the client a trusted proxy named.
    WebSocketConnection(QWebSocket *socket, QAbstractSocket *transport, const QHostAddress &client,
                        qint64 maxQueuedBytes, QObject *parent = nullptr);
    ~WebSocketConnection() override;

    void send(const QByteArray &frame) override;
    void close(CloseReason reason) override;
    QHostAddress peerAddress() const override;

private:
    qint64 queuedBytes() const;
    void finish();

    QWebSocket *m_socket;
    QPointer<QAbstractSocket> m_transport; ///< the socket under the WebSocket, for queued bytes
    qint64 m_maxQueuedBytes;
    QHostAddress m_peer;
    bool m_closed = false;
};

} // namespace Parley
