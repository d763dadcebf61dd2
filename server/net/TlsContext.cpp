#include "TlsContext.h"

#include <QtNetwork/QSslCertificate>
#include <QtNetwork/QSslConfiguration>
#include <QtNetwork/QSslKey>

#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>

#include <csignal>
#include <mutex>

namespace Parley {

using namespace Qt::StringLiterals;

namespace {

QString openSslError(const char *what)
{
    char text[256] = {};
    ERR_error_string_n(ERR_get_error(), text, sizeof text);
    ERR_clear_error();
    return u"%1: %2"_s.arg(QLatin1StringView(what), QLatin1StringView(text));
}

template<typename T>
T *readPem(const QByteArray &pem, T *(*read)(BIO *, T **, pem_password_cb *, void *))
{
    BIO *bio = BIO_new_mem_buf(pem.constData(), int(pem.size()));
    if (!bio)
        return nullptr;
    T *object = read(bio, nullptr, nullptr, nullptr);
    BIO_free(bio);
    return object;
}

} // namespace

TlsContext::~TlsContext()
{
    SSL_CTX_free(m_ctx); // connections still using it hold their own reference
}

std::shared_ptr<const TlsContext> TlsContext::create(const QSslConfiguration &configuration,
                                                     QString *error)
{
    // OpenSSL writes to sockets with write(): a peer gone meanwhile must not end the process
    // with SIGPIPE. (Plain connections send with MSG_NOSIGNAL.)
    static std::once_flag ignoreSigpipe;
    std::call_once(ignoreSigpipe, [] { std::signal(SIGPIPE, SIG_IGN); });

    SSL_CTX *ctx = SSL_CTX_new(TLS_server_method());
    if (!ctx) {
        *error = openSslError("SSL_CTX_new");
        return nullptr;
    }
    std::shared_ptr<const TlsContext> context(new TlsContext(ctx));
    SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION);
    SSL_CTX_set_options(
            ctx, SSL_OP_NO_RENEGOTIATION | SSL_OP_NO_COMPRESSION | SSL_OP_CIPHER_SERVER_PREFERENCE);
    // Idle connections keep no read/write buffers; a write may be retried from a moved buffer.
    SSL_CTX_set_mode(ctx,
                     SSL_MODE_RELEASE_BUFFERS | SSL_MODE_ENABLE_PARTIAL_WRITE
                             | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER);
    // Resumption by stateless tickets only (their key lives in this context, so a reload
    // invalidates them): no per-session state held by the server, one ticket per TLS 1.3
    // handshake instead of two.
    SSL_CTX_set_session_cache_mode(ctx, SSL_SESS_CACHE_OFF);
    SSL_CTX_set_num_tickets(ctx, 1);
    SSL_CTX_set_verify(ctx, SSL_VERIFY_NONE, nullptr);

    const QList<QSslCertificate> chain = configuration.localCertificateChain();
    if (chain.isEmpty() || configuration.privateKey().isNull()) {
        *error = u"no certificate or key"_s;
        return nullptr;
    }
    for (qsizetype i = 0; i < chain.size(); ++i) {
        X509 *cert = readPem<X509>(chain[i].toPem(), PEM_read_bio_X509);
        if (!cert) {
            *error = openSslError("certificate");
            return nullptr;
        }
        const int ok =
                i == 0 ? SSL_CTX_use_certificate(ctx, cert) : SSL_CTX_add1_chain_cert(ctx, cert);
        X509_free(cert);
        if (ok != 1) {
            *error = openSslError("certificate");
            return nullptr;
        }
    }
    EVP_PKEY *key = readPem<EVP_PKEY>(configuration.privateKey().toPem(), PEM_read_bio_PrivateKey);
    if (!key) {
        *error = openSslError("private key");
        return nullptr;
    }
    const int keyOk = SSL_CTX_use_PrivateKey(ctx, key);
    EVP_PKEY_free(key);
    if (keyOk != 1 || SSL_CTX_check_private_key(ctx) != 1) {
        *error = openSslError("private key");
        return nullptr;
    }
    return context;
}

} // namespace Parley
