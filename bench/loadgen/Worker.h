#pragma once

/// A load process: holds its share of the plan's clients on several threads (one
/// ClientGroup each) and carries out the coordinator's commands, one JSON line each on stdin,
/// answering with one JSON line each on stdout.

#include "Plan.h"

#include <QtCore/QJsonObject>
#include <QtCore/QList>
#include <QtCore/QObject>

class QSocketNotifier;
class QThread;

namespace Parley::Bench {

class ClientGroup;

struct WorkerOptions
{
    QString planFile;
    int index = 0; ///< this worker's number, 0 … workers-1
    int workers = 1; ///< user u belongs to worker u % workers
    int threads = 1; ///< … and to its thread (u / workers) % threads
};

class Worker : public QObject
{
    Q_OBJECT

public:
    explicit Worker(const WorkerOptions &options, QObject *parent = nullptr);
    ~Worker() override;

    /// Reads the plan and starts the threads; false (with a message on stderr) if it cannot.
    bool start();

private:
    void readCommands();
    void execute(const QJsonObject &command);
    /// Runs `call` on every group's thread; `done` gets their answers on this thread.
    void
    forEachGroup(std::function<void(ClientGroup *, std::function<void(const QJsonObject &)>)> call,
                 std::function<void(const QList<QJsonObject> &)> done);
    /// Runs `call` on the thread of the group owning `user`.
    /// The thread (ClientGroup) that holds `user`'s connection.
    int threadOf(int user) const;
    void onOwner(int user,
                 std::function<void(ClientGroup *, std::function<void(const QJsonObject &)>)> call,
                 std::function<void(const QJsonObject &)> done);
    void answer(const QJsonObject &event);

    WorkerOptions m_options;
    Plan m_plan;
    QList<QThread *> m_threads;
    QList<ClientGroup *> m_groups;
    QSocketNotifier *m_stdin = nullptr;
    QByteArray m_input;
};

} // namespace Parley::Bench
