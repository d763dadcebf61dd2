#pragma once

/// Slows down password guessing: after `allowed` failed logins for one username from one
/// address, each further attempt must wait `firstWaitMs` (1 s by default), doubling per failure
/// up to 5 min, and gets slow_down until then. A success clears the record; records expire after 15 min. Router
/// thread only.

#include <QtCore/QHash>
#include <QtCore/QString>

namespace Parley {

class LoginThrottle
{
public:
    explicit LoginThrottle(int allowed, qint64 firstWaitMs = 1000)
        : m_allowed(allowed),
          m_firstWaitMs(firstWaitMs)
    {
    }

    /// ms to wait before the next attempt is considered; 0: go ahead.
    qint64 waitFor(const QString &key, qint64 nowMs) const;
    void failed(const QString &key, qint64 nowMs);
    void succeeded(const QString &key) { m_records.remove(key); }

private:
    struct Record
    {
        int failures = 0;
        qint64 lastMs = 0;
    };
    void purge(qint64 nowMs);

    int m_allowed;
    qint64 m_firstWaitMs;
    QHash<QString, Record> m_records;
};

} // namespace Parley
