#include "ProcessStats.h"

#include "Stamp.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QHash>
#include <QtCore/QList>

#include <unistd.h>

namespace Parley::Bench {

namespace {
QByteArray readAll(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

double ticksPerSecond()
{
    static const double ticks = double(sysconf(_SC_CLK_TCK));
    return ticks;
}

/// utime + stime of the whole process, at timer-tick resolution.
double fromStat(qint64 pid)
{
    const QByteArray stat = readAll(QStringLiteral("/proc/%1/stat").arg(pid));
    const qsizetype close = stat.lastIndexOf(')');
    if (close < 0)
        return 0;
    // Fields after "(comm)": state is field 3; utime and stime are fields 14 and 15.
    const QList<QByteArray> fields = stat.mid(close + 2).split(' ');
    if (fields.size() < 13)
        return 0;
    return double(fields.at(11).toLongLong() + fields.at(12).toLongLong()) / ticksPerSecond();
}
} // namespace

double ProcessStats::cpuSeconds(qint64 pid)
{
    // The scheduler's own run time of every thread, in ns. utime/stime in /proc/PID/stat are
    // sampled at timer ticks and miss threads that wake right after a tick and sleep before
    // the next one, as event-loop threads driven by 1 ms timers do: under load they showed a
    // fifth of the real figure. A thread that exits takes its schedstat with it, so the last
    // figure seen of each thread is kept: without that, a server whose worker threads come and
    // go (PostgreSQL, thread pools) showed negative CPU between two samples.
    struct Threads
    {
        QHash<qint64, double> lastSeen; ///< by thread id
        double exited = 0; ///< run time of threads seen before and gone since
    };
    static QHash<qint64, Threads> seen; // by pid; samples are taken on one thread
    Threads &threads = seen[pid];
    const QDir tasks(QStringLiteral("/proc/%1/task").arg(pid));
    QHash<qint64, double> now;
    for (const QString &tid : tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        const QByteArray sched = readAll(tasks.filePath(tid + QStringLiteral("/schedstat")));
        if (!sched.isEmpty())
            now.insert(tid.toLongLong(), double(sched.left(sched.indexOf(' ')).toLongLong()) / 1e9);
    }
    if (now.isEmpty()) {
        seen.remove(pid);
        return fromStat(pid);
    }
    for (auto it = threads.lastSeen.cbegin(); it != threads.lastSeen.cend(); ++it) {
        if (!now.contains(it.key()))
            threads.exited += it.value();
    }
    threads.lastSeen = now;
    double total = threads.exited;
    for (double seconds : std::as_const(now))
        total += seconds;
    return total;
}

qint64 ProcessStats::rssKiB(qint64 pid)
{
    const QByteArray status = readAll(QStringLiteral("/proc/%1/status").arg(pid));
    for (const QByteArray &line : status.split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return 0;
}

double ProcessStats::machineBusySeconds()
{
    const QByteArray stat = readAll(QStringLiteral("/proc/stat"));
    const QByteArray first = stat.left(stat.indexOf('\n'));
    const QList<QByteArray> f = first.simplified().split(' ');
    // cpu user nice system idle iowait irq softirq steal
    if (f.size() < 9)
        return 0;
    const qint64 busy = f.at(1).toLongLong() + f.at(2).toLongLong() + f.at(3).toLongLong()
            + f.at(6).toLongLong() + f.at(7).toLongLong() + f.at(8).toLongLong();
    return double(busy) / ticksPerSecond();
}

CpuSample ProcessStats::sample(const QList<qint64> &serverPids, const QList<qint64> &loadPids)
{
    CpuSample s;
    s.ns = monotonicNs();
    for (qint64 pid : serverPids)
        s.serverSeconds += cpuSeconds(pid);
    for (qint64 pid : loadPids)
        s.loadSeconds += cpuSeconds(pid);
    s.busySeconds = machineBusySeconds();
    return s;
}

QString ProcessStats::cpuModel()
{
    const QByteArray info = readAll(QStringLiteral("/proc/cpuinfo"));
    for (const QByteArray &line : info.split('\n')) {
        if (line.startsWith("model name"))
            return QString::fromUtf8(line.mid(line.indexOf(':') + 1).trimmed());
    }
    return {};
}

} // namespace Parley::Bench
