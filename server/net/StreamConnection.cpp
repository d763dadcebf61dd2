#include "StreamConnection.h"

#include "HttpUpgrade.h"
#include "Logging.h"
#include "TrustedProxies.h"
#include "WebSocketFrameEncoder.h"

#include <QtCore/QTimerEvent>

#include <vector>

namespace Parley {

using namespace Qt::StringLiterals;

namespace {

/// How long a closing connection waits for the peer's close before cutting it.
constexpr int CloseWaitMs = 2000;

} // namespace

StreamConnection::StreamConnection(int descriptor, const QHostAddress &peer, const TlsContext *tls,
                                   SocketPoller *poller, const Options &options,
                                   ProbeAnswer probeAnswer, QObject *parent)
    : ClientConnection(parent),
      m_stream(descriptor, tls, this, poller),
      m_upgrade(std::make_unique<HttpUpgrade>()),
      m_parser(options.maxMessageBytes),
      m_probeAnswer(std::move(probeAnswer)),
      m_peer(peer),
      m_trustedProxies(options.trustedProxies),
      m_maxQueuedBytes(options.maxQueuedBytes)
{
    m_timer = startTimer(options.handshakeTimeoutMs);
}

StreamConnection::~StreamConnection() = default;

bool StreamConnection::start()
{
    if (m_stream.start())
        return true;
    m_phase = Phase::Closed;
    return false;
}

QHostAddress StreamConnection::peerAddress() const
{
    return m_peer;
}

void StreamConnection::streamEncrypted()
{
    Q_EMIT encrypted();
}

void StreamConnection::streamReceived(const char *data, qsizetype size)
{
    switch (m_phase) {
    case Phase::Handshake:
        readHead(data, size);
        return;
    case Phase::Open:
        readFrames(data, size);
        return;
    case Phase::Closing:
    case Phase::Closed:
        return;
    }
}

void StreamConnection::streamClosed()
{
    finish();
}

void StreamConnection::readHead(const char *data, qsizetype size)
{
    HttpUpgrade::Result result = m_upgrade->feed(data, size);
    switch (result.outcome) {
    case HttpUpgrade::Outcome::NeedMore:
        return;
    case HttpUpgrade::Outcome::Probe:
        m_upgrade.reset();
        m_stream.write(m_probeAnswer(result.path));
        closeWith({});
        return;
    case HttpUpgrade::Outcome::Refuse:
        qCDebug(lcServerNet) << "refused a request from" << m_peer.toString() << ":"
                             << result.response.left(result.response.indexOf('\r'));
        m_upgrade.reset();
        m_stream.write(result.response);
        closeWith({});
        return;
    case HttpUpgrade::Outcome::Upgrade:
        m_upgrade.reset();
        if (m_trustedProxies)
            m_peer = m_trustedProxies->clientAddress(m_peer, result.forwardedFor);
        killTimer(m_timer);
        m_timer = 0;
        m_stream.write(result.response);
        m_phase = Phase::Open;
        m_upgraded = true;
        Q_EMIT upgraded();
        if (!result.rest.isEmpty() && m_phase == Phase::Open)
            readFrames(result.rest.constData(), result.rest.size());
        return;
    }
}

void StreamConnection::readFrames(const char *data, qsizetype size)
{
    std::vector<WebSocketFrameParser::Event> events;
    m_parser.feed(data, size, events);
    for (WebSocketFrameParser::Event &event : events) {
        if (m_phase != Phase::Open)
            return; // a handler closed the connection
        using Kind = WebSocketFrameParser::Event::Kind;
        switch (event.kind) {
        case Kind::Binary:
            Q_EMIT frameReceived(event.payload);
            break;
        case Kind::Text:
            Q_EMIT messageRejected(ErrorCode::MalformedFrame,
                                   u"frames are binary WebSocket messages"_s);
            break;
        case Kind::Ping:
            sendFrame(WebSocketOpcode::Pong, event.payload);
            break;
        case Kind::Close:
            // Echo the peer's code (RFC 6455 section 5.5.1); none given, none returned.
            closeWith(event.code ? WebSocketFrameEncoder::close(event.code, event.payload)
                                 : WebSocketFrameEncoder::frame(WebSocketOpcode::Close, {}));
            break;
        case Kind::Error:
            qCDebug(lcServerNet) << "closing" << m_peer.toString() << "with" << event.code << ":"
                                 << event.payload;
            // docs/protocol.md: the client acts on the error frame, the close code is a hint.
            if (event.code == quint16(WebSocketCloseCode::TooBig))
                Q_EMIT messageRejected(ErrorCode::FrameTooLarge,
                                       u"the frame is over the size limit"_s);
            closeWith(WebSocketFrameEncoder::close(event.code, event.payload));
            break;
        }
    }
}

void StreamConnection::sendFrame(WebSocketOpcode opcode, const QByteArray &payload)
{
    if (m_phase != Phase::Open)
        return;
    // What the peer has not read yet, not counting this frame: one large reply is fine, a peer
    // that stopped reading is not.
    const qint64 queued = m_stream.bytesToWrite();
    if (queued > m_maxQueuedBytes) {
        qCInfo(lcServerNet) << "dropping a slow reader at" << m_peer.toString() << "with" << queued
                            << "bytes queued";
        // The error frame would sit behind everything the peer did not read: cut it now.
        m_stream.abort();
        finish();
        return;
    }
    char header[WebSocketFrameEncoder::MaxHeaderBytes];
    const int headerSize =
            WebSocketFrameEncoder::writeHeader(header, opcode, quint64(payload.size()));
    m_stream.write(header, headerSize, payload);
}

void StreamConnection::send(const QByteArray &frame)
{
    sendFrame(WebSocketOpcode::Binary, frame);
}

void StreamConnection::close(CloseReason reason)
{
    if (m_phase != Phase::Open)
        return;
    WebSocketCloseCode code = WebSocketCloseCode::Normal;
    switch (reason) {
    case CloseReason::Normal:
        break;
    case CloseReason::GoingAway:
        code = WebSocketCloseCode::GoingAway;
        break;
    case CloseReason::PolicyViolation:
        code = WebSocketCloseCode::PolicyViolation;
        break;
    case CloseReason::TooBig:
        code = WebSocketCloseCode::TooBig;
        break;
    }
    closeWith(WebSocketFrameEncoder::close(quint16(code), {}));
}

void StreamConnection::closeWith(const QByteArray &closeFrame)
{
    if (m_phase == Phase::Closing || m_phase == Phase::Closed)
        return;
    if (!closeFrame.isEmpty())
        m_stream.write(closeFrame);
    m_phase = Phase::Closing;
    m_stream.shutdown();
    if (m_timer)
        killTimer(m_timer);
    m_timer = startTimer(CloseWaitMs);
}

void StreamConnection::timerEvent(QTimerEvent *event)
{
    if (event->timerId() != m_timer)
        return;
    if (m_phase == Phase::Handshake)
        qCDebug(lcServerNet) << "handshake timed out for" << m_peer.toString();
    m_stream.abort();
    finish();
}

void StreamConnection::finish()
{
    if (m_phase == Phase::Closed)
        return;
    m_phase = Phase::Closed;
    if (m_timer)
        killTimer(m_timer);
    m_timer = 0;
    m_stream.abort();
    Q_EMIT closed();
}

} // namespace Parley
