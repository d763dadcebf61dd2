#pragma once

/// Continues a worker thread's future on a QObject's thread (client/attachments internal).

#include <QtCore/QFuture>
#include <QtCore/QFutureWatcher>
#include <QtCore/QObject>

namespace Parley {

/// Calls `then` with the result of `future` on `context`'s thread; not at all if `context` goes
/// first. Not `.then(context, …)`: in Qt 6.4 a continuation attached while another thread
/// finishes the future can run twice, and a watcher is told of the finish under the future's
/// own lock.
template<typename T, typename F>
void whenFinished(QObject *context, const QFuture<T> &future, F then)
{
    auto *watcher = new QFutureWatcher<T>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, context,
                     [watcher, then = std::move(then)]() mutable {
                         watcher->deleteLater();
                         then(watcher->result());
                     });
    watcher->setFuture(future);
}

} // namespace Parley
