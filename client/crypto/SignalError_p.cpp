#include "SignalError_p.h"

#include <signal/signal_protocol.h>

namespace Parley {

int toSignalCode(CryptoError error)
{
    return StoreErrorBase - static_cast<int>(error);
}

CryptoError fromSignalCode(int code)
{
    constexpr int LastStoreCode = StoreErrorBase - 1000;
    if (code < StoreErrorBase && code > LastStoreCode)
        return static_cast<CryptoError>(StoreErrorBase - code);

    switch (code) {
    case SG_ERR_INVAL:
        return CryptoError::InvalidArgument;
    case SG_ERR_DUPLICATE_MESSAGE:
        return CryptoError::DuplicateMessage;
    case SG_ERR_INVALID_KEY_ID:
        return CryptoError::UnknownPreKey;
    case SG_ERR_INVALID_KEY:
    case SG_ERR_INVALID_MAC:
    case SG_ERR_INVALID_MESSAGE:
    case SG_ERR_STALE_KEY_EXCHANGE:
    case SG_ERR_VRF_SIG_VERIF_FAILED:
    case SG_ERR_INVALID_PROTO_BUF:
        return CryptoError::InvalidMessage;
    case SG_ERR_INVALID_VERSION:
    case SG_ERR_LEGACY_MESSAGE:
    case SG_ERR_FP_VERSION_MISMATCH:
        return CryptoError::UnsupportedVersion;
    case SG_ERR_NO_SESSION:
        return CryptoError::NoSession;
    case SG_ERR_UNTRUSTED_IDENTITY:
        return CryptoError::UntrustedIdentity;
    case SG_ERR_FP_IDENT_MISMATCH:
        return CryptoError::IdentityMismatch;
    default: // SG_ERR_NOMEM, SG_ERR_UNKNOWN and anything unexpected
        return CryptoError::CryptoFailure;
    }
}

} // namespace Parley
