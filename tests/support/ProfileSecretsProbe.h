#pragma once

/// Reads and writes a client profile's secrets from outside the client, through the client's own
/// ProfileSecrets (master key from the keychain), for tests that check what a profile keeps.
/// Header only: the test links parley_client.

#include "platform/Keychain.h"
#include "platform/ProfileSecrets.h"
#include "store/AwaitFuture.h"

#include <QtTest/QTest>

namespace Parley::ProfileSecretsProbe {

/// Runs `use` on the secrets of `profile` (data folder `dataDir`) once they open with their
/// keychain entry; an Error when they do not.
template<typename T, typename Use>
Result<T> withSecrets(const QString &profile, const QString &dataDir, Use use)
{
    Keychain keychain(profile);
    ProfileSecrets secrets(&keychain);
    secrets.open(dataDir);
    if (!QTest::qWaitFor([&] { return secrets.state() != ProfileSecrets::State::Opening; }, 15000)
        || secrets.state() != ProfileSecrets::State::Ready)
        return Error{ErrorCode::Unavailable, QStringLiteral("the profile's secrets are locked")};
    return use(secrets);
}

/// The secret `name`.
inline Result<QByteArray> read(const QString &profile, const QString &dataDir, const QString &name)
{
    return withSecrets<QByteArray>(profile, dataDir, [&](ProfileSecrets &secrets) {
        return awaitFuture(secrets.readSecret(name)).result();
    });
}

/// Replaces the secret `name` (an empty `value` deletes it).
inline Status write(const QString &profile, const QString &dataDir, const QString &name,
                    const QByteArray &value)
{
    const Result<bool> written =
            withSecrets<bool>(profile, dataDir, [&](ProfileSecrets &secrets) -> Result<bool> {
                const Status status =
                        awaitFuture(value.isEmpty() ? secrets.deleteSecret(name)
                                                    : secrets.writeSecret(name, value))
                                .result();
                if (!status)
                    return status.error();
                return true;
            });
    if (!written)
        return written.error();
    return {};
}

} // namespace Parley::ProfileSecretsProbe
