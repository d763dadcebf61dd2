#pragma once

/// Readiness of many descriptors through one epoll set, watched by one QSocketNotifier.
///
/// Qt 6.4's event dispatchers poll() every socket notifier of a thread on each wake-up, so with
/// a QSocketNotifier per connection every message costs time in proportion to the idle
/// connections (docs/performance.md). An I/O thread's connections register here instead: its
/// event loop then watches a single descriptor, and a wake-up costs only the sockets that are
/// ready. Level-triggered, so a watcher that leaves bytes unread is called again. One per I/O
/// thread, used only on that thread.

#include <QtCore/QHash>
#include <QtCore/QObject>

class QSocketNotifier;

namespace Parley {

class SocketPoller : public QObject
{
    Q_OBJECT
public:
    enum Event : quint32 {
        Readable = 0x1,
        Writable = 0x2,
    };

    /// Told when its descriptor is ready. The call may add, change or remove any registration,
    /// its own included (and delete the watcher after remove()).
    class Watcher
    {
    public:
        /// `events`: Readable and/or Writable; an error or a hang-up reports as Readable, so the
        /// read that follows sees it.
        virtual void socketReady(quint32 events) = 0;

    protected:
        ~Watcher() = default;
    };

    explicit SocketPoller(QObject *parent = nullptr);
    ~SocketPoller() override;

    /// False if the kernel refused an epoll set (then nothing can be watched).
    bool isValid() const { return m_epoll >= 0; }

    /// Starts watching `descriptor` for `events`; false (errno set) if the kernel refused.
    bool watch(int descriptor, quint32 events, Watcher *watcher);
    /// Changes the events of a watched descriptor.
    bool change(int descriptor, quint32 events);
    /// Stops watching; readiness already collected for it is not reported. Call before closing
    /// the descriptor.
    void unwatch(int descriptor);
    qsizetype watchedCount() const { return m_watched.size(); }
    /// Tells the watcher of `descriptor` Writable once the calls already queued on this thread
    /// have run, so that what it is given to send during one turn of the event loop leaves in
    /// one write (one TLS record, one syscall) instead of one per frame.
    /// False if `descriptor` is not watched (nothing will be called).
    bool writeLater(int descriptor);

private:
    struct Entry
    {
        Watcher *watcher;
        quint32 serial; ///< tells a reused descriptor number from the one an event was for
        quint32 events;
    };

    void dispatch();
    void runWritesLater();

    int m_epoll = -1;
    QSocketNotifier *m_notifier = nullptr;
    QHash<int, Entry> m_watched;
    quint32 m_nextSerial = 1;
    QList<QPair<int, quint32>> m_writeLater; ///< descriptor, serial; not empty: a run is posted
};

} // namespace Parley
