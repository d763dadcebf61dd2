#pragma once

/// A backup file: a key slot header, then sealed chunks appended one per backup run.

#include "crypto/CryptoResult.h"
#include "crypto/PassphraseSlot.h"

#include <QtCore/QByteArray>
#include <QtCore/QList>
#include <QtCore/QString>

#include <optional>

namespace Parley {

//! \brief The encrypted file "Back up" writes and "Restore" reads (docs/backup.md).
//!
//! The file is a series of records, each a 4-byte big-endian length and its bytes:
//! - record 0, the header, in CBOR: {"v": 1, "id": 16 random bytes, "key": the file key sealed
//!   under the backup key, "passphrase": the file key in a PassphraseSlot}; one of "key" and
//!   "passphrase" at least;
//! - records 1…n, the chunks: each sealed with the 32-byte file key (RecordSealer), bound to the
//!   file's id and the record's number, so chunks cannot be swapped, reordered or moved into
//!   another backup.
//! A backup run appends one or more chunks; nothing before them is rewritten. A chunk cut short
//! by a crash is the last record, and the next append or read drops it. Everything here is
//! synchronous file work: callers run it on a worker thread.
class BackupFile
{
public:
    //! A new file's header for `fileKey` (32 random bytes that seal the chunks), opened by
    //! `backupKey` (32 bytes, shown to the user once) and/or `passphrase`.
    static CryptoResult<BackupFile>
    create(const QByteArray &fileKey, const QByteArray &backupKey, const QString &passphrase,
           PassphraseSlot::Cost cost = PassphraseSlot::Cost::interactive());
    //! Reads the header of the file at `path` (DatabaseError: cannot read it; CorruptRecord: not a
    //! backup; UnsupportedStoreVersion: from a newer Parley).
    static CryptoResult<BackupFile> readHeader(const QString &path);

    QByteArray id() const { return m_id; }
    bool hasPassphrase() const { return m_passphrase.has_value(); }
    bool hasBackupKey() const { return !m_sealedByKey.isEmpty(); }

    //! The file key from what the user typed: WrongPassphrase / WrongRecoveryKey.
    CryptoResult<QByteArray> fileKeyFromPassphrase(const QString &passphrase) const;
    CryptoResult<QByteArray> fileKeyFromBackupKey(const QByteArray &backupKey) const;

    //! Writes the header alone as a new file (replacing any file at `path`).
    CryptoStatus writeNew(const QString &path) const;
    //! Appends `chunks` (plaintext, sealed here) after the last whole chunk of the file at
    //! `path`, whose header must be this one, and makes them durable (fsync).
    CryptoStatus append(const QString &path, const QByteArray &fileKey,
                        const QList<QByteArray> &chunks) const;

    //! The chunks of the file at `path`, opened, in order; CorruptRecord when one that is
    //! not the last does not open (damaged, or from another file).
    static CryptoResult<QList<QByteArray>> readChunks(const QString &path, const QByteArray &id,
                                                      const QByteArray &fileKey);
    //! Only the last whole chunk (empty when there is none): what an incremental backup needs.
    static CryptoResult<QByteArray> readLastChunk(const QString &path, const QByteArray &id,
                                                  const QByteArray &fileKey);

    //! The largest record a reader accepts: a chunk holds a bounded number of entries.
    static constexpr qint64 MaxRecordBytes = 64 * 1024 * 1024;

private:
    BackupFile() = default;
    QByteArray headerBytes() const;

    QByteArray m_id;
    QByteArray m_sealedByKey; // the file key, sealed with the backup key; or empty
    std::optional<PassphraseSlot> m_passphrase;
};

} // namespace Parley
