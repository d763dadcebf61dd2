#include "TlsCredentials.h"

#include "Logging.h"

#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QSaveFile>

#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>

namespace Parley {

using namespace Qt::StringLiterals;

namespace {

template<typename T, void (*Free)(T *)>
struct Deleter
{
    void operator()(T *p) const { Free(p); }
};
using PKeyPtr = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY, EVP_PKEY_free>>;
using X509Ptr = std::unique_ptr<X509, Deleter<X509, X509_free>>;
using BioPtr = std::unique_ptr<BIO, Deleter<BIO, BIO_free_all>>;
using ExtPtr = std::unique_ptr<X509_EXTENSION, Deleter<X509_EXTENSION, X509_EXTENSION_free>>;

QByteArray bioBytes(BIO *bio)
{
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    return QByteArray(data, qsizetype(size));
}

bool addExtension(X509 *cert, int nid, const char *value)
{
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, cert, cert, nullptr, nullptr, 0);
    ExtPtr ext(X509V3_EXT_conf_nid(nullptr, &ctx, nid, value));
    return ext && X509_add_ext(cert, ext.get(), -1) == 1;
}

Status writeFile(const QString &path, const QByteArray &data, QFile::Permissions permissions)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error{ErrorCode::InternalError,
                     u"cannot write %1: %2"_s.arg(path, file.errorString())};
    file.setPermissions(permissions);
    file.write(data);
    if (!file.commit())
        return Error{ErrorCode::InternalError,
                     u"cannot write %1: %2"_s.arg(path, file.errorString())};
    return {};
}

} // namespace

QString TlsCredentials::fingerprint() const
{
    if (chain.isEmpty())
        return {};
    return QString::fromLatin1(
            chain.first().digest(QCryptographicHash::Sha256).toHex(':').toUpper());
}

QSslConfiguration TlsCredentials::configuration() const
{
    QSslConfiguration c = QSslConfiguration::defaultConfiguration();
    c.setLocalCertificateChain(chain);
    c.setPrivateKey(key);
    c.setPeerVerifyMode(QSslSocket::VerifyNone);
    c.setProtocol(QSsl::TlsV1_2OrLater);
    return c;
}

Status TlsCredentials::generateSelfSigned(const QString &certFile, const QString &keyFile)
{
    PKeyPtr pkey(EVP_EC_gen("P-256"));
    if (!pkey)
        return Error{ErrorCode::InternalError, u"OpenSSL could not generate an ECDSA P-256 key"_s};
    X509Ptr cert(X509_new());
    unsigned char serial[16];
    RAND_bytes(serial, sizeof serial);
    serial[0] &= 0x7f; // a positive serial number
    BIGNUM *bn = BN_bin2bn(serial, sizeof serial, nullptr);
    const bool ok = cert && bn && X509_set_version(cert.get(), 2) == 1
            && BN_to_ASN1_INTEGER(bn, X509_get_serialNumber(cert.get())) != nullptr
            && X509_gmtime_adj(X509_getm_notBefore(cert.get()), -3600) != nullptr
            && X509_gmtime_adj(X509_getm_notAfter(cert.get()), 10L * 365 * 24 * 3600) != nullptr
            && X509_set_pubkey(cert.get(), pkey.get()) == 1;
    BN_free(bn);
    if (!ok)
        return Error{ErrorCode::InternalError, u"OpenSSL could not build the certificate"_s};
    X509_NAME *name = X509_get_subject_name(cert.get());
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
                               reinterpret_cast<const unsigned char *>("parleyd"), -1, -1, 0);
    X509_set_issuer_name(cert.get(), name);
    if (!addExtension(cert.get(), NID_subject_alt_name, "DNS:localhost,IP:127.0.0.1,IP:::1")
        || !addExtension(cert.get(), NID_basic_constraints, "critical,CA:FALSE")
        || !addExtension(cert.get(), NID_key_usage, "critical,digitalSignature")
        || !addExtension(cert.get(), NID_ext_key_usage, "serverAuth"))
        return Error{ErrorCode::InternalError, u"OpenSSL could not add certificate extensions"_s};
    if (X509_sign(cert.get(), pkey.get(), EVP_sha256()) <= 0)
        return Error{ErrorCode::InternalError, u"OpenSSL could not sign the certificate"_s};

    BioPtr certBio(BIO_new(BIO_s_mem()));
    BioPtr keyBio(BIO_new(BIO_s_mem()));
    if (!certBio || !keyBio || PEM_write_bio_X509(certBio.get(), cert.get()) != 1
        || PEM_write_bio_PrivateKey(keyBio.get(), pkey.get(), nullptr, nullptr, 0, nullptr, nullptr)
                != 1)
        return Error{ErrorCode::InternalError, u"OpenSSL could not write PEM"_s};
    if (Status s = writeFile(keyFile, bioBytes(keyBio.get()), QFile::ReadOwner | QFile::WriteOwner);
        !s)
        return s;
    return writeFile(certFile, bioBytes(certBio.get()),
                     QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther);
}

Result<TlsCredentials> TlsCredentials::load(const QString &certFile, const QString &keyFile,
                                            const QString &dataDir)
{
    QString cert = certFile;
    QString key = keyFile;
    if (cert.isEmpty()) {
        const QString dir = dataDir + u"/tls"_s;
        if (!QDir().mkpath(dir))
            return Error{ErrorCode::InternalError, u"cannot create %1"_s.arg(dir)};
        QFile::setPermissions(dir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        cert = dir + u"/cert.pem"_s;
        key = dir + u"/key.pem"_s;
        if (!QFile::exists(cert) || !QFile::exists(key)) {
            qCInfo(lcServerNet) << "generating a self-signed ECDSA P-256 certificate in" << dir;
            if (Status s = generateSelfSigned(cert, key); !s)
                return s.error();
        }
    }
    QFile certIn(cert);
    if (!certIn.open(QIODevice::ReadOnly))
        return Error{ErrorCode::InternalError,
                     u"cannot read %1: %2"_s.arg(cert, certIn.errorString())};
    QFile keyIn(key);
    if (!keyIn.open(QIODevice::ReadOnly))
        return Error{ErrorCode::InternalError,
                     u"cannot read %1: %2"_s.arg(key, keyIn.errorString())};
    TlsCredentials c;
    c.chain = QSslCertificate::fromData(certIn.readAll(), QSsl::Pem);
    if (c.chain.isEmpty())
        return Error{ErrorCode::InternalError, u"no certificate in %1"_s.arg(cert)};
    const QByteArray keyPem = keyIn.readAll();
    for (QSsl::KeyAlgorithm algorithm : {QSsl::Ec, QSsl::Rsa}) {
        c.key = QSslKey(keyPem, algorithm, QSsl::Pem);
        if (!c.key.isNull())
            break;
    }
    if (c.key.isNull())
        return Error{ErrorCode::InternalError, u"no EC or RSA private key in %1"_s.arg(key)};
    return c;
}

} // namespace Parley
