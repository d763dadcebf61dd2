#pragma once

/// CPU time and memory of processes and of the whole machine, read from /proc.

#include <QtCore/QList>
#include <QtCore/QtGlobal>

namespace Parley::Bench {

struct CpuSample
{
    qint64 ns = 0; ///< monotonic time of the sample
    double serverSeconds = 0; ///< user + system CPU of the server process(es)
    double loadSeconds = 0; ///< … of the load processes (workers and coordinator)
    double busySeconds = 0; ///< of the whole machine, all cores, not idle or iowait
};

class ProcessStats
{
public:
    /// CPU seconds of one process: the scheduler's run time summed over its live threads
    /// (/proc/PID/task/*/schedstat); 0 if it is gone.
    static double cpuSeconds(qint64 pid);
    /// Resident set size in KiB; 0 if the process is gone.
    static qint64 rssKiB(qint64 pid);
    /// Busy CPU seconds of the whole machine since boot.
    static double machineBusySeconds();
    static CpuSample sample(const QList<qint64> &serverPids, const QList<qint64> &loadPids);
    static QString cpuModel();
};

} // namespace Parley::Bench
