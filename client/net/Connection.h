#pragma once

/// One WebSocket (WSS) connection to parleyd, kept up while the user is logged in.
///
/// Does the session's housekeeping so nothing above it has to: the hello/welcome handshake,
/// resuming with the device token, heartbeats, reconnecting with exponential backoff and
/// jitter, matching replies to requests by id (with timeouts), and pinning the server's
/// certificate on first use unless it chains to a trusted CA. Pushes (frames without an id)
/// go out through pushReceived() for PushDispatcher to hand on. Lives on the GUI thread.

#include "protocol/FrameCodec.h"
#include "protocol/Frames.h"

#include <QtCore/QElapsedTimer>
#include <QtCore/QFuture>
#include <QtCore/QHash>
#include <QtCore/QObject>
#include <QtCore/QUrl>

#include <memory>

class QSslError;
class QTimer;
class QWebSocket;

namespace Parley {

class Connection : public QObject
{
    Q_OBJECT

public:
    enum class State {
        Disconnected, ///< not connected; waiting for the next attempt if reconnecting
        Connecting, ///< TCP + TLS + WebSocket handshake
        Handshaking, ///< hello sent, waiting for welcome
        Authenticating, ///< welcome received; resume (or the caller's register/login) in flight
        Ready, ///< authenticated: requests may be sent
    };
    Q_ENUM(State)

    explicit Connection(QObject *parent = nullptr);
    ~Connection() override;

    QUrl serverUrl() const { return m_url; }
    void setServerUrl(const QUrl &url);

    /// The pinned SHA-256 fingerprint of the server certificate ("AB:CD:…"), empty if none.
    QString pinnedFingerprint() const { return m_pinned; }
    void setPinnedFingerprint(const QString &fingerprint) { m_pinned = fingerprint; }
    /// With nothing pinned, a certificate without a trusted CA stops the connection
    /// (certificateToApprove) instead of being pinned at once.
    void setAskBeforePinning(bool ask) { m_askBeforePinning = ask; }

    /// The device token: with one, every connect resumes and a lost connection reconnects.
    void setToken(const QByteArray &token) { m_token = token; }
    bool hasToken() const { return !m_token.isEmpty(); }

    /// Connects (again). Without a token this is one attempt: the caller registers or logs in
    /// after welcomed() and then calls setAuthenticated().
    void open();
    /// Closes and stops reconnecting; pending requests fail with Unavailable.
    void close();

    /// After a register/login reply: keeps the token and makes the connection Ready.
    void setAuthenticated(const AuthenticatedFrame &frame);

    State state() const { return m_state; }
    bool isReady() const { return m_state == State::Ready; }
    const WelcomeFrame &welcome() const { return m_welcome; }

    /// Sends a request; the future gets the reply frame, or an Error (the server's error
    /// frame, a timeout, or the connection lost before the reply). Finishes on this thread.
    template<typename T>
    QFuture<Result<RawFrame>> request(const T &frame)
    {
        return request(T::Type, frame.toCbor());
    }
    QFuture<Result<RawFrame>> request(FrameType type, const QCborMap &fields);

    /// Sends a frame without an id (typing: never answered). False when not Ready.
    template<typename T>
    bool post(const T &frame)
    {
        return post(T::Type, frame.toCbor());
    }
    bool post(FrameType type, const QCborMap &fields);

    void setRequestTimeout(int ms) { m_requestTimeoutMs = ms; }
    /// Backoff between attempts: starts at `initialMs`, doubles, capped at `maxMs`, with jitter.
    void setReconnectDelays(int initialMs, int maxMs);
    /// Reconnects at once (e.g. the network came back), skipping the current backoff.
    void reconnectNow();

    /// "AB:CD:…" (SHA-256 of the DER certificate), as parleyd logs it.
    static QString fingerprintOf(const QByteArray &derCertificate);

Q_SIGNALS:
    void stateChanged(Parley::Connection::State state);
    /// The server answered hello; register/login may be sent now (only when there is no token).
    void welcomed(const Parley::WelcomeFrame &welcome);
    /// Ready: after resume, or after setAuthenticated().
    void authenticated(const Parley::AuthenticatedFrame &frame);
    /// The server refused the token (revoked device, disabled account, …): reconnecting stops.
    /// `whileConnected`: it ended a live session (a revocation as it happened) rather than
    /// refusing the token at a resume.
    void authenticationFailed(const Parley::Error &error, bool whileConnected);
    /// A frame without a request id (message, receipt, typing, presence, …).
    void pushReceived(const Parley::RawFrame &frame);
    /// An attempt failed or an open connection was lost (the reason is for the log and UI).
    void connectionLost(const QString &reason);
    /// A certificate that does not chain to a trusted CA was seen for the first time and pinned.
    void certificatePinned(const QString &fingerprint);
    /// The certificate differs from the pinned one: the connection stopped and stays stopped.
    void certificateChanged(const QString &pinned, const QString &presented);
    /// Nothing is pinned and asking is on: the connection stopped until the user accepted
    /// `presented` (setPinnedFingerprint, then open()).
    void certificateToApprove(const QString &presented);

private:
    struct Pending;

    void connectSocket();
    void setState(State state);
    void onConnected();
    void onDisconnected();
    void onBinaryMessage(const QByteArray &bytes);
    void onSslErrors(const QList<QSslError> &errors);
    void onHeartbeat();
    void checkTimeouts();
    void failPending(const Error &error);
    void scheduleReconnect();
    void dropSocket();
    void sendHello();
    void sendResume();

    QWebSocket *m_socket = nullptr;
    QUrl m_url;
    QString m_pinned;
    QByteArray m_token;
    State m_state = State::Disconnected;
    WelcomeFrame m_welcome;
    bool m_wanted = false; ///< the user wants to be connected (reconnect when lost)
    bool m_certificateRefused = false;
    bool m_askBeforePinning = false;

    qint64 m_nextId = 1;
    QHash<qint64, std::shared_ptr<Pending>> m_pending;
    int m_requestTimeoutMs = 20000;

    QTimer *m_reconnectTimer;
    QTimer *m_heartbeatTimer;
    QTimer *m_timeoutTimer;
    QElapsedTimer m_lastReceived;
    int m_attempt = 0;
    int m_initialDelayMs = 1000;
    int m_maxDelayMs = 30000;
};

} // namespace Parley
