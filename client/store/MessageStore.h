#pragma once

/// The client's local cache: one SQLite database (WAL) per profile, on its own thread.
///
/// The store thread owns the only connection. Every method posts its work there and returns a
/// QFuture at once, which finishes on the thread this object lives in (through its event loop):
/// continue with `.then(context, …)`, or, where a program must block, with awaitFuture() (a
/// plain waitForFinished() on this thread would never return). Work runs in the order it was
/// asked for, so a read asked after a write sees the write. Nothing here loads a whole
/// conversation: messages come in keyset pages by seq.
///
/// This class is the cache's one door and its thread; the SQL lives in one small class per
/// table or concern, run on that thread over its connection: SettingsTable, ConversationTable,
/// MessageTable (with Annotations), SearchIndex, OutboxTable, UploadTable, and the e2ee tables
/// through runInTransaction().

#include "SealedCache.h"
#include "StoreTypes.h"
#include "model/Signals.h"
#include "protocol/Result.h"

#include <QtCore/QFuture>
#include <QtCore/QHash>
#include <QtCore/QObject>
#include <QtCore/QVariant>

#include <functional>
#include <limits>
#include <memory>

class QThread;

namespace Parley {

class MessageStore : public QObject
{
    Q_OBJECT

public:
    explicit MessageStore(QObject *parent = nullptr);
    /// Finishes all work already asked for, then closes the database.
    ~MessageStore() override;

    /// Opens (creating) the database at `path` in clear and migrates it to the current schema
    /// (tests and tools; the client seals its cache).
    QFuture<Status> open(const QString &path);
    /// The same, encrypted at rest with `key` (SealedCache): a clear cache there is converted
    /// once; a key that does not open it gives a StorageError and changes nothing.
    QFuture<Status> open(const QString &path, const CacheKey &key);

    // --- settings (not secrets: those live in the keychain) ---
    QFuture<QVariant> setting(const QString &key);
    QFuture<void> setSetting(const QString &key, const QVariant &value);
    QFuture<void> removeSetting(const QString &key);
    /// Every setting whose key starts with `prefix`, keyed by the rest of the key.
    QFuture<QVariantMap> settings(const QString &prefix);

    /// Deletes every conversation, message, cursor, outbox entry, upload and setting except those
    /// whose key starts with "pin/" (pinned server certificates outlive a logout).
    QFuture<void> wipeAccountData();

    // --- conversations and members ---
    /// Stores conversations as the server sent them (all active members replace the old set).
    QFuture<void> upsertConversations(const QList<Conversation> &conversations, qint64 selfUserId);
    QFuture<QList<ConversationSummary>> conversationSummaries(qint64 selfUserId);
    QFuture<std::optional<ConversationSummary>> conversationSummary(qint64 conversationId,
                                                                    qint64 selfUserId);
    /// Raises a member's delivered/read pointer; true if anything moved.
    QFuture<bool> applyReceipt(const Receipt &receipt);
    /// Applies a membership log entry to the member table (the conversation push carries the
    /// same change; this keeps the cache right when only the log entry arrives).
    QFuture<void> applyMembership(qint64 conversationId, const MembershipEvent &event,
                                  qint64 selfUserId);
    QFuture<void> setMuted(qint64 conversationId, bool muted);

