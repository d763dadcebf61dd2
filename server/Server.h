#pragma once

/// parleyd's top-level object: starts the store, the router and the I/O threads, listens, and
/// drains on stop. Main thread: config, signals and the listener live here; everything else
/// runs on its own threads (docs/server.md, "Threads").

#include "admin/ServerConfig.h"
#include "protocol/Result.h"

#include <QtCore/QObject>

#include <functional>
#include <memory>

class QThread;

namespace Parley {

class AdminListener;
class HandshakeGate;
class HealthChecks;
class IoThreadPool;
class Listener;
class Router;
class Store;
struct Metrics;

class Server : public QObject
{
    Q_OBJECT
public:
    explicit Server(ServerConfig config, QObject *parent = nullptr);
    ~Server() override;

    /// Starts asynchronously: started() once listening, or failed().
    void start();
    /// Stops accepting, closes every session, lets the store finish, then emits stopped().
    void stop();
    /// Reads the certificate files again; new connections use them.
    void reloadCertificates();
    /// The named checks behind /healthz; add more (e.g. Redis) before start().
    HealthChecks &healthChecks() { return *m_health; }

Q_SIGNALS:
    void started();
    void failed(const QString &message);
    void stopped();

private:
    void storeReady();
    void routerReady();
    void closeSessions();
    void fail(const QString &message);
    /// The database check of /healthz (a cluster adds its own through healthChecks()).
    void checkDatabase(std::function<void(Status)> done);
    bool listenAdmin();
    QByteArray metricsText() const;

    ServerConfig m_config;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<HandshakeGate> m_gate;
    std::unique_ptr<Metrics> m_metrics;
    HealthChecks *m_health;
    AdminListener *m_admin = nullptr;
    Router *m_router = nullptr;
    QThread *m_routerThread = nullptr;
    std::unique_ptr<IoThreadPool> m_io;
    Listener *m_listener = nullptr;
    bool m_stopping = false;
};

} // namespace Parley
