#pragma once

/// parleyd's top-level object: starts the store, the router and the I/O threads, listens, and
/// drains on stop. Main thread: config, signals and the listener live here; everything else
/// runs on its own threads (docs/server.md, "Threads").

#include "admin/ServerConfig.h"

#include <QtCore/QObject>

#include <memory>

class QThread;

namespace Parley {

class HandshakeGate;
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

Q_SIGNALS:
    void started();
    void failed(const QString &message);
    void stopped();

private:
    void storeReady();
    void routerReady();
    void closeSessions();
    void fail(const QString &message);

    ServerConfig m_config;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<HandshakeGate> m_gate;
    std::unique_ptr<Metrics> m_metrics;
    Router *m_router = nullptr;
    QThread *m_routerThread = nullptr;
    std::unique_ptr<IoThreadPool> m_io;
    Listener *m_listener = nullptr;
    bool m_stopping = false;
};

} // namespace Parley
