#pragma once

/// Small pieces every table class of the cache uses: running a statement and logging its
/// failure (the driver's message only, never bound values), and text columns that are NOT NULL.
///
/// Internal to client/store; everything here runs on the cache's thread.

#include "Logging.h"

#include <QtSql/QSqlError>
#include <QtSql/QSqlQuery>

namespace Parley::StoreSql {

inline void logFailure(const QSqlQuery &query)
{
    qCWarning(lcClientStore) << "query failed:" << query.lastError().text();
}

/// Runs a prepared query; false and a warning if it failed.
inline bool exec(QSqlQuery &query)
{
    if (query.exec())
        return true;
    logFailure(query);
    return false;
}

/// A null QString binds as SQL NULL; text columns of the cache are NOT NULL.
inline QString notNull(const QString &value)
{
    return value.isNull() ? QString(QStringLiteral("")) : value;
}

} // namespace Parley::StoreSql
