#pragma once

// Internal: translation between libsignal's integer codes and CryptoError.

#include "CryptoError.h"

namespace Parley {

//! Codes our store callbacks hand to libsignal sit below SG_ERR_MINIMUM (-9999), so they never
//! clash with libsignal's own and come back unchanged through its call chains.
constexpr int StoreErrorBase = -10000;

//! The code a store callback returns to libsignal for \a error.
int toSignalCode(CryptoError error);

//! The CryptoError for a negative libsignal result (its own or one of ours passed through).
CryptoError fromSignalCode(int code);

} // namespace Parley
