#pragma once

/// The queries of attachment metadata (table `attachments`; the blobs are files, see
/// BlobStore). Runs on the thread of the Database it belongs to.

#include "protocol/Result.h"

#include <QtCore/QByteArray>
#include <QtCore/QList>

namespace Parley {

class Database;

/// An upload that is not finished yet (its bytes are in a partial file).
struct PendingUpload
{
    QByteArray uploadId;
    qint64 userId = 0;
    qint64 conversationId = 0;
    qint64 size = 0;
    qint64 createdAt = 0; ///< ms since the epoch
};

/// A finished attachment: who may read it is decided by its conversation.
struct AttachmentRecord
{
    QByteArray attachmentId;
    qint64 conversationId = 0;
    qint64 size = 0;
    qint64 expiresAt = 0; ///< ms since the epoch; 0: kept for the retention only
};

class AttachmentQueries
{
public:
    explicit AttachmentQueries(Database &db) : m_db(db) { }

    Status insertUpload(const PendingUpload &upload);
    Result<QList<PendingUpload>> pendingUploads();
    /// Marks an unfinished upload finished under `attachmentId` (NoSuchAttachment if it is not
    /// an unfinished upload any more). In a conversation with disappearing messages it expires
    /// as a message sent now would; returns when (0: it does not).
    Result<qint64> finishUpload(const QByteArray &uploadId, const QByteArray &attachmentId,
                                qint64 now);
    /// The attachment an upload of this user became, for a repeated uploadFinish.
    Result<AttachmentRecord> finishedUpload(const QByteArray &uploadId, qint64 userId);
    /// A finished attachment that has not expired at `now`.
    Result<AttachmentRecord> attachment(const QByteArray &attachmentId, qint64 now);
    /// Forgets unfinished uploads (expired); finished ones are never deleted here.
    Status deleteUploads(const QList<QByteArray> &uploadIds);
    /// Bytes of the attachments a user has stored or is uploading (declared sizes).
    Result<qint64> storedAttachmentBytes(qint64 userId);
    /// Deletes up to `limit` finished attachments finished before `before`; their ids.
    Result<QList<QByteArray>> deleteAttachmentsFinishedBefore(qint64 before, int limit);
    /// Deletes up to `limit` attachments that expired at or before `now`; their ids.
    Result<QList<QByteArray>> deleteExpiredAttachments(qint64 now, int limit);

private:
    Database &m_db;
};

} // namespace Parley
