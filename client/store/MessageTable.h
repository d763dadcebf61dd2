#pragma once

/// The conversation logs as the cache holds them: entries by (conversation, seq), the sync
/// cursors, and where a file message's attachment is on this device. Storing an entry applies
/// what it means (Annotations) and acknowledges the outbox row it answers. Runs on the cache's
/// thread.

#include "StoreTypes.h"

#include <QtCore/QList>

#include <optional>

class QSqlDatabase;

namespace Parley {

class MessageTable
{
public:
    explicit MessageTable(QSqlDatabase &db) : m_db(db) { }

    QList<LogCursor> cursors();
    void setCursor(const LogCursor &cursor);

    /// Inserts entries (existing seqs are kept) in one transaction; see MessageStore.
    StoredBatch store(const QList<StoredMessage> &messages, qint64 ownDeviceId);
    /// Entries whose content arrived late, applied in one transaction: the rows as they are
    /// now, in `changed` the other rows they changed, and in `profiles` the users whose kept
    /// profile they changed.
    QList<StoredMessage> reconcile(qint64 conversationId, const QList<qint64> &seqs,
                                   QList<StoredMessage> &changed, QList<qint64> &profiles);
    /// The row as it is after the change, or nullopt if there is no such row.
    std::optional<StoredMessage> setAttachmentPath(qint64 conversationId, qint64 seq,
                                                   const QString &path);

    std::optional<StoredMessage> message(qint64 conversationId, qint64 seq);
    /// Up to `limit` entries with seq > afterSeq, hidden ones too, ascending (what an export
    /// reads; reactions are attached to the shown rows).
    QList<LogEntry> entriesAfter(qint64 conversationId, qint64 afterSeq, int limit);
    /// Entries read back from an export: new ones are stored as store() stores them; rows the
    /// cache holds but could not decrypt take the imported content and are applied as
    /// reconcile() applies late content. Existing readable rows are left as they are.
    StoredBatch import(const QList<StoredMessage> &entries);
    /// Deletes every row that expired at `now` (its search entry goes with it); see
    /// MessageStore::deleteExpired.
    ExpiredMessages deleteExpired(qint64 now);
    /// Up to `limit` shown messages with seq < beforeSeq, ascending.
    QList<StoredMessage> before(qint64 conversationId, qint64 beforeSeq, int limit);

private:
    /// Our own entry: takes its content from the outbox when the cipher could not read it, and
    /// deletes the outbox row it acknowledges; true if there was one.
    bool acknowledgeOwn(StoredMessage &message);

    QSqlDatabase &m_db;
};

} // namespace Parley
