#pragma once

/// The queries a node of a cluster runs when what Redis told it may be incomplete (after a node
/// or Redis was lost): where each conversation's log ends, and when contacts were last seen.
/// Runs on the thread of the Database it belongs to.

#include "protocol/Result.h"

#include <QtCore/QHash>

namespace Parley {

class Database;

class ClusterQueries
{
public:
    explicit ClusterQueries(Database &db) : m_db(db) { }

    /// conversation → last seq, for every conversation the user is a member of.
    Result<QHash<qint64, qint64>> lastSeqsOf(qint64 userId);
    Result<qint64> lastSeqOf(qint64 conversationId);
    /// contact → last seen (ms), for everyone who shares a conversation with the user.
    Result<QHash<qint64, qint64>> contactsLastSeen(qint64 userId);

private:
    Database &m_db;
};

} // namespace Parley
