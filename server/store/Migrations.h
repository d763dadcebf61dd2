#pragma once

/// The versioned schema of the server's store, one list of statements per version, for SQLite and
/// PostgreSQL. A version, once released, never changes: a new step is appended instead.

#include "DatabaseUrl.h"

#include <QtCore/QStringList>

namespace Parley {

struct Migrations
{
    /// The schema version a fresh database is brought to.
    static int latestVersion();
    /// The statements that take a database from `version - 1` to `version`, in the dialect.
    static QStringList step(int version, DatabaseUrl::Kind dialect);
};

} // namespace Parley
