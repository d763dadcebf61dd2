#include "SearchIndex.h"

#include "MessageRows.h"
#include "StoreSql_p.h"

#include <QtSql/QSqlDatabase>

namespace Parley {

using namespace Qt::StringLiterals;
using StoreSql::exec;

QList<StoredMessage> SearchIndex::containing(const QString &text, qint64 conversationId, int limit)
{
    QList<StoredMessage> list;
    QString pattern = text;
    pattern.replace(u'\\', u"\\\\"_s).replace(u'%', u"\\%"_s).replace(u'_', u"\\_"_s);
    QSqlQuery q(m_db);
    q.prepare(u"SELECT "_s + MessageRows::columns() + MessageRows::tables()
              + u" WHERE m.kind = 0 AND m.hidden = 0 AND m.deleted = 0 AND m.state = 0"
                " AND m.text LIKE ? ESCAPE '\\'"
                " AND (? = 0 OR m.conv = ?) ORDER BY m.ts DESC LIMIT ?"_s);
    q.addBindValue(QString(u'%' + pattern + u'%'));
    q.addBindValue(conversationId);
    q.addBindValue(conversationId);
    q.addBindValue(limit);
    if (!exec(q))
        return list;
    while (q.next())
        list.append(MessageRows::read(q));
    return list;
}

// "lun"* finds "lunch"; quoting keeps FTS5's operators (AND, NEAR, *, :) literal.
QString SearchIndex::ftsQuery(const QString &text)
{
    QStringList terms;
    for (QString word : text.split(u' ', Qt::SkipEmptyParts)) {
        word = word.trimmed();
        if (word.isEmpty())
            continue;
        word.replace(u'"', u"\"\""_s);
        terms.append(u'"' + word + u"\"*"_s);
    }
    return terms.join(u' ');
}

QList<SearchHit> SearchIndex::matching(const QString &query, qint64 conversationId,
                                       const SearchCursor &after, int limit)
{
    QList<SearchHit> hits;
    const QString match = ftsQuery(query.simplified());
    if (match.isEmpty())
        return hits;
    QSqlQuery q(m_db);
    q.prepare(u"SELECT "_s + MessageRows::columns()
              + u", snippet(message_search, 0, char(2), char(3), '…', 12)"
                " FROM message_search JOIN search_rows k ON k.id = message_search.rowid"
                " JOIN messages m ON m.conv = k.conv AND m.seq = k.seq"
                " LEFT JOIN messages r ON m.reply_to != 0 AND r.conv = m.conv"
                "  AND r.seq = m.reply_to"
                " WHERE message_search MATCH ? AND (? = 0 OR m.conv = ?)"
                " AND (m.ts, m.conv, m.seq) < (?, ?, ?)"
                " ORDER BY m.ts DESC, m.conv DESC, m.seq DESC LIMIT ?"_s);
    q.addBindValue(match);
    q.addBindValue(conversationId);
    q.addBindValue(conversationId);
    q.addBindValue(after.timestamp);
    q.addBindValue(after.conversationId);
    q.addBindValue(after.seq);
    q.addBindValue(limit);
    if (!exec(q))
        return hits;
    while (q.next())
        hits.append(SearchHit{MessageRows::read(q), q.value(21).toString()});
    return hits;
}

} // namespace Parley
