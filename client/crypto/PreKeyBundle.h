#pragma once

/// The public keys a device publishes so that others can open sessions with it.

#include <QByteArray>
#include <QList>
#include <QtGlobal>

namespace Parley {

//! \brief One public one-time pre-key.
struct PreKeyPublic
{
    quint32 id = 0;
    QByteArray publicKey; //!< serialized Curve25519 public key (33 bytes, type byte first)

    friend bool operator==(const PreKeyPublic &, const PreKeyPublic &) = default;
};

//! \brief The public half of a signed pre-key and the identity key's signature over it.
struct SignedPreKeyPublic
{
    quint32 id = 0;
    QByteArray publicKey;
    QByteArray signature; //!< 64-byte XEdDSA signature by the identity key

    friend bool operator==(const SignedPreKeyPublic &, const SignedPreKeyPublic &) = default;
};

//! \brief A device's pre-key bundle as plain data for the network layer.
//!
//! Published by a device: all its unused one-time pre-keys. Handed out by the server for one
//! session: at most one of them (none when the stock ran out; X3DH then runs without it).
struct PreKeyBundle
{
    quint32 registrationId = 0;
    QByteArray identityKey; //!< serialized Curve25519 identity public key
    SignedPreKeyPublic signedPreKey;
    QList<PreKeyPublic> preKeys;

    friend bool operator==(const PreKeyBundle &, const PreKeyBundle &) = default;
};

} // namespace Parley
