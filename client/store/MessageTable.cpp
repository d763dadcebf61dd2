#include "MessageTable.h"

#include "Annotations.h"
#include "MessageRows.h"
#include "StoreSql_p.h"
#include "content/MessageContent.h"

#include <QtCore/QDateTime>
#include <QtCore/QHash>
#include <QtSql/QSqlDatabase>

namespace Parley {

using namespace Qt::StringLiterals;
using StoreSql::exec;
using StoreSql::notNull;

namespace {

/// `keys` without those in `exclude`, in order.
QList<QPair<qint64, qint64>> without(const QList<QPair<qint64, qint64>> &keys,
                                     const QList<QPair<qint64, qint64>> &exclude)
{
    QList<QPair<qint64, qint64>> rest;
    for (const auto &key : keys) {
        if (!exclude.contains(key))
            rest.append(key);
    }
    return rest;
}

} // namespace

QList<LogCursor> MessageTable::cursors()
{
    QList<LogCursor> list;
    QSqlQuery q(m_db);
    if (q.exec(u"SELECT conv, top, bottom FROM cursors"_s)) {
        while (q.next())
            list.append(
                    {q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toLongLong()});
    }
    return list;
}

void MessageTable::setCursor(const LogCursor &cursor)
{
    QSqlQuery q(m_db);
    q.prepare(u"INSERT OR REPLACE INTO cursors (conv, top, bottom) VALUES (?, ?, ?)"_s);
    q.addBindValue(cursor.conversationId);
    q.addBindValue(cursor.top);
    q.addBindValue(cursor.bottom);
    exec(q);
}

bool MessageTable::acknowledgeOwn(StoredMessage &m)
{
    QSqlQuery outbox(m_db);
    outbox.prepare(u"SELECT content FROM outbox WHERE client_id = ?"_s);
    outbox.addBindValue(m.clientId);
    if (!exec(outbox) || !outbox.next())
        return false;
    // The cipher may not be able to decrypt what this device sent: the outbox holds it.
    if (m.body.isEmpty() || m.undecryptable) {
        m.body = outbox.value(0).toByteArray();
        m.undecryptable = false;
        if (auto content = MessageContent::fromBytes(m.body))
            m.text = content->previewText();
    }
    outbox.prepare(u"DELETE FROM outbox WHERE client_id = ?"_s);
    outbox.addBindValue(m.clientId);
    exec(outbox);
    return true;
}

StoredBatch MessageTable::store(const QList<StoredMessage> &messages, qint64 ownDeviceId)
{
    StoredBatch batch;
    m_db.transaction();
    Annotations annotations(m_db);
    QList<QPair<qint64, qint64>> inserted;
    QSqlQuery insert(m_db);
    insert.prepare(u"INSERT OR IGNORE INTO messages (conv, seq, client_id, sender, sender_device,"
                   " ts, kind, body, text, state, expires_at)"
                   " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (StoredMessage m : messages) {
        const bool own =
                ownDeviceId != 0 && m.senderDeviceId == ownDeviceId && !m.clientId.isEmpty();
        if (own && acknowledgeOwn(m))
            batch.ownAcknowledged.append(m.clientId);
        // A disappearing message that arrives after its expiry (a device offline past it) is
        // never stored, so never shown.
        if (m.expiresAt > 0 && m.expiresAt <= now)
            continue;
        insert.addBindValue(m.conversationId);
        insert.addBindValue(m.seq);
        insert.addBindValue(m.clientId.isEmpty() ? QVariant() : QVariant(m.clientId));
        insert.addBindValue(m.senderId);
        insert.addBindValue(m.senderDeviceId);
        insert.addBindValue(m.timestamp);
        insert.addBindValue(int(m.kind));
        insert.addBindValue(m.body);
        insert.addBindValue(m.text);
        insert.addBindValue(m.undecryptable ? 1 : 0);
        insert.addBindValue(m.expiresAt);
        if (!exec(insert) || insert.numRowsAffected() == 0)
            continue;
        annotations.entryStored(m.conversationId, m.seq);
        inserted.append({m.conversationId, m.seq});
    }
    // Read back: replies, waiting edits and reactions are applied to the new rows too.
    MessageRows rows(m_db);
    batch.inserted = rows.load(inserted);
    batch.changed = rows.load(without(annotations.changed(), inserted));
    batch.profiles = annotations.profiles();
    m_db.commit();
    return batch;
}

QList<StoredMessage> MessageTable::reconcile(qint64 conversationId, const QList<qint64> &seqs,
                                             QList<StoredMessage> &changed, QList<qint64> &profiles)
{
    m_db.transaction();
    Annotations annotations(m_db);
    QList<QPair<qint64, qint64>> keys;
    for (qint64 seq : seqs) {
        annotations.entryStored(conversationId, seq);
        keys.append({conversationId, seq});
    }
    MessageRows rows(m_db);
    QList<StoredMessage> reconciled = rows.load(keys);
    changed = rows.load(without(annotations.changed(), keys));
    profiles = annotations.profiles();
    m_db.commit();
    return reconciled;
}

std::optional<StoredMessage> MessageTable::setAttachmentPath(qint64 conversationId, qint64 seq,
                                                             const QString &path)
{
    QSqlQuery q(m_db);
    q.prepare(u"UPDATE messages SET attachment_path = ? WHERE conv = ? AND seq = ?"_s);
    q.addBindValue(notNull(path));
    q.addBindValue(conversationId);
    q.addBindValue(seq);
    if (!exec(q) || q.numRowsAffected() == 0)
        return std::nullopt;
    return MessageRows(m_db).load(conversationId, seq);
}

std::optional<StoredMessage> MessageTable::message(qint64 conversationId, qint64 seq)
{
    return MessageRows(m_db).load(conversationId, seq);
}

QList<LogEntry> MessageTable::entriesAfter(qint64 conversationId, qint64 afterSeq, int limit)
{
    QList<LogEntry> list;
    QSqlQuery q(m_db);
    q.prepare(u"SELECT "_s + MessageRows::columns() + u", m.annotates"_s + MessageRows::tables()
              + u" WHERE m.conv = ? AND m.seq > ? ORDER BY m.seq LIMIT ?"_s);
    q.addBindValue(conversationId);
    q.addBindValue(afterSeq);
    q.addBindValue(limit);
    if (!exec(q))
        return list;
    QList<StoredMessage> rows;
    QList<qint64> annotates;
    while (q.next()) {
        rows.append(MessageRows::read(q));
        annotates.append(q.value(21).toLongLong());
    }
    MessageRows(m_db).attachReactions(rows);
    for (qsizetype i = 0; i < rows.size(); ++i)
        list.append({rows.at(i), annotates.at(i)});
    return list;
}

StoredBatch MessageTable::import(const QList<StoredMessage> &entries)
{
    // First the rows held without their content (a new device's history from the server):
    // they take the imported content, as if it had been decrypted late.
    QHash<qint64, QList<qint64>> filled;
    m_db.transaction();
    QSqlQuery q(m_db);
    q.prepare(u"UPDATE messages SET body = ?, text = ?, state = 0 WHERE conv = ? AND seq = ?"
              " AND state != 0 AND kind = ?"_s);
    for (const StoredMessage &m : entries) {
        if (m.kind != MessageKind::Content || m.undecryptable || m.body.isEmpty())
            continue;
        q.addBindValue(m.body);
        q.addBindValue(m.text);
        q.addBindValue(m.conversationId);
        q.addBindValue(m.seq);
        q.addBindValue(int(MessageKind::Content));
        if (exec(q) && q.numRowsAffected() > 0)
            filled[m.conversationId].append(m.seq);
    }
    m_db.commit();
    StoredBatch batch = store(entries, 0);
    for (auto it = filled.cbegin(); it != filled.cend(); ++it) {
        QList<StoredMessage> changed;
        QList<qint64> profiles;
        batch.changed += reconcile(it.key(), it.value(), changed, profiles);
        batch.changed += changed;
        batch.profiles += profiles;
    }
    return batch;
}

ExpiredMessages MessageTable::deleteExpired(qint64 now)
{
    ExpiredMessages expired;
    m_db.transaction();
    QSqlQuery q(m_db);
    q.prepare(u"SELECT "_s + MessageRows::columns() + MessageRows::tables()
              + u" WHERE m.expires_at != 0 AND m.expires_at <= ?"_s);
    q.addBindValue(now);
    if (exec(q)) {
        while (q.next())
            expired.deleted.append(MessageRows::read(q));
    }
    q.prepare(u"DELETE FROM reactions WHERE (conv, target) IN"
              " (SELECT conv, seq FROM messages WHERE expires_at != 0 AND expires_at <= ?)"_s);
    q.addBindValue(now);
    exec(q);
    q.prepare(u"DELETE FROM messages WHERE expires_at != 0 AND expires_at <= ?"_s);
    q.addBindValue(now);
    exec(q);
    q.prepare(u"SELECT min(expires_at) FROM messages WHERE expires_at != 0"_s);
    if (exec(q) && q.next())
        expired.nextExpiry = q.value(0).toLongLong();
    m_db.commit();
    return expired;
}

QList<StoredMessage> MessageTable::before(qint64 conversationId, qint64 beforeSeq, int limit)
{
    QList<StoredMessage> list;
    QSqlQuery q(m_db);
    q.prepare(u"SELECT "_s + MessageRows::columns() + MessageRows::tables()
              + u" WHERE m.conv = ? AND m.seq < ? AND m.hidden = 0"
                " AND (m.expires_at = 0 OR m.expires_at > ?) ORDER BY m.seq DESC LIMIT ?"_s);
    q.addBindValue(conversationId);
    q.addBindValue(beforeSeq);
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    q.addBindValue(limit);
    if (!exec(q))
        return list;
    while (q.next())
        list.prepend(MessageRows::read(q));
    MessageRows(m_db).attachReactions(list);
    return list;
}

} // namespace Parley
