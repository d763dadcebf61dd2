#include "SocketPoller.h"

#include <QtCore/QSocketNotifier>

#include <sys/epoll.h>
#include <unistd.h>

#include <array>

namespace Parley {

namespace {
// Ready descriptors taken per wake-up; more stay ready (level-triggered) for the next one, so
// one busy batch cannot starve the thread's timers and queued calls.
constexpr int MaxEventsPerWakeUp = 256;

quint32 toEpoll(quint32 events)
{
    quint32 e = 0;
    if (events & SocketPoller::Readable)
        e |= EPOLLIN | EPOLLRDHUP;
    if (events & SocketPoller::Writable)
        e |= EPOLLOUT;
    return e;
}

quint64 tag(int descriptor, quint32 serial)
{
    return (quint64(serial) << 32) | quint32(descriptor);
}
} // namespace

SocketPoller::SocketPoller(QObject *parent) : QObject(parent), m_epoll(epoll_create1(EPOLL_CLOEXEC))
{
    if (m_epoll < 0)
        return;
    m_notifier = new QSocketNotifier(qintptr(m_epoll), QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &SocketPoller::dispatch);
}

SocketPoller::~SocketPoller()
{
    delete m_notifier;
    if (m_epoll >= 0)
        ::close(m_epoll);
}

bool SocketPoller::watch(int descriptor, quint32 events, Watcher *watcher)
{
    if (m_epoll < 0 || m_watched.contains(descriptor))
        return false;
    const quint32 serial = m_nextSerial++;
    epoll_event e{};
    e.events = toEpoll(events);
    e.data.u64 = tag(descriptor, serial);
    if (epoll_ctl(m_epoll, EPOLL_CTL_ADD, descriptor, &e) != 0)
        return false;
    m_watched.insert(descriptor, Entry{watcher, serial, events});
    return true;
}

bool SocketPoller::change(int descriptor, quint32 events)
{
    const auto it = m_watched.find(descriptor);
    if (it == m_watched.end())
        return false;
    if (it->events == events)
        return true;
    epoll_event e{};
    e.events = toEpoll(events);
    e.data.u64 = tag(descriptor, it->serial);
    if (epoll_ctl(m_epoll, EPOLL_CTL_MOD, descriptor, &e) != 0)
        return false;
    it->events = events;
    return true;
}

void SocketPoller::unwatch(int descriptor)
{
    if (m_watched.remove(descriptor))
        epoll_ctl(m_epoll, EPOLL_CTL_DEL, descriptor, nullptr);
}

bool SocketPoller::writeLater(int descriptor)
{
    const auto it = m_watched.constFind(descriptor);
    if (it == m_watched.cend())
        return false;
    if (m_writeLater.isEmpty()) {
        // Queued: behind the deliveries already posted to this thread, which may add more.
        QMetaObject::invokeMethod(this, &SocketPoller::runWritesLater, Qt::QueuedConnection);
    }
    m_writeLater.append({descriptor, it->serial});
    return true;
}

void SocketPoller::runWritesLater()
{
    const QList<QPair<int, quint32>> due = std::exchange(m_writeLater, {});
    for (const auto &[descriptor, serial] : due) {
        const auto it = m_watched.constFind(descriptor);
        if (it != m_watched.cend() && it->serial == serial)
            it->watcher->socketReady(Writable);
    }
}

void SocketPoller::dispatch()
{
    std::array<epoll_event, MaxEventsPerWakeUp> ready;
    const int n = epoll_wait(m_epoll, ready.data(), int(ready.size()), 0);
    for (int i = 0; i < n; ++i) {
        const int descriptor = int(quint32(ready[i].data.u64));
        const quint32 serial = quint32(ready[i].data.u64 >> 32);
        // An earlier watcher of this batch may have unwatched this one, or closed it and
        // watched a new socket that got the same number: skip what is not the same entry.
        const auto it = m_watched.constFind(descriptor);
        if (it == m_watched.cend() || it->serial != serial)
            continue;
        const quint32 happened = ready[i].events;
        quint32 events = 0;
        if (happened & (EPOLLIN | EPOLLRDHUP | EPOLLHUP | EPOLLERR))
            events |= Readable;
        if ((happened & EPOLLOUT) && (it->events & Writable))
            events |= Writable;
        if (events)
            it->watcher->socketReady(events);
    }
}

} // namespace Parley
