#pragma once

/// One SQL statement on the key store's connection, with failures translated to CryptoError.

#include "CryptoResult.h"
#include "StatementCache.h"

#include <QByteArray>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

#include <memory>
#include <optional>

namespace Parley {

class RecordSealer;

//! \brief A prepared QSqlQuery on a named connection that reports failures as DatabaseError
//! and logs only the driver's message (never bound values: they may be sealed key records).
//!
//! Made from a StatementCache, it borrows the cache's prepared statement for its lifetime and
//! gives it back reset, without its bound values; made from a connection name, it prepares its
//! own (statements run once, such as the schema's).
//!
//! Internal to parley_crypto (QtSql stays out of the public headers).
class StoreQuery
{
public:
    StoreQuery(const QString &connectionName, const QString &statement);
    StoreQuery(StatementCache &statements, const QString &statement);
    ~StoreQuery();
    StoreQuery(const StoreQuery &) = delete;
    StoreQuery &operator=(const StoreQuery &) = delete;

    StoreQuery &bind(const QVariant &value);
    //! Runs the statement; DatabaseError if the connection is closed or the statement failed.
    CryptoStatus exec();

    //! Runs a query that selects one sealed record and opens it: nullopt when no row matched,
    //! CorruptRecord when it does not open with \a binding.
    CryptoResult<std::optional<QByteArray>> fetchSealed(const RecordSealer &sealer,
                                                        const QByteArray &binding);

    bool next() { return m_query->next(); }
    QVariant value(int column) const { return m_query->value(column); }
    int rowsAffected() const { return m_query->numRowsAffected(); }

private:
    void prepareOwn(const QString &connectionName);

    QString m_statement;
    StatementCache *m_cache = nullptr;
    std::shared_ptr<StatementCache::Entry> m_entry;
    std::optional<QSqlQuery> m_own;
    QSqlQuery *m_query = nullptr;
    bool m_prepared = false;
};

} // namespace Parley
