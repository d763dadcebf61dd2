#include "CacheKeychain.h"

#include "Logging.h"
#include "platform/TokenStore.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QPromise>

#include <memory>

namespace Parley {

namespace {

} // namespace

QFuture<Result<CacheKey>> CacheKeychain::unlock(TokenStore *tokens, const QString &cacheFile,
                                                QObject *context)
{
    auto promise = std::make_shared<QPromise<Result<CacheKey>>>();
    promise->start();
    auto finish = [promise](Result<CacheKey> result) {
        promise->addResult(std::move(result));
        promise->finish();
    };
    const bool sealed = SealedCache::inspect(cacheFile) == SealedCache::FileState::Sealed;
    tokens->readSecret(entryName())
            .then(context, [tokens, context, sealed, finish](const Result<QByteArray> &read) {
                if (!read) {
                    if (sealed) {
                        finish(Error{ErrorCode::StorageError,
                                     QCoreApplication::translate(
                                             "Parley::CacheKeychain",
                                             "Parley cannot use the system keychain, so it cannot "
                                             "open its encrypted local cache. Unlock the keychain "
                                             "and start Parley again.")});
                        return;
                    }
                    qCWarning(lcClientStore) << "no keychain: the cache's key lasts as long as "
                                                "this session";
                    finish(CacheKey::generate(true));
                    return;
                }
                if (!read->isEmpty()) {
                    CacheKey key{*read, false};
                    if (!key.isValid()) {
                        finish(Error{ErrorCode::StorageError,
                                     QCoreApplication::translate(
                                             "Parley::CacheKeychain",
                                             "The cache key in the system keychain is damaged, so "
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
                                    "Parley::CacheKeychain",
                                    "The key of the encrypted local cache is missing from the "
                                    "system keychain, so Parley cannot open it. Nothing was "
                                    "deleted; restore the keychain entry, or remove the profile "
                                    "folder's cache.db to start with an empty cache.")});
                    return;
                }
                // A new key, in the keychain before any page is sealed with it.
                const CacheKey key = CacheKey::generate();
                tokens->writeSecret(entryName(), key.secret)
                        .then(context, [key, finish](const Status &written) {
                            if (written) {
                                finish(key);
                                return;
                            }
                            qCWarning(lcClientStore) << "the keychain did not take the cache's "
                                                        "key; it lasts as long as this session";
                            finish(CacheKey{key.secret, true});
                        });
            });
    return promise->future();
}

} // namespace Parley
