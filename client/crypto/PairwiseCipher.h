#pragma once

/// Pairwise sessions (X3DH + Double Ratchet) with other devices, for key distribution.

#include "CryptoResult.h"
#include "DeviceAddress.h"
#include "PairwiseMessage.h"
#include "PreKeyBundle.h"

#include <QByteArray>

namespace Parley {

class KeyStore;

//! \brief Builds pairwise sessions from fetched pre-key bundles and encrypts and decrypts with
//! libsignal's session cipher.
//!
//! Parley sends sender-key distribution messages and device-to-device control messages this
//! way, through the device inbox. Each call is atomic on the key store (KeyStore::atomically)
//! and runs on the key store's thread.
class PairwiseCipher
{
public:
    explicit PairwiseCipher(KeyStore &store);

    //! X3DH with \a remote from the bundle the server handed out: its identity key, signed
    //! pre-key and at most one one-time pre-key (the first is used if there are several).
    //! Errors: InvalidBundle (bad key or signature), UntrustedIdentity (the identity key
    //! differs from the trusted one: see KeyStore::changedIdentities()), NoIdentity.
    CryptoStatus buildSession(const DeviceAddress &remote, const PreKeyBundle &bundle);

    CryptoResult<bool> hasSession(const DeviceAddress &remote) const;
    CryptoStatus deleteSession(const DeviceAddress &remote);

    //! Encrypts for \a remote. The type is PreKey until \a remote has answered, Signal after.
    //! NoSession when no session was built or received.
    CryptoResult<PairwiseMessage> encrypt(const DeviceAddress &remote, const QByteArray &plaintext);

    //! Decrypts a message from \a remote; a PreKey message builds the session on the way and
    //! consumes the one-time pre-key it names. Errors: DuplicateMessage (already decrypted:
    //! drop it), InvalidMessage (malformed or tampered), NoSession, UntrustedIdentity,
    //! UnknownPreKey (its pre-key was already consumed), UnsupportedVersion.
    CryptoResult<QByteArray> decrypt(const DeviceAddress &remote, const PairwiseMessage &message);

private:
    KeyStore &m_store;
};

} // namespace Parley
