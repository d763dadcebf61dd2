#pragma once

/// An SQLite savepoint around one key-store operation.

#include "CryptoResult.h"

#include <QString>

namespace Parley {

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
    ~Savepoint();
    Savepoint(const Savepoint &) = delete;
    Savepoint &operator=(const Savepoint &) = delete;

    CryptoStatus begin();
    CryptoStatus release();
    void rollback();

private:
    QString m_connectionName;
    bool m_active = false;
};

} // namespace Parley
