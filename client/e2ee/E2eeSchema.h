#pragma once

/// The end-to-end encryption tables of the client cache beside parley_crypto's key store.

#include <QtCore/QString>

namespace Parley::E2eeSchema {

/// The version of the e2ee_ tables this build writes (e2ee_meta.schema_version).
inline constexpr int CurrentVersion = 2;

/// Creates or upgrades the e2ee_ tables on the open connection `connectionName`. Runs inside
/// the caller's transaction (KeyVault's). False when a statement failed or the tables are newer.
bool migrate(const QString &connectionName);

/// Drops every crypto_ and e2ee_ table: this device's keys, sessions, sender keys and their
/// bookkeeping are gone (logout, or a new device in this profile). The next KeyStore::open and
/// migrate() create empty tables.
bool wipe(const QString &connectionName);

} // namespace Parley::E2eeSchema
