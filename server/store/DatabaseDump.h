#pragma once

/// The whole database as one file, taken while parleyd serves, and back: SQLite's `VACUUM INTO`
/// (a copy made inside one read transaction: every commit before it, none after) or pg_dump's
/// custom format (one snapshot of the database). Used by `parleyd backup` and `restore`.

#include "DatabaseUrl.h"
#include "protocol/Result.h"

namespace Parley {

class DatabaseDump
{
public:
    /// The dump's file name inside a backup: "parley.db" or "parley.pgdump".
    static QString fileName(DatabaseUrl::Kind kind);
    /// Writes a consistent copy of the database to `file` (which must not exist).
    static Status write(const DatabaseUrl &url, const QString &file);
    /// true if the database exists and has a schema (a restore would overwrite it).
    static Result<bool> holdsData(const DatabaseUrl &url);
    /// Replaces the database's content with the dump in `file`. The server must not be running
    /// on it: SQLite's file is swapped, PostgreSQL's objects are dropped and created again.
    static Status read(const DatabaseUrl &url, const QString &file);
};

} // namespace Parley
