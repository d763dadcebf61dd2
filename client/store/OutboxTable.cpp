#include "OutboxTable.h"

#include "StoreSql_p.h"

#include <QtSql/QSqlDatabase>

namespace Parley {

using namespace Qt::StringLiterals;
using StoreSql::exec;
using StoreSql::notNull;

void OutboxTable::add(const OutboxEntry &entry)
{
    QSqlQuery q(m_db);
    q.prepare(u"INSERT OR IGNORE INTO outbox (client_id, conv, content, body, created_at, state,"
              " failure) VALUES (?, ?, ?, ?, ?, ?, ?)"_s);
    q.addBindValue(entry.clientId);
    q.addBindValue(entry.conversationId);
    q.addBindValue(entry.content);
    q.addBindValue(entry.body.isEmpty() ? QVariant() : QVariant(entry.body));
    q.addBindValue(entry.createdAt);
    q.addBindValue(int(entry.state));
    q.addBindValue(notNull(entry.failureReason));
    exec(q);
}

QList<OutboxEntry> OutboxTable::entries()
{
    QList<OutboxEntry> list;
    QSqlQuery q(m_db);
    if (!q.exec(u"SELECT client_id, conv, content, body, created_at, state, failure FROM outbox"
                " ORDER BY created_at, rowid"_s)) {
        StoreSql::logFailure(q);
        return list;
    }
    while (q.next()) {
        OutboxEntry e;
        e.clientId = q.value(0).toByteArray();
        e.conversationId = q.value(1).toLongLong();
        e.content = q.value(2).toByteArray();
        e.body = q.value(3).toByteArray();
        e.createdAt = q.value(4).toLongLong();
        e.state = OutboxState(q.value(5).toInt());
        e.failureReason = q.value(6).toString();
        list.append(e);
    }
    return list;
}

void OutboxTable::setBody(const QByteArray &clientId, const QByteArray &body)
{
    QSqlQuery q(m_db);
    q.prepare(u"UPDATE outbox SET body = ? WHERE client_id = ?"_s);
    q.addBindValue(body);
    q.addBindValue(clientId);
    exec(q);
}

void OutboxTable::setState(const QByteArray &clientId, OutboxState state,
                           const QString &failureReason)
{
    QSqlQuery q(m_db);
    q.prepare(u"UPDATE outbox SET state = ?, failure = ? WHERE client_id = ?"_s);
    q.addBindValue(int(state));
    q.addBindValue(notNull(failureReason));
    q.addBindValue(clientId);
    exec(q);
}

void OutboxTable::remove(const QByteArray &clientId)
{
    QSqlQuery q(m_db);
    q.prepare(u"DELETE FROM outbox WHERE client_id = ?"_s);
    q.addBindValue(clientId);
    exec(q);
}

} // namespace Parley
