#pragma once

/// Deletes log entries nobody may read any more: disappearing messages past their expiry, and
/// content older than the server's max-retention. A periodic sweep in bounded batches; history
/// and sync already leave expired entries out, so the sweep only decides how soon the bytes go.

#include <QtCore/QObject>

class QTimer;

namespace Parley {

class RouteContext;

class LogExpiry : public QObject
{
    Q_OBJECT
public:
    LogExpiry(RouteContext &context, QObject *parent = nullptr);

    /// Sweeps now and then every interval.
    void start();

private:
    void sweep();

    RouteContext &m_ctx;
    QTimer *m_timer;
    bool m_sweeping = false;
};

} // namespace Parley
