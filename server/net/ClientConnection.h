#pragma once

/// The seam between a transport and a Session: send these bytes, a frame arrived, it closed.
///
/// Sessions and routing never see a socket. The first transport is QWebSocket
/// (WebSocketConnection); a lean one (fd + shared SSL_CTX) can replace it behind this class.
/// A ClientConnection lives on the I/O thread that accepted it and is used only there.

#include "protocol/ErrorCode.h"

#include <QtCore/QObject>
#include <QtNetwork/QHostAddress>

namespace Parley {

class ClientConnection : public QObject
{
    Q_OBJECT
public:
    enum class CloseReason { Normal, GoingAway, PolicyViolation, TooBig };
    Q_ENUM(CloseReason)

    using QObject::QObject;

    /// Queues one frame (one binary message). Drops the connection if the peer does not read
    /// and too much is queued.
    virtual void send(const QByteArray &frame) = 0;
    /// Closes after what was sent; closed() follows.
    virtual void close(CloseReason reason) = 0;
    virtual QHostAddress peerAddress() const = 0;

Q_SIGNALS:
    /// One complete binary message from the peer.
    void frameReceived(const QByteArray &frame);
    /// The transport dropped a message the protocol does not allow (e.g. a text message).
    void messageRejected(Parley::ErrorCode code, const QString &message);
    /// The connection is gone; emitted once.
    void closed();
};

} // namespace Parley
