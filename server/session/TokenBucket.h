#pragma once

/// A token bucket: `rate` tokens per second, at most `burst` saved up; one frame takes one.

#include <QtCore/QtGlobal>

#include <algorithm>

namespace Parley {

class TokenBucket
{
public:
    TokenBucket(double rate, double burst) : m_rate(rate), m_burst(burst), m_tokens(burst) { }

    /// Takes a token at time `nowMs` (a monotonic clock); false when none is left.
    bool take(qint64 nowMs)
    {
        if (m_lastMs != 0)
            m_tokens = std::min(m_burst, m_tokens + double(nowMs - m_lastMs) * m_rate / 1000.0);
        m_lastMs = nowMs;
        if (m_tokens < 1.0)
            return false;
        m_tokens -= 1.0;
        return true;
    }

    /// ms since the last take() (a bucket idle for burst / rate seconds is full).
    qint64 idleSince(qint64 nowMs) const { return nowMs - m_lastMs; }

private:
    double m_rate;
    double m_burst;
    double m_tokens;
    qint64 m_lastMs = 0;
};

} // namespace Parley
