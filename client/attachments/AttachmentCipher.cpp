#include "AttachmentCipher.h"

#include <QtCore/QBuffer>
#include <QtCore/QFile>
#include <QtCore/QSaveFile>

#include <sodium.h>

namespace Parley {

using namespace Qt::StringLiterals;

namespace {

static_assert(AttachmentCipher::KeyBytes == crypto_secretstream_xchacha20poly1305_KEYBYTES);
static_assert(AttachmentCipher::HeaderBytes == crypto_secretstream_xchacha20poly1305_HEADERBYTES);
static_assert(AttachmentCipher::RecordOverhead == crypto_secretstream_xchacha20poly1305_ABYTES);

Error fileError(const QIODevice &device)
{
    return Error{ErrorCode::InternalError, u"attachment file: %1"_s.arg(device.errorString())};
}

Error undecryptable()
{
    return Error{ErrorCode::InvalidArgument, u"the attachment is damaged or the key is wrong"_s};
}

bool initSodium()
{
    static const bool ok = sodium_init() >= 0;
    return ok;
}

/// Reads up to `n` bytes, looping over short reads; false on an error.
bool readFully(QIODevice &in, qsizetype n, QByteArray &out)
{
    out.resize(n);
    qsizetype got = 0;
    while (got < n) {
        const qint64 r = in.read(out.data() + got, n - got);
        if (r < 0)
            return false;
        if (r == 0)
            break;
        got += r;
    }
    out.resize(got);
    return true;
}

Result<AttachmentCipher::Encrypted> encryptStream(QIODevice &in, QIODevice &out, qint64 size)
{
    if (!initSodium())
        return Error{ErrorCode::InternalError, u"libsodium did not start"_s};
    AttachmentCipher::Encrypted result;
    result.key.resize(AttachmentCipher::KeyBytes);
    crypto_secretstream_xchacha20poly1305_keygen(
            reinterpret_cast<unsigned char *>(result.key.data()));
    crypto_secretstream_xchacha20poly1305_state state;
    QByteArray header(AttachmentCipher::HeaderBytes, Qt::Uninitialized);
    crypto_secretstream_xchacha20poly1305_init_push(
            &state, reinterpret_cast<unsigned char *>(header.data()),
            reinterpret_cast<const unsigned char *>(result.key.constData()));
    if (out.write(header) != header.size())
        return fileError(out);
    QByteArray plain;
    QByteArray sealed(AttachmentCipher::RecordBytes + AttachmentCipher::RecordOverhead,
                      Qt::Uninitialized);
    qint64 done = 0;
    // Always at least one record, the final one, so that an empty file is authenticated too.
    do {
        const qsizetype n = qsizetype(std::min<qint64>(AttachmentCipher::RecordBytes, size - done));
        if (!readFully(in, n, plain) || plain.size() != n)
            return fileError(in);
        done += n;
        const unsigned char tag = done == size ? crypto_secretstream_xchacha20poly1305_TAG_FINAL
                                               : crypto_secretstream_xchacha20poly1305_TAG_MESSAGE;
        unsigned long long sealedLength = 0;
        crypto_secretstream_xchacha20poly1305_push(
                &state, reinterpret_cast<unsigned char *>(sealed.data()), &sealedLength,
                reinterpret_cast<const unsigned char *>(plain.constData()), plain.size(), nullptr,
                0, tag);
        if (out.write(sealed.constData(), qint64(sealedLength)) != qint64(sealedLength))
            return fileError(out);
    } while (done < size);
    sodium_memzero(&state, sizeof state);
    result.size = size;
    result.encryptedSize = AttachmentCipher::encryptedSize(size);
    return result;
}

Status decryptStream(QIODevice &in, QIODevice &out, const QByteArray &key)
{
    if (!initSodium())
        return Error{ErrorCode::InternalError, u"libsodium did not start"_s};
    if (key.size() != AttachmentCipher::KeyBytes)
        return undecryptable();
    QByteArray header;
    if (!readFully(in, AttachmentCipher::HeaderBytes, header))
        return fileError(in);
    if (header.size() != AttachmentCipher::HeaderBytes)
        return undecryptable();
    crypto_secretstream_xchacha20poly1305_state state;
    if (crypto_secretstream_xchacha20poly1305_init_pull(
                &state, reinterpret_cast<const unsigned char *>(header.constData()),
                reinterpret_cast<const unsigned char *>(key.constData()))
        != 0)
        return undecryptable();
    QByteArray sealed;
    QByteArray plain(AttachmentCipher::RecordBytes, Qt::Uninitialized);
    bool final = false;
    while (!final) {
        if (!readFully(in, AttachmentCipher::RecordBytes + AttachmentCipher::RecordOverhead,
                       sealed))
            return fileError(in);
        if (sealed.size() < AttachmentCipher::RecordOverhead)
            return undecryptable(); // cut off before the final record
        unsigned long long plainLength = 0;
        unsigned char tag = 0;
        if (crypto_secretstream_xchacha20poly1305_pull(
                    &state, reinterpret_cast<unsigned char *>(plain.data()), &plainLength, &tag,
                    reinterpret_cast<const unsigned char *>(sealed.constData()), sealed.size(),
                    nullptr, 0)
            != 0)
            return undecryptable();
        final = tag == crypto_secretstream_xchacha20poly1305_TAG_FINAL;
        // Only the last record may be short: a short one that is not final was cut.
        if (!final
            && sealed.size() != AttachmentCipher::RecordBytes + AttachmentCipher::RecordOverhead)
            return undecryptable();
        if (out.write(plain.constData(), qint64(plainLength)) != qint64(plainLength))
            return fileError(out);
    }
    sodium_memzero(&state, sizeof state);
    QByteArray trailing;
    if (!readFully(in, 1, trailing) || !trailing.isEmpty())
        return undecryptable(); // data after the final record
    return {};
}

} // namespace

Result<AttachmentCipher::Encrypted> AttachmentCipher::encrypt(QIODevice &in, QIODevice &out,
                                                              qint64 size)
{
    return encryptStream(in, out, size);
}

Status AttachmentCipher::decrypt(QIODevice &in, QIODevice &out, const QByteArray &key)
{
    return decryptStream(in, out, key);
}

qint64 AttachmentCipher::encryptedSize(qint64 size)
{
    const qint64 records = size == 0 ? 1 : (size + RecordBytes - 1) / RecordBytes;
    return HeaderBytes + size + records * RecordOverhead;
}

Result<AttachmentCipher::Encrypted> AttachmentCipher::encryptFile(const QString &source,
                                                                  const QString &target)
{
    QFile in(source);
    if (!in.open(QIODevice::ReadOnly))
        return fileError(in);
    QSaveFile out(target);
    if (!out.open(QIODevice::WriteOnly))
        return fileError(out);
    auto result = encryptStream(in, out, in.size());
    if (!result) {
        out.cancelWriting();
        return result;
    }
    if (!out.commit())
        return fileError(out);
    return result;
}

Status AttachmentCipher::decryptFile(const QString &source, const QString &target,
                                     const QByteArray &key)
{
    QFile in(source);
    if (!in.open(QIODevice::ReadOnly))
        return fileError(in);
    QSaveFile out(target);
    if (!out.open(QIODevice::WriteOnly))
        return fileError(out);
    if (Status s = decryptStream(in, out, key); !s) {
        out.cancelWriting();
        return s;
    }
    if (!out.commit())
        return fileError(out);
    return {};
}

Result<AttachmentCipher::Encrypted> AttachmentCipher::encrypt(const QByteArray &plaintext,
                                                              QByteArray *ciphertext)
{
    QByteArray copy = plaintext;
    QBuffer in(&copy);
    in.open(QIODevice::ReadOnly);
    ciphertext->clear();
    QBuffer out(ciphertext);
    out.open(QIODevice::WriteOnly);
    return encryptStream(in, out, plaintext.size());
}

Result<QByteArray> AttachmentCipher::decrypt(const QByteArray &ciphertext, const QByteArray &key)
{
    QByteArray copy = ciphertext;
    QBuffer in(&copy);
    in.open(QIODevice::ReadOnly);
    QByteArray plaintext;
    QBuffer out(&plaintext);
    out.open(QIODevice::WriteOnly);
    if (Status s = decryptStream(in, out, key); !s)
        return s.error();
    out.close();
    return plaintext;
}

} // namespace Parley
