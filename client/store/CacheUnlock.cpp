#include "CacheUnlock.h"

#include "Logging.h"
#include "platform/ProfileSecrets.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QPromise>

#include <memory>

namespace Parley {

QFuture<Result<CacheKey>> CacheUnlock::unlock(ProfileSecrets *secrets, const QString &cacheFile,
                                              QObject *context)
{
    auto promise = std::make_shared<QPromise<Result<CacheKey>>>();
    promise->start();
    auto finish = [promise](Result<CacheKey> result) {
        promise->addResult(std::move(result));
        promise->finish();
    };
    const bool sealed = SealedCache::inspect(cacheFile) == SealedCache::FileState::Sealed;
    secrets->readSecret(secretName())
            .then(context, [secrets, context, sealed, finish](const Result<QByteArray> &read) {
                if (!read) {
                    if (sealed) {
                        finish(Error{ErrorCode::StorageError,
                                     QCoreApplication::translate(
                                             "Parley::CacheUnlock",
                                             "Parley cannot read this profile's keys, so it cannot "
                                             "open its encrypted local cache.")});
                        return;
                    }
                    qCWarning(lcClientStore) << "no secrets: the cache's key lasts as long as "
                                                "this session";
                    finish(CacheKey::generate(true));
                    return;
                }
                if (!read->isEmpty()) {
                    CacheKey key{*read, false};
                    if (!key.isValid()) {
                        finish(Error{ErrorCode::StorageError,
                                     QCoreApplication::translate(
                                             "Parley::CacheUnlock",
                                             "The cache key this profile keeps is damaged, so "
                                             "Parley cannot open its local cache.")});
                        return;
                    }
                    finish(key);
                    return;
                }
                if (sealed) {
                    finish(Error{
                            ErrorCode::StorageError,
                            QCoreApplication::translate(
                                    "Parley::CacheUnlock",
                                    "The key of the encrypted local cache is missing from this "
                                    "profile's keys, so Parley cannot open it. Nothing was "
                                    "deleted; remove the profile folder's cache.sqlite to start "
                                    "with an empty cache.")});
                    return;
                }
                // A new key, kept with the profile's secrets before any page is sealed with it.
                const CacheKey key = CacheKey::generate();
                secrets->writeSecret(secretName(), key.secret)
                        .then(context, [key, finish](const Status &written) {
                            if (written) {
                                finish(key);
                                return;
                            }
                            qCWarning(lcClientStore) << "the profile keeps no secrets on disk: "
                                                        "the cache's key lasts as long as this "
                                                        "session";
                            finish(CacheKey{key.secret, true});
                        });
            });
    return promise->future();
}

} // namespace Parley
