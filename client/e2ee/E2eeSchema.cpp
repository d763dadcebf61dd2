#include "E2eeSchema.h"

#include "Logging.h"

#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlError>
#include <QtSql/QSqlQuery>

namespace Parley::E2eeSchema {

using namespace Qt::StringLiterals;

namespace {

// Version 1. Ids, sizes and digests stay in clear (the server knows them or can compute them);
// what carries a key or plaintext is sealed with the storage key (RecordSealer).
const char *const Version1[] = {
        // schema_version; device_id: the device these keys belong to; published: its bundle
        // was uploaded.
        "CREATE TABLE e2ee_meta (key TEXT PRIMARY KEY NOT NULL, value)",
        // Users whose device list was fetched (fetchKeys), and when.
        "CREATE TABLE e2ee_users (user_id INTEGER PRIMARY KEY, fetched_at INTEGER NOT NULL)",
        // The devices known per user (this user's other devices too, never this device).
        "CREATE TABLE e2ee_devices (user_id INTEGER NOT NULL, device_id INTEGER NOT NULL,"
        " seen_at INTEGER NOT NULL, PRIMARY KEY (user_id, device_id))",
        // This device's sender key per conversation: its generation grows with every rotation;
        // the members when the generation's key was made and its first distribution message
        // (sealed): a member's first device to ask gets that one (SenderKeyDistributor).
        "CREATE TABLE e2ee_conversations (conv INTEGER PRIMARY KEY, generation INTEGER NOT NULL,"
        " initial_members TEXT, initial_distribution BLOB)",
        // Who got this device's current sender key, and the sealed distribution message they got
        // (re-sent as it was when a device asks again).
        "CREATE TABLE e2ee_key_recipients (conv INTEGER NOT NULL, generation INTEGER NOT NULL,"
        " user_id INTEGER NOT NULL, device_id INTEGER NOT NULL, distribution BLOB NOT NULL,"
        " PRIMARY KEY (conv, user_id, device_id))",
        // Every log entry decrypted here: the ciphertext's SHA-256 (replays) and, until the
        // cache holds the message, its sealed plaintext (a crash between decrypting and storing
        // loses nothing: the ratchet has moved on, the plaintext is here).
        "CREATE TABLE e2ee_received (conv INTEGER NOT NULL, seq INTEGER NOT NULL,"
        " digest BLOB NOT NULL, plaintext BLOB, PRIMARY KEY (conv, seq))",
        "CREATE INDEX e2ee_received_digest ON e2ee_received (digest)",
        // Log entries not decrypted (yet): the ciphertext and why (PendingDecryptions::Reason).
        "CREATE TABLE e2ee_pending (conv INTEGER NOT NULL, seq INTEGER NOT NULL,"
        " sender INTEGER NOT NULL, device INTEGER NOT NULL, body BLOB NOT NULL,"
        " reason INTEGER NOT NULL, PRIMARY KEY (conv, seq))",
        // Inbox items from a device whose identity key changed: kept until the user acknowledges.
        "CREATE TABLE e2ee_held_inbox (item INTEGER PRIMARY KEY, from_user INTEGER NOT NULL,"
        " from_device INTEGER NOT NULL, ts INTEGER NOT NULL, body BLOB NOT NULL)",
};

// Version 2: what the user verified of each contact, and the lines that say a contact's keys
// changed (ContactTrust, SecurityNotices). Public identity keys and ids only: nothing secret.
const char *const Version2[] = {
        // The identity key of each device of each contact as last seen (a pending identity change
        // counts with the key offered): a new, replaced or gone device is noticed against it.
        "CREATE TABLE e2ee_contact_keys (user_id INTEGER NOT NULL, device_id INTEGER NOT NULL,"
        " identity_key BLOB NOT NULL, PRIMARY KEY (user_id, device_id))",
        // Contacts the user marked as verified: the SHA-256 of the device keys they compared.
        "CREATE TABLE e2ee_verified (user_id INTEGER PRIMARY KEY, keys_digest BLOB NOT NULL,"
        " verified_at INTEGER NOT NULL)",
        // "bob added a new device" and the like, shown in every conversation with the contact.
        "CREATE TABLE e2ee_notices (id INTEGER PRIMARY KEY AUTOINCREMENT,"
        " user_id INTEGER NOT NULL, kind INTEGER NOT NULL, verification_cleared INTEGER NOT NULL,"
        " at INTEGER NOT NULL)",
};

const char *const Tables[] = {
        "e2ee_meta",
        "e2ee_users",
        "e2ee_devices",
        "e2ee_conversations",
        "e2ee_key_recipients",
        "e2ee_received",
        "e2ee_pending",
        "e2ee_held_inbox",
        "e2ee_contact_keys",
        "e2ee_verified",
        "e2ee_notices",
        // parley_crypto's (KeyStoreSchema): dropping crypto_meta resets its version too.
        "crypto_meta",
        "crypto_local_identity",
        "crypto_remote_identities",
        "crypto_pre_keys",
        "crypto_signed_pre_keys",
        "crypto_sessions",
        "crypto_sender_keys",
};

bool exec(QSqlQuery &query, const QString &statement)
{
    if (query.exec(statement))
        return true;
    qCWarning(lcClientE2ee) << "schema statement failed:" << query.lastError().text();
    return false;
}

} // namespace

bool migrate(const QString &connectionName)
{
    QSqlDatabase db = QSqlDatabase::database(connectionName, false);
    if (!db.isOpen())
        return false;
    QSqlQuery q(db);
    int version = 0;
    if (db.tables().contains(u"e2ee_meta"_s)) {
        if (!exec(q, u"SELECT value FROM e2ee_meta WHERE key = 'schema_version'"_s))
            return false;
        version = q.next() ? q.value(0).toInt() : 0;
    }
    if (version > CurrentVersion) {
        qCWarning(lcClientE2ee) << "e2ee tables of schema" << version
                                << "are newer than this build";
        return false;
    }
    if (version < 1) {
        for (const char *statement : Version1) {
            if (!exec(q, QString::fromLatin1(statement)))
                return false;
        }
    }
    if (version < 2) {
        for (const char *statement : Version2) {
            if (!exec(q, QString::fromLatin1(statement)))
                return false;
        }
    }
    if (version != CurrentVersion) {
        q.prepare(u"INSERT OR REPLACE INTO e2ee_meta (key, value) VALUES ('schema_version', ?)"_s);
        q.addBindValue(CurrentVersion);
        if (!q.exec())
            return false;
    }
    return true;
}

bool wipe(const QString &connectionName)
{
    QSqlDatabase db = QSqlDatabase::database(connectionName, false);
    if (!db.isOpen())
        return false;
    QSqlQuery q(db);
    for (const char *table : Tables) {
        if (!exec(q, u"DROP TABLE IF EXISTS "_s + QLatin1String(table)))
            return false;
    }
    return true;
}

} // namespace Parley::E2eeSchema
