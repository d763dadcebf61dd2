#include "Server.h"

#include "Logging.h"
#include "admin/AdminListener.h"
#include "admin/HealthChecks.h"
#include "admin/Metrics.h"
#include "net/HandshakeGate.h"
#include "net/IoThreadPool.h"
#include "net/Listener.h"
#include "net/TlsCredentials.h"
#include "net/TrustedProxies.h"
#include "routing/PasswordHasher.h"
#include "routing/Router.h"
#include "store/PageLimits.h"
#include "store/Store.h"

#include <QtCore/QDeadlineTimer>
#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QSemaphore>
#include <QtCore/QThread>
#include <QtCore/QTimer>

namespace Parley {

using namespace Qt::StringLiterals;

namespace {

/// How often /healthz asks the database (and any other check) whether it answers.
constexpr std::chrono::seconds HealthInterval{5};

} // namespace

Server::Server(ServerConfig config, QObject *parent)
    : QObject(parent),
      m_config(std::move(config)),
      m_metrics(std::make_unique<Metrics>()),
      m_health(new HealthChecks(this))
{
    m_health->add(u"database"_s,
                  [this](std::function<void(Status)> done) { checkDatabase(std::move(done)); });
}

void Server::checkDatabase(std::function<void(Status)> done)
{
    if (!m_store) {
        done(Error{ErrorCode::Unavailable, u"not open yet"_s});
        return;
    }
    m_store->run<int>(
            this,
            [](Database &db) -> Result<int> {
                const int version = db.schemaVersion();
                if (version <= 0)
                    return Error{ErrorCode::Unavailable, u"the database does not answer"_s};
                return version;
            },
            [done = std::move(done)](Result<int> r) { done(r ? Status{} : Status(r.error())); });
}

QByteArray Server::metricsText() const
{
    MetricGauges g;
    g.connectionsOpen = m_io ? m_io->liveSessions() : 0;
    g.handshakesInFlight = m_gate ? m_gate->inFlight() : 0;
    g.storeQueueDepth = m_store ? m_store->queueDepth() : 0;
    g.healthy = m_health->isHealthy();
    return m_metrics->render(g);
}

bool Server::listenAdmin()
{
    if (m_config.adminListenHost.isEmpty())
        return true;
    QHostAddress address;
    if (m_config.adminListenHost == "localhost"_L1)
        address = QHostAddress::LocalHost;
    else if (!address.setAddress(m_config.adminListenHost)) {
        fail(u"--admin-listen needs an IP address, not \"%1\""_s.arg(m_config.adminListenHost));
        return false;
    }
    m_admin = new AdminListener([this] { return metricsText(); }, m_health, this);
    if (!m_admin->listen(address, m_config.adminListenPort)) {
        // Chat goes on without metrics (an upgrade must not stop the service because another
        // exporter took the port); the warning and the missing scrape target say so.
        qCWarning(lcServer).noquote()
                << u"cannot listen for /metrics and /healthz on %1:%2: %3 (--admin-listen)"_s
                           .arg(m_config.adminListenHost)
                           .arg(m_config.adminListenPort)
                           .arg(m_admin->errorString());
        delete std::exchange(m_admin, nullptr);
        return true;
    }
    qCInfo(lcServer).noquote() << u"admin listener on http://%1:%2 (/metrics, /healthz)"_s
                                          .arg(address.toString())
                                          .arg(m_admin->port());
    return true;
}

Server::~Server()
{
    if (m_listener)
        m_listener->close();
    if (m_router && m_io) {
        // The router stops writing to the I/O threads before they go.
        QSemaphore detached;
        QMetaObject::invokeMethod(
                m_router,
                [router = m_router, &detached] {
                    router->setDelivery(nullptr);
                    detached.release();
                },
                Qt::QueuedConnection);
        detached.acquire();
    }
    m_io.reset(); // sessions report their close to the router first
    // The store finishes its jobs while the router still runs: their callbacks are queued to
    // the router before its deletion is.
    if (m_store)
        m_store->stop();
    if (m_routerThread) {
        // Behind everything already queued to it; then its thread ends.
        QMetaObject::invokeMethod(
                m_router,
                [router = m_router, thread = m_routerThread] {
                    delete router;
                    thread->quit();
                },
                Qt::QueuedConnection);
        m_routerThread->wait();
        delete m_routerThread;
    }
}

void Server::fail(const QString &message)
{
    qCCritical(lcServer).noquote() << message;
    Q_EMIT failed(message);
}

void Server::start()
{
    if (!PasswordHasher::initialize()) {
        fail(u"libsodium cannot be initialised"_s);
        return;
    }
    const QString dataDir = m_config.resolvedDataDir();
    if (!QDir().mkpath(dataDir)) {
        fail(u"cannot create the data folder %1"_s.arg(dataDir));
        return;
    }
    QFile::setPermissions(dataDir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    auto url = m_config.resolvedDatabase();
    if (!url) {
        fail(url.error().message);
        return;
    }
    qCInfo(lcServer).noquote() << "data folder" << dataDir << "- database" << url->displayName();
    m_store = std::make_unique<Store>(*url);
    m_store->setCommitObserver([metrics = m_metrics.get()](qsizetype jobs, double seconds) {
        metrics->storeBatchSize.observe(double(jobs));
        metrics->storeCommitSeconds.observe(seconds);
    });
    m_store->start(this, [this](Status status) {
        if (!status) {
            fail(u"cannot use the database: %1"_s.arg(status.error().message));
            return;
        }
        storeReady();
    });
}

void Server::storeReady()
{
    m_routerThread = new QThread;
    m_routerThread->setObjectName(u"router"_s);
    m_router = new Router(m_config, *m_store);
    // Told at once rather than asked every few seconds: a node without Redis answers 503 at
    // once (docs/scaling.md, "When Redis goes away").
    connect(m_router, &Router::clusterAvailabilityChanged, m_health, [health = m_health](bool up) {
        health->set(u"redis"_s,
                    up ? Status{} : Status(Error{ErrorCode::Unavailable, u"unreachable"_s}));
    });
    m_router->moveToThread(m_routerThread);
    m_routerThread->start();
    QMetaObject::invokeMethod(
            m_router,
            [this, router = m_router] {
                router->load([this](Status status) {
                    QMetaObject::invokeMethod(
                            this,
                            [this, status] {
                                if (!status)
                                    fail(u"cannot load the conversations: %1"_s.arg(
                                            status.error().message));
                                else
                                    routerReady();
                            },
                            Qt::QueuedConnection);
                });
            },
            Qt::QueuedConnection);
}

void Server::routerReady()
{
    TlsCredentials tls;
    if (!m_config.plain) {
        auto loaded =
                TlsCredentials::load(m_config.tlsCert, m_config.tlsKey, m_config.resolvedDataDir());
        if (!loaded) {
            fail(loaded.error().message);
            return;
        }
        tls = std::move(loaded).value();
    }
    IoSettings settings;
    settings.session.heartbeatSeconds = m_config.heartbeatSeconds;
    settings.session.authTimeoutSeconds = m_config.authTimeoutSeconds;
    settings.session.ratePerSecond = m_config.rateLimitPerSecond;
    settings.session.rateBurst = m_config.rateLimitBurst;
    settings.session.registrationOpen = m_config.registrationOpen;
    settings.maxQueuedBytes = m_config.maxQueuedBytes;
    if (m_config.maxQueuedBytes < 2 * MaxReplyBodyBytes)
        qCWarning(lcServer) << "max-queued-bytes" << m_config.maxQueuedBytes
                            << "is under two replies: clients catching up may be dropped as slow";
    settings.handshakeTimeoutMs = m_config.handshakeTimeoutSeconds * 1000;
    settings.tls = !m_config.plain;
    settings.transport = m_config.transport;
    if (!m_config.trustedProxies.isEmpty()) {
        auto trusted = std::make_shared<TrustedProxies>();
        for (const QString &network : std::as_const(m_config.trustedProxies)) {
            if (Status added = trusted->add(network); !added) {
                fail(added.error().message);
                return;
            }
        }
        qCInfo(lcServer).noquote()
                << "client addresses from" << (m_config.proxyProtocol ? "PROXY v2 headers and" : "")
                << "X-Forwarded-For of" << trusted->networks().join(u", ");
        settings.trustedProxies = std::move(trusted);
        settings.proxyProtocol = m_config.proxyProtocol;
    }
    settings.metrics = m_metrics.get();
    settings.session.metrics = m_metrics.get();
    settings.health = m_health;
    m_gate = std::make_unique<HandshakeGate>(m_config.maxPendingHandshakes,
                                             m_config.maxPendingHandshakesPerAddress);
    m_io = std::make_unique<IoThreadPool>(m_config.resolvedWorkers(), settings, m_router,
                                          m_gate.get());
    if (!m_config.plain && !m_io->setTlsConfiguration(tls.configuration())) {
        fail(u"cannot use the TLS certificate and key"_s);
        return;
    }
    QMetaObject::invokeMethod(
            m_router,
            [router = m_router, io = m_io.get(), metrics = m_metrics.get()] {
                router->setDelivery(io);
                router->setMetrics(metrics);
            },
            Qt::QueuedConnection);

    if (!listenAdmin())
        return;
    m_health->start(HealthInterval);
    m_listener = new Listener([io = m_io.get()](qintptr fd) { io->dispatch(fd); }, this);
    QHostAddress address;
    if (m_config.listenHost == "localhost"_L1)
        address = QHostAddress::LocalHost;
    else if (m_config.listenHost == "*"_L1 || m_config.listenHost.isEmpty())
        address = QHostAddress::Any;
    else if (!address.setAddress(m_config.listenHost)) {
        fail(u"--listen needs an IP address, not \"%1\""_s.arg(m_config.listenHost));
        return;
    }
    if (!m_listener->listen(address, m_config.listenPort)) {
        fail(u"cannot listen on %1:%2: %3"_s.arg(m_config.listenHost)
                     .arg(m_config.listenPort)
                     .arg(m_listener->errorString()));
        return;
    }
    const QString host = address.protocol() == QAbstractSocket::IPv6Protocol
            ? u"[%1]"_s.arg(address.toString())
            : address.toString();
    if (m_config.plain) {
        qCWarning(lcServer)
                << "serving plain ws:// without TLS: only run this behind a TLS-terminating proxy";
        qCInfo(lcServer).noquote()
                << u"parleyd listening on ws://%1:%2"_s.arg(host).arg(m_listener->serverPort());
    } else {
        qCInfo(lcServer).noquote()
                << u"parleyd listening on wss://%1:%2 (certificate sha256 %3)"_s.arg(host)
                           .arg(m_listener->serverPort())
                           .arg(tls.fingerprint());
    }
    Q_EMIT started();
}

void Server::reloadCertificates()
{
    if (m_config.plain || !m_io)
        return;
    auto loaded =
            TlsCredentials::load(m_config.tlsCert, m_config.tlsKey, m_config.resolvedDataDir());
    if (!loaded) {
        qCWarning(lcServer).noquote() << "certificates not reloaded:" << loaded.error().message;
        return;
    }
    if (!m_io->setTlsConfiguration(loaded->configuration())) {
        qCWarning(lcServer) << "certificates not reloaded: OpenSSL refused them";
        return;
    }
    qCInfo(lcServer).noquote() << "certificates reloaded (sha256" << loaded->fingerprint() << ")";
}

void Server::stop()
{
    if (m_stopping)
        return;
    m_stopping = true;
    qCInfo(lcServer) << "stopping: finishing requests in flight";
    m_health->setDraining(); // load balancers stop sending new clients here
    if (m_listener)
        m_listener->close();
    if (!m_io || !m_router) {
        Q_EMIT stopped();
        return;
    }
    // Requests already received are stored and answered first; then every session gets
    // `unavailable` and is closed; what arrives meanwhile is at worst retried by its client.
    QMetaObject::invokeMethod(
            m_router,
            [this, router = m_router] {
                router->drain([this] {
                    QMetaObject::invokeMethod(
                            this, [this] { closeSessions(); }, Qt::QueuedConnection);
                });
            },
            Qt::QueuedConnection);
}

void Server::closeSessions()
{
    qCInfo(lcServer) << "stopping: closing" << m_io->liveSessions() << "connections";
    m_io->closeAll(this, [this] {
        auto *poll = new QTimer(this);
        poll->setInterval(50);
        auto deadline = std::make_shared<QDeadlineTimer>(3000);
        connect(poll, &QTimer::timeout, this, [this, poll, deadline] {
            if (m_io->liveSessions() > 0 && !deadline->hasExpired())
                return;
            poll->stop();
            poll->deleteLater();
            qCInfo(lcServer) << "stopped";
            Q_EMIT stopped();
        });
        poll->start();
    });
}

} // namespace Parley
