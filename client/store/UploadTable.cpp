#include "UploadTable.h"

#include "StoreSql_p.h"

#include <QtSql/QSqlDatabase>

namespace Parley {

using namespace Qt::StringLiterals;
using StoreSql::exec;
using StoreSql::notNull;

void UploadTable::save(const PendingUpload &upload)
{
    QSqlQuery q(m_db);
    q.prepare(u"INSERT OR REPLACE INTO uploads (client_id, conv, sender, created_at, file_path,"
              " name, mime, caption, size, key, enc_size, cipher_path, server_upload_id, failed,"
              " failure) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
    q.addBindValue(upload.clientId);
    q.addBindValue(upload.conversationId);
    q.addBindValue(upload.senderId);
    q.addBindValue(upload.createdAt);
    q.addBindValue(notNull(upload.filePath));
    q.addBindValue(notNull(upload.name));
    q.addBindValue(notNull(upload.mime));
    q.addBindValue(notNull(upload.caption));
    q.addBindValue(upload.size);
    q.addBindValue(upload.key.isEmpty() ? QVariant() : QVariant(upload.key));
    q.addBindValue(upload.encryptedSize);
    q.addBindValue(notNull(upload.cipherPath));
    q.addBindValue(upload.serverUploadId.isEmpty() ? QVariant() : QVariant(upload.serverUploadId));
    q.addBindValue(int(upload.failed));
    q.addBindValue(notNull(upload.failureReason));
    exec(q);
}

QList<PendingUpload> UploadTable::entries()
{
    QList<PendingUpload> list;
    QSqlQuery q(m_db);
    if (!q.exec(u"DELETE FROM uploads WHERE client_id IN (SELECT client_id FROM outbox)"
                " OR client_id IN (SELECT client_id FROM messages WHERE client_id IS NOT NULL)"_s)
        || !q.exec(u"SELECT client_id, conv, sender, created_at, file_path, name, mime, caption,"
                   " size, key, enc_size, cipher_path, server_upload_id, failed, failure"
                   " FROM uploads ORDER BY created_at, rowid"_s)) {
        StoreSql::logFailure(q);
        return list;
    }
    while (q.next()) {
        PendingUpload u;
        u.clientId = q.value(0).toByteArray();
        u.conversationId = q.value(1).toLongLong();
        u.senderId = q.value(2).toLongLong();
        u.createdAt = q.value(3).toLongLong();
        u.filePath = q.value(4).toString();
        u.name = q.value(5).toString();
        u.mime = q.value(6).toString();
        u.caption = q.value(7).toString();
        u.size = q.value(8).toLongLong();
        u.key = q.value(9).toByteArray();
        u.encryptedSize = q.value(10).toLongLong();
        u.cipherPath = q.value(11).toString();
        u.serverUploadId = q.value(12).toByteArray();
        u.failed = q.value(13).toBool();
        u.failureReason = q.value(14).toString();
        list.append(u);
    }
    return list;
}

void UploadTable::remove(const QByteArray &clientId)
{
    QSqlQuery q(m_db);
    q.prepare(u"DELETE FROM uploads WHERE client_id = ?"_s);
    q.addBindValue(clientId);
    exec(q);
}

} // namespace Parley
