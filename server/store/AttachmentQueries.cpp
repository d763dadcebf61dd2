// Database: the attachment metadata rows (the blobs are files, see BlobStore).
#include "Database.h"

#include <QtSql/QSqlQuery>

namespace Parley {

using namespace Qt::StringLiterals;

Status Database::insertUpload(const PendingUpload &upload)
{
    QSqlQuery &q = prepared("INSERT INTO attachments (upload_id, user_id, conversation_id, size, "
                            "created_at) VALUES (?, ?, ?, ?, ?)");
    q.bindValue(0, upload.uploadId);
    q.bindValue(1, upload.userId);
    q.bindValue(2, upload.conversationId);
    q.bindValue(3, upload.size);
    q.bindValue(4, upload.createdAt);
    if (!exec(q, "upload insert"))
        return storageError("start the upload");
    return {};
}

Result<QList<PendingUpload>> Database::pendingUploads()
{
    QSqlQuery &q = prepared("SELECT upload_id, user_id, conversation_id, size, created_at "
                            "FROM attachments WHERE finished_at IS NULL");
    if (!exec(q, "pending uploads"))
        return storageError("load the unfinished uploads");
    QList<PendingUpload> list;
    while (q.next()) {
        list.append(PendingUpload{q.value(0).toByteArray(), q.value(1).toLongLong(),
                                  q.value(2).toLongLong(), q.value(3).toLongLong(),
                                  q.value(4).toLongLong()});
    }
    q.finish();
    return list;
}

Status Database::finishUpload(const QByteArray &uploadId, const QByteArray &attachmentId,
                              qint64 now)
{
    QSqlQuery &q = prepared("UPDATE attachments SET attachment_id = ?, finished_at = ? "
                            "WHERE upload_id = ? AND finished_at IS NULL");
    q.bindValue(0, attachmentId);
    q.bindValue(1, now);
    q.bindValue(2, uploadId);
    if (!exec(q, "upload finish"))
        return storageError("finish the upload");
    if (q.numRowsAffected() != 1)
        return Error{ErrorCode::NoSuchAttachment, u"no such upload"_s};
    return {};
}

Result<AttachmentRecord> Database::finishedUpload(const QByteArray &uploadId, qint64 userId)
{
    QSqlQuery &q = prepared("SELECT attachment_id, conversation_id, size FROM attachments "
                            "WHERE upload_id = ? AND user_id = ? AND finished_at IS NOT NULL");
    q.bindValue(0, uploadId);
    q.bindValue(1, userId);
    if (!exec(q, "finished upload lookup"))
        return storageError("look up the upload");
    if (!q.next())
        return Error{ErrorCode::NoSuchAttachment, u"no such upload"_s};
    AttachmentRecord a{q.value(0).toByteArray(), q.value(1).toLongLong(), q.value(2).toLongLong()};
    q.finish();
    return a;
}

Result<AttachmentRecord> Database::attachment(const QByteArray &attachmentId)
{
    QSqlQuery &q = prepared("SELECT conversation_id, size FROM attachments "
                            "WHERE attachment_id = ? AND finished_at IS NOT NULL");
    q.bindValue(0, attachmentId);
    if (!exec(q, "attachment lookup"))
        return storageError("look up the attachment");
    if (!q.next())
        return Error{ErrorCode::NoSuchAttachment, u"no such attachment"_s};
    AttachmentRecord a{attachmentId, q.value(0).toLongLong(), q.value(1).toLongLong()};
    q.finish();
    return a;
}

Status Database::deleteUploads(const QList<QByteArray> &uploadIds)
{
    QSqlQuery &q = prepared("DELETE FROM attachments WHERE upload_id = ? AND finished_at IS NULL");
    for (const QByteArray &id : uploadIds) {
        q.bindValue(0, id);
        if (!exec(q, "upload delete"))
            return storageError("delete the expired uploads");
    }
    return {};
}

Result<qint64> Database::storedAttachmentBytes(qint64 userId)
{
    QSqlQuery &q = prepared("SELECT COALESCE(SUM(size), 0) FROM attachments WHERE user_id = ?");
    q.bindValue(0, userId);
    if (!exec(q, "attachment bytes") || !q.next())
        return storageError("count the stored attachments");
    const qint64 bytes = q.value(0).toLongLong();
    q.finish();
    return bytes;
}

Result<QList<QByteArray>> Database::deleteAttachmentsFinishedBefore(qint64 before, int limit)
{
    QSqlQuery &q = prepared("DELETE FROM attachments WHERE upload_id IN (SELECT upload_id FROM "
                            "attachments WHERE finished_at IS NOT NULL AND finished_at < ? "
                            "LIMIT ?) RETURNING attachment_id");
    q.bindValue(0, before);
    q.bindValue(1, limit);
    if (!exec(q, "attachment retention"))
        return storageError("delete the attachments past retention");
    QList<QByteArray> ids;
    while (q.next())
        ids.append(q.value(0).toByteArray());
    q.finish();
    return ids;
}

} // namespace Parley
