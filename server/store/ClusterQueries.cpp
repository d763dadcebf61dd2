#include "ClusterQueries.h"

#include "Database.h"

#include <QtSql/QSqlQuery>

namespace Parley {

Result<QHash<qint64, qint64>> ClusterQueries::lastSeqsOf(qint64 userId)
{
    QSqlQuery &q = m_db.prepared("SELECT c.id, c.last_seq FROM conversations c "
                                 "JOIN members m ON m.conversation_id = c.id WHERE m.user_id = ?");
    q.bindValue(0, userId);
    if (!m_db.exec(q, "last seqs"))
        return m_db.storageError("read the conversations' last entries");
    QHash<qint64, qint64> seqs;
    while (q.next())
        seqs.insert(q.value(0).toLongLong(), q.value(1).toLongLong());
    q.finish();
    return seqs;
}

Result<qint64> ClusterQueries::lastSeqOf(qint64 conversationId)
{
    QSqlQuery &q = m_db.prepared("SELECT last_seq FROM conversations WHERE id = ?");
    q.bindValue(0, conversationId);
    if (!m_db.exec(q, "last seq"))
        return m_db.storageError("read the conversation's last entry");
    const qint64 seq = q.next() ? q.value(0).toLongLong() : 0;
    q.finish();
    return seq;
}

Result<QHash<qint64, qint64>> ClusterQueries::contactsLastSeen(qint64 userId)
{
    QSqlQuery &q =
            m_db.prepared("SELECT DISTINCT u.id, u.last_seen_at FROM members mine "
                          "JOIN members theirs ON theirs.conversation_id = mine.conversation_id "
                          "JOIN users u ON u.id = theirs.user_id "
                          "WHERE mine.user_id = ? AND theirs.user_id <> mine.user_id");
    q.bindValue(0, userId);
    if (!m_db.exec(q, "contacts last seen"))
        return m_db.storageError("read when contacts were last seen");
    QHash<qint64, qint64> seen;
    while (q.next())
        seen.insert(q.value(0).toLongLong(), q.value(1).toLongLong());
    q.finish();
    return seen;
}

} // namespace Parley
