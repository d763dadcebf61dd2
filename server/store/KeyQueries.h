#pragma once

/// The queries of the public keys: each device's bundle (columns of `devices`) and its stock of
/// one-time pre-keys (table `prekeys`). Runs on the thread of the Database it belongs to.

#include "model/Keys.h"
#include "protocol/Result.h"

#include <QtCore/QList>
#include <QtCore/QPair>

namespace Parley {

class Database;

/// One bundle handed out and how many one-time pre-keys its device has left.
struct FetchedKeys
{
    QList<KeyBundle> bundles;
    QList<QPair<qint64, int>> remaining; ///< (device, one-time pre-keys left) for each bundle
};

class KeyQueries
{
public:
    explicit KeyQueries(Database &db) : m_db(db) { }

    /// Stores a device's bundle; returns how many one-time pre-keys it now has.
    Result<int> upload(qint64 deviceId, qint64 registrationId, const QByteArray &identityKey,
                       const SignedPreKey &signedPreKey, const QList<OneTimePreKey> &preKeys);
    Result<int> preKeyCount(qint64 deviceId);
    /// One bundle per active device of `userId` but `excludeDeviceId`; with `claimOneTimeKeys`
    /// each takes one one-time pre-key out of its device's stock, without only the signed one.
    Result<FetchedKeys> fetch(qint64 userId, qint64 excludeDeviceId, bool claimOneTimeKeys);

private:
    Database &m_db;
};

} // namespace Parley
