#include "KeyFetchThrottle.h"

namespace Parley {

bool KeyFetchThrottle::mayFetch(qint64 asker, qint64 nowMs)
{
    return take(m_askers, asker, m_fetchesPerMinute, nowMs);
}

bool KeyFetchThrottle::mayHandOutOneTimeKeys(qint64 target, qint64 nowMs)
{
    return take(m_targets, target, m_handoutsPerMinute, nowMs);
}

bool KeyFetchThrottle::take(QHash<qint64, TokenBucket> &buckets, qint64 user, int perMinute,
                            qint64 nowMs)
{
    // A bucket untouched for a minute is full again: forget it, so the table holds only the
    // users active in the last minute.
    if (buckets.size() > 4096) {
        for (auto it = buckets.begin(); it != buckets.end();)
            it = it->idleSince(nowMs) > 60'000 ? buckets.erase(it) : std::next(it);
    }
    auto bucket = buckets.find(user);
    if (bucket == buckets.end())
        bucket = buckets.insert(user, TokenBucket(perMinute / 60.0, perMinute));
    return bucket->take(nowMs);
}

} // namespace Parley
