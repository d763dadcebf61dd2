#pragma once

/// libsignal's store context, its callbacks bound to the key store's tables.

#include "CryptoResult.h"

#include <memory>

struct signal_protocol_store_context;

namespace Parley {

class IdentityStore;
class PreKeyStore;
class SenderKeyStore;
class SessionStore;
class SignalContext;
class SignedPreKeyStore;

//! \brief Owns a signal_protocol_store_context whose identity, pre-key, signed pre-key,
//! session and sender-key callbacks call the given stores.
//!
//! Store failures reach libsignal as codes below SG_ERR_MINIMUM (SignalError_p.h) and come
//! back out of its calls unchanged, so a cipher reports DatabaseError or CorruptRecord rather
//! than a generic failure. The stores must outlive this object. Internal to parley_crypto.
class SignalStoreContext
{
public:
    struct Stores
    {
        IdentityStore &identities;
        PreKeyStore &preKeys;
        SignedPreKeyStore &signedPreKeys;
        SessionStore &sessions;
        SenderKeyStore &senderKeys;
    };

    static CryptoResult<std::unique_ptr<SignalStoreContext>> create(SignalContext &context,
                                                                    const Stores &stores);
    ~SignalStoreContext();
    SignalStoreContext(const SignalStoreContext &) = delete;
    SignalStoreContext &operator=(const SignalStoreContext &) = delete;

    signal_protocol_store_context *handle() const { return m_context; }

private:
    SignalStoreContext() = default;

    signal_protocol_store_context *m_context = nullptr;
};

} // namespace Parley
