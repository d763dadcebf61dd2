// libFuzzer entry point: any bytes as a backup file "Restore" is given (client/backup). The first
// byte picks what the rest is: 0, a whole file (the header with its key slots, the record
// framing, chunks sealed with the fixed FileKey); otherwise the CBOR of one opened chunk. Must
// never crash, hang or leak; an accepted chunk writes out and reads again the same.

#include "backup/BackupChunk.h"
#include "backup/BackupFile.h"

#include <QtCore/QFile>
#include <QtCore/QTemporaryDir>

#include <cstddef>
#include <cstdint>
#include <cstdlib>

using namespace Parley;

namespace {

/// The file key the seed files are sealed with (make_fuzz_seeds.cpp), so chunks open.
const QByteArray FileKey(32, '\x42');

void fuzzFile(const QByteArray &bytes)
{
    static QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("fuzz.parley-backup"));
    {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes) < 0)
            std::abort();
    }
    const auto header = BackupFile::readHeader(path);
    if (!header)
        return;
    // Argon2id is left out: costs up to libsodium's "sensitive" are allowed and take seconds.
    (void)header.value().fileKeyFromBackupKey(FileKey);
    const auto chunks = BackupFile::readChunks(path, header.value().id(), FileKey);
    if (!chunks)
        return;
    for (const QByteArray &chunk : chunks.value())
        (void)BackupChunk::fromBytes(chunk);
}

void fuzzChunk(const QByteArray &bytes)
{
    const auto chunk = BackupChunk::fromBytes(bytes);
    if (!chunk)
        return;
    const auto again = BackupChunk::fromBytes(chunk->toBytes());
    if (!again || again->entries != chunk->entries || again->lastSeqs != chunk->lastSeqs
        || again->conversations != chunk->conversations || again->ownerId != chunk->ownerId)
        std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const QByteArray rest(reinterpret_cast<const char *>(data) + 1, qsizetype(size - 1));
    if (data[0] == 0)
        fuzzFile(rest);
    else
        fuzzChunk(rest);
    return 0;
}
