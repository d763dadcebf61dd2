#include "KeyStoreSchema.h"

#include "Logging.h"
#include "Savepoint.h"
#include "StoreQuery.h"

#include <QSqlDatabase>
#include <QStringList>

#include <iterator>

namespace Parley {

namespace {

// Version 1. Names, device ids, pre-key ids and creation times stay in clear (the server
// knows them too); every key, session and sender-key record is sealed by RecordSealer.
const char *const s_version1[] = {
        "CREATE TABLE crypto_meta (key TEXT PRIMARY KEY NOT NULL, value NOT NULL)",
        "CREATE TABLE crypto_local_identity (id INTEGER PRIMARY KEY CHECK (id = 1),"
        " record BLOB NOT NULL)",
        "CREATE TABLE crypto_remote_identities (name TEXT NOT NULL, device_id INTEGER NOT NULL,"
        " record BLOB NOT NULL, offered_record BLOB, offered_at INTEGER,"
        " PRIMARY KEY (name, device_id))",
        "CREATE TABLE crypto_pre_keys (id INTEGER PRIMARY KEY NOT NULL, record BLOB NOT NULL)",
        "CREATE TABLE crypto_signed_pre_keys (id INTEGER PRIMARY KEY NOT NULL,"
        " created_at INTEGER NOT NULL, record BLOB NOT NULL)",
        "CREATE TABLE crypto_sessions (name TEXT NOT NULL, device_id INTEGER NOT NULL,"
        " record BLOB NOT NULL, PRIMARY KEY (name, device_id))",
        "CREATE TABLE crypto_sender_keys (group_id TEXT NOT NULL, name TEXT NOT NULL,"
        " device_id INTEGER NOT NULL, record BLOB NOT NULL, PRIMARY KEY (group_id, name, "
        "device_id))",
};

struct MigrationStep
{
    const char *const *statements;
    size_t count;
};

// Step i upgrades version i to version i + 1.
constexpr MigrationStep s_steps[] = {
        {s_version1, std::size(s_version1)},
};
static_assert(std::size(s_steps) == KeyStoreSchema::CurrentVersion);

CryptoStatus execute(const QString &connectionName, const QString &statement)
{
    StoreQuery query(connectionName, statement);
    return query.exec();
}

} // namespace

CryptoResult<int> KeyStoreSchema::version(const QString &connectionName)
{
    const QSqlDatabase db = QSqlDatabase::database(connectionName, false);
    if (!db.isOpen()) {
        qCWarning(lcCrypto) << "key store connection is not open:" << connectionName;
        return CryptoError::DatabaseError;
    }
    if (!db.tables().contains(QStringLiteral("crypto_meta")))
        return 0;
    StoreQuery query(connectionName,
                     QStringLiteral("SELECT value FROM crypto_meta WHERE key = 'schema_version'"));
    if (CryptoStatus status = query.exec(); !status)
        return status.error();
    if (!query.next())
        return CryptoError::CorruptRecord;
    return query.value(0).toInt();
}

CryptoStatus KeyStoreSchema::migrate(const QString &connectionName)
{
    CryptoResult<int> current = version(connectionName);
    if (!current)
        return current.error();
    if (current.value() > CurrentVersion) {
        qCWarning(lcCrypto) << "key store schema version" << current.value()
                            << "is newer than this build's" << CurrentVersion;
        return CryptoError::UnsupportedStoreVersion;
    }
    for (int from = current.value(); from < CurrentVersion; ++from) {
        Savepoint savepoint(connectionName);
        if (CryptoStatus status = savepoint.begin(); !status)
            return status;
        const MigrationStep &step = s_steps[from];
        for (size_t i = 0; i < step.count; ++i) {
            if (CryptoStatus status = execute(connectionName, QLatin1String(step.statements[i]));
                !status)
                return status;
        }
        StoreQuery setVersion(connectionName,
                              QStringLiteral("INSERT OR REPLACE INTO crypto_meta (key, value)"
                                             " VALUES ('schema_version', ?)"));
        setVersion.bind(from + 1);
        if (CryptoStatus status = setVersion.exec(); !status)
            return status;
        if (CryptoStatus status = savepoint.release(); !status)
            return status;
        qCInfo(lcCrypto) << "key store schema upgraded to version" << from + 1;
    }
    return {};
}

} // namespace Parley
