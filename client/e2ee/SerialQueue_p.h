#pragma once

/// Runs asynchronous jobs one after another (client/e2ee internal).

#include <QtCore/QFuture>
#include <QtCore/QObject>
#include <QtCore/QPromise>

#include <deque>
#include <functional>
#include <memory>
#include <type_traits>

namespace Parley {

/// A job is a function that starts some work and returns its QFuture; the next job starts when
/// that future finishes (or is cancelled: the job's future in add() is cancelled too). Lives on
/// the thread of `context`.
class SerialQueue
{
public:
    explicit SerialQueue(QObject *context) : m_context(context) { }

    template<typename T>
    QFuture<T> add(std::function<QFuture<T>()> job)
    {
        auto promise = std::make_shared<QPromise<T>>();
        promise->start();
        QFuture<T> future = promise->future();
        m_jobs.push_back([this, promise, job = std::move(job)] {
            auto done = [this, promise] {
                promise->finish();
                m_running = false;
                next();
            };
            auto cancelled = [promise, done] {
                promise->future().cancel();
                done();
            };
            QFuture<T> started = job();
            if constexpr (std::is_void_v<T>) {
                started.then(m_context, done).onCanceled(m_context, cancelled);
            } else {
                started.then(m_context,
                             [promise, done](const T &value) {
                                 promise->addResult(value);
                                 done();
                             })
                        .onCanceled(m_context, cancelled);
            }
        });
        next();
        return future;
    }

    bool isIdle() const { return !m_running && m_jobs.empty(); }

private:
    void next()
    {
        if (m_running || m_jobs.empty())
            return;
        m_running = true;
        auto job = std::move(m_jobs.front());
        m_jobs.pop_front();
        job();
    }

    QObject *m_context;
    std::deque<std::function<void()>> m_jobs;
    bool m_running = false;
};

} // namespace Parley
