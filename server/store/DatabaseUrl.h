#pragma once

/// Where the store lives: an SQLite file or a PostgreSQL server (postgresql://user:pass@host:port/db).

#include "protocol/Result.h"

#include <QtCore/QString>

namespace Parley {

struct DatabaseUrl
{
    enum class Kind { Sqlite, Postgres };

    Kind kind = Kind::Sqlite;
    QString sqlitePath;
    QString host;
    int port = 5432;
    QString user;
    QString password;
    QString name;
    QString options; ///< extra libpq connect options, e.g. "sslmode=require"

    /// "postgresql://…" or "postgres://…"; anything else is an error.
    static Result<DatabaseUrl> parse(const QString &url);
    static DatabaseUrl sqlite(const QString &path);

    /// For logs: never includes the password.
    QString displayName() const;
};

} // namespace Parley
