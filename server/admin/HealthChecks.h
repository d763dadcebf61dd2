#pragma once

/// The verdict behind GET /healthz: a list of named checks (the database; a cluster adds
/// Redis with add()) run every few seconds on the thread that owns this object. The last
/// verdict is kept as a ready HTTP response that any thread (the I/O threads answering the
/// public port, the admin listener) reads without waiting: 200 "ok" while every check passed
/// and the node is not draining, else 503 with one line per failed check, or "draining".

#include "protocol/Result.h"

#include <QtCore/QMutex>
#include <QtCore/QObject>
#include <QtCore/QTimer>

#include <chrono>
#include <functional>

namespace Parley {

class HealthChecks : public QObject
{
    Q_OBJECT
public:
    /// Runs once per round and reports through `done` (on this object's thread), ok or the
    /// error to show. A check that has not reported by the next round counts as failed.
    using Check = std::function<void(std::function<void(Status)> done)>;

    explicit HealthChecks(QObject *parent = nullptr);

    /// Adds a check; it counts as passed until its first report (the server starts only after
    /// its database opened).
    void add(const QString &name, Check check);
    /// Sets the state of a check that is told rather than asked (Redis: the cluster relay
    /// knows the moment its connection drops); adds the check the first time.
    void set(const QString &name, const Status &status);
    /// Runs every check now and then every `interval`.
    void start(std::chrono::milliseconds interval);
    /// From now on the node answers 503 "draining" (SIGTERM: load balancers stop sending).
    void setDraining();

    /// The whole HTTP response for GET /healthz. Thread-safe.
    QByteArray response() const;
    /// true while the response is 200. Thread-safe.
    bool isHealthy() const;

Q_SIGNALS:
    /// The verdict changed (healthy ↔ not, or which checks fail).
    void verdictChanged(bool healthy);

private:
    struct Entry
    {
        QString name;
        Check check;
        Status last; ///< the last report (ok until the first)
        quint64 round = 0; ///< the round it was last asked in
        bool answered = true; ///< it reported in its round
    };

    void runRound();
    void report(qsizetype index, quint64 round, const Status &status);
    static void logChange(const Entry &entry, const Status &status);
    void publish();

    QList<Entry> m_checks;
    QTimer m_timer;
    quint64 m_round = 0;
    bool m_draining = false;
    mutable QMutex m_mutex; ///< guards the two below (read from the I/O threads)
    QByteArray m_response;
    bool m_healthy = true;
};

} // namespace Parley
