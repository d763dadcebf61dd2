#pragma once

/// Waits for a future while the calling thread's event loop runs, for programs and tests that
/// must block on a MessageStore call from the thread the store lives in.

#include <QtCore/QEventLoop>
#include <QtCore/QFuture>
#include <QtCore/QFutureWatcher>

namespace Parley {

/// Returns `future` once it has finished (or was cancelled), processing events meanwhile.
template<typename T>
QFuture<T> awaitFuture(QFuture<T> future)
{
    if (future.isFinished())
        return future;
    QEventLoop loop;
    QFutureWatcher<T> watcher;
    QObject::connect(&watcher, &QFutureWatcherBase::finished, &loop, &QEventLoop::quit);
    // The watcher reports a future that finished meanwhile too (it replays the state).
    watcher.setFuture(future);
    loop.exec();
    return future;
}

} // namespace Parley
