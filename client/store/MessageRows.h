#pragma once

/// Reads message rows of the cache as the UI shows them: the row, the entry it quotes (for a
/// reply) and its reactions. Shared by MessageTable and SearchIndex; runs on the cache's thread.

#include "StoreTypes.h"

#include <QtCore/QList>
#include <QtCore/QPair>

#include <optional>

class QSqlDatabase;
class QSqlQuery;

namespace Parley {

class MessageRows
{
public:
    explicit MessageRows(QSqlDatabase &db) : m_db(db) { }

    /// The columns read() expects, in order (21 of them), to follow "SELECT ".
    static QString columns();
    /// " FROM messages m LEFT JOIN messages r …": the row and the entry it quotes.
    static QString tables();
    /// The row at the query's position (its first 21 columns are columns()).
    static StoredMessage read(const QSqlQuery &query);

    /// Fills in the reactions of rows of one conversation (one query over their seq range).
    void attachReactions(QList<StoredMessage> &rows);
    /// One row with its reactions, or nullopt.
    std::optional<StoredMessage> load(qint64 conversationId, qint64 seq);
    /// Rows (conversation, seq) as they are now, in the order given; missing ones are skipped.
    QList<StoredMessage> load(const QList<QPair<qint64, qint64>> &keys);

private:
    QSqlDatabase &m_db;
};

} // namespace Parley
