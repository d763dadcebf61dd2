#pragma once

/// A cheap look at untrusted CBOR before QCborValue::fromCbor parses it.

#include <QtCore/QByteArrayView>

namespace Parley {

/// Qt's parser reserves room for each container's declared length before it reads the items,
/// and nested containers hold their reservations at once: 171 bytes of nested maps that each
/// claim 47 545 entries took it 200 ms (under ASan) and megabytes.
/// True when every container's declared length fits in the bytes that follow it (each item
/// takes at least one byte) and containers nest at most \a maxDepth deep; nothing else is
/// checked (the caller's parser still reports malformed input).
bool cborLengthsFit(QByteArrayView bytes, int maxDepth = 16);

} // namespace Parley
