#pragma once

/// libsignal's cryptographic primitives, implemented on OpenSSL 3.

struct signal_crypto_provider;

namespace Parley {

//! \brief The signal_crypto_provider libsignal calls for randomness, HMAC-SHA256, SHA-512 and
//! AES (CBC with PKCS#5 padding, CTR without padding; 128, 192 and 256-bit keys).
//!
//! Stateless and thread-safe: every callback keeps its state in the context libsignal hands
//! back to it. SignalContext installs it; tests call the callbacks directly for known answers.
class OpenSslCryptoProvider
{
public:
    //! The callback table, valid for the lifetime of the program. Its user_data is unused.
    static const signal_crypto_provider &callbacks();
};

} // namespace Parley
