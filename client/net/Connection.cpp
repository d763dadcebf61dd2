#include "Connection.h"

#include "Logging.h"

#include <QtCore/QCryptographicHash>
#include <QtCore/QDeadlineTimer>
#include <QtCore/QPromise>
#include <QtCore/QRandomGenerator>
#include <QtCore/QTimer>
#include <QtNetwork/QSslError>
#include <QtWebSockets/QWebSocket>

namespace Parley {

using namespace Qt::StringLiterals;

namespace {

/// TCP, TLS and the WebSocket upgrade must be done by then, or the attempt is abandoned.
constexpr int ConnectTimeoutMs = 15000;

} // namespace

struct Connection::Pending
{
    QPromise<Result<RawFrame>> promise;
    QDeadlineTimer deadline;
    FrameType type = FrameType::Unknown;
};

Connection::Connection(QObject *parent)
    : QObject(parent),
      m_reconnectTimer(new QTimer(this)),
      m_heartbeatTimer(new QTimer(this)),
      m_timeoutTimer(new QTimer(this))
{
    m_reconnectTimer->setSingleShot(true);
    connect(m_reconnectTimer, &QTimer::timeout, this, &Connection::connectSocket);
    connect(m_heartbeatTimer, &QTimer::timeout, this, &Connection::onHeartbeat);
    // Runs only while a request waits for its reply: an idle client has no timer to wake it
    // but the heartbeat.
    m_timeoutTimer->setInterval(500);
    connect(m_timeoutTimer, &QTimer::timeout, this, &Connection::checkTimeouts);
}

Connection::~Connection()
{
    m_wanted = false;
    failPending(Error{ErrorCode::Unavailable, u"the client is shutting down"_s});
    dropSocket();
}

void Connection::setServerUrl(const QUrl &url)
{
    if (m_url == url)
        return;
    m_url = url;
    m_pinned.clear();
}

void Connection::setReconnectDelays(int initialMs, int maxMs)
{
    m_initialDelayMs = initialMs;
    m_maxDelayMs = maxMs;
}

void Connection::open()
{
    m_wanted = true;
    m_certificateRefused = false;
    m_attempt = 0;
    m_reconnectTimer->stop();
    if (m_state == State::Disconnected)
        connectSocket();
}

void Connection::close()
{
    m_wanted = false;
    m_reconnectTimer->stop();
    dropSocket();
    failPending(Error{ErrorCode::Unavailable, u"the connection was closed"_s});
    setState(State::Disconnected);
}

void Connection::reconnectNow()
{
    if (!m_wanted || m_certificateRefused || m_state != State::Disconnected)
        return;
    m_reconnectTimer->stop();
    connectSocket();
}

void Connection::setAuthenticated(const AuthenticatedFrame &frame)
{
    if (!frame.token.isEmpty())
        m_token = frame.token;
    m_attempt = 0;
    setState(State::Ready);
    Q_EMIT authenticated(frame);
}

void Connection::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void Connection::connectSocket()
{
    if (!m_url.isValid()) {
        Q_EMIT connectionLost(tr("No server address."));
        return;
    }
    dropSocket();
    m_socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    m_socket->setMaxAllowedIncomingMessageSize(quint64(FrameLimits::fromServer().maxFrameBytes));
    m_socket->setMaxAllowedIncomingFrameSize(quint64(FrameLimits::fromServer().maxFrameBytes));
    connect(m_socket, &QWebSocket::connected, this, &Connection::onConnected);
    connect(m_socket, &QWebSocket::binaryMessageReceived, this, &Connection::onBinaryMessage);
    connect(m_socket, &QWebSocket::sslErrors, this, &Connection::onSslErrors);
    connect(m_socket, &QWebSocket::stateChanged, this, [this](QAbstractSocket::SocketState s) {
        if (s == QAbstractSocket::UnconnectedState)
            onDisconnected();
    });
    setState(State::Connecting);
    qCInfo(lcClientNet) << "connecting to" << m_url.toDisplayString() << "attempt" << m_attempt + 1;
    m_socket->open(m_url);
    // A link that accepts but then stays silent (a half-open path, a frozen server) would hold
    // the attempt forever: the heartbeat only starts after welcome. Give up and back off.
    QTimer::singleShot(ConnectTimeoutMs, m_socket, [this, socket = m_socket] {
        if (m_socket == socket && m_state == State::Connecting) {
            qCWarning(lcClientNet)
                    << "no handshake within" << ConnectTimeoutMs << "ms; reconnecting";
            socket->abort();
        }
    });
}

void Connection::dropSocket()
{
    m_heartbeatTimer->stop();
    m_timeoutTimer->stop();
    if (!m_socket)
        return;
    QWebSocket *socket = std::exchange(m_socket, nullptr);
    socket->disconnect(this);
    socket->abort();
    socket->deleteLater();
}

void Connection::onConnected()
{
    qCInfo(lcClientNet) << "connected to" << m_url.toDisplayString();
    m_lastReceived.start();
    sendHello();
}

void Connection::sendHello()
{
    setState(State::Handshaking);
    HelloFrame hello;
    hello.minVersion = MinProtocolVersion;
    hello.maxVersion = ProtocolVersion;
    hello.client = u"parley/"_s + QStringLiteral(PARLEY_CLIENT_VERSION);
    request(hello).then(this, [this](const Result<RawFrame> &reply) {
        if (m_state != State::Handshaking)
            return;
        auto welcome = reply ? FrameCodec::read<WelcomeFrame>(*reply)
                             : Result<WelcomeFrame>(reply.error());
        if (!welcome) {
            qCWarning(lcClientNet) << "handshake failed:" << errorCodeName(welcome.error().code);
            if (welcome.error().code == ErrorCode::UnsupportedVersion)
                m_wanted = false;
            Q_EMIT connectionLost(welcome.error().message);
            dropSocket();
            onDisconnected();
            return;
        }
        m_welcome = *welcome;
        m_heartbeatTimer->start(std::max(1, m_welcome.heartbeatSeconds) * 1000);
        setState(State::Authenticating);
        if (!m_token.isEmpty())
            sendResume();
        else
            Q_EMIT welcomed(m_welcome);
    });
}

void Connection::sendResume()
{
    request(ResumeFrame{m_token}).then(this, [this](const Result<RawFrame> &reply) {
        if (m_state != State::Authenticating)
            return;
        auto frame = reply ? FrameCodec::read<AuthenticatedFrame>(*reply)
                           : Result<AuthenticatedFrame>(reply.error());
        if (frame) {
            qCInfo(lcClientNet) << "resumed as device" << frame->deviceId;
            setAuthenticated(*frame);
            return;
        }
        const ErrorCode code = frame.error().code;
        qCWarning(lcClientNet) << "resume failed:" << errorCodeName(code);
        if (code == ErrorCode::InvalidToken || code == ErrorCode::AccountDisabled
            || code == ErrorCode::InvalidCredentials) {
            m_wanted = false;
            m_token.clear();
            Q_EMIT authenticationFailed(frame.error(), false);
        } else {
            Q_EMIT connectionLost(frame.error().message);
        }
        dropSocket();
        onDisconnected();
    });
}

void Connection::onDisconnected()
{
    const bool wasOpen = m_state != State::Disconnected;
    QString reason;
    if (m_socket) {
        reason = m_socket->errorString();
        dropSocket();
    }
    failPending(Error{ErrorCode::Unavailable, u"the connection was lost"_s});
    setState(State::Disconnected);
    if (wasOpen) {
        qCInfo(lcClientNet) << "disconnected:" << reason;
        if (!m_certificateRefused)
            Q_EMIT connectionLost(reason.isEmpty() ? tr("The connection was lost.") : reason);
    }
    if (m_wanted && !m_certificateRefused && !m_token.isEmpty())
        scheduleReconnect();
}

void Connection::scheduleReconnect()
{
    // Exponential backoff with "equal jitter": half the step fixed, half random, so many
    // clients dropped at once by a restarting server do not come back in lockstep.
    const int shift = std::min(m_attempt, 16);
    const qint64 step = std::min<qint64>(qint64(m_initialDelayMs) << shift, m_maxDelayMs);
    const qint64 delay = step / 2 + QRandomGenerator::global()->bounded(step / 2 + 1);
    ++m_attempt;
    qCDebug(lcClientNet) << "reconnecting in" << delay << "ms";
    m_reconnectTimer->start(int(delay));
}

void Connection::onSslErrors(const QList<QSslError> &errors)
{
    // The peer certificate is on the errors; a chain to a trusted CA raises none at all.
    QSslCertificate certificate;
    for (const QSslError &error : errors) {
        if (!error.certificate().isNull()) {
            certificate = error.certificate();
            break;
        }
    }
    if (certificate.isNull()) {
        qCWarning(lcClientNet) << "TLS errors without a certificate; refusing";
        return;
    }
    const QString presented = fingerprintOf(certificate.toDer());
    if (m_pinned.isEmpty() && m_askBeforePinning) {
        qCInfo(lcClientNet) << "a certificate to approve:" << presented;
        m_certificateRefused = true;
        m_reconnectTimer->stop();
        Q_EMIT certificateToApprove(presented);
        return;
    }
    if (m_pinned.isEmpty()) {
        qCInfo(lcClientNet) << "pinning the server certificate on first use:" << presented;
        m_pinned = presented;
        m_socket->ignoreSslErrors(errors);
        Q_EMIT certificatePinned(presented);
        return;
    }
    if (m_pinned.compare(presented, Qt::CaseInsensitive) == 0) {
        m_socket->ignoreSslErrors(errors);
        return;
    }
    qCWarning(lcClientNet) << "the server certificate changed: pinned" << m_pinned << "presented"
                           << presented;
    m_certificateRefused = true;
    m_reconnectTimer->stop();
    Q_EMIT certificateChanged(m_pinned, presented);
}

QString Connection::fingerprintOf(const QByteArray &derCertificate)
{
    return QString::fromLatin1(QCryptographicHash::hash(derCertificate, QCryptographicHash::Sha256)
                                       .toHex(':')
                                       .toUpper());
}

void Connection::onHeartbeat()
{
    if (!m_socket || m_state == State::Connecting)
        return;
    const qint64 silence = m_lastReceived.elapsed();
    const qint64 interval = std::max(1, m_welcome.heartbeatSeconds) * 1000LL;
    if (silence > interval * 5 / 2) {
        qCWarning(lcClientNet) << "no answer for" << silence << "ms; reconnecting";
        m_socket->abort();
        return;
    }
    // Ping replies are "pong"; the reply itself needs no handling.
    request(PingFrame{});
}

QFuture<Result<RawFrame>> Connection::request(FrameType type, const QCborMap &fields)
{
    auto pending = std::make_shared<Pending>();
    pending->type = type;
    pending->promise.start();
    QFuture<Result<RawFrame>> future = pending->promise.future();
    const bool beforeAuth = type == FrameType::Hello || type == FrameType::Resume
            || type == FrameType::Register || type == FrameType::Login || type == FrameType::Ping;
    const bool canSend =
            m_socket && (m_state == State::Ready || (beforeAuth && m_state != State::Connecting));
    if (!canSend) {
        pending->promise.addResult(
                Error{ErrorCode::Unavailable, tr("Not connected to the server.")});
        pending->promise.finish();
        return future;
    }
    const qint64 id = m_nextId;
    m_nextId = m_nextId >= 0xFFFFFFFFLL ? 1 : m_nextId + 1;
    pending->deadline = QDeadlineTimer(m_requestTimeoutMs);
    m_pending.insert(id, pending);
    if (!m_timeoutTimer->isActive())
        m_timeoutTimer->start();
    m_socket->sendBinaryMessage(FrameCodec::encode(type, id, fields));
    return future;
}

bool Connection::post(FrameType type, const QCborMap &fields)
{
    if (!m_socket || m_state != State::Ready)
        return false;
    m_socket->sendBinaryMessage(FrameCodec::encode(type, -1, fields));
    return true;
}

void Connection::onBinaryMessage(const QByteArray &bytes)
{
    m_lastReceived.start();
    auto frame = FrameCodec::decode(bytes, FrameLimits::fromServer());
    if (!frame) {
        qCWarning(lcClientNet) << "undecodable frame from the server:"
                               << errorCodeName(frame.error().code) << bytes.size() << "bytes";
        return;
    }
    if (!frame->hasId()) {
        if (frame->type == FrameType::Error) {
            // The server names its reason before it closes (docs/protocol.md, section 4).
            auto error = FrameCodec::read<ErrorFrame>(*frame);
            const ErrorCode code = error ? error->code : ErrorCode::MalformedFrame;
            qCWarning(lcClientNet) << "the server reports:" << errorCodeName(code);
            if (code == ErrorCode::InvalidToken || code == ErrorCode::AccountDisabled) {
                m_wanted = false;
                m_token.clear();
                Q_EMIT authenticationFailed(Error{code, error->message}, true);
            }
            return;
        }
        Q_EMIT pushReceived(*frame);
        return;
    }
    const auto pending = m_pending.take(frame->id);
    if (m_pending.isEmpty())
        m_timeoutTimer->stop();
    if (!pending) {
        qCDebug(lcClientNet) << "reply to an unknown request" << frame->id;
        return;
    }
    if (frame->type == FrameType::Error) {
        auto error = FrameCodec::read<ErrorFrame>(*frame);
        pending->promise.addResult(error ? Error{error->code, error->message} : error.error());
    } else {
        pending->promise.addResult(std::move(frame).value());
    }
    pending->promise.finish();
}

void Connection::checkTimeouts()
{
    QList<std::shared_ptr<Pending>> expired;
    for (auto it = m_pending.begin(); it != m_pending.end();) {
        if (it.value()->deadline.hasExpired()) {
            expired.append(it.value());
            it = m_pending.erase(it);
        } else {
            ++it;
        }
    }
    if (m_pending.isEmpty())
        m_timeoutTimer->stop();
    for (const auto &pending : std::as_const(expired)) {
        qCWarning(lcClientNet) << "request" << frameTypeName(pending->type) << "timed out";
        pending->promise.addResult(
                Error{ErrorCode::Unavailable, tr("The server did not answer in time.")});
        pending->promise.finish();
    }
}

void Connection::failPending(const Error &error)
{
    const auto pending = std::exchange(m_pending, {});
    for (const auto &p : pending) {
        p->promise.addResult(error);
        p->promise.finish();
    }
}

} // namespace Parley
