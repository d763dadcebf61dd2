#include "IoThread.h"

#include "HandshakeGate.h"
#include "HttpUpgrade.h"
#include "Logging.h"
#include "ProxyHeaderReader.h"
#include "SocketPoller.h"
#include "StreamConnection.h"
#include "TlsContext.h"
#include "TrustedProxies.h"
#include "WebSocketConnection.h"
#include "admin/HealthChecks.h"
#include "admin/Metrics.h"
#include "protocol/FrameCodec.h"
#include "protocol/Limits.h"
#include "session/RequestSink.h"

#include <QtCore/QThread>
#include <QtCore/QTimer>
#include <QtNetwork/QSslSocket>
#include <QtWebSockets/QWebSocket>
#include <QtWebSockets/QWebSocketServer>

#include <cerrno>
#include <cstring>

#include <sys/socket.h>
#include <unistd.h>

namespace Parley {

using namespace Qt::StringLiterals;

IoThread::IoThread(int index, const IoSettings &settings, RequestSink *sink, HandshakeGate *gate,
                   QAtomicInt *liveSessions)
    : m_index(index),
      m_settings(settings),
      m_sink(sink),
      m_gate(gate),
      m_liveSessions(liveSessions)
{
}

IoThread::~IoThread()
{
    // Sessions report their close to the sink from their destructors.
    qDeleteAll(m_sessions);
}

void IoThread::start()
{
    // Here, on the I/O thread: the poller's notifier belongs to this thread's event loop.
    m_poller = new SocketPoller(this);
    if (!m_poller->isValid())
        qCCritical(lcServerNet) << "no epoll set for I/O thread" << m_index << ":"
                                << std::strerror(errno);
    m_server = new QWebSocketServer(u"parleyd"_s, QWebSocketServer::NonSecureMode, this);
    m_server->setHandshakeTimeout(m_settings.handshakeTimeoutMs);
    m_server->setMaxPendingConnections(1 << 20); // taken at once in upgraded()
    connect(m_server, &QWebSocketServer::newConnection, this, &IoThread::upgraded);
    m_sweep = new QTimer(this);
    m_sweep->setInterval(1000);
    connect(m_sweep, &QTimer::timeout, this, &IoThread::sweep);
    m_sweep->start();
}

void IoThread::setTlsConfiguration(const QSslConfiguration &configuration,
                                   std::shared_ptr<const TlsContext> context)
{
    m_tls = configuration;
    m_tlsContext = std::move(context);
}

void IoThread::accept(qintptr descriptor)
{
    if (m_settings.metrics)
        m_settings.metrics->connectionsAccepted.ref();
    if (m_settings.transport == Transport::Native) {
        acceptNative(descriptor);
        return;
    }
    if (m_settings.tls) {
        acceptTls(descriptor);
        return;
    }
    auto *socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        ::close(int(descriptor));
        delete socket;
        return;
    }
    sniff(socket);
}

void IoThread::sniff(QAbstractSocket *socket)
{
    static const QByteArray Probes[] = {"GET /healthz", "GET /metrics"};
    auto decided = std::make_shared<bool>(false);
    auto reading = std::make_shared<QMetaObject::Connection>();
    const auto decide = [this, socket, decided, reading] {
        if (*decided)
            return;
        const QByteArray head = socket->peek(Probes[0].size());
        for (const QByteArray &probe : Probes) {
            if (head.size() < probe.size() && probe.startsWith(head))
                return; // could still be a probe: wait for more
        }
        for (const QByteArray &probe : Probes) {
            if (head == probe) {
                *decided = true;
                QObject::disconnect(*reading);
                answerHttp(socket, probe.mid(4));
                return;
            }
        }
        QHostAddress client = TrustedProxies::normalized(socket->peerAddress());
        if (m_settings.trustedProxies && m_settings.trustedProxies->contains(client)) {
            // A trusted proxy's X-Forwarded-For, read here from the whole request head:
            // QWebSocket keeps one value of a repeated header, not necessarily the last line
            // (the proxy's own), so a client could choose what it keeps.
            const QByteArray request = socket->peek(HttpUpgrade::MaxHeadBytes);
            if (!request.contains("\r\n\r\n") && request.size() < HttpUpgrade::MaxHeadBytes)
                return; // the head is not complete yet
            HttpUpgrade parser;
            const HttpUpgrade::Result parsed = parser.feed(request.constData(), request.size());
            if (parsed.outcome == HttpUpgrade::Outcome::Upgrade)
                client = m_settings.trustedProxies->clientAddress(client, parsed.forwardedFor);
        }
        *decided = true;
        QObject::disconnect(*reading);
        upgrade(socket, client);
    };
    connect(socket, &QAbstractSocket::disconnected, socket, [socket, decided] {
        if (!*decided) {
            *decided = true;
            socket->deleteLater();
        }
    });
    QTimer::singleShot(m_settings.handshakeTimeoutMs, socket, [socket, decided] {
        if (!*decided) {
            *decided = true;
            socket->abort();
            socket->deleteLater();
        }
    });
    *reading = connect(socket, &QIODevice::readyRead, this, decide);
    if (socket->bytesAvailable() > 0)
        decide();
}

