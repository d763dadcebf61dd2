#include "MessageRows.h"

#include "StoreSql_p.h"

#include <QtCore/QHash>
#include <QtSql/QSqlDatabase>

namespace Parley {

using namespace Qt::StringLiterals;
using StoreSql::exec;

// The quoted entry (r) of a reply comes with each row: its sender's name, whether it is
// readable, its shown text and whether it was deleted.
QString MessageRows::columns()
{
    return u"m.conv, m.seq, m.client_id, m.sender, m.sender_device, m.ts, m.kind, m.body, m.text,"
           " m.state, (SELECT username FROM members u WHERE u.conv = m.conv AND u.user_id = "
           "m.sender),"
           " m.reply_to, m.edited_seq, m.deleted, m.hidden,"
           " CASE WHEN r.seq IS NULL THEN NULL ELSE coalesce((SELECT username FROM members u"
           "   WHERE u.conv = r.conv AND u.user_id = r.sender), '') END,"
           " r.state, r.text, r.deleted, m.attachment_path, m.expires_at"_s;
}

QString MessageRows::tables()
{
    return u" FROM messages m LEFT JOIN messages r ON m.reply_to != 0"
           " AND r.conv = m.conv AND r.seq = m.reply_to"_s;
}

StoredMessage MessageRows::read(const QSqlQuery &q)
{
    // columns(), in order.
    StoredMessage m;
    m.conversationId = q.value(0).toLongLong();
    m.seq = q.value(1).toLongLong();
    m.clientId = q.value(2).toByteArray();
    m.senderId = q.value(3).toLongLong();
    m.senderDeviceId = q.value(4).toLongLong();
    m.timestamp = q.value(5).toLongLong();
    m.kind = MessageKind(q.value(6).toInt());
    m.body = q.value(7).toByteArray();
    m.text = q.value(8).toString();
    m.undecryptable = q.value(9).toInt() != 0;
    m.senderName = q.value(10).toString();
    m.replyTo = q.value(11).toLongLong();
    m.edited = q.value(12).toLongLong() != 0;
    m.deleted = q.value(13).toBool();
    m.hidden = q.value(14).toBool();
    m.replyKnown = m.replyTo != 0 && !q.value(15).isNull();
    if (m.replyKnown) {
        m.replySenderName = q.value(15).toString();
        m.replyText = q.value(16).toInt() == 0 ? q.value(17).toString() : QString();
        m.replyDeleted = q.value(18).toBool();
    }
    m.attachmentPath = q.value(19).toString();
    m.expiresAt = q.value(20).toLongLong();
    return m;
}

void MessageRows::attachReactions(QList<StoredMessage> &rows)
{
    if (rows.isEmpty())
        return;
    qint64 low = rows.first().seq, high = low;
    for (const StoredMessage &m : std::as_const(rows)) {
        low = std::min(low, m.seq);
        high = std::max(high, m.seq);
    }
    QSqlQuery q(m_db);
    q.prepare(u"SELECT target, user_id, emoji FROM reactions WHERE conv = ? AND target >= ?"
              " AND target <= ? AND removed = 0 ORDER BY seq"_s);
    q.addBindValue(rows.first().conversationId);
    q.addBindValue(low);
    q.addBindValue(high);
    if (!exec(q))
        return;
    QHash<qint64, qsizetype> index;
    for (qsizetype i = 0; i < rows.size(); ++i)
        index.insert(rows.at(i).seq, i);
    while (q.next()) {
        const auto it = index.constFind(q.value(0).toLongLong());
        if (it != index.cend())
            rows[*it].reactions.append(Reaction{q.value(2).toString(), q.value(1).toLongLong()});
    }
}

std::optional<StoredMessage> MessageRows::load(qint64 conversationId, qint64 seq)
{
    QSqlQuery q(m_db);
    q.prepare(u"SELECT "_s + columns() + tables() + u" WHERE m.conv = ? AND m.seq = ?"_s);
    q.addBindValue(conversationId);
    q.addBindValue(seq);
    if (!exec(q) || !q.next())
        return std::nullopt;
    QList<StoredMessage> one{read(q)};
    attachReactions(one);
    return one.first();
}

QList<StoredMessage> MessageRows::load(const QList<QPair<qint64, qint64>> &keys)
{
    QList<StoredMessage> rows;
    for (const auto &[conversationId, seq] : keys) {
        if (auto m = load(conversationId, seq))
            rows.append(std::move(*m));
    }
    return rows;
}

} // namespace Parley
