#pragma once

/// Reads one frame's CBOR bytes into a map while enforcing FrameLimits; the only reader of raw input.

#include "Limits.h"
#include "Result.h"

#include <QtCore/QCborMap>

namespace Parley {

/// Rejects truncated or trailing data, non-map frames, tags, non-text map keys, duplicate keys,
/// invalid UTF-8, and anything over the size, length, count or depth limits, each with its
/// documented ErrorCode. Declared lengths are checked before any allocation.
class FrameValidator
{
public:
    explicit FrameValidator(const FrameLimits &limits) : m_limits(limits) { }

    Result<QCborMap> read(QByteArrayView bytes) const;

private:
    FrameLimits m_limits;
};

} // namespace Parley
