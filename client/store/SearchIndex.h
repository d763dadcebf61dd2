#pragma once

/// Finding messages in the cache: the full-text index (FTS5, word prefixes, case and accents
/// ignored) and a plain substring match. Runs on the cache's thread.

#include "StoreTypes.h"

class QSqlDatabase;

namespace Parley {

class SearchIndex
{
public:
    explicit SearchIndex(QSqlDatabase &db) : m_db(db) { }

    /// Shown messages whose text contains `text` (case-insensitive), newest first; 0: every
    /// conversation.
    QList<StoredMessage> containing(const QString &text, qint64 conversationId, int limit);
    /// Full-text hits, newest first, up to `limit` after `after`; 0: every conversation.
    QList<SearchHit> matching(const QString &query, qint64 conversationId,
                              const SearchCursor &after, int limit);

    /// The user's words as an FTS5 query: each one a quoted prefix, all of them required.
    static QString ftsQuery(const QString &text);

private:
    QSqlDatabase &m_db;
};

} // namespace Parley
