#pragma once

/// After `parleyd restore`: moves every conversation's seq and the user, device, conversation
/// and inbox id counters far past the backup's, so that nothing the server handed out between
/// the backup and the restore (and clients still hold in their caches) is handed out again for
/// something else.

#include "protocol/Result.h"

namespace Parley {

class Database;

class RestoredNumbering
{
public:
    /// How far each counter moves on: more than a conversation's entries, or the accounts,
    /// devices and conversations made, between a backup and its restore.
    static constexpr qint64 Skip = 1'000'000;

    /// Moves the counters of the open database `db` (any schema version) on by Skip, in one
    /// transaction.
    static Status advance(Database &db);
};

} // namespace Parley
