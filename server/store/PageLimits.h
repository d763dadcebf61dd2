#pragma once

/// How much one reply read from the store may carry.

#include <QtCore/QtGlobal>

namespace Parley {

/// Body bytes one reply (a history page, a sync, an inbox page) carries at most: pages stop
/// early (with `more`) so that a reply stays well within a client's 16 MiB frame limit and the
/// per-connection output cap.
inline constexpr qsizetype MaxReplyBodyBytes = 4 * 1024 * 1024;

} // namespace Parley
