#include "AccountQueries.h"

#include "Database.h"
#include "SqlValues.h"

#include <QtSql/QSqlQuery>

#include <algorithm>

namespace Parley {

using namespace Qt::StringLiterals;
using namespace SqlValues;

namespace {

DeviceRecord deviceFrom(const QSqlQuery &q)
{
    // Columns: id, user_id, name, created_at, last_seen_at, revoked_at, username
    DeviceRecord d;
    d.id = q.value(0).toLongLong();
    d.userId = q.value(1).toLongLong();
    d.name = q.value(2).toString();
    d.createdAt = q.value(3).toLongLong();
    d.lastSeenAt = q.value(4).toLongLong();
    d.revokedAt = q.value(5).isNull() ? 0 : q.value(5).toLongLong();
    d.username = q.value(6).toString();
    return d;
}

UserRecord userFrom(const QSqlQuery &q)
{
    // Columns: id, username, password_hash, disabled, created_at, last_seen_at
    UserRecord u;
    u.id = q.value(0).toLongLong();
    u.username = q.value(1).toString();
    u.passwordHash = q.value(2).toString();
    u.disabled = q.value(3).toInt() != 0;
    u.createdAt = q.value(4).toLongLong();
    u.lastSeenAt = q.value(5).toLongLong();
    return u;
}

constexpr const char *DeviceColumns =
        "d.id, d.user_id, d.name, d.created_at, d.last_seen_at, d.revoked_at, u.username";

} // namespace

Result<qint64> AccountQueries::createUser(const QString &username, const QString &passwordHash,
                                          qint64 now)
{
    return m_db.inTransaction<qint64>([&]() -> Result<qint64> {
        QSqlQuery &check = m_db.prepared("SELECT id FROM users WHERE username = ?");
        check.bindValue(0, username);
        if (!m_db.exec(check, "user lookup"))
            return m_db.storageError("look up the user");
        const bool taken = check.next();
        check.finish();
        if (taken)
            return Error{ErrorCode::UsernameTaken, u"this username is taken"_s};
        QSqlQuery &q = m_db.prepared(
                "INSERT INTO users (username, password_hash, created_at) VALUES (?, ?, ?) "
                "RETURNING id");
        q.bindValue(0, username);
        q.bindValue(1, passwordHash);
        q.bindValue(2, now);
        if (!m_db.exec(q, "user insert") || !q.next())
            return m_db.storageError("create the user");
        const qint64 id = q.value(0).toLongLong();
        q.finish();
        return id;
    });
}

Result<UserRecord> AccountQueries::oneUser(QSqlQuery &q)
{
    if (!m_db.exec(q, "user lookup"))
        return m_db.storageError("look up the user");
    if (!q.next())
        return Error{ErrorCode::NoSuchUser, u"no such user"_s};
    UserRecord user = userFrom(q);
    q.finish(); // an open statement would hold its read snapshot (see Database::finishAll)
    return user;
}

Result<UserRecord> AccountQueries::userByName(const QString &username)
{
    QSqlQuery &q =
            m_db.prepared("SELECT id, username, password_hash, disabled, created_at, last_seen_at "
                          "FROM users WHERE username = ?");
    q.bindValue(0, username);
    return oneUser(q);
}

Result<UserRecord> AccountQueries::userById(qint64 userId)
{
    QSqlQuery &q =
            m_db.prepared("SELECT id, username, password_hash, disabled, created_at, last_seen_at "
                          "FROM users WHERE id = ?");
    q.bindValue(0, userId);
    return oneUser(q);
}

Result<QList<UserRecord>> AccountQueries::listUsers()
{
    QSqlQuery &q =
            m_db.prepared("SELECT id, username, password_hash, disabled, created_at, last_seen_at "
                          "FROM users ORDER BY id");
    if (!m_db.exec(q, "user list"))
        return m_db.storageError("list users");
    QList<UserRecord> users;
    while (q.next())
        users.append(userFrom(q));
    q.finish();
    return users;
}

Result<QList<UserRecord>> AccountQueries::usersByIds(const QList<qint64> &ids)
{
    QList<UserRecord> users;
    for (qint64 id : ids) {
        auto user = userById(id);
        if (!user)
            return user.error();
        users.append(std::move(user).value());
    }
    return users;
}

Status AccountQueries::setPasswordHash(qint64 userId, const QString &hash)
{
    QSqlQuery &q = m_db.prepared("UPDATE users SET password_hash = ? WHERE id = ?");
    q.bindValue(0, hash);
    q.bindValue(1, userId);
    if (!m_db.exec(q, "password update"))
        return m_db.storageError("change the password");
    if (q.numRowsAffected() != 1)
        return Error{ErrorCode::NoSuchUser, u"no such user"_s};
    return {};
}

Status AccountQueries::setUserDisabled(qint64 userId, bool disabled, qint64 now)
{
    auto r = m_db.inTransaction<bool>([&]() -> Result<bool> {
        QSqlQuery &q = m_db.prepared("UPDATE users SET disabled = ? WHERE id = ?");
        q.bindValue(0, disabled ? 1 : 0);
        q.bindValue(1, userId);
        if (!m_db.exec(q, "user disable"))
            return m_db.storageError("disable the user");
        if (q.numRowsAffected() != 1)
            return Error{ErrorCode::NoSuchUser, u"no such user"_s};
        if (disabled) {
            QSqlQuery &revoke = m_db.prepared(
                    "UPDATE devices SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL");
            revoke.bindValue(0, now);
            revoke.bindValue(1, userId);
            if (!m_db.exec(revoke, "device revoke"))
                return m_db.storageError("revoke the devices");
        }
        return true;
    });
    if (!r)
        return r.error();
    return {};
}

Status AccountQueries::setUserLastSeen(qint64 userId, qint64 when)
{
    QSqlQuery &q =
            m_db.prepared("UPDATE users SET last_seen_at = ? WHERE id = ? AND last_seen_at < ?");
    q.bindValue(0, when);
    q.bindValue(1, userId);
    q.bindValue(2, when);
    if (!m_db.exec(q, "last seen update"))
        return m_db.storageError("update last seen");
    return {};
}

Result<DeviceRecord> AccountQueries::createDevice(qint64 userId, const QString &name,
                                                  const QByteArray &tokenHash, qint64 now,
                                                  int maxDevices)
{
    return m_db.inTransaction<DeviceRecord>([&]() -> Result<DeviceRecord> {
        QSqlQuery &count = m_db.prepared(
                "SELECT COUNT(*) FROM devices WHERE user_id = ? AND revoked_at IS NULL");
        count.bindValue(0, userId);
        if (!m_db.exec(count, "device count") || !count.next())
            return m_db.storageError("count devices");
        const int active = count.value(0).toInt();
        count.finish();
        if (active >= maxDevices)
            return Error{ErrorCode::TooManyDevices,
                         u"this account has %1 devices; revoke one first"_s.arg(maxDevices)};
        QSqlQuery &q = m_db.prepared(
                "INSERT INTO devices (user_id, name, token_hash, created_at, last_seen_at) "
                "VALUES (?, ?, ?, ?, ?) RETURNING id");
        q.bindValue(0, userId);
        q.bindValue(1, text(name));
        q.bindValue(2, tokenHash);
        q.bindValue(3, now);
        q.bindValue(4, now);
        if (!m_db.exec(q, "device insert") || !q.next())
            return m_db.storageError("create the device");
        DeviceRecord d;
        d.id = q.value(0).toLongLong();
        q.finish();
        d.userId = userId;
        d.name = name;
        d.createdAt = now;
        d.lastSeenAt = now;
        return d;
    });
}

Result<DeviceRecord> AccountQueries::deviceByTokenHash(const QByteArray &tokenHash)
{
    static const QByteArray sql = QByteArray("SELECT ") + DeviceColumns
            + ", u.disabled FROM devices d JOIN users u ON u.id = d.user_id WHERE d.token_hash = ?";
    QSqlQuery &q = m_db.prepared(sql.constData());
    q.bindValue(0, tokenHash);
    if (!m_db.exec(q, "device lookup"))
        return m_db.storageError("look up the device");
    if (!q.next())
        return Error{ErrorCode::InvalidToken, u"unknown or revoked device token"_s};
    DeviceRecord d = deviceFrom(q);
    const bool disabled = q.value(7).toInt() != 0;
    q.finish();
    if (d.revokedAt)
        return Error{ErrorCode::InvalidToken, u"unknown or revoked device token"_s};
    if (disabled)
        return Error{ErrorCode::AccountDisabled, u"this account is disabled"_s};
    return d;
}

Result<DeviceRecord> AccountQueries::deviceById(qint64 deviceId)
{
    static const QByteArray sql = QByteArray("SELECT ") + DeviceColumns
            + " FROM devices d JOIN users u ON u.id = d.user_id WHERE d.id = ?";
    QSqlQuery &q = m_db.prepared(sql.constData());
    q.bindValue(0, deviceId);
    if (!m_db.exec(q, "device lookup"))
        return m_db.storageError("look up the device");
    if (!q.next())
        return Error{ErrorCode::NoSuchDevice, u"no such device"_s};
    DeviceRecord device = deviceFrom(q);
    q.finish();
    return device;
}

Result<QList<DeviceRecord>> AccountQueries::listDevices(qint64 userId)
{
    static const QByteArray sql = QByteArray("SELECT ") + DeviceColumns
            + " FROM devices d JOIN users u ON u.id = d.user_id "
              "WHERE d.user_id = ? AND d.revoked_at IS NULL ORDER BY d.id";
    QSqlQuery &q = m_db.prepared(sql.constData());
    q.bindValue(0, userId);
    if (!m_db.exec(q, "device list"))
        return m_db.storageError("list devices");
    QList<DeviceRecord> devices;
    while (q.next())
        devices.append(deviceFrom(q));
    q.finish();
    return devices;
}

Result<QList<qint64>> AccountQueries::devicesRevokedSince(qint64 since)
{
    QSqlQuery &q = m_db.prepared("SELECT id FROM devices WHERE revoked_at >= ? ORDER BY id");
    q.bindValue(0, since);
    if (!m_db.exec(q, "revoked devices"))
        return m_db.storageError("list revoked devices");
    QList<qint64> ids;
    while (q.next())
        ids.append(q.value(0).toLongLong());
    q.finish();
    return ids;
}

Result<DeviceRecord> AccountQueries::revokeDevice(qint64 deviceId, qint64 ownerUserId, qint64 now)
{
    return m_db.inTransaction<DeviceRecord>([&]() -> Result<DeviceRecord> {
        auto device = deviceById(deviceId);
        if (!device)
            return device.error();
        if (device->revokedAt || (ownerUserId && device->userId != ownerUserId))
            return Error{ErrorCode::NoSuchDevice, u"no such device"_s};
        QSqlQuery &q = m_db.prepared("UPDATE devices SET revoked_at = ? WHERE id = ?");
        q.bindValue(0, now);
        q.bindValue(1, deviceId);
        if (!m_db.exec(q, "device revoke"))
            return m_db.storageError("revoke the device");
        // Nothing waits for a revoked device: its inbox and one-time pre-keys go.
        QSqlQuery &inbox = m_db.prepared("DELETE FROM inbox WHERE device_id = ?");
        inbox.bindValue(0, deviceId);
        QSqlQuery &keys = m_db.prepared("DELETE FROM prekeys WHERE device_id = ?");
        keys.bindValue(0, deviceId);
        if (!m_db.exec(inbox, "inbox purge") || !m_db.exec(keys, "pre-key purge"))
            return m_db.storageError("revoke the device");
        device->revokedAt = now;
        return device;
    });
}

Status AccountQueries::touchDevice(qint64 deviceId, qint64 when)
{
    QSqlQuery &q = m_db.prepared("UPDATE devices SET last_seen_at = ? WHERE id = ?");
    q.bindValue(0, when);
    q.bindValue(1, deviceId);
    if (!m_db.exec(q, "device touch"))
        return m_db.storageError("update the device");
    return {};
}

Status AccountQueries::setBlocked(qint64 userId, qint64 blockedUserId, bool blocked)
{
    QSqlQuery &q = blocked
            ? m_db.prepared("INSERT INTO blocks (user_id, blocked_user_id) VALUES (?, ?) "
                            "ON CONFLICT DO NOTHING")
            : m_db.prepared("DELETE FROM blocks WHERE user_id = ? AND blocked_user_id = ?");
    q.bindValue(0, userId);
    q.bindValue(1, blockedUserId);
    if (!m_db.exec(q, "block update"))
        return m_db.storageError("update the block list");
    return {};
}

Status AccountQueries::setLastSeenHidden(qint64 userId, bool hidden)
{
    QSqlQuery &q = m_db.prepared("UPDATE users SET hide_last_seen = ? WHERE id = ?");
    q.bindValue(0, hidden ? 1 : 0);
    q.bindValue(1, userId);
    if (!m_db.exec(q, "privacy update"))
        return m_db.storageError("update the privacy setting");
    return {};
}

} // namespace Parley
