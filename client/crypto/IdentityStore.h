#pragma once

/// This device's identity key and the identity keys trusted for remote devices.

#include "CryptoResult.h"
#include "DeviceAddress.h"
#include "IdentityChange.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace Parley {

class RecordSealer;
class StatementCache;

//! \brief The identity table of the key store: the local identity key pair and registration id
//! (crypto_local_identity) and, per remote device, the trusted identity key plus a key it
//! offered that differs from it (crypto_remote_identities).
//!
//! Trust on first use: a device with no stored key is trusted and its key stored; a device
//! presenting a different key is untrusted (libsignal then refuses to build a session or
//! decrypt) until the user acknowledges the change (KeyStore::acknowledgeIdentityChange).
//! Runs on the thread owning the connection, like every key-store call.
class IdentityStore
{
public:
    struct LocalIdentity
    {
        quint32 registrationId = 0;
        QByteArray publicKey; //!< serialized Curve25519 public key
        QByteArray privateKey; //!< serialized Curve25519 private key
    };

    IdentityStore(StatementCache &statements, const RecordSealer &sealer);

    //! The local identity, or nullopt before DeviceIdentity generated one.
    CryptoResult<std::optional<LocalIdentity>> localIdentity() const;
    CryptoStatus saveLocalIdentity(const LocalIdentity &identity);

    //! The trusted identity key of a remote device, or an empty array if none is stored.
    CryptoResult<QByteArray> trustedIdentity(const DeviceAddress &address) const;
    CryptoResult<QByteArray> trustedIdentity(const QString &name, qint32 deviceId) const;

    //! True when no key is stored or \a key equals it. When it differs, records \a key as
    //! offered (see changedIdentities()) and returns false.
    CryptoResult<bool> isTrusted(const QString &name, qint32 deviceId, const QByteArray &key);
    //! Stores \a key as trusted for the device, replacing any earlier key and offer.
    CryptoStatus saveTrusted(const QString &name, qint32 deviceId, const QByteArray &key);
    CryptoStatus forget(const QString &name, qint32 deviceId);

    //! Devices whose offered identity key differs from the trusted one, oldest first.
    CryptoResult<QList<IdentityChange>> changedIdentities() const;
    //! Trusts the offered key of \a address. InvalidArgument when it has offered none.
    CryptoStatus acceptOfferedIdentity(const DeviceAddress &address);

    //! Writes again the offers recorded since the last clearOffers(): the key store
    //! calls this after rolling back a failed operation, so that a detected identity change
    //! outlives the rollback of the decrypt that revealed it.
    CryptoStatus rewriteOffers();
    void clearOffers();

private:
    struct Offer
    {
        QString name;
        qint32 deviceId;
        QByteArray key;
    };

    CryptoStatus recordOffer(const Offer &offer);

    StatementCache &m_statements;
    const RecordSealer &m_sealer;
    QList<Offer> m_recentOffers;
};

} // namespace Parley
