#pragma once

/// The server's certificate and key: loaded from --tls-cert/--tls-key, or a self-signed ECDSA
/// P-256 certificate generated with OpenSSL into the data folder on first start.

#include "protocol/Result.h"

#include <QtNetwork/QSslCertificate>
#include <QtNetwork/QSslConfiguration>
#include <QtNetwork/QSslKey>

namespace Parley {

struct TlsCredentials
{
    QList<QSslCertificate> chain; ///< leaf first
    QSslKey key;

    /// "AB:CD:…", the SHA-256 of the leaf certificate (what clients pin).
    QString fingerprint() const;
    /// A server-side configuration: TLS 1.2 or later, no client certificates.
    QSslConfiguration configuration() const;

    /// Reads the PEM files named, or when both are empty uses `<dataDir>/tls/` and creates a
    /// self-signed certificate there if it does not exist yet.
    static Result<TlsCredentials> load(const QString &certFile, const QString &keyFile,
                                       const QString &dataDir);
    /// Writes a new self-signed ECDSA P-256 certificate (CN=parleyd, SAN localhost,
    /// 127.0.0.1, ::1; valid 10 years) and its key (mode 0600).
    static Status generateSelfSigned(const QString &certFile, const QString &keyFile);
};

} // namespace Parley
