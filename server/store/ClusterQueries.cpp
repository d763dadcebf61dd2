// Database: what the nodes of a cluster read when what Redis told them may be incomplete.
#include "Database.h"

#include <QtSql/QSqlQuery>

namespace Parley {

Result<QHash<qint64, qint64>> Database::lastSeqsOf(qint64 userId)
{
    QSqlQuery &q = prepared("SELECT c.id, c.last_seq FROM conversations c "
                            "JOIN members m ON m.conversation_id = c.id WHERE m.user_id = ?");
    q.bindValue(0, userId);
    if (!exec(q, "last seqs"))
        return storageError("read the conversations' last entries");
    QHash<qint64, qint64> seqs;
    while (q.next())
        seqs.insert(q.value(0).toLongLong(), q.value(1).toLongLong());
    q.finish();
    return seqs;
}

Result<qint64> Database::lastSeqOf(qint64 conversationId)
{
    QSqlQuery &q = prepared("SELECT last_seq FROM conversations WHERE id = ?");
    q.bindValue(0, conversationId);
    if (!exec(q, "last seq"))
        return storageError("read the conversation's last entry");
    const qint64 seq = q.next() ? q.value(0).toLongLong() : 0;
    q.finish();
    return seq;
}

} // namespace Parley
