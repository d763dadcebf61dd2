#include "BackupFile.h"

#include "crypto/RecordSealer.h"
#include "protocol/FrameValidator.h"

#include <QtCore/QCborMap>
#include <QtCore/QCborValue>
#include <QtCore/QFile>
#include <QtCore/QSaveFile>
#include <QtCore/QtEndian>

#include <unistd.h>

namespace Parley {

using namespace Qt::StringLiterals;

namespace {

constexpr int FileVersion = 1;
constexpr int IdBytes = 16;
constexpr qint64 MaxHeaderBytes = 64 * 1024;
const QByteArray KeyBinding = QByteArrayLiteral("parley-backup:key");
const QByteArray PassphraseBinding = QByteArrayLiteral("parley-backup:passphrase");

QByteArray chunkBinding(const QByteArray &id, qsizetype index)
{
    return "parley-backup:" + id.toHex() + ':' + QByteArray::number(index);
}

struct Record
{
    qint64 offset = 0; ///< of its bytes, after the length
    qint64 size = 0;
};

/// The whole records of the file, in order; a record cut short at the end is left out.
QList<Record> scan(QFile &file)
{
    QList<Record> records;
    const qint64 total = file.size();
    qint64 at = 0;
    while (at + 4 <= total) {
        file.seek(at);
        const QByteArray length = file.read(4);
        if (length.size() != 4)
            break;
        const qint64 size = qFromBigEndian<quint32>(length.constData());
        const qint64 limit = records.isEmpty() ? MaxHeaderBytes : BackupFile::MaxRecordBytes;
        if (size > limit || at + 4 + size > total)
            break;
        records.append({at + 4, size});
        at += 4 + size;
    }
    return records;
}

QByteArray readRecord(QFile &file, const Record &record)
{
    file.seek(record.offset);
    return file.read(record.size);
}

QByteArray framed(const QByteArray &bytes)
{
    QByteArray out(4, Qt::Uninitialized);
    qToBigEndian<quint32>(quint32(bytes.size()), out.data());
    return out + bytes;
}

CryptoResult<QByteArray> openChunk(const QByteArray &fileKey, const QByteArray &id, qsizetype index,
                                   const QByteArray &sealed)
{
    auto sealer = RecordSealer::create(fileKey);
    if (!sealer)
        return sealer.error();
    return sealer.value()->open(chunkBinding(id, index), sealed);
}

} // namespace

CryptoResult<BackupFile> BackupFile::create(const QByteArray &fileKey, const QByteArray &backupKey,
                                            const QString &passphrase, PassphraseSlot::Cost cost)
{
    if (fileKey.size() != StorageKeyBytes || (backupKey.isEmpty() && passphrase.isEmpty()))
        return CryptoError::InvalidArgument;
    BackupFile file;
    file.m_id = RecordSealer::generateStorageKey().left(IdBytes);
    if (!backupKey.isEmpty()) {
        auto sealer = RecordSealer::create(backupKey);
        if (!sealer)
            return sealer.error();
        file.m_sealedByKey = sealer.value()->seal(KeyBinding, fileKey);
    }
    if (!passphrase.isEmpty()) {
        auto slot = PassphraseSlot::seal(fileKey, passphrase, PassphraseBinding, cost);
        if (!slot)
            return slot.error();
        file.m_passphrase = std::move(slot.value());
    }
    return file;
}

CryptoResult<BackupFile> BackupFile::readHeader(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return CryptoError::DatabaseError;
    const QList<Record> records = scan(file);
    if (records.isEmpty())
        return CryptoError::CorruptRecord;
    // Anyone can hand the user a file: the header is read with limits before anything else.
    const FrameLimits limits{MaxHeaderBytes, 1024, 1024, 16, 16, 4};
    auto decoded = FrameValidator(limits).read(readRecord(file, records.first()));
    if (!decoded)
        return CryptoError::CorruptRecord;
    const QCborMap &map = decoded.value();
    const QCborValue version = map.value("v"_L1);
    if (!version.isInteger())
        return CryptoError::CorruptRecord;
    if (version.toInteger() != FileVersion)
        return CryptoError::UnsupportedStoreVersion;
    BackupFile backup;
    backup.m_id = map.value("id"_L1).toByteArray();
    backup.m_sealedByKey = map.value("key"_L1).toByteArray();
    const QCborValue passphrase = map.value("passphrase"_L1);
    if (passphrase.isMap()) {
        backup.m_passphrase = PassphraseSlot::fromCbor(passphrase.toMap());
        if (!backup.m_passphrase)
            return CryptoError::CorruptRecord;
    } else if (!passphrase.isUndefined()) {
        return CryptoError::CorruptRecord;
    }
    if (backup.m_id.size() != IdBytes || (!backup.hasBackupKey() && !backup.hasPassphrase()))
        return CryptoError::CorruptRecord;
    return backup;
}

QByteArray BackupFile::headerBytes() const
{
    QCborMap map;
    map.insert("v"_L1, FileVersion);
    map.insert("id"_L1, m_id);
    if (hasBackupKey())
        map.insert("key"_L1, m_sealedByKey);
    if (m_passphrase)
        map.insert("passphrase"_L1, m_passphrase->toCbor());
    return map.toCborValue().toCbor();
}

CryptoResult<QByteArray> BackupFile::fileKeyFromPassphrase(const QString &passphrase) const
{
    if (!m_passphrase)
        return CryptoError::WrongPassphrase;
    return m_passphrase->open(passphrase, PassphraseBinding);
}

CryptoResult<QByteArray> BackupFile::fileKeyFromBackupKey(const QByteArray &backupKey) const
{
    if (!hasBackupKey())
        return CryptoError::WrongRecoveryKey;
    auto sealer = RecordSealer::create(backupKey);
    if (!sealer)
        return CryptoError::WrongRecoveryKey;
    auto key = sealer.value()->open(KeyBinding, m_sealedByKey);
    if (!key)
        return CryptoError::WrongRecoveryKey;
    return key;
}

CryptoStatus BackupFile::writeNew(const QString &path) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return CryptoError::DatabaseError;
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    if (file.write(framed(headerBytes())) < 0 || !file.commit())
        return CryptoError::DatabaseError;
    return {};
}

