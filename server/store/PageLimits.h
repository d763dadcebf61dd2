#pragma once

/// How much one reply read from the store may carry.

#include <QtCore/QtGlobal>

namespace Parley {

/// Body bytes one reply (a history page, a sync, an inbox page) carries at most: pages stop
/// early (with `more`). A quarter of the default output cap (`max-queued-bytes`, 4 MiB), so a
/// client still reading one whole reply has room for the pushes that come meanwhile and is not
/// taken for a slow reader.
inline constexpr qsizetype MaxReplyBodyBytes = 1024 * 1024;

} // namespace Parley
