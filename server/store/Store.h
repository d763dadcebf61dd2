#pragma once

/// The asynchronous store: a Database on its own thread, reached only by posting work to it.
///
/// Callers on any thread post a job; it runs on the store thread, and its result is handed to a
/// callback on the thread of a context object (queued), so no I/O or routing thread ever waits
/// on the database. Jobs run one at a time in the order posted. Appends to conversation logs are
/// batched: all appends waiting in the queue are committed in one transaction, then each caller
/// gets its result. A job that fails because the connection is gone (PostgreSQL restarted) is run
/// once more on a fresh connection.
///
/// The context object must outlive the Store's thread (stop() drains it).

#include "Database.h"

#include <QtCore/QMutex>
#include <QtCore/QObject>
#include <QtCore/QThread>

#include <functional>
#include <memory>
#include <optional>

namespace Parley {

class StoreWorker;

class Store : public QObject
{
    Q_OBJECT
public:
    using Job = std::function<void(Database &)>;
    /// Told, on the store thread, of each commit of batched jobs: how many, how long it took.
    using CommitObserver = std::function<void(qsizetype jobs, double seconds)>;

    explicit Store(DatabaseUrl url, QObject *parent = nullptr);
    ~Store() override;

    /// Set before start().
    void setCommitObserver(CommitObserver observer) { m_commitObserver = std::move(observer); }
    /// Jobs posted and not picked up by the store thread yet (any thread).
    int queueDepth() const { return m_queued.loadRelaxed(); }

    /// Starts the thread, opens the database and migrates it; `done` runs on context's thread.
    void start(QObject *context, std::function<void(Status)> done);
    /// Runs what is queued, closes the database and stops the thread (blocks the caller: main
    /// thread at shutdown only). Callbacks of the jobs that ran are already queued to their
    /// contexts; jobs posted afterwards are dropped.
    void stop();

    /// Runs `work` on the store thread and hands its result to `done` on context's thread.
    template<typename T>
    void run(QObject *context, std::function<Result<T>(Database &)> work,
             std::function<void(Result<T>)> done)
    {
        post([context, work = std::move(work), done = std::move(done)](Database &db) {
            Result<T> result = work(db);
            if (!result && result.error().code == ErrorCode::StorageError && recover(db))
                result = work(db);
            QMetaObject::invokeMethod(
                    context,
                    [done, result = std::move(result)]() mutable { done(std::move(result)); },
                    Qt::QueuedConnection);
        });
    }

    /// Like run(), but `work` runs inside a transaction shared with the other batched jobs waiting
    /// (it must not begin or commit itself); `done` gets the result only after the commit. If
    /// the shared transaction fails, each job of the batch is run again in its own.
    template<typename T>
    void runBatched(QObject *context, std::function<Result<T>(Database &)> work,
                    std::function<void(Result<T>)> done)
    {
        auto result = std::make_shared<std::optional<Result<T>>>();
        BatchedJob job;
        job.attempt = [work, result](Database &db) {
            result->emplace(work(db));
            return result->value().hasValue();
        };
        job.deliver = [context, done, result] {
            QMetaObject::invokeMethod(
                    context,
                    [done, r = std::move(result->value())]() mutable { done(std::move(r)); },
                    Qt::QueuedConnection);
        };
        job.runAlone = [work, context, done](Database &db) {
            Result<T> r = runInOwnTransaction<T>(db, work);
            QMetaObject::invokeMethod(
                    context, [done, r = std::move(r)]() mutable { done(std::move(r)); },
                    Qt::QueuedConnection);
        };
        postBatched(std::move(job));
    }

    /// Runs `work` on the store thread, nobody waits for the result.
    void runDetached(std::function<Status(Database &)> work);

    /// Appends one entry to a conversation's log, batched with the other appends waiting.
    void append(AppendRequest request, QObject *context,
                std::function<void(Result<AppendResult>)> done);

    /// A job that can share a transaction with others (see runBatched).
    struct BatchedJob
    {
        std::function<bool(Database &)> attempt; ///< runs inside the shared transaction
        std::function<void()> deliver; ///< after the commit
        std::function<void(Database &)> runAlone; ///< own transaction, then deliver
    };

private:
    void post(Job job);
    void postBatched(BatchedJob job);
    /// Runs `work` in a transaction of its own, once more on a fresh connection if it was lost.
    template<typename T>
    static Result<T> runInOwnTransaction(Database &db,
                                         const std::function<Result<T>(Database &)> &work)
    {
        for (int attempt = 0; attempt < 2; ++attempt) {
            if (db.begin()) {
                Result<T> r = work(db);
                if (r && db.commit())
                    return r;
                db.rollback();
                if (!r && r.error().code != ErrorCode::StorageError)
                    return r;
            }
            if (!recover(db))
                break;
        }
        return Error{ErrorCode::StorageError, QStringLiteral("the server could not store this")};
    }
    /// After a failed job: true if the connection was lost and is open again.
    static bool recover(Database &db);

    DatabaseUrl m_url;
    QThread m_thread;
    QMutex m_workerMutex; ///< guards m_worker: jobs are posted from several threads
    StoreWorker *m_worker = nullptr;
    CommitObserver m_commitObserver;
    QAtomicInt m_queued = 0;
};

} // namespace Parley
