#pragma once

/// The queries of accounts: tables `users`, `devices` (with their tokens) and `blocks`.
/// Runs on the thread of the Database it belongs to.

#include "protocol/Result.h"

#include <QtCore/QByteArray>
#include <QtCore/QList>
#include <QtCore/QString>

class QSqlQuery;

namespace Parley {

class Database;

struct UserRecord
{
    qint64 id = 0;
    QString username;
    QString passwordHash;
    bool disabled = false;
    qint64 createdAt = 0;
    qint64 lastSeenAt = 0;
};

struct DeviceRecord
{
    qint64 id = 0;
    qint64 userId = 0;
    QString username;
    QString name;
    qint64 createdAt = 0;
    qint64 lastSeenAt = 0;
    qint64 revokedAt = 0; ///< 0: active
};

class AccountQueries
{
public:
    explicit AccountQueries(Database &db) : m_db(db) { }

    Result<qint64> createUser(const QString &username, const QString &passwordHash, qint64 now);
    Result<UserRecord> userByName(const QString &username);
    Result<UserRecord> userById(qint64 userId);
    Result<QList<UserRecord>> usersByIds(const QList<qint64> &ids);
    Result<QList<UserRecord>> listUsers();
    Status setPasswordHash(qint64 userId, const QString &hash);
    Status setUserDisabled(qint64 userId, bool disabled, qint64 now);
    Status setUserLastSeen(qint64 userId, qint64 when);
    /// Fails with TooManyDevices when the user already has maxDevices active devices.
    Result<DeviceRecord> createDevice(qint64 userId, const QString &name,
                                      const QByteArray &tokenHash, qint64 now, int maxDevices);
    /// The active device with this token hash (InvalidToken, AccountDisabled).
    Result<DeviceRecord> deviceByTokenHash(const QByteArray &tokenHash);
    Result<DeviceRecord> deviceById(qint64 deviceId);
    Result<QList<DeviceRecord>> listDevices(qint64 userId);
    /// Revokes an active device; ownerUserId 0 accepts any owner (admin).
    Result<DeviceRecord> revokeDevice(qint64 deviceId, qint64 ownerUserId, qint64 now);
    /// Ids of the devices revoked at `since` or later (by anyone: the admin commands too).
    Result<QList<qint64>> devicesRevokedSince(qint64 since);
    Status touchDevice(qint64 deviceId, qint64 when);
    Status setBlocked(qint64 userId, qint64 blockedUserId, bool blocked);
    /// Whether the user hides when they were last seen (docs/protocol.md, `setPrivacy`).
    Status setLastSeenHidden(qint64 userId, bool hidden);

    // --- account administration (AccountAdminQueries.cpp)
    /// UsernameTaken if another account has the name.
    Status renameUser(qint64 userId, const QString &newUsername);
    /// Deletes an account for the admin: revokes its devices (a running server logs them out)
    /// and drops their keys, pre-keys and inbox, its blocks and its password; renames it
    /// "deleted account #ID" (a name no one can register), so its messages stay in their
    /// conversations under that name. Returns how many devices it had.
    Result<int> deleteUser(qint64 userId, qint64 now);

private:
    /// The one user `q` (bound, not run yet) selects, in the columns userFrom() reads.
    Result<UserRecord> oneUser(QSqlQuery &q);

    Database &m_db;
};

} // namespace Parley
