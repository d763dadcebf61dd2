#pragma once

/// One client connection's protocol state on its I/O thread: hello and version, the
/// authentication gate and its timeout, heartbeats, the per-connection rate limit. Everything
/// else goes to the RequestSink (the Router) as a decoded RawFrame.

#include "SessionAddress.h"
#include "TokenBucket.h"
#include "net/ClientConnection.h"

#include <QtCore/QObject>

namespace Parley {

struct Metrics;
class RequestSink;
struct RawFrame;

struct SessionLimits
{
    int heartbeatSeconds = 30;
    int authTimeoutSeconds = 10;
    int ratePerSecond = 50;
    int rateBurst = 100;
    bool registrationOpen = true;
    Metrics *metrics = nullptr; ///< counts refusals (rate and size limits); may be null
};

class Session : public QObject
{
    Q_OBJECT
public:
    enum class State { AwaitHello, AwaitAuth, Authenticating, Authenticated, Closing };
    Q_ENUM(State)

    /// Takes ownership of `connection`.
    Session(SessionAddress address, ClientConnection *connection, RequestSink *sink,
            const SessionLimits &limits, QObject *parent = nullptr);
    ~Session() override;

    SessionAddress address() const { return m_address; }
    State state() const { return m_state; }

    void send(const QByteArray &frame);
    void authenticate(qint64 userId, qint64 deviceId, const QByteArray &frame);
    void authenticationFailed(const QByteArray &frame);
    void closeWith(
            const QByteArray &lastFrame,
            ClientConnection::CloseReason reason = ClientConnection::CloseReason::PolicyViolation);
    /// Called about once a second: enforces the authentication and heartbeat timeouts.
    void checkTimeouts(qint64 nowMs);

    /// A monotonic clock in ms, shared by sessions and their I/O thread.
    static qint64 monotonicMs();

Q_SIGNALS:
    /// The connection is gone; the owner deletes the session.
    void finished(Parley::SessionAddress address);

private:
    void receive(const QByteArray &bytes);
    void receiveHello(const RawFrame &raw);
    void reject(qint64 id, ErrorCode code, const QString &message);
    /// "connection=T.N", the field the journal files this session's lines under.
    QString connectionField() const;
    void connectionClosed();

    SessionAddress m_address;
    ClientConnection *m_connection;
    RequestSink *m_sink;
    SessionLimits m_limits;
    TokenBucket m_bucket;
    State m_state = State::AwaitHello;
    int m_version = 1; ///< negotiated in hello
    qint64 m_openedMs;
    qint64 m_lastReceivedMs;
    qint64 m_userId = 0;
    qint64 m_deviceId = 0;
    bool m_finished = false;
};

} // namespace Parley
