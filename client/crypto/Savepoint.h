#pragma once

/// An SQLite savepoint around one key-store operation.

#include "CryptoResult.h"

#include <QString>

namespace Parley {

class StatementCache;
class StoreQuery;

//! \brief Makes one operation atomic: a savepoint commits on its own when no transaction is
//! open, and nests inside the caller's transaction when one is.
//!
//! So a decrypt and the session state it advanced are committed, or rolled back, together with
//! whatever the caller writes in the same transaction (the decrypted message). Rolls back in
//! the destructor unless release() succeeded. Internal to parley_crypto.
class Savepoint
{
public:
    explicit Savepoint(const QString &connectionName);
    //! On the key store's connection, with its prepared statements.
    explicit Savepoint(StatementCache &statements);
    ~Savepoint();
    Savepoint(const Savepoint &) = delete;
    Savepoint &operator=(const Savepoint &) = delete;

    CryptoStatus begin();
    CryptoStatus release();
    void rollback();

private:
    StoreQuery query(const QString &statement) const;

    QString m_connectionName;
    StatementCache *m_statements = nullptr;
    bool m_active = false;
};

} // namespace Parley