    // --- the log ---
    QFuture<QList<LogCursor>> cursors();
    QFuture<void> setCursor(const LogCursor &cursor);
    /// Inserts log entries (existing seqs are kept as they are) and deletes the outbox entries
    /// they acknowledge (same client id from `ownDeviceId`). Replies, reactions, edits and
    /// deletes among them are applied (Annotations.h); the rows they changed are in
    /// StoredBatch::changed and messagesChanged() is emitted for them after the commit.
    QFuture<StoredBatch> storeMessages(const QList<StoredMessage> &messages, qint64 ownDeviceId);
    /// Entries whose content arrived after they were stored (a late decryption wrote their body
    /// and text): applies what they mean as storeMessages() does. The future holds these rows
    /// as they are now (a reaction, edit or delete comes back hidden); messagesChanged() carries
    /// them and the other rows they changed.
    QFuture<QList<StoredMessage>> reconcile(qint64 conversationId, const QList<qint64> &seqs);
    /// Remembers where the attachment of file message `seq` is on this device (empty: nowhere);
    /// messagesChanged() carries the row as it is then.
    QFuture<void> setAttachmentPath(qint64 conversationId, qint64 seq, const QString &path);
    /// Deletes the rows whose expiry (disappearing messages) is at or before `now`, with their
    /// search entries and reactions; the future holds them as they were and the next expiry.
    QFuture<ExpiredMessages> deleteExpired(qint64 now);
    /// One row as the UI shows it, or nullopt.
    QFuture<std::optional<StoredMessage>> message(qint64 conversationId, qint64 seq);
    /// Up to `limit` log entries with seq > afterSeq, ascending, hidden ones (reactions, edits,
    /// deletes, profiles) too, each with the entry it annotates: what an export reads.
    QFuture<QList<LogEntry>> entriesAfter(qint64 conversationId, qint64 afterSeq, int limit);
    /// History read back from an export (client/export): conversations the cache does not hold
    /// are added, entries it does not hold are stored (applied as storeMessages() applies
    /// them), rows it could not decrypt take the imported content; everything else is kept as
    /// it is, so importing twice adds nothing. messagesChanged() carries the rows it changed.
    QFuture<StoredBatch> importHistory(const QList<Conversation> &conversations,
                                       const QList<StoredMessage> &entries, qint64 selfUserId);
    /// Up to `limit` shown messages (not reactions, edits, deletes) with seq < beforeSeq,
    /// ascending.
    QFuture<QList<StoredMessage>> messagesBefore(qint64 conversationId, qint64 beforeSeq,
                                                 int limit);
    QFuture<QList<StoredMessage>> latestMessages(qint64 conversationId, int limit)
    {
        return messagesBefore(conversationId, std::numeric_limits<qint64>::max(), limit);
    }
    /// Shown messages whose text contains `text` (case-insensitive), newest first; 0: every
    /// conversation. Deleted messages have no text left to find.
    QFuture<QList<StoredMessage>> search(const QString &text, qint64 conversationId, int limit);

    /// Full-text search (FTS5) of shown, readable messages: every word of `query` must match
    /// the start of a word (case and accents ignored). Newest first, up to `limit` hits after
    /// `after`; 0: every conversation. Deleted messages and replaced edits are not in the index.
    QFuture<QList<SearchHit>> searchMessages(const QString &query, qint64 conversationId,
                                             const SearchCursor &after, int limit);

    // --- profiles (display names and pictures, ProfileTable) ---
    /// The kept profiles of `userIds` (every kept one when empty).
    QFuture<QList<StoredProfile>> profiles(const QList<qint64> &userIds = {});
    /// Keeps `profile` if it is newer than the one kept for its user (profilesChanged then).
    QFuture<void> saveProfile(const StoredProfile &profile);
    /// The version of my profile each conversation was last sent.
    QFuture<QHash<qint64, qint64>> profileSentVersions();
    QFuture<void> setProfileSent(qint64 conversationId, qint64 version);

    // --- the outbox ---
    QFuture<void> enqueue(const OutboxEntry &entry);
    /// Every outbox entry, oldest first.
    QFuture<QList<OutboxEntry>> outbox();
    QFuture<void> setOutboxBody(const QByteArray &clientId, const QByteArray &body);
    QFuture<void> setOutboxState(const QByteArray &clientId, OutboxState state,
                                 const QString &failureReason);
    QFuture<void> removeFromOutbox(const QByteArray &clientId);

    // --- uploads in progress (Attachments) ---
    /// Adds the upload or replaces the one with its client id.
    QFuture<void> saveUpload(const PendingUpload &upload);
    /// Every upload whose file message is not queued yet, oldest first (UploadTable::entries).
    QFuture<QList<PendingUpload>> pendingUploads();
    QFuture<void> removeUpload(const QByteArray &clientId);

    // --- for code that keeps its own tables in the cache (client/e2ee) ---
    /// Runs `work` on the store thread inside one transaction on the cache's connection; `work`
    /// gets the connection's name (QSqlDatabase::database(name, false)) and must not keep it.
    /// Commits when `work` returns true, rolls back when it returns false. The future is true
    /// only if `work` returned true and the commit succeeded (false also when no cache is open).
    /// Runs in order with every other call here, like them.
    QFuture<bool> runInTransaction(std::function<bool(const QString &connectionName)> work);

Q_SIGNALS:
    /// Rows stored earlier whose shown state changed (edited, deleted, reactions): emitted on
    /// the store thread after the commit, so receivers on other threads get it queued, before
    /// the future of the call that caused it finishes.
    void messagesChanged(qint64 conversationId, const QList<Parley::StoredMessage> &rows);
    /// The kept profiles of `userIds` changed (a newer `profile` entry, or saveProfile()):
    /// emitted on the store thread after the commit.
    void profilesChanged(const QList<qint64> &userIds);

private:
    class Worker;
    void emitChanged(const QList<StoredMessage> &rows);
    template<typename F>
    auto run(F function);

    QThread *m_thread = nullptr;
    Worker *m_worker = nullptr;
    bool m_closing = false; ///< the destructor runs: nothing new goes to the store thread
};

} // namespace Parley
