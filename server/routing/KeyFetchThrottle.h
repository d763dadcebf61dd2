#pragma once

/// How fast pre-key bundles may be fetched, so that one account cannot use up another's
/// one-time pre-keys (docs/protocol.md, `fetchKeys`): a token bucket per asking user (an empty
/// one: the fetch is refused with rate_limited) and one per target user for the one-time
/// pre-keys handed out (an empty one: bundles carry the signed pre-key only, and X3DH runs
/// without a one-time key, so new contacts can still start sessions). Router thread only.

#include "session/TokenBucket.h"

#include <QtCore/QHash>

namespace Parley {

class KeyFetchThrottle
{
public:
    /// `fetchesPerMinute`: fetchKeys per asking user; `handoutsPerMinute`: fetches per target
    /// user that take one-time pre-keys. Each bucket holds a minute's worth.
    KeyFetchThrottle(int fetchesPerMinute, int handoutsPerMinute)
        : m_fetchesPerMinute(fetchesPerMinute),
          m_handoutsPerMinute(handoutsPerMinute)
    {
    }

    /// Whether `asker` may fetch now (takes a token).
    bool mayFetch(qint64 asker, qint64 nowMs);
    /// Whether this fetch of `target`'s bundles may take one-time pre-keys (takes a token).
    bool mayHandOutOneTimeKeys(qint64 target, qint64 nowMs);

private:
    static bool take(QHash<qint64, TokenBucket> &buckets, qint64 user, int perMinute, qint64 nowMs);

    int m_fetchesPerMinute;
    int m_handoutsPerMinute;
    QHash<qint64, TokenBucket> m_askers;
    QHash<qint64, TokenBucket> m_targets;
};

} // namespace Parley
