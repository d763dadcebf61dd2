#pragma once

/// The admin HTTP listener (--admin-listen, 127.0.0.1:9464 by default): GET /metrics in the
/// Prometheus text format and GET /healthz, kept off the public port. Runs on the main thread;
/// each answer is built from counters and snapshots, never by waiting on another thread.

#include <QtCore/QObject>
#include <QtNetwork/QHostAddress>

#include <functional>

class QTcpServer;
class QTcpSocket;

namespace Parley {

class HealthChecks;

class AdminListener : public QObject
{
    Q_OBJECT
public:
    using MetricsText = std::function<QByteArray()>;

    AdminListener(MetricsText metrics, const HealthChecks *health, QObject *parent = nullptr);
    ~AdminListener() override;

    bool listen(const QHostAddress &address, quint16 port);
    QString errorString() const;
    quint16 port() const;

private:
    void accept();
    void answer(QTcpSocket *socket);

    MetricsText m_metrics;
    const HealthChecks *m_health;
    QTcpServer *m_server;
};

} // namespace Parley
