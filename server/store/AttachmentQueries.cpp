#include "AttachmentQueries.h"

#include "Database.h"

#include <QtSql/QSqlQuery>

namespace Parley {

using namespace Qt::StringLiterals;

Status AttachmentQueries::insertUpload(const PendingUpload &upload)
{
    QSqlQuery &q =
            m_db.prepared("INSERT INTO attachments (upload_id, user_id, conversation_id, size, "
                          "created_at) VALUES (?, ?, ?, ?, ?)");
    q.bindValue(0, upload.uploadId);
    q.bindValue(1, upload.userId);
    q.bindValue(2, upload.conversationId);
    q.bindValue(3, upload.size);
    q.bindValue(4, upload.createdAt);
    if (!m_db.exec(q, "upload insert"))
        return m_db.storageError("start the upload");
    return {};
}

Result<QList<PendingUpload>> AttachmentQueries::pendingUploads()
{
    QSqlQuery &q = m_db.prepared("SELECT upload_id, user_id, conversation_id, size, created_at "
                                 "FROM attachments WHERE finished_at IS NULL");
    if (!m_db.exec(q, "pending uploads"))
        return m_db.storageError("load the unfinished uploads");
    QList<PendingUpload> list;
    while (q.next()) {
        list.append(PendingUpload{q.value(0).toByteArray(), q.value(1).toLongLong(),
                                  q.value(2).toLongLong(), q.value(3).toLongLong(),
                                  q.value(4).toLongLong()});
    }
    q.finish();
    return list;
}

Result<qint64> AttachmentQueries::finishUpload(const QByteArray &uploadId,
                                               const QByteArray &attachmentId, qint64 now)
{
    // The timer is read in the same statement, as a message's expiry is when it is stored.
    QSqlQuery &q = m_db.prepared(
            "UPDATE attachments SET attachment_id = ?, finished_at = ?, expires_at = "
            "(SELECT CASE WHEN c.timer_seconds > 0 THEN ? + c.timer_seconds * 1000 END "
            "FROM conversations c WHERE c.id = attachments.conversation_id) "
            "WHERE upload_id = ? AND finished_at IS NULL RETURNING expires_at");
    q.bindValue(0, attachmentId);
    q.bindValue(1, now);
    q.bindValue(2, now);
    q.bindValue(3, uploadId);
    if (!m_db.exec(q, "upload finish"))
        return m_db.storageError("finish the upload");
    if (!q.next())
        return Error{ErrorCode::NoSuchAttachment, u"no such upload"_s};
    const qint64 expiresAt = q.value(0).isNull() ? 0 : q.value(0).toLongLong();
    q.finish();
    return expiresAt;
}

Result<AttachmentRecord> AttachmentQueries::finishedUpload(const QByteArray &uploadId,
                                                           qint64 userId)
{
    QSqlQuery &q = m_db.prepared("SELECT attachment_id, conversation_id, size FROM attachments "
                                 "WHERE upload_id = ? AND user_id = ? AND finished_at IS NOT NULL");
    q.bindValue(0, uploadId);
    q.bindValue(1, userId);
    if (!m_db.exec(q, "finished upload lookup"))
        return m_db.storageError("look up the upload");
    if (!q.next())
        return Error{ErrorCode::NoSuchAttachment, u"no such upload"_s};
    AttachmentRecord a{q.value(0).toByteArray(), q.value(1).toLongLong(), q.value(2).toLongLong()};
    q.finish();
    return a;
}

Result<AttachmentRecord> AttachmentQueries::attachment(const QByteArray &attachmentId, qint64 now)
{
    // An expired attachment is never served, even before the sweep deletes it.
    QSqlQuery &q = m_db.prepared("SELECT conversation_id, size, expires_at FROM attachments "
                                 "WHERE attachment_id = ? AND finished_at IS NOT NULL "
                                 "AND (expires_at IS NULL OR expires_at > ?)");
    q.bindValue(0, attachmentId);
    q.bindValue(1, now);
    if (!m_db.exec(q, "attachment lookup"))
        return m_db.storageError("look up the attachment");
    if (!q.next())
        return Error{ErrorCode::NoSuchAttachment, u"no such attachment"_s};
    AttachmentRecord a{attachmentId, q.value(0).toLongLong(), q.value(1).toLongLong(),
                       q.value(2).isNull() ? 0 : q.value(2).toLongLong()};
    q.finish();
    return a;
}

Status AttachmentQueries::deleteUploads(const QList<QByteArray> &uploadIds)
{
    QSqlQuery &q =
            m_db.prepared("DELETE FROM attachments WHERE upload_id = ? AND finished_at IS NULL");
    for (const QByteArray &id : uploadIds) {
        q.bindValue(0, id);
        if (!m_db.exec(q, "upload delete"))
            return m_db.storageError("delete the expired uploads");
    }
    return {};
}

Result<qint64> AttachmentQueries::storedAttachmentBytes(qint64 userId)
{
    QSqlQuery &q =
            m_db.prepared("SELECT COALESCE(SUM(size), 0) FROM attachments WHERE user_id = ?");
    q.bindValue(0, userId);
    if (!m_db.exec(q, "attachment bytes") || !q.next())
        return m_db.storageError("count the stored attachments");
    const qint64 bytes = q.value(0).toLongLong();
    q.finish();
    return bytes;
}

Result<QList<QByteArray>> AttachmentQueries::deleteAttachmentsFinishedBefore(qint64 before,
                                                                             int limit)
{
    QSqlQuery &q =
            m_db.prepared("DELETE FROM attachments WHERE upload_id IN (SELECT upload_id FROM "
                          "attachments WHERE finished_at IS NOT NULL AND finished_at < ? "
                          "LIMIT ?) RETURNING attachment_id");
    q.bindValue(0, before);
    q.bindValue(1, limit);
    if (!m_db.exec(q, "attachment retention"))
        return m_db.storageError("delete the attachments past retention");
    QList<QByteArray> ids;
    while (q.next())
        ids.append(q.value(0).toByteArray());
    q.finish();
    return ids;
}

Result<QList<QByteArray>> AttachmentQueries::deleteExpiredAttachments(qint64 now, int limit)
{
    QSqlQuery &q = m_db.prepared(
            "DELETE FROM attachments WHERE upload_id IN (SELECT upload_id FROM attachments "
            "WHERE expires_at IS NOT NULL AND expires_at <= ? LIMIT ?) RETURNING attachment_id");
    q.bindValue(0, now);
    q.bindValue(1, limit);
    if (!m_db.exec(q, "attachment expiry"))
        return m_db.storageError("delete the expired attachments");
    QList<QByteArray> ids;
    while (q.next())
        ids.append(q.value(0).toByteArray());
    q.finish();
    return ids;
}

} // namespace Parley
