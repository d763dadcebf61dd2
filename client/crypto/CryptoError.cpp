#include "CryptoError.h"

namespace Parley {

QString cryptoErrorString(CryptoError error)
{
    switch (error) {
    case CryptoError::StorageKeyMissing:
        return QStringLiteral("no storage key for the local key store");
    case CryptoError::StorageKeyInvalid:
        return QStringLiteral("the storage key has the wrong length");
    case CryptoError::WrongStorageKey:
        return QStringLiteral("the local key store was sealed with a different storage key");
    case CryptoError::CorruptRecord:
        return QStringLiteral("a record of the local key store is damaged");
    case CryptoError::DatabaseError:
        return QStringLiteral("the local key store could not be read or written");
    case CryptoError::UnsupportedStoreVersion:
        return QStringLiteral("the local key store was written by a newer version");
    case CryptoError::NoIdentity:
        return QStringLiteral("this device has no identity key yet");
    case CryptoError::IdentityAlreadyExists:
        return QStringLiteral("this device already has an identity key");
    case CryptoError::InvalidBundle:
        return QStringLiteral("the pre-key bundle is invalid");
    case CryptoError::UntrustedIdentity:
        return QStringLiteral("the contact's identity key has changed");
    case CryptoError::NoSession:
        return QStringLiteral("no encrypted session with this device");
    case CryptoError::InvalidMessage:
        return QStringLiteral("the encrypted message is invalid or was tampered with");
    case CryptoError::DuplicateMessage:
        return QStringLiteral("the encrypted message was already received");
    case CryptoError::NoSenderKey:
        return QStringLiteral("waiting for the sender's key for this message");
    case CryptoError::UnknownPreKey:
        return QStringLiteral("the message uses a pre-key this device no longer has");
    case CryptoError::UnsupportedVersion:
        return QStringLiteral("unsupported message or fingerprint version");
    case CryptoError::IdentityMismatch:
        return QStringLiteral("the scanned code belongs to a different conversation");
    case CryptoError::InvalidArgument:
        return QStringLiteral("invalid argument");
    case CryptoError::CryptoFailure:
        return QStringLiteral("a cryptographic primitive failed");
    case CryptoError::WrongPassphrase:
        return QStringLiteral("wrong passphrase");
    case CryptoError::WrongRecoveryKey:
        return QStringLiteral("wrong recovery key");
    }
    return QStringLiteral("unknown error %1").arg(static_cast<int>(error));
}

} // namespace Parley
