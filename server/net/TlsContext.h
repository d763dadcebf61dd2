#pragma once

/// The one OpenSSL SSL_CTX that all native TLS connections are made from (instead of one per
/// connection as QSslSocket does): certificate chain and key, TLS 1.2 or later, no
/// renegotiation, buffers released while idle. Immutable once built and shared between I/O
/// threads; each SSL made from it holds its own reference to the SSL_CTX, so a certificate
/// reload swaps in a new TlsContext without touching live connections.

#include <QtCore/QString>

#include <memory>

class QSslConfiguration;
struct ssl_ctx_st;

namespace Parley {

class TlsContext
{
public:
    ~TlsContext();
    TlsContext(const TlsContext &) = delete;
    TlsContext &operator=(const TlsContext &) = delete;

    /// Builds a context from the configuration's certificate chain and private key; null (and
    /// `error` set) if OpenSSL refuses them.
    static std::shared_ptr<const TlsContext> create(const QSslConfiguration &configuration,
                                                    QString *error);

    ssl_ctx_st *handle() const { return m_ctx; }

private:
    explicit TlsContext(ssl_ctx_st *ctx) : m_ctx(ctx) { }

    ssl_ctx_st *m_ctx;
};

} // namespace Parley
