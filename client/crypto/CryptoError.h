#pragma once

/// The ways an end-to-end encryption call can fail, with stable numbers.

#include <QString>

namespace Parley {

//! \brief Why a call of parley_crypto failed.
//!
//! The numbers are stable: they may be stored (an outbox row "waiting for a sender key")
//! and logged. Every libsignal, SQLite and libsodium failure is translated to one of these
//! at the wrapper that saw it; nothing in this library throws.
enum class CryptoError : int {
    StorageKeyMissing = 1, //!< no storage key was given (keychain empty or unavailable)
    StorageKeyInvalid = 2, //!< the storage key does not have StorageKeyBytes bytes
    WrongStorageKey = 3, //!< the key store was sealed with another storage key
    CorruptRecord = 4, //!< a sealed record failed to open or to parse
    DatabaseError = 5, //!< the SQL connection is missing or a statement failed
    UnsupportedStoreVersion = 6, //!< the key tables were written by a newer Parley
    NoIdentity = 7, //!< this device has no identity key yet
    IdentityAlreadyExists = 8, //!< generating an identity would overwrite the existing one
    InvalidBundle = 9, //!< a fetched pre-key bundle has a bad key or signature
    UntrustedIdentity = 10, //!< the remote identity key differs from the trusted one
    NoSession = 11, //!< no pairwise session with that device
    InvalidMessage = 12, //!< malformed, tampered or undecryptable ciphertext
    DuplicateMessage = 13, //!< this ciphertext was already decrypted
    NoSenderKey = 14, //!< the sender key for this message has not arrived yet
    UnknownPreKey = 15, //!< the one-time or signed pre-key it names is gone
    UnsupportedVersion = 16, //!< a message or fingerprint of an unknown version
    IdentityMismatch = 17, //!< a scanned safety number is for other people
    InvalidArgument = 18, //!< a caller passed a value out of range
    CryptoFailure = 19, //!< the random source, OpenSSL or libsodium failed
    WrongPassphrase = 20, //!< the passphrase does not open the secrets file
    WrongRecoveryKey = 21, //!< the recovery key does not open the secrets file
};

//! A short English description for logs and developer-facing messages. The UI shows its own
//! translated text per code.
QString cryptoErrorString(CryptoError error);

} // namespace Parley