QByteArray IoThread::probeResponse(const QByteArray &path) const
{
    if (path == "/metrics")
        // Metrics say how busy the server is and with what: not for the public side.
        return HttpUpgrade::errorResponse("404 Not Found",
                                          "/metrics is served on the admin listener "
                                          "(--admin-listen)");
    if (m_settings.health)
        return m_settings.health->response();
    return HttpUpgrade::okResponse("text/plain; charset=utf-8", "ok\n");
}

void IoThread::answerHttp(QAbstractSocket *socket, const QByteArray &path)
{
    socket->write(probeResponse(path));
    connect(socket, &QAbstractSocket::disconnected, socket, &QObject::deleteLater);
    socket->disconnectFromHost();
}

void IoThread::upgrade(QAbstractSocket *socket, const QHostAddress &client)
{
    const auto peer = qMakePair(socket->peerAddress(), socket->peerPort());
    m_upgrading.insert(peer, {socket, client});
    // Until the upgrade completes the socket is this thread's to delete (when the WebSocket
    // handshake fails or times out); afterwards its WebSocketConnection owns it.
    connect(socket, &QAbstractSocket::disconnected, this, [this, peer, socket] {
        auto it = m_upgrading.find(peer);
        if (it != m_upgrading.end() && it->socket.data() == socket) {
            m_upgrading.erase(it);
            socket->deleteLater();
        }
    });
    connect(socket, &QObject::destroyed, this, [this, peer] {
        auto it = m_upgrading.find(peer);
        if (it != m_upgrading.end() && it->socket.isNull())
            m_upgrading.erase(it);
    });
    m_server->handleConnection(static_cast<QTcpSocket *>(socket));
}

void IoThread::acceptTls(qintptr descriptor)
{
    auto *socket = new QSslSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        ::close(int(descriptor));
        delete socket;
        return;
    }
    const QHostAddress peer = socket->peerAddress();
    if (!m_gate->tryEnter(peer)) {
        qCDebug(lcServerNet) << "refusing" << peer.toString()
                             << ": too many TLS handshakes in flight";
        handshakeFailed();
        socket->abort();
        socket->deleteLater();
        return;
    }
    // Ends the handshake's claim on the gate exactly once, whichever way it ends.
    struct Handshake
    {
        bool over = false;
    };
    auto state = std::make_shared<Handshake>();
    auto end = [gate = m_gate, peer, state] {
        if (state->over)
            return false;
        state->over = true;
        gate->leave(peer);
        return true;
    };
    connect(socket, &QSslSocket::encrypted, this, [this, socket, end] {
        if (end())
            sniff(socket);
    });
    connect(socket, &QAbstractSocket::disconnected, socket, [this, socket, end] {
        if (end()) {
            handshakeFailed();
            socket->deleteLater();
        }
    });
    QTimer::singleShot(m_settings.handshakeTimeoutMs, socket, [this, socket, end] {
        if (end()) {
            handshakeFailed();
            socket->abort();
            socket->deleteLater();
        }
    });
    socket->setSslConfiguration(m_tls);
    socket->startServerEncryption();
}

void IoThread::acceptNative(qintptr descriptor)
{
    const int fd = int(descriptor);
    sockaddr_storage address = {};
    socklen_t length = sizeof address;
    if (::getpeername(fd, reinterpret_cast<sockaddr *>(&address), &length) != 0) {
        ::close(fd); // already gone
        return;
    }
    const QHostAddress peer =
            TrustedProxies::normalized(QHostAddress(reinterpret_cast<const sockaddr *>(&address)));
    if (m_settings.proxyProtocol && m_settings.trustedProxies
        && m_settings.trustedProxies->contains(peer)) {
        // The header comes before TLS: the handshake gate then counts the real client.
        auto *reader = new ProxyHeaderReader(
                fd, peer, m_poller, m_settings.handshakeTimeoutMs,
                [this](int proxied, const QHostAddress &client) { startNative(proxied, client); },
                this);
        if (!reader->start())
            delete reader;
        return;
    }
    startNative(fd, peer);
}

