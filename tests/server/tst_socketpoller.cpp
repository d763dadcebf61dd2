// SocketPoller: one epoll set behind one QSocketNotifier tells each watcher when its descriptor
// is ready, keeps telling while it stays ready, never reports to a watcher that left, and costs
// a wake-up only the descriptors that are ready.

#include "net/SocketPoller.h"

#include <QtTest/QtTest>

#include <sys/socket.h>
#include <unistd.h>

#include <functional>
#include <vector>

using namespace Parley;
using namespace Qt::StringLiterals;

namespace {

/// Two connected stream sockets, closed when it goes.
struct SocketPair
{
    int a = -1;
    int b = -1;
    SocketPair()
    {
        int fds[2];
        if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, fds) == 0) {
            a = fds[0];
            b = fds[1];
        }
    }
    ~SocketPair()
    {
        for (int fd : {a, b}) {
            if (fd >= 0)
                ::close(fd);
        }
    }
    SocketPair(const SocketPair &) = delete;
    SocketPair &operator=(const SocketPair &) = delete;
};

struct CallbackWatcher : SocketPoller::Watcher
{
    virtual ~CallbackWatcher() = default;
    std::function<void(quint32)> onReady;
    int calls = 0;
    quint32 lastEvents = 0;
    void socketReady(quint32 events) override
    {
        ++calls;
        lastEvents = events;
        if (onReady)
            onReady(events);
    }
};

bool put(int fd, const char *text)
{
    return ::write(fd, text, strlen(text)) == qsizetype(strlen(text));
}

QByteArray take(int fd)
{
    char buffer[256];
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    return n > 0 ? QByteArray(buffer, n) : QByteArray();
}

} // namespace

class tst_SocketPoller : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void readableWhenBytesArrive();
    void staysReadableUntilRead();
    void writableOnlyWhenAsked();
    void hangUpIsReadable();
    void watcherLeavingMidBatchIsNotCalled();
    void onlyReadySocketsAreReported();
    void refusesTwiceTheSameDescriptor();
    void writeLaterRunsAfterWhatIsQueued();
};

void tst_SocketPoller::readableWhenBytesArrive()
{
    SocketPoller poller;
    QVERIFY(poller.isValid());
    SocketPair pair;
    CallbackWatcher w;
    QByteArray got;
    w.onReady = [&](quint32) { got += take(pair.a); };
    QVERIFY(poller.watch(pair.a, SocketPoller::Readable, &w));
    QVERIFY(put(pair.b, "hello"));
    QTRY_COMPARE(got, QByteArray("hello"));
    QCOMPARE(w.lastEvents, quint32(SocketPoller::Readable));
}

void tst_SocketPoller::staysReadableUntilRead()
{
    SocketPoller poller;
    SocketPair pair;
    CallbackWatcher w; // reads nothing at first: level-triggered, so it is told again
    QVERIFY(poller.watch(pair.a, SocketPoller::Readable, &w));
    QVERIFY(put(pair.b, "x"));
    QTRY_VERIFY(w.calls >= 3);
    w.onReady = [&](quint32) { take(pair.a); };
    const int before = w.calls;
    QTRY_VERIFY(w.calls > before); // the read that drains it
    const int drained = w.calls;
    QTest::qWait(50); // nothing ready any more: no call may come (a negative check needs a wait)
    QCOMPARE(w.calls, drained);
}

void tst_SocketPoller::writableOnlyWhenAsked()
{
    SocketPoller poller;
    SocketPair pair;
    CallbackWatcher w;
    QVERIFY(poller.watch(pair.a, SocketPoller::Readable, &w));
    QTest::qWait(50); // an empty socket is writable, but nobody asked
    QCOMPARE(w.calls, 0);
    w.onReady = [&](quint32 events) {
        if (events & SocketPoller::Writable)
            poller.change(pair.a, SocketPoller::Readable); // as a stream does once flushed
    };
    QVERIFY(poller.change(pair.a, SocketPoller::Readable | SocketPoller::Writable));
    QTRY_COMPARE(w.calls, 1);
    QCOMPARE(w.lastEvents, quint32(SocketPoller::Writable));
}

void tst_SocketPoller::hangUpIsReadable()
{
    SocketPoller poller;
    SocketPair pair;
    CallbackWatcher w;
    bool closed = false;
    w.onReady = [&](quint32 events) {
        QCOMPARE(events & SocketPoller::Readable, quint32(SocketPoller::Readable));
        char c;
        if (::read(pair.a, &c, 1) == 0) { // end of stream: stop watching, as a stream does
            poller.unwatch(pair.a);
            closed = true;
        }
    };
    QVERIFY(poller.watch(pair.a, SocketPoller::Readable, &w));
    ::close(pair.b);
    pair.b = -1;
    QTRY_VERIFY(closed);
    QCOMPARE(poller.watchedCount(), 0);
}

