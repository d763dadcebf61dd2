#pragma once

/// Finds the cache's key in the OS keychain (entry "<profile>/cache-key"), or makes one for a
/// new or clear cache, before the cache opens.
///
/// Follows what the login token and the e2ee storage key do (Account, KeyVault): without a
/// usable keychain a new key lives in memory for this session only (CacheKey::sessionOnly; the
/// client tells the user), and a sealed cache whose key is missing or unreadable gives a clear
/// error instead of a new key: the cache is never replaced in silence. Lives on the GUI thread.

#include "SealedCache.h"
#include "protocol/Result.h"

#include <QtCore/QFuture>
#include <QtCore/QObject>

namespace Parley {

class TokenStore;

namespace CacheKeychain {

/// The keychain entry (below the profile).
inline QString entryName()
{
    return QStringLiteral("cache-key");
}

/// The key to open the cache at `cacheFile` with; continuations run on `context`'s thread.
QFuture<Result<CacheKey>> unlock(TokenStore *tokens, const QString &cacheFile, QObject *context);

} // namespace CacheKeychain

} // namespace Parley
