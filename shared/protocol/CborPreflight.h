#pragma once

/// A cheap look at untrusted CBOR before QCborValue::fromCbor parses it.

#include <QtCore/QByteArrayView>

namespace Parley {

/// Qt's parser reserves room for each container's declared length (up to 1 MiB per container)
/// before it reads the items, and nested containers hold their reservations at once: a few
/// hundred bytes of maps that each claim 47 000 entries made it allocate tens of megabytes.
/// True when every container's declared length fits in the bytes that follow it (each item
/// takes at least one byte) and containers nest at most \a maxDepth deep; nothing else is
/// checked (the caller's parser still reports malformed input).
bool cborLengthsFit(QByteArrayView bytes, int maxDepth = 16);

} // namespace Parley
