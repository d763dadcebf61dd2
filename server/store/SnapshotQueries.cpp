#include "SnapshotQueries.h"

#include "Database.h"

#include <QtSql/QSqlQuery>

#include <algorithm>

namespace Parley {

using namespace Qt::StringLiterals;

Result<Snapshot> SnapshotQueries::load()
{
    Snapshot s;
    QHash<qint64, qsizetype> index;
    {
        QSqlQuery &q = m_db.prepared(
                "SELECT id, kind, title, created_at, last_seq, timer_seconds FROM conversations "
                "ORDER BY id");
        if (!m_db.exec(q, "snapshot"))
            return m_db.storageError("load conversations");
        while (q.next()) {
            Conversation c;
            c.id = q.value(0).toLongLong();
            c.kind = q.value(1).toInt() == 1 ? ConversationKind::Group : ConversationKind::Direct;
            c.title = q.value(2).toString();
            c.createdAt = q.value(3).toLongLong();
            c.lastSeq = q.value(4).toLongLong();
            c.timerSeconds = q.value(5).toLongLong();
            index.insert(c.id, s.conversations.size());
            s.conversations.append(c);
        }
        q.finish();
    }
    {
        QSqlQuery &q = m_db.prepared(
                "SELECT m.conversation_id, m.user_id, u.username, m.role, m.read_up_to, "
                "m.role_since FROM members m JOIN users u ON u.id = m.user_id "
                "ORDER BY m.conversation_id, m.joined_at, m.user_id");
        if (!m_db.exec(q, "snapshot"))
            return m_db.storageError("load members");
        while (q.next()) {
            auto it = index.find(q.value(0).toLongLong());
            if (it == index.end())
                continue;
            Member m;
            m.userId = q.value(1).toLongLong();
            m.username = q.value(2).toString();
            m.role = Role(std::clamp(q.value(3).toInt(), 0, 2));
            m.readUpTo = q.value(4).toLongLong();
            s.roleSince.insert({q.value(0).toLongLong(), m.userId}, q.value(5).toLongLong());
            s.conversations[*it].members.append(m);
        }
        q.finish();
    }
    {
        QSqlQuery &q = m_db.prepared("SELECT r.conversation_id, d.user_id, MAX(r.delivered_up_to) "
                                     "FROM device_receipts r JOIN devices d ON d.id = r.device_id "
                                     "GROUP BY r.conversation_id, d.user_id");
        if (!m_db.exec(q, "snapshot"))
            return m_db.storageError("load receipts");
        while (q.next()) {
            auto it = index.find(q.value(0).toLongLong());
            if (it == index.end())
                continue;
            Conversation &c = s.conversations[*it];
            const qint64 user = q.value(1).toLongLong();
            for (Member &m : c.members) {
                if (m.userId == user)
                    m.deliveredUpTo = q.value(2).toLongLong();
            }
        }
        q.finish();
    }
    {
        QSqlQuery &q = m_db.prepared("SELECT user_id, blocked_user_id FROM blocks");
        if (!m_db.exec(q, "snapshot"))
            return m_db.storageError("load blocks");
        while (q.next())
            s.blocks.append({q.value(0).toLongLong(), q.value(1).toLongLong()});
        q.finish();
    }
    {
        auto uploads = m_db.attachments().pendingUploads();
        if (!uploads)
            return uploads.error();
        s.uploads = std::move(uploads).value();
    }
    {
        QSqlQuery &q = m_db.prepared("SELECT id, last_seen_at FROM users "
                                     "WHERE id IN (SELECT user_id FROM members)");
        if (!m_db.exec(q, "snapshot"))
            return m_db.storageError("load presence");
        while (q.next())
            s.lastSeen.insert(q.value(0).toLongLong(), q.value(1).toLongLong());
        q.finish();
    }
    {
        QSqlQuery &q = m_db.prepared("SELECT id FROM users WHERE hide_last_seen <> 0");
        if (!m_db.exec(q, "snapshot"))
            return m_db.storageError("load privacy");
        while (q.next())
            s.lastSeenHidden.insert(q.value(0).toLongLong());
        q.finish();
    }
    return s;
}

} // namespace Parley
