#include "WebSocketConnection.h"

#include "Logging.h"
#include "protocol/FrameCodec.h"

#include <QtNetwork/QSslSocket>
#include <QtWebSockets/QWebSocket>

namespace Parley {

using namespace Qt::StringLiterals;

WebSocketConnection::WebSocketConnection(QWebSocket *socket, QAbstractSocket *transport,
                                         const QHostAddress &client, qint64 maxQueuedBytes,
                                         QObject *parent)
    : ClientConnection(parent),
      m_socket(socket),
      m_maxQueuedBytes(maxQueuedBytes),
      m_peer(client)
{
    m_socket->setParent(this);
    m_transport = transport;
    // The QWebSocket that QWebSocketServer builds does not own its socket: this does. Children
    // go in order, so the QWebSocket (which still touches its socket) goes first.
    if (transport)
        transport->setParent(this);
    connect(m_socket, &QWebSocket::binaryMessageReceived, this, &ClientConnection::frameReceived);
    connect(m_socket, &QWebSocket::textMessageReceived, this, [this](const QString &) {
        Q_EMIT messageRejected(ErrorCode::MalformedFrame,
                               u"frames are binary WebSocket messages"_s);
    });
    connect(m_socket, &QWebSocket::disconnected, this, &WebSocketConnection::finish);
}

WebSocketConnection::~WebSocketConnection() = default;

qint64 WebSocketConnection::queuedBytes() const
{
    // The QWebSocket writes straight into its socket: what the socket holds is what is queued.
    const QAbstractSocket *tcp = m_transport.data();
    if (!tcp)
        return 0;
    qint64 queued = tcp->bytesToWrite();
    if (const auto *ssl = qobject_cast<const QSslSocket *>(tcp))
        queued += ssl->encryptedBytesToWrite();
    return queued;
}

void WebSocketConnection::send(const QByteArray &frame)
{
    if (m_closed)
        return;
    // What the peer has not read yet, not counting this frame: one large reply is fine, a peer
    // that stopped reading is not.
    const qint64 queued = queuedBytes();
    if (queued > m_maxQueuedBytes) {
        qCInfo(lcServerNet) << "dropping a slow reader at" << m_peer.toString() << "with" << queued
                            << "bytes queued";
        // Best effort: it sits behind everything the peer did not read.
        m_socket->sendBinaryMessage(FrameCodec::encodeError(
                -1, ErrorCode::SlowReader, u"too much output waits for you; reconnect"_s));
        m_socket->abort();
        finish();
        return;
    }
    m_socket->sendBinaryMessage(frame);
}

void WebSocketConnection::close(CloseReason reason)
{
    if (m_closed)
        return;
    QWebSocketProtocol::CloseCode code = QWebSocketProtocol::CloseCodeNormal;
    switch (reason) {
    case CloseReason::Normal:
        break;
    case CloseReason::GoingAway:
        code = QWebSocketProtocol::CloseCodeGoingAway;
        break;
    case CloseReason::PolicyViolation:
        code = QWebSocketProtocol::CloseCodePolicyViolated;
        break;
    case CloseReason::TooBig:
        code = QWebSocketProtocol::CloseCodeTooMuchData;
        break;
    }
    m_socket->close(code);
}

QHostAddress WebSocketConnection::peerAddress() const
{
    return m_peer;
}

void WebSocketConnection::finish()
{
    if (m_closed)
        return;
    m_closed = true;
    Q_EMIT closed();
}

} // namespace Parley
