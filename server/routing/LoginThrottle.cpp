#include "LoginThrottle.h"

#include <algorithm>

namespace Parley {

namespace {
constexpr qint64 ForgetAfterMs = 15 * 60 * 1000;
constexpr qint64 MaxWaitMs = 5 * 60 * 1000;
} // namespace

qint64 LoginThrottle::waitFor(const QString &key, qint64 nowMs) const
{
    auto it = m_records.constFind(key);
    if (it == m_records.cend() || it->failures < m_allowed)
        return 0;
    const int over = std::min(it->failures - m_allowed, 20);
    const qint64 wait = std::min(MaxWaitMs, m_firstWaitMs << over);
    return std::max<qint64>(0, it->lastMs + wait - nowMs);
}

void LoginThrottle::failed(const QString &key, qint64 nowMs)
{
    if (m_records.size() > 100000)
        purge(nowMs);
    Record &r = m_records[key];
    if (nowMs - r.lastMs > ForgetAfterMs)
        r.failures = 0;
    ++r.failures;
    r.lastMs = nowMs;
}

void LoginThrottle::purge(qint64 nowMs)
{
    for (auto it = m_records.begin(); it != m_records.end();) {
        if (nowMs - it->lastMs > ForgetAfterMs)
            it = m_records.erase(it);
        else
            ++it;
    }
}

} // namespace Parley