void tst_SocketPoller::watcherLeavingMidBatchIsNotCalled()
{
    // Both are ready in the same wake-up; whichever is told first removes the other (as a
    // session closing another's connection would). The other must not be called after that.
    SocketPoller poller;
    SocketPair one, two;
    CallbackWatcher w1, w2;
    w1.onReady = [&](quint32) {
        take(one.a);
        poller.unwatch(two.a);
    };
    w2.onReady = [&](quint32) {
        take(two.a);
        poller.unwatch(one.a);
    };
    QVERIFY(poller.watch(one.a, SocketPoller::Readable, &w1));
    QVERIFY(poller.watch(two.a, SocketPoller::Readable, &w2));
    QVERIFY(put(one.b, "1"));
    QVERIFY(put(two.b, "2"));
    QTRY_COMPARE(w1.calls + w2.calls, 1);
    QTest::qWait(50);
    QCOMPARE(w1.calls + w2.calls, 1);
    QCOMPARE(poller.watchedCount(), 1);
}

void tst_SocketPoller::onlyReadySocketsAreReported()
{
    // 2 000 idle sockets and one busy one: only the busy one is ever told.
    SocketPoller poller;
    std::vector<std::unique_ptr<SocketPair>> idle;
    std::vector<std::unique_ptr<CallbackWatcher>> idleWatchers;
    for (int i = 0; i < 2000; ++i) {
        idle.push_back(std::make_unique<SocketPair>());
        idleWatchers.push_back(std::make_unique<CallbackWatcher>());
        QVERIFY(idle.back()->a >= 0);
        QVERIFY(poller.watch(idle.back()->a, SocketPoller::Readable, idleWatchers.back().get()));
    }
    SocketPair busy;
    CallbackWatcher w;
    int received = 0;
    w.onReady = [&](quint32) { received += int(take(busy.a).size()); };
    QVERIFY(poller.watch(busy.a, SocketPoller::Readable, &w));
    for (int i = 0; i < 100; ++i) {
        QVERIFY(put(busy.b, "m"));
        QTRY_COMPARE(received, i + 1);
    }
    for (const auto &idleWatcher : idleWatchers)
        QCOMPARE(idleWatcher->calls, 0);
    QCOMPARE(poller.watchedCount(), 2001);
}

void tst_SocketPoller::refusesTwiceTheSameDescriptor()
{
    SocketPoller poller;
    SocketPair pair;
    CallbackWatcher w;
    QVERIFY(poller.watch(pair.a, SocketPoller::Readable, &w));
    QVERIFY(!poller.watch(pair.a, SocketPoller::Readable, &w));
    QVERIFY(!poller.change(pair.b, SocketPoller::Readable)); // not watched
    QVERIFY(!poller.watch(-1, SocketPoller::Readable, &w)); // the kernel refuses
}

void tst_SocketPoller::writeLaterRunsAfterWhatIsQueued()
{
    // A connection given frames by several queued calls in one turn sends them in one go: the
    // callback comes after the calls that were already queued, and for a descriptor that left
    // meanwhile it does not come at all.
    SocketPoller poller;
    SocketPair one, two;
    CallbackWatcher w1, w2;
    QStringList order;
    w1.onReady = [&](quint32 events) {
        QCOMPARE(events, quint32(SocketPoller::Writable));
        order.append(u"flush one"_s);
    };
    w2.onReady = [&](quint32) { order.append(u"flush two"_s); };
    QVERIFY(poller.watch(one.a, SocketPoller::Readable, &w1));
    QVERIFY(poller.watch(two.a, SocketPoller::Readable, &w2));
    QMetaObject::invokeMethod(
            &poller,
            [&] {
                order.append(u"frame 1"_s);
                poller.writeLater(one.a);
                poller.writeLater(two.a);
            },
            Qt::QueuedConnection);
    QMetaObject::invokeMethod(
            &poller,
            [&] {
                order.append(u"frame 2"_s);
                poller.unwatch(two.a); // closed before its turn came
            },
            Qt::QueuedConnection);
    QTRY_COMPARE(order, QStringList({u"frame 1"_s, u"frame 2"_s, u"flush one"_s}));
    QVERIFY(!poller.writeLater(two.a)); // not watched: nothing to call
    // Everything queued so far has run once a call queued now has: no late flush came.
    bool drained = false;
    QMetaObject::invokeMethod(
            &poller, [&] { drained = true; }, Qt::QueuedConnection);
    QTRY_VERIFY(drained);
    QCOMPARE(order.size(), 3);
}

QTEST_GUILESS_MAIN(tst_SocketPoller)
#include "tst_socketpoller.moc"
