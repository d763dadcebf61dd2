#pragma once

/// The synchronous half of the store: one QSqlDatabase connection and every query parleyd runs,
/// the same SQL for SQLite and PostgreSQL where possible. Used only on the thread that opened it
/// (the store thread, or the main thread of an admin subcommand).

#include "DatabaseUrl.h"
#include "model/Account.h"
#include "model/Conversation.h"
#include "model/Envelope.h"
#include "model/Keys.h"
#include "model/Signals.h"
#include "protocol/Result.h"

#include <QtCore/QHash>
#include <QtCore/QList>

#include <memory>

class QSqlQuery;

namespace Parley {

/// Body bytes one reply (a history page, a sync, an inbox page) carries at most: pages stop
/// early (with `more`) so that a reply stays well within a client's 16 MiB frame limit and the
/// per-connection output cap.
inline constexpr qsizetype MaxReplyBodyBytes = 4 * 1024 * 1024;

struct UserRecord
{
    qint64 id = 0;
    QString username;
    QString passwordHash;
    bool disabled = false;
    qint64 createdAt = 0;
    qint64 lastSeenAt = 0;
};

struct DeviceRecord
{
    qint64 id = 0;
    qint64 userId = 0;
    QString username;
    QString name;
    qint64 createdAt = 0;
    qint64 lastSeenAt = 0;
    qint64 revokedAt = 0; ///< 0: active
};

/// One message to append to a conversation's log.
struct AppendRequest
{
    qint64 conversationId = 0;
    qint64 senderUserId = 0;
    qint64 senderDeviceId = 0; ///< 0 for entries the server writes
    QByteArray clientId; ///< empty for entries the server writes
    MessageKind kind = MessageKind::Content;
    QByteArray body;
};

struct AppendResult
{
    Envelope envelope; ///< as stored (for a duplicate: seq and time of the original)
    bool duplicate = false; ///< a retry: nothing was stored
};

struct HistoryPage
{
    QList<Envelope> messages; ///< ascending seq
    bool more = false;
};

/// A change of a group's members or title, stored together with its log entry.
struct MembershipChange
{
    qint64 conversationId = 0;
    MembershipEvent event;
    enum class Op { None, AddMember, RemoveMember, SetRole, SetTitle } op = Op::None;
    qint64 userId = 0; ///< for member operations
    Role role = Role::Member;
    QString title;
    /// A second change and entry in the same transaction: an owner who leaves hands
    /// ownership over (`left`, then `roleChanged` of the heir to owner).
    std::optional<QPair<qint64, MembershipEvent>> handOver; ///< (heir, its roleChanged event)
};

/// An upload that is not finished yet (its bytes are in a partial file).
struct PendingUpload
{
    QByteArray uploadId;
    qint64 userId = 0;
    qint64 conversationId = 0;
    qint64 size = 0;
    qint64 createdAt = 0; ///< ms since the epoch
};

/// A finished attachment: who may read it is decided by its conversation.
struct AttachmentRecord
{
    QByteArray attachmentId;
    qint64 conversationId = 0;
    qint64 size = 0;
};

/// What the router keeps in memory, loaded once at start.
struct Snapshot
{
    QList<Conversation> conversations; ///< with members, roles and receipts
    QList<QPair<qint64, qint64>> blocks; ///< (user, blocked user)
    QHash<qint64, qint64> lastSeen; ///< user → ms since the epoch
    /// (conversation, user) → when the member got their current role (for hand-overs).
    QHash<QPair<qint64, qint64>, qint64> roleSince;
    QList<PendingUpload> uploads; ///< unfinished uploads
};

struct InboxStored
{
    qint64 deviceId = 0;
    InboxItem item;
};

/// One bundle handed out and how many one-time pre-keys its device has left.
struct FetchedKeys
{
    QList<KeyBundle> bundles;
    QList<QPair<qint64, int>> remaining; ///< (device, one-time pre-keys left) for each bundle
};

class Database
{
public:
    explicit Database(DatabaseUrl url);
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    Status open();
    void close();
    bool isPostgres() const { return m_url.kind == DatabaseUrl::Kind::Postgres; }
    const DatabaseUrl &url() const { return m_url; }

    /// After a failed call: true if the connection itself is gone (PostgreSQL restarted).
    bool connectionLost();
    /// Closes and opens the connection again; prepared statements are dropped.
    Status reopen();

    int schemaVersion();
    /// Brings the schema up to `target` (default: the latest), one transaction per version.
    Status migrate(int target = -1);

    Status begin();
    Status commit();
    void rollback();
    /// Ends every open statement (each job calls it when done: an open statement holds a
    /// read snapshot, which keeps SQLite from writing and from seeing other processes' writes).
    void finishAll();

    // --- accounts and devices
    Result<qint64> createUser(const QString &username, const QString &passwordHash, qint64 now);
    Result<UserRecord> userByName(const QString &username);
    Result<UserRecord> userById(qint64 userId);
    Result<QList<UserRecord>> listUsers();
    Status setPasswordHash(qint64 userId, const QString &hash);
    Status setUserDisabled(qint64 userId, bool disabled, qint64 now);
    Status setUserLastSeen(qint64 userId, qint64 when);
    /// Fails with TooManyDevices when the user already has maxDevices active devices.
    Result<DeviceRecord> createDevice(qint64 userId, const QString &name,
                                      const QByteArray &tokenHash, qint64 now, int maxDevices);
    /// The active device with this token hash (InvalidToken, AccountDisabled).
    Result<DeviceRecord> deviceByTokenHash(const QByteArray &tokenHash);
    Result<DeviceRecord> deviceById(qint64 deviceId);
    Result<QList<DeviceRecord>> listDevices(qint64 userId);
    /// Revokes an active device; ownerUserId 0 accepts any owner (admin).
    Result<DeviceRecord> revokeDevice(qint64 deviceId, qint64 ownerUserId, qint64 now);
    /// Ids of the devices revoked at `since` or later (by anyone: the admin commands too).
    Result<QList<qint64>> devicesRevokedSince(qint64 since);
    Status touchDevice(qint64 deviceId, qint64 when);
    Status setBlocked(qint64 userId, qint64 blockedUserId, bool blocked);

