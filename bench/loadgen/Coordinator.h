#pragma once

/// Runs one bench pass against one server: prepares the plan, starts the load processes,
/// walks through the scenarios (each bounded in count and time), samples the server's and
/// its own CPU and memory, and writes one JSON result.

#include "Plan.h"
#include "ProcessStats.h"

#include <QtCore/QHash>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonObject>
#include <QtCore/QList>
#include <QtCore/QObject>
#include <QtCore/QStringList>

#include <functional>

class QProcess;

namespace Parley::Bench {

class Provisioner;

struct CoordinatorOptions
{
    PeerKind peer = PeerKind::Parley;
    QUrl url;
    QString label; ///< e.g. "parleyd-sqlite-wss"
    QString server; ///< e.g. "parleyd", "ejabberd"
    QString store; ///< "sqlite", "postgresql", "memory", "mnesia"
    QList<qint64> serverPids;
    QString outFile;
    QString workDir; ///< for the plan file
    int users = 100; ///< load users at least (connections scenario)
    int pairs = 50;
    int groups = 1;
    int groupSize = 100;
    int groupSenders = 10;
    int workers = 2;
    int threads = 2;
    int window = 32; ///< connections being opened at once, over all workers
    int setupWindow = 16; ///< accounts and conversations being created at once
    bool shareIdleAccount = true; ///< Parley: idle-only users resume one shared account
    int stepMs = 3000;
    QList<double> oneToOneRates; ///< messages/s, ascending
    QList<double> fanOutRates; ///< messages/s into the groups, ascending
    double stormRate = 500; ///< messages/s during the storm
    int stormMs = 6000;
    int catchUpMessages = 10'000;
    int bodyBytes = 64;
    double latencyTargetMs = 10;
    QStringList scenarios;
};

class Coordinator : public QObject
{
    Q_OBJECT

public:
    explicit Coordinator(const CoordinatorOptions &options, QObject *parent = nullptr);
    ~Coordinator() override;

    /// Starts the pass; the application quits with 0 when the result is written, 1 on error.
    void start();

private:
    using Answers = QList<QJsonObject>;
    using Step = std::function<void()>;

    void startWorkers();
    void workerOutput(int worker);
    /// Sends one command to the given workers (all when empty); `done` gets all answers.
    void command(QJsonObject cmd, std::function<void(const Answers &)> done,
                 QList<int> workers = {});
    void after(int ms, Step step);

    void runScenarios();
    void nextScenario();
    void connections(Step next);
    void openAll(bool measure, Step next);
    void ramp(const QString &role, const QList<double> &rates, int index, QJsonArray steps,
              std::function<void(QJsonArray)> done);
    void measureLoad(const QString &role, double rate, int ms,
                     std::function<void(QJsonObject)> done);
    void drain(quint32 phase, qint64 expectedPerAck, qint64 deadlineNs, qint64 quietNs,
               std::function<void(const QJsonObject &)> done, qint64 lastProgress = -1,
               qint64 lastChangeNs = 0);
    void oneToOne(Step next);
    void fanOut(Step next);
    void storm(Step next);
    void catchUp(Step next);
    void finish(const QString &error = {});

    QJsonObject stepResult(double offered, int ms, const QJsonObject &stats, qint64 expected,
                           const CpuSample &before, const CpuSample &after) const;
    QList<qint64> loadPids() const;
    qint64 serverRssKiB() const;
    int senders(const QString &role) const;
    QJsonObject describe() const;

    CoordinatorOptions m_options;
    Plan m_plan;
    Provisioner *m_provisioner = nullptr;
    QList<QProcess *> m_workers;
    QList<QByteArray> m_buffers;
    int m_started = 0;
    struct Pending
    {
        int remaining;
        Answers answers;
        std::function<void(const Answers &)> done;
    };
    QHash<int, Pending> m_pending;
    int m_nextTag = 1;
    quint32 m_phase = 0;
    QStringList m_todo;
    QJsonObject m_results;
    bool m_allOpen = false;
    bool m_finished = false;
    int m_exited = 0;
    int m_exitCode = 0;
    qint64 m_startNs = 0;
};

} // namespace Parley::Bench
