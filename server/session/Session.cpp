#include "Session.h"

#include "Logging.h"
#include "RequestSink.h"
#include "admin/Metrics.h"
#include "protocol/FrameCodec.h"
#include "protocol/Frames.h"
#include "protocol/Limits.h"

#include <chrono>

namespace Parley {

using namespace Qt::StringLiterals;

namespace {

/// Frames a client may send once authenticated (everything it may send but hello).
bool isClientRequest(FrameType type)
{
    switch (type) {
    case FrameType::Logout:
    case FrameType::ListDevices:
    case FrameType::RevokeDevice:
    case FrameType::ChangePassword:
    case FrameType::FindUser:
    case FrameType::Block:
    case FrameType::CreateDirect:
    case FrameType::CreateGroup:
    case FrameType::AddMember:
    case FrameType::RemoveMember:
    case FrameType::Leave:
    case FrameType::SetRole:
    case FrameType::Rename:
    case FrameType::Send:
    case FrameType::History:
    case FrameType::Sync:
    case FrameType::Receipt:
    case FrameType::Typing:
    case FrameType::InboxSend:
    case FrameType::InboxFetch:
    case FrameType::InboxAck:
    case FrameType::UploadKeys:
    case FrameType::FetchKeys:
    case FrameType::ListBlocked:
    case FrameType::UploadStart:
    case FrameType::UploadChunk:
    case FrameType::UploadStatus:
    case FrameType::UploadFinish:
    case FrameType::Download:
    case FrameType::Report:
    case FrameType::SetTimer:
    case FrameType::SetPrivacy:
        return true;
    default:
        return false;
    }
}

bool isAuthRequest(FrameType type)
{
    return type == FrameType::Register || type == FrameType::Login || type == FrameType::Resume;
}

} // namespace

qint64 Session::monotonicMs()
{
    using namespace std::chrono;
    return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
}

Session::Session(SessionAddress address, ClientConnection *connection, RequestSink *sink,
                 const SessionLimits &limits, QObject *parent)
    : QObject(parent),
      m_address(address),
      m_connection(connection),
      m_sink(sink),
      m_limits(limits),
      m_bucket(limits.ratePerSecond, limits.rateBurst),
      m_openedMs(monotonicMs()),
      m_lastReceivedMs(m_openedMs)
{
    m_connection->setParent(this);
    connect(m_connection, &ClientConnection::frameReceived, this, &Session::receive);
    connect(m_connection, &ClientConnection::messageRejected, this,
            [this](ErrorCode code, const QString &message) { reject(-1, code, message); });
    connect(m_connection, &ClientConnection::closed, this, &Session::connectionClosed);
    m_sink->sessionOpened(m_address, m_connection->peerAddress());
    qCDebug(lcServerSession).noquote() << "session opened" << connectionField();
}

Session::~Session()
{
    if (!m_finished)
        m_sink->sessionClosed(m_address);
}

void Session::send(const QByteArray &frame)
{
    if (m_state != State::Closing)
        m_connection->send(frame);
}

void Session::authenticate(qint64 userId, qint64 deviceId, const QByteArray &frame)
{
    if (m_state != State::Authenticating)
        return;
    m_userId = userId;
    m_deviceId = deviceId;
    m_state = State::Authenticated;
    m_connection->send(frame);
}

void Session::authenticationFailed(const QByteArray &frame)
{
    if (m_state != State::Authenticating)
        return;
    m_state = State::AwaitAuth;
    m_connection->send(frame);
}

void Session::closeWith(const QByteArray &lastFrame, ClientConnection::CloseReason reason)
{
    if (m_state == State::Closing)
        return;
    if (!lastFrame.isEmpty())
        m_connection->send(lastFrame);
    m_state = State::Closing;
    m_connection->close(reason);
}

void Session::checkTimeouts(qint64 nowMs)
{
    if (m_state == State::Closing)
        return;
    if (m_state != State::Authenticated
        && nowMs - m_openedMs > m_limits.authTimeoutSeconds * 1000LL) {
        qCDebug(lcServerSession).noquote() << "session did not authenticate in time"
                                           << connectionField() << "code=auth_timeout";
        closeWith(FrameCodec::encodeError(
                -1, ErrorCode::AuthTimeout,
                u"authenticate within %1 s of connecting"_s.arg(m_limits.authTimeoutSeconds)));
        return;
    }
    if (nowMs - m_lastReceivedMs > 2 * m_limits.heartbeatSeconds * 1000LL) {
        qCDebug(lcServerSession).noquote() << "session missed its heartbeats" << connectionField();
        closeWith({}, ClientConnection::CloseReason::GoingAway);
    }
}

QString Session::connectionField() const
{
    return u"connection=%1.%2"_s.arg(m_address.thread).arg(m_address.id);
}

void Session::reject(qint64 id, ErrorCode code, const QString &message)
{
    qCDebug(lcServerSession).noquote()
            << "request refused" << connectionField() << u"code=%1"_s.arg(errorCodeName(code));
    if (m_limits.metrics)
        m_limits.metrics->refused(code);
    send(FrameCodec::encodeError(id, code, message));
}

void Session::receive(const QByteArray &bytes)
{
    if (m_state == State::Closing)
        return;
    const qint64 now = monotonicMs();
    m_lastReceivedMs = now;
    auto decoded = FrameCodec::decode(bytes, FrameLimits::fromClient());
    if (!decoded) {
        reject(-1, decoded.error().code, decoded.error().message);
        return;
    }
    RawFrame &raw = decoded.value();
    if (!m_bucket.take(now)) {
        reject(raw.id, ErrorCode::RateLimited, u"too many frames; slow down"_s);
        return;
    }
    if (raw.type == FrameType::Pong)
        return;
    // Every request but typing and receipt needs an id to be answered with.
    if (!raw.hasId() && raw.type != FrameType::Typing && raw.type != FrameType::Receipt
        && m_state != State::AwaitHello) {
        reject(-1, ErrorCode::InvalidField, u"a request needs an \"id\""_s);
        return;
    }
    if (m_state == State::AwaitHello) {
        if (raw.type == FrameType::Hello && raw.hasId())
            receiveHello(raw);
        else
            closeWith(FrameCodec::encodeError(raw.id, ErrorCode::HelloRequired,
                                              u"the first frame is hello, with an id"_s));
        return;
    }
    switch (raw.type) {
    case FrameType::Hello:
        reject(raw.id, ErrorCode::UnexpectedFrame, u"hello was already received"_s);
        return;
    case FrameType::Ping:
        send(FrameCodec::encode(PongFrame{}, raw.id));
        return;
    default:
        break;
    }
    if (isAuthRequest(raw.type)) {
        if (m_state == State::Authenticated)
            reject(raw.id, ErrorCode::AlreadyAuthenticated,
                   u"this connection is already authenticated"_s);
        else if (m_state == State::Authenticating)
            reject(raw.id, ErrorCode::UnexpectedFrame, u"an authentication is in progress"_s);
        else {
            m_state = State::Authenticating;
            m_sink->frameReceived(m_address, std::move(raw));
        }
        return;
    }
    if (frameTypeSince(raw.type) > m_version) {
        // What this session's version would have answered: it does not know the type.
        reject(-1, ErrorCode::UnknownFrameType,
               u"\"%1\" needs protocol version %2"_s.arg(frameTypeName(raw.type))
                       .arg(frameTypeSince(raw.type)));
        return;
    }
    if (!isClientRequest(raw.type)) {
        reject(raw.id, ErrorCode::UnexpectedFrame,
               u"\"%1\" is not a request a client sends"_s.arg(frameTypeName(raw.type)));
        return;
    }
    if (m_state != State::Authenticated) {
        reject(raw.id, ErrorCode::AuthRequired, u"register, log in or resume first"_s);
        return;
    }
    m_sink->frameReceived(m_address, std::move(raw));
}

void Session::receiveHello(const RawFrame &raw)
{
    auto hello = FrameCodec::read<HelloFrame>(raw);
    if (!hello) {
        reject(raw.id, hello.error().code, hello.error().message);
        return;
    }
    const int low = std::max(hello->minVersion, MinProtocolVersion);
    const int high = std::min(hello->maxVersion, ProtocolVersion);
    if (low > high) {
        closeWith(FrameCodec::encodeError(
                raw.id, ErrorCode::UnsupportedVersion,
                u"this server speaks protocol versions %1 to %2"_s.arg(MinProtocolVersion)
                        .arg(ProtocolVersion)));
        return;
    }
    WelcomeFrame welcome;
    welcome.version = high;
    m_version = high;
    welcome.server = u"parleyd/" PARLEY_VERSION ""_s;
    welcome.heartbeatSeconds = m_limits.heartbeatSeconds;
    welcome.registrationOpen = m_limits.registrationOpen;
    m_state = State::AwaitAuth;
    send(FrameCodec::encode(welcome, raw.id));
}

void Session::connectionClosed()
{
    if (m_finished)
        return;
    m_finished = true;
    m_state = State::Closing;
    m_sink->sessionClosed(m_address);
    qCDebug(lcServerSession).noquote() << "session closed" << connectionField();
    Q_EMIT finished(m_address);
}

} // namespace Parley
