#pragma once

/// Counters for GET /metrics (Prometheus text format), updated from any thread.

#include <QtCore/QAtomicInteger>
#include <QtCore/QByteArray>

namespace Parley {

struct Metrics
{
    QAtomicInteger<quint64> connectionsAccepted = 0;
    QAtomicInteger<quint64> framesReceived = 0;
    QAtomicInteger<quint64> messagesStored = 0;
    /// 1 while a cluster node cannot reach Redis (GET /healthz says "degraded").
    QAtomicInt clusterDegraded = 0;

    /// The exposition text, with the gauges passed in.
    QByteArray render(int connections, int handshakesInFlight) const;
};

} // namespace Parley