    // --- account administration (AccountAdminQueries.cpp)
    /// UsernameTaken if another account has the name.
    Status renameUser(qint64 userId, const QString &newUsername);
    /// Deletes an account for the admin: revokes its devices (a running server logs them out)
    /// and drops their keys, pre-keys and inbox, its blocks and its password; renames it
    /// "deleted account #ID" (a name no one can register), so its messages stay in their
    /// conversations under that name. Returns how many devices it had.
    Result<int> deleteUser(qint64 userId, qint64 now);

    // --- conversations and the log
    /// Creates a conversation with its members and its first log entry (Created, seq 1).
    /// For a direct chat, returns the existing one (and no entry) if the pair already has one.
    Result<QPair<Conversation, std::optional<Envelope>>>
    createConversation(ConversationKind kind, const QString &title, qint64 creatorUserId,
                       const QList<qint64> &otherUserIds, qint64 now);
    /// Applies the change and appends its entries (one, or two with a hand-over), in order.
    Result<QList<Envelope>> applyMembership(const MembershipChange &change, qint64 now);
    /// Appends inside the caller's transaction; stores nothing for a retried client id.
    Result<AppendResult> append(const AppendRequest &request, qint64 now);
    Result<HistoryPage> history(qint64 conversationId, qint64 beforeSeq, qint64 afterSeq,
                                int limit);
    /// true if the stored pointer moved forward.
    Result<bool> setDelivered(qint64 conversationId, qint64 deviceId, qint64 seq);
    Result<bool> setRead(qint64 conversationId, qint64 userId, qint64 seq);
    Result<Snapshot> loadSnapshot();
    Result<QList<UserRecord>> usersByIds(const QList<qint64> &ids);

    // --- device inbox and keys
    Result<QList<InboxStored>> inboxSend(qint64 fromUserId, qint64 fromDeviceId,
                                         const QList<InboxDelivery> &items, qint64 now,
                                         int maxItemsPerDevice);
    Result<QPair<QList<InboxItem>, bool>> inboxFetch(qint64 deviceId, int limit);
    Status inboxAck(qint64 deviceId, const QList<qint64> &itemIds);
    /// Stores a device's bundle; returns how many one-time pre-keys it now has.
    Result<int> uploadKeys(qint64 deviceId, qint64 registrationId, const QByteArray &identityKey,
                           const SignedPreKey &signedPreKey, const QList<OneTimePreKey> &preKeys);
    Result<int> preKeyCount(qint64 deviceId);
    /// One bundle per active device of the user with keys (not excludeDeviceId), each with one
    /// one-time pre-key removed from the stock.
    /// One bundle per active device of `userId` but `excludeDeviceId`; with `claimOneTimeKeys`
    /// each takes one one-time pre-key out of its device's stock, without only the signed one.
    Result<FetchedKeys> fetchKeys(qint64 userId, qint64 excludeDeviceId, bool claimOneTimeKeys);

    // --- what nodes of a cluster read to catch up with each other (ClusterQueries.cpp)
    /// conversation → last seq, for every conversation the user is a member of.
    Result<QHash<qint64, qint64>> lastSeqsOf(qint64 userId);
    Result<qint64> lastSeqOf(qint64 conversationId);
    /// contact → last seen (ms), for everyone who shares a conversation with the user.
    Result<QHash<qint64, qint64>> contactsLastSeen(qint64 userId);

    // --- attachments (AttachmentQueries.cpp)
    Status insertUpload(const PendingUpload &upload);
    Result<QList<PendingUpload>> pendingUploads();
    /// Marks an unfinished upload finished under `attachmentId` (NoSuchAttachment if it is not
    /// an unfinished upload any more).
    Status finishUpload(const QByteArray &uploadId, const QByteArray &attachmentId, qint64 now);
    /// The attachment an upload of this user became, for a repeated uploadFinish.
    Result<AttachmentRecord> finishedUpload(const QByteArray &uploadId, qint64 userId);
    Result<AttachmentRecord> attachment(const QByteArray &attachmentId);
    /// Forgets unfinished uploads (expired); finished ones are never deleted here.
    Status deleteUploads(const QList<QByteArray> &uploadIds);
    /// Bytes of the attachments a user has stored or is uploading (declared sizes).
    Result<qint64> storedAttachmentBytes(qint64 userId);
    /// Deletes up to `limit` finished attachments finished before `before`; their ids.
    Result<QList<QByteArray>> deleteAttachmentsFinishedBefore(qint64 before, int limit);

private:
    QSqlQuery &prepared(const char *sql);
    bool exec(QSqlQuery &query, const char *what);
    bool execRaw(const char *sql);
    Error storageError(const char *what) const;
    template<typename T>
    Result<T> inTransaction(const std::function<Result<T>()> &work);
    Result<Conversation> conversation(qint64 conversationId);
    Status setRole(qint64 conversationId, qint64 userId, Role role, qint64 now);

    DatabaseUrl m_url;
    QString m_connectionName;
    QHash<const char *, QSqlQuery *> m_statements;
    QString m_lastError;
};

} // namespace Parley
