#pragma once

/// Encrypts a file for upload with a fresh random key, and decrypts a downloaded one.
///
/// libsodium's crypto_secretstream_xchacha20poly1305: a 24-byte header, then the plaintext in
/// records of 64 KiB, each sealed with 17 bytes of tag, the last one marked final. Every record
/// is authenticated and bound to its place, so a changed, reordered, cut or extended file fails
/// to decrypt instead of giving wrong bytes. The key never leaves the end-to-end encrypted
/// message (AttachmentRef). Synchronous and thread-safe: run it off the GUI thread for big files
/// (AttachmentTransfer does).

#include "protocol/Result.h"

#include <QtCore/QByteArray>
#include <QtCore/QString>

class QIODevice;

namespace Parley {

class AttachmentCipher
{
public:
    static constexpr qsizetype KeyBytes = 32;
    static constexpr qsizetype HeaderBytes = 24;
    static constexpr qsizetype RecordBytes = 64 * 1024; ///< plaintext per record
    static constexpr qsizetype RecordOverhead = 17;

    struct Encrypted
    {
        QByteArray key; ///< fresh, KeyBytes
        qint64 size = 0; ///< plaintext bytes
        qint64 encryptedSize = 0;
    };

    /// Encrypts the file at `source` into `target` (written whole or not at all) with a new key.
    static Result<Encrypted> encryptFile(const QString &source, const QString &target);
    /// Decrypts `source` into `target` (written only if every record authenticates).
    static Status decryptFile(const QString &source, const QString &target, const QByteArray &key);

    /// Encrypts `size` bytes read from `in`, writing to `out` (both open).
    static Result<Encrypted> encrypt(QIODevice &in, QIODevice &out, qint64 size);
    /// Decrypts all of `in` into `out`; on failure `out` holds a prefix: discard it.
    static Status decrypt(QIODevice &in, QIODevice &out, const QByteArray &key);

    /// The same for data in memory (small attachments, tests).
    static Result<Encrypted> encrypt(const QByteArray &plaintext, QByteArray *ciphertext);
    static Result<QByteArray> decrypt(const QByteArray &ciphertext, const QByteArray &key);

    /// The encrypted size of `size` plaintext bytes.
    static qint64 encryptedSize(qint64 size);
};

} // namespace Parley
