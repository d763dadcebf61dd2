#pragma once

/// The crypto_ tables of the client's SQLite cache and their migrations.

#include "CryptoResult.h"

#include <QString>

namespace Parley {

//! \brief Creates and upgrades the key-store tables (all named crypto_*), version by version.
//!
//! The version lives in crypto_meta under "schema_version", apart from the client cache's own
//! migrations, so the two libraries upgrade independently.
class KeyStoreSchema
{
public:
    //! The version this build writes.
    static constexpr int CurrentVersion = 1;

    //! The version of the tables on the connection: 0 when there are none yet.
    static CryptoResult<int> version(const QString &connectionName);

    //! Brings the tables to CurrentVersion, each step in its own savepoint.
    //! UnsupportedStoreVersion when they are newer than this build.
    static CryptoStatus migrate(const QString &connectionName);
};

} // namespace Parley
