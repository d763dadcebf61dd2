#pragma once

/// Finds the cache's key among the profile's secrets (ProfileSecrets, "cache-key"), or makes one
/// for a new or clear cache, before the cache opens.
///
/// Follows what the login token and the e2ee storage key do (Account, KeyVault): without a
/// usable keychain or passphrase a new key lives in memory for this session only (CacheKey::sessionOnly; the
/// client tells the user), and a sealed cache whose key is missing or unreadable gives a clear
/// error instead of a new key: the cache is never replaced in silence. Lives on the GUI thread.

#include "SealedCache.h"
#include "protocol/Result.h"

#include <QtCore/QFuture>
#include <QtCore/QObject>

namespace Parley {

class ProfileSecrets;

namespace CacheUnlock {

/// The keychain entry (below the profile).
inline QString secretName()
{
    return QStringLiteral("cache-key");
}

/// The key to open the cache at `cacheFile` with; continuations run on `context`'s thread.
QFuture<Result<CacheKey>> unlock(ProfileSecrets *secrets, const QString &cacheFile,
                                 QObject *context);

} // namespace CacheUnlock

} // namespace Parley
