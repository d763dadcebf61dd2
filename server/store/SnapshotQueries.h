#pragma once

/// The read, at start (and in a cluster after Redis was lost), of what the router keeps in memory:
/// every conversation with its members, roles and receipts, the blocks, the unfinished uploads,
/// when members were last seen and who hides that. Runs on the thread of the Database it belongs to.

#include "AttachmentQueries.h"
#include "model/Conversation.h"
#include "protocol/Result.h"

#include <QtCore/QHash>
#include <QtCore/QList>
#include <QtCore/QPair>
#include <QtCore/QSet>

namespace Parley {

class Database;

/// What the router keeps in memory, loaded at start.
struct Snapshot
{
    QList<Conversation> conversations; ///< with members, roles and receipts
    QList<QPair<qint64, qint64>> blocks; ///< (user, blocked user)
    QHash<qint64, qint64> lastSeen; ///< user → ms since the epoch
    QSet<qint64> lastSeenHidden; ///< users who hide when they were last seen
    /// (conversation, user) → when the member got their current role (for hand-overs).
    QHash<QPair<qint64, qint64>, qint64> roleSince;
    QList<PendingUpload> uploads; ///< unfinished uploads
};

class SnapshotQueries
{
public:
    explicit SnapshotQueries(Database &db) : m_db(db) { }

    Result<Snapshot> load();

private:
    Database &m_db;
};

} // namespace Parley
