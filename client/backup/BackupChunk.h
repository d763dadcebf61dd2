#pragma once

/// What one sealed chunk of a backup holds: log entries as the cache keeps them, the
/// conversations they belong to, and how far the backup has come.

#include "store/StoreTypes.h"

#include <QtCore/QHash>

#include <optional>

namespace Parley {

struct BackupChunk
{
    /// Entries per chunk: a chunk stays far below BackupFile::MaxRecordBytes even when every
    /// body is as large as the protocol allows.
    static constexpr int MaxEntries = 500;

    qint64 ownerId = 0; ///< the user whose history it is
    QString ownerName;
    qint64 writtenAt = 0; ///< ms since the epoch
    /// The conversations as they were at the run that wrote the chunk (the first chunk of a run
    /// has them all, the others none).
    QList<Conversation> conversations;
    /// Log entries as the cache stores them (hidden ones too: reactions, edits, deletes),
    /// ascending seq per conversation.
    QList<StoredMessage> entries;
    /// Per conversation, the highest seq the backup holds with this chunk and every one before.
    QHash<qint64, qint64> lastSeqs;

    QByteArray toBytes() const;
    /// nullopt for anything that is not a chunk (a chunk opened, so it was written by this
    /// user's Parley; still read with the frame validator's limits).
    static std::optional<BackupChunk> fromBytes(const QByteArray &bytes);
};

} // namespace Parley
