#include "Store.h"

#include "Logging.h"

#include <QtCore/QDateTime>
#include <QtCore/QElapsedTimer>

#include <openssl/crypto.h>

namespace Parley {

using namespace Qt::StringLiterals;

/// Lives on the store thread and owns its Database.
class StoreWorker : public QObject
{
public:
    StoreWorker(DatabaseUrl url, Store::CommitObserver observer)
        : m_url(std::move(url)),
          m_observer(std::move(observer))
    {
    }

    Status open()
    {
        m_db = std::make_unique<Database>(m_url);
        if (Status s = m_db->open(); !s)
            return s;
        return m_db->migrate();
    }

    void close()
    {
        flushBatch();
        m_db.reset();
        // libpq used OpenSSL on this thread (the SCRAM nonce), whose random generator state is
        // per thread and freed as the thread exits. QThread::wait() returns before that (Qt 6.4
        // threads are detached, never joined), so parleyd could exit with it still there, which
        // LeakSanitizer reports as a leak. Free it now, as the thread's last use of OpenSSL.
        OPENSSL_thread_stop();
    }

    void execute(const Store::Job &job)
    {
        flushBatch(); // keeps the order in which jobs were posted
        if (m_db) {
            job(*m_db);
            m_db->finishAll();
        }
    }

    void enqueue(Store::BatchedJob job)
    {
        m_batch.append(std::move(job));
        if (!m_flushScheduled) {
            m_flushScheduled = true;
            // Queued behind every batched job already posted: they share one transaction.
            QMetaObject::invokeMethod(
                    this, [this] { flushBatch(); }, Qt::QueuedConnection);
        }
    }

private:
    static constexpr qsizetype MaxBatch = 512;

    void flushBatch()
    {
        m_flushScheduled = false;
        while (!m_batch.isEmpty()) {
            const qsizetype n = std::min(MaxBatch, m_batch.size());
            QList<Store::BatchedJob> batch = m_batch.mid(0, n);
            m_batch.remove(0, n);
            commit(batch);
        }
    }

    void commit(const QList<Store::BatchedJob> &batch)
    {
        if (!m_db)
            return;
        QElapsedTimer timer;
        timer.start();
        commitTogether(batch);
        if (m_observer)
            m_observer(batch.size(), double(timer.nsecsElapsed()) / 1e9);
    }

    void commitTogether(const QList<Store::BatchedJob> &batch)
    {
        bool ok = batch.size() > 1 && bool(m_db->begin());
        for (qsizetype i = 0; ok && i < batch.size(); ++i)
            ok = batch.at(i).attempt(*m_db);
        if (ok && m_db->commit()) {
            for (const Store::BatchedJob &job : batch)
                job.deliver();
            return;
        }
        m_db->finishAll();
        if (batch.size() > 1)
            m_db->rollback();
        // A single job, or something in the batch failed: each on its own, so one bad job
        // fails alone.
        for (const Store::BatchedJob &job : batch)
            job.runAlone(*m_db);
    }

    DatabaseUrl m_url;
    Store::CommitObserver m_observer;
    std::unique_ptr<Database> m_db;
    QList<Store::BatchedJob> m_batch;
    bool m_flushScheduled = false;
};

Store::Store(DatabaseUrl url, QObject *parent) : QObject(parent), m_url(std::move(url))
{
    m_thread.setObjectName(u"store"_s);
}

Store::~Store()
{
    stop();
}

void Store::start(QObject *context, std::function<void(Status)> done)
{
    m_worker = new StoreWorker(m_url, m_commitObserver);
    m_worker->moveToThread(&m_thread);
    m_thread.start();
    QMetaObject::invokeMethod(
            m_worker,
            [worker = m_worker, context, done = std::move(done)] {
                Status status = worker->open();
                QMetaObject::invokeMethod(
                        context, [done, status] { done(status); }, Qt::QueuedConnection);
            },
            Qt::QueuedConnection);
}

void Store::stop()
{
    if (!m_thread.isRunning())
        return;
    StoreWorker *worker = nullptr;
    {
        // From here on jobs posted (from any thread) are dropped.
        QMutexLocker lock(&m_workerMutex);
        worker = std::exchange(m_worker, nullptr);
    }
    QMetaObject::invokeMethod(
            worker, [worker] { worker->close(); }, Qt::QueuedConnection);
    m_thread.quit();
    m_thread.wait();
    delete worker; // its thread has finished: safe from here
}

void Store::post(Job job)
{
    QMutexLocker lock(&m_workerMutex);
    if (!m_worker)
        return;
    m_queued.ref();
    QMetaObject::invokeMethod(
            m_worker,
            [this, worker = m_worker, job = std::move(job)] {
                m_queued.deref();
                worker->execute(job);
            },
            Qt::QueuedConnection);
}

void Store::runDetached(std::function<Status(Database &)> work)
{
    post([work = std::move(work)](Database &db) {
        Status s = work(db);
        if (!s && s.error().code == ErrorCode::StorageError && recover(db))
            (void)work(db);
    });
}

void Store::append(AppendRequest request, QObject *context,
                   std::function<void(Result<AppendResult>)> done)
{
    runBatched<AppendResult>(
            context,
            [request = std::move(request)](Database &db) {
                return db.conversations().append(request, QDateTime::currentMSecsSinceEpoch());
            },
            std::move(done));
}

void Store::postBatched(BatchedJob job)
{
    QMutexLocker lock(&m_workerMutex);
    if (!m_worker)
        return;
    m_queued.ref();
    QMetaObject::invokeMethod(
            m_worker,
            [this, worker = m_worker, job = std::move(job)]() mutable {
                m_queued.deref();
                worker->enqueue(std::move(job));
            },
            Qt::QueuedConnection);
}

bool Store::recover(Database &db)
{
    if (!db.connectionLost())
        return false;
    return bool(db.reopen());
}

} // namespace Parley