CryptoStatus BackupFile::append(const QString &path, const QByteArray &fileKey,
                                const QList<QByteArray> &chunks) const
{
    QFile file(path);
    if (!file.open(QIODevice::ReadWrite))
        return CryptoError::DatabaseError;
    const QList<Record> records = scan(file);
    if (records.isEmpty())
        return CryptoError::CorruptRecord;
    if (readRecord(file, records.first()) != headerBytes())
        return CryptoError::CorruptRecord; // another backup took its place
    auto sealer = RecordSealer::create(fileKey);
    if (!sealer)
        return sealer.error();
    // A chunk a crash cut short goes; the new ones take its number.
    const qint64 end = records.last().offset + records.last().size;
    if (file.size() != end && !file.resize(end))
        return CryptoError::DatabaseError;
    if (!file.seek(end))
        return CryptoError::DatabaseError;
    qsizetype index = records.size();
    for (const QByteArray &chunk : chunks) {
        const QByteArray sealed = sealer.value()->seal(chunkBinding(m_id, index++), chunk);
        if (sealed.size() > MaxRecordBytes || file.write(framed(sealed)) < 0)
            return CryptoError::DatabaseError;
    }
    if (!file.flush() || ::fsync(file.handle()) != 0)
        return CryptoError::DatabaseError;
    return {};
}

CryptoResult<QList<QByteArray>> BackupFile::readChunks(const QString &path, const QByteArray &id,
                                                       const QByteArray &fileKey)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return CryptoError::DatabaseError;
    const QList<Record> records = scan(file);
    QList<QByteArray> chunks;
    for (qsizetype i = 1; i < records.size(); ++i) {
        auto chunk = openChunk(fileKey, id, i, readRecord(file, records.at(i)));
        if (!chunk)
            return CryptoError::CorruptRecord;
        chunks.append(chunk.value());
    }
    return chunks;
}

CryptoResult<QByteArray> BackupFile::readLastChunk(const QString &path, const QByteArray &id,
                                                   const QByteArray &fileKey)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return CryptoError::DatabaseError;
    const QList<Record> records = scan(file);
    if (records.size() < 2)
        return QByteArray();
    auto chunk = openChunk(fileKey, id, records.size() - 1, readRecord(file, records.last()));
    if (!chunk)
        return CryptoError::CorruptRecord;
    return chunk;
}

} // namespace Parley