void IoThread::startNative(int fd, const QHostAddress &peer)
{
    const TlsContext *tls = nullptr;
    if (m_settings.tls) {
        tls = m_tlsContext.get();
        if (!tls) {
            qCWarning(lcServerNet) << "no TLS context: refusing" << peer.toString();
            ::close(fd);
            return;
        }
        if (!m_gate->tryEnter(peer)) {
            qCDebug(lcServerNet) << "refusing" << peer.toString()
                                 << ": too many TLS handshakes in flight";
            handshakeFailed();
            ::close(fd);
            return;
        }
    }
    const StreamConnection::Options options{
            m_settings.maxQueuedBytes, FrameLimits::fromClient().maxFrameBytes,
            m_settings.handshakeTimeoutMs, m_settings.trustedProxies};
    auto *connection = new StreamConnection(
            fd, peer, tls, m_poller, options,
            [this](const QByteArray &path) { return probeResponse(path); }, this);
    if (tls) {
        // Ends the handshake's claim on the gate exactly once, whichever way it ends.
        auto inGate = std::make_shared<bool>(true);
        auto leave = [gate = m_gate, peer, inGate] {
            if (std::exchange(*inGate, false))
                gate->leave(peer);
        };
        connect(connection, &StreamConnection::encrypted, this, leave);
        connect(connection, &ClientConnection::closed, this, [this, leave, inGate] {
            if (*inGate)
                handshakeFailed(); // closed before the TLS handshake finished
            leave();
        });
    }
    // Until the upgrade the connection is this thread's to delete; then its Session's.
    connect(connection, &ClientConnection::closed, this, [connection] {
        if (!connection->isUpgraded())
            connection->deleteLater();
    });
    connect(connection, &StreamConnection::upgraded, this,
            [this, connection] { openSession(connection); });
    if (!connection->start()) {
        if (tls)
            m_gate->leave(peer);
        delete connection;
    }
}

void IoThread::handshakeFailed()
{
    if (m_settings.metrics)
        m_settings.metrics->handshakesFailed.ref();
}

void IoThread::openSession(ClientConnection *connection)
{
    const SessionAddress address{m_index, ++m_nextId};
    auto *session = new Session(address, connection, m_sink, m_settings.session, this);
    m_sessions.insert(address.id, session);
    m_liveSessions->ref();
    connect(session, &Session::finished, this, [this](SessionAddress a) {
        if (Session *s = m_sessions.take(a.id)) {
            m_liveSessions->deref();
            s->deleteLater();
        }
    });
}

void IoThread::upgraded()
{
    while (m_server->hasPendingConnections()) {
        QWebSocket *ws = m_server->nextPendingConnection();
        if (!ws)
            break;
        // Qt 6.4's server has no size setters: without these it would hand over 16 MiB
        // messages and buffer endless fragments.
        const auto max = quint64(FrameLimits::fromClient().maxFrameBytes);
        ws->setMaxAllowedIncomingFrameSize(max);
        ws->setMaxAllowedIncomingMessageSize(max);
        const Upgrading upgrading = m_upgrading.take(qMakePair(ws->peerAddress(), ws->peerPort()));
        const QHostAddress client = upgrading.client.isNull()
                ? TrustedProxies::normalized(ws->peerAddress())
                : upgrading.client;
        openSession(new WebSocketConnection(ws, upgrading.socket.data(), client,
                                            m_settings.maxQueuedBytes));
    }
}

void IoThread::sweep()
{
    const qint64 now = Session::monotonicMs();
    // Copy: a session may close (and leave the hash) while being checked.
    const QList<Session *> sessions = m_sessions.values();
    for (Session *s : sessions)
        s->checkTimeouts(now);
}

void IoThread::closeAll()
{
    const QByteArray goingAway = FrameCodec::encodeError(
            -1, ErrorCode::Unavailable, u"the server is shutting down; reconnect"_s);
    const QList<Session *> sessions = m_sessions.values();
    for (Session *s : sessions)
        s->closeWith(goingAway, ClientConnection::CloseReason::GoingAway);
}

} // namespace Parley
