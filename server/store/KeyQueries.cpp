#include "KeyQueries.h"

#include "Database.h"
#include "SqlValues.h"

#include <QtSql/QSqlQuery>

namespace Parley {

using namespace Qt::StringLiterals;
using namespace SqlValues;

Result<int> KeyQueries::upload(qint64 deviceId, qint64 registrationId,
                               const QByteArray &identityKey, const SignedPreKey &signedPreKey,
                               const QList<OneTimePreKey> &preKeys)
{
    constexpr int MaxStock = 1000;
    return m_db.inTransaction<int>([&]() -> Result<int> {
        QSqlQuery &old = m_db.prepared("SELECT identity_key FROM devices WHERE id = ?");
        old.bindValue(0, deviceId);
        if (!m_db.exec(old, "identity lookup") || !old.next())
            return m_db.storageError("store the keys");
        const QByteArray previous = old.value(0).toByteArray();
        old.finish();
        if (!previous.isEmpty() && previous != identityKey)
            return Error{ErrorCode::InvalidArgument, u"a device's identity key never changes"_s};
        QSqlQuery &q = m_db.prepared(
                "UPDATE devices SET registration_id = ?, identity_key = ?, "
                "signed_prekey_id = ?, signed_prekey = ?, signed_prekey_signature = ? "
                "WHERE id = ?");
        q.bindValue(0, registrationId);
        q.bindValue(1, blob(identityKey));
        q.bindValue(2, signedPreKey.id);
        q.bindValue(3, blob(signedPreKey.publicKey));
        q.bindValue(4, blob(signedPreKey.signature));
        q.bindValue(5, deviceId);
        if (!m_db.exec(q, "key upload"))
            return m_db.storageError("store the keys");
        QSqlQuery &insert = m_db.prepared(
                "INSERT INTO prekeys (device_id, key_id, public_key) VALUES (?, ?, ?) "
                "ON CONFLICT (device_id, key_id) DO UPDATE SET public_key = excluded.public_key");
        for (const OneTimePreKey &key : preKeys) {
            insert.bindValue(0, deviceId);
            insert.bindValue(1, key.id);
            insert.bindValue(2, blob(key.publicKey));
            if (!m_db.exec(insert, "pre-key insert"))
                return m_db.storageError("store the keys");
        }
        QSqlQuery &count = m_db.prepared("SELECT COUNT(*) FROM prekeys WHERE device_id = ?");
        count.bindValue(0, deviceId);
        if (!m_db.exec(count, "pre-key count") || !count.next())
            return m_db.storageError("store the keys");
        const int stock = count.value(0).toInt();
        count.finish();
        if (stock > MaxStock)
            return Error{ErrorCode::TooManyItems,
                         u"a device keeps at most %1 one-time pre-keys"_s.arg(MaxStock)};
        return stock;
    });
}

Result<int> KeyQueries::preKeyCount(qint64 deviceId)
{
    QSqlQuery &count = m_db.prepared("SELECT COUNT(*) FROM prekeys WHERE device_id = ?");
    count.bindValue(0, deviceId);
    if (!m_db.exec(count, "pre-key count") || !count.next())
        return m_db.storageError("count pre-keys");
    const int stock = count.value(0).toInt();
    count.finish();
    return stock;
}

Result<FetchedKeys> KeyQueries::fetch(qint64 userId, qint64 excludeDeviceId, bool claimOneTimeKeys)
{
    return m_db.inTransaction<FetchedKeys>([&]() -> Result<FetchedKeys> {
        QSqlQuery &devices = m_db.prepared(
                "SELECT id, registration_id, identity_key, signed_prekey_id, "
                "signed_prekey, signed_prekey_signature FROM devices "
                "WHERE user_id = ? AND revoked_at IS NULL AND identity_key IS NOT NULL "
                "ORDER BY id");
        devices.bindValue(0, userId);
        if (!m_db.exec(devices, "key fetch"))
            return m_db.storageError("fetch keys");
        FetchedKeys out;
        while (devices.next()) {
            if (devices.value(0).toLongLong() == excludeDeviceId)
                continue;
            KeyBundle b;
            b.userId = userId;
            b.deviceId = devices.value(0).toLongLong();
            b.registrationId = devices.value(1).toLongLong();
            b.identityKey = devices.value(2).toByteArray();
            b.signedPreKey.id = devices.value(3).toLongLong();
            b.signedPreKey.publicKey = devices.value(4).toByteArray();
            b.signedPreKey.signature = devices.value(5).toByteArray();
            out.bundles.append(b);
        }
        devices.finish();
        // Each one-time pre-key leaves the stock in the transaction that hands it out.
        QSqlQuery &claim = m_db.isPostgres()
                ? m_db.prepared(
                        "DELETE FROM prekeys WHERE device_id = ? AND key_id = (SELECT key_id "
                        "FROM prekeys "
                        "WHERE device_id = ? ORDER BY key_id LIMIT 1 FOR UPDATE SKIP LOCKED) "
                        "RETURNING key_id, public_key")
                : m_db.prepared(
                        "DELETE FROM prekeys WHERE device_id = ? AND key_id = (SELECT MIN(key_id) "
                        "FROM prekeys WHERE device_id = ?) RETURNING key_id, public_key");
        for (KeyBundle &b : out.bundles) {
            if (claimOneTimeKeys) {
                claim.bindValue(0, b.deviceId);
                claim.bindValue(1, b.deviceId);
                if (!m_db.exec(claim, "pre-key claim"))
                    return m_db.storageError("fetch keys");
                if (claim.next())
                    b.oneTimePreKey = OneTimePreKey{claim.value(0).toLongLong(),
                                                    claim.value(1).toByteArray()};
                claim.finish();
            }
            QSqlQuery &count = m_db.prepared("SELECT COUNT(*) FROM prekeys WHERE device_id = ?");
            count.bindValue(0, b.deviceId);
            if (!m_db.exec(count, "pre-key count") || !count.next())
                return m_db.storageError("fetch keys");
            out.remaining.append({b.deviceId, count.value(0).toInt()});
            count.finish();
        }
        return out;
    });
}

} // namespace Parley
