#pragma once

/// This device's long-term identity and the pre-keys it publishes.

#include "CryptoResult.h"
#include "PreKeyBundle.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>

#include <chrono>
#include <optional>

namespace Parley {

class KeyStore;

//! How many one-time pre-keys a new device publishes.
constexpr int DefaultPreKeyCount = 100;

//! \brief Generates and reads this device's identity key pair, registration id, signed
//! pre-key and one-time pre-keys, and gives their public halves as a PreKeyBundle.
//!
//! Runs on the key store's thread; every generating call is one savepoint (KeyStore).
class DeviceIdentity
{
public:
    explicit DeviceIdentity(KeyStore &store);

    //! Whether this device has generated its identity.
    CryptoResult<bool> exists() const;

    //! Generates the identity key pair, a registration id, the first signed pre-key and
    //! \a preKeyCount one-time pre-keys, and returns the bundle to publish.
    //! IdentityAlreadyExists when the device has one: an identity is never replaced silently.
    CryptoResult<PreKeyBundle> create(int preKeyCount = DefaultPreKeyCount,
                                      const QDateTime &now = QDateTime::currentDateTimeUtc());

    //! The bundle to publish: identity key, registration id, the newest signed pre-key and
    //! every unused one-time pre-key. NoIdentity before create().
    CryptoResult<PreKeyBundle> publicBundle() const;

    CryptoResult<quint32> registrationId() const;
    //! The serialized identity public key (the one safety numbers are computed from).
    CryptoResult<QByteArray> identityKey() const;

    //! If the newest signed pre-key was created \a maxAge or longer before \a now, generates a
    //! new one and returns it (publish it); otherwise returns nullopt. The previous key is kept
    //! for sessions started from the old bundle that are still in flight; older ones are
    //! deleted.
    CryptoResult<std::optional<SignedPreKeyPublic>>
    rotateSignedPreKey(std::chrono::milliseconds maxAge,
                       const QDateTime &now = QDateTime::currentDateTimeUtc());

    //! Generates \a count more one-time pre-keys with ids not used before (ids wrap after
    //! 16777214) and returns their public halves to publish.
    CryptoResult<QList<PreKeyPublic>> generatePreKeys(int count);

    //! How many one-time pre-keys are unused: publish more when it runs low.
    CryptoResult<int> preKeyCount() const;

private:
    CryptoResult<QList<PreKeyPublic>> generatePreKeysInPlace(int count);
    CryptoResult<SignedPreKeyPublic> generateSignedPreKeyInPlace(const QDateTime &now);

    KeyStore &m_store;
};

} // namespace Parley
