#pragma once

/// One I/O thread's sockets and Sessions, with its own event loop (a socket never moves after
/// hand-off): TLS handshakes, the HTTP probes, the WebSocket upgrade, timeouts. Two transports
/// (Transport.h): the native one (StreamConnection) and Qt's (WebSocketConnection).

#include "Transport.h"
#include "session/Session.h"

#include <QtCore/QHash>
#include <QtCore/QObject>
#include <QtCore/QPointer>
#include <QtNetwork/QAbstractSocket>
#include <QtNetwork/QHostAddress>
#include <QtNetwork/QSslConfiguration>

#include <memory>
#include <vector>

class QThread;
class QTimer;
class QWebSocketServer;
class QTcpSocket;

namespace Parley {

class ClientConnection;
class HandshakeGate;
class SocketPoller;
class RequestSink;
class TlsContext;
class HealthChecks;
class TrustedProxies;
struct Metrics;

struct IoSettings
{
    SessionLimits session;
    qint64 maxQueuedBytes = 4 * 1024 * 1024;
    int handshakeTimeoutMs = 10000;
    bool tls = true;
    Transport transport = Transport::Native;
    Metrics *metrics = nullptr;
    const HealthChecks *health = nullptr; ///< answers /healthz on the public port
    /// Whose PROXY header and X-Forwarded-For name the client (null: nobody's).
    std::shared_ptr<const TrustedProxies> trustedProxies;
    /// Connections from a trusted proxy start with a PROXY v2 header (native transport only).
    bool proxyProtocol = false;
};

/// One I/O thread's state; lives on (and is used only from) that thread.
class IoThread : public QObject
{
    Q_OBJECT
public:
    IoThread(int index, const IoSettings &settings, RequestSink *sink, HandshakeGate *gate,
             QAtomicInt *liveSessions);
    ~IoThread() override;

    void start();
    void accept(qintptr descriptor);
    /// What new connections use: `configuration` on the Qt transport, `context` (built from
    /// it, shared by all threads) on the native one. Live connections keep what they have.
    void setTlsConfiguration(const QSslConfiguration &configuration,
                             std::shared_ptr<const TlsContext> context);
    Session *session(quint64 id) const { return m_sessions.value(id); }
    /// Closes every session (going away), for a drain.
    void closeAll();
    int sessionCount() const { return int(m_sessions.size()); }

private:
    /// The native transport: a trusted proxy's PROXY header first (ProxyHeaderReader), then
    /// startNative().
    void acceptNative(qintptr descriptor);
    /// Gate, TLS handshake, HTTP head, WebSocket, all in StreamConnection; `peer` is the
    /// client's address as far as is known before the HTTP head.
    void startNative(int descriptor, const QHostAddress &peer);
    void acceptTls(qintptr descriptor);
    /// Reads the first bytes: an HTTP probe (/healthz, /metrics) is answered here, anything
    /// else goes to the WebSocket server (from a trusted proxy, once its X-Forwarded-For is
    /// read).
    void sniff(QAbstractSocket *socket);
    void answerHttp(QAbstractSocket *socket, const QByteArray &path);
    /// The whole HTTP response to a probe, on either transport.
    QByteArray probeResponse(const QByteArray &path) const;
    /// Counts a TLS handshake refused by the gate, or closed or timed out before it finished.
    void handshakeFailed();
    void openSession(ClientConnection *connection);
    void upgrade(QAbstractSocket *socket, const QHostAddress &client);
    void upgraded();
    void sweep();

    int m_index;
    IoSettings m_settings;
    RequestSink *m_sink;
    HandshakeGate *m_gate;
    QAtomicInt *m_liveSessions;
    QSslConfiguration m_tls;
    std::shared_ptr<const TlsContext> m_tlsContext;
    QWebSocketServer *m_server = nullptr;
    SocketPoller *m_poller = nullptr; ///< the native transport's sockets, one epoll set
    QTimer *m_sweep = nullptr;
    QHash<quint64, Session *> m_sessions;
    /// A socket handed to the WebSocket server, and its client's address.
    struct Upgrading
    {
        QPointer<QAbstractSocket> socket;
        QHostAddress client;
    };
    /// Sockets handed to the WebSocket server, by peer, until their upgrade completes: the
    /// connection needs its socket to see how much output waits.
    QHash<QPair<QHostAddress, quint16>, Upgrading> m_upgrading;
    quint64 m_nextId = 0;
};

} // namespace Parley
