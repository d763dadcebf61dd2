#pragma once

/// The libsignal library context: crypto provider, locking and logging, owned for its lifetime.

#include "CryptoResult.h"

#include <memory>
#include <mutex>

struct signal_context;

namespace Parley {

//! \brief Owns a signal_context set up with OpenSslCryptoProvider, a recursive mutex for
//! libsignal's lock callbacks and log forwarding to the parley.client.crypto category.
//!
//! Create one per key store (or share one among several key stores of one thread). It must
//! outlive every KeyStore, cipher and SafetyNumber computed with it. Not movable: libsignal
//! keeps a pointer to it.
class SignalContext
{
public:
    //! Creates the context; CryptoFailure if libsignal cannot allocate or configure it.
    static CryptoResult<std::unique_ptr<SignalContext>> create();

    ~SignalContext();
    SignalContext(const SignalContext &) = delete;
    SignalContext &operator=(const SignalContext &) = delete;

    //! The libsignal handle, for this library's wrappers.
    signal_context *handle() const { return m_context; }

private:
    SignalContext() = default;

    static void lock(void *userData);
    static void unlock(void *userData);
    static void log(int level, const char *message, size_t length, void *userData);

    signal_context *m_context = nullptr;
    std::recursive_mutex m_mutex;
};

} // namespace Parley
