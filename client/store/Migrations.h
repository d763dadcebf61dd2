#pragma once

/// The cache's schema as a ladder of migrations; `schema_version` holds the step reached.

#include "protocol/Result.h"

class QSqlDatabase;

namespace Parley {

/// The version a fresh database ends at.
int latestSchemaVersion();
/// The version a database is at (0: empty).
int schemaVersion(QSqlDatabase &db);
/// Runs every migration above the database's version up to `target` (default: the latest),
/// each in its own transaction.
Status migrate(QSqlDatabase &db, int target = -1);

} // namespace Parley
