#include "SignalContext.h"

#include "Logging.h"
#include "OpenSslCryptoProvider.h"

#include <signal/signal_protocol.h>

namespace Parley {

CryptoResult<std::unique_ptr<SignalContext>> SignalContext::create()
{
    std::unique_ptr<SignalContext> context(new SignalContext);
    if (signal_context_create(&context->m_context, context.get()) < 0) {
        qCWarning(lcCrypto) << "cannot create the libsignal context";
        return CryptoError::CryptoFailure;
    }
    if (signal_context_set_crypto_provider(context->m_context, &OpenSslCryptoProvider::callbacks())
                < 0
        || signal_context_set_locking_functions(context->m_context, &SignalContext::lock,
                                                &SignalContext::unlock)
                < 0
        || signal_context_set_log_function(context->m_context, &SignalContext::log) < 0) {
        qCWarning(lcCrypto) << "cannot configure the libsignal context";
        return CryptoError::CryptoFailure;
    }
    return context;
}

SignalContext::~SignalContext()
{
    if (m_context)
        signal_context_destroy(m_context);
}

void SignalContext::lock(void *userData)
{
    static_cast<SignalContext *>(userData)->m_mutex.lock();
}

void SignalContext::unlock(void *userData)
{
    static_cast<SignalContext *>(userData)->m_mutex.unlock();
}

// libsignal logs addresses, counters and key ids, never key material or plaintext. Its errors
// and warnings are mostly expected outcomes (a duplicate, a missing sender key) that the
// wrappers return as a CryptoError for the caller to handle, so they are information here.
void SignalContext::log(int level, const char *message, size_t length, void *)
{
    const QString text = QString::fromUtf8(message, static_cast<qsizetype>(length));
    if (level <= SG_LOG_WARNING)
        qCInfo(lcCrypto).noquote() << "libsignal:" << text;
    else
        qCDebug(lcCrypto).noquote() << "libsignal:" << text;
}

} // namespace Parley
