#pragma once

/// The queries of conversations: tables `conversations`, `direct_pairs`, `members` and the log
/// (`messages`), with the receipts (`device_receipts`, `members.read_up_to`).
/// Runs on the thread of the Database it belongs to.

#include "model/Conversation.h"
#include "model/Envelope.h"
#include "protocol/Result.h"

#include <QtCore/QList>
#include <QtCore/QPair>

#include <optional>

namespace Parley {

class Database;

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

/// A change of a group's members or title, or of a conversation's disappearing-message timer,
/// stored together with its log entry.
struct MembershipChange
{
    qint64 conversationId = 0;
    MembershipEvent event;
    enum class Op { None, AddMember, RemoveMember, SetRole, SetTitle, SetTimer } op = Op::None;
    qint64 userId = 0; ///< for member operations
    Role role = Role::Member;
    QString title;
    qint64 timerSeconds = 0; ///< for SetTimer
    /// A second change and entry in the same transaction: an owner who leaves hands
    /// ownership over (`left`, then `roleChanged` of the heir to owner).
    std::optional<QPair<qint64, MembershipEvent>> handOver; ///< (heir, its roleChanged event)
};

class ConversationQueries
{
public:
    explicit ConversationQueries(Database &db) : m_db(db) { }

    /// Creates a conversation with its members and its first log entry (Created, seq 1).
    /// For a direct chat, returns the existing one (and no entry) if the pair already has one.
    Result<QPair<Conversation, std::optional<Envelope>>>
    createConversation(ConversationKind kind, const QString &title, qint64 creatorUserId,
                       const QList<qint64> &otherUserIds, qint64 now);
    /// Applies the change and appends its entries (one, or two with a hand-over), in order.
    Result<QList<Envelope>> applyMembership(const MembershipChange &change, qint64 now);
    /// Appends inside the caller's transaction; stores nothing for a retried client id.
    Result<AppendResult> append(const AppendRequest &request, qint64 now);
    /// Entries not expired at `now` (disappearing messages are never served after their
    /// expiry, even before the sweep deleted them).
    Result<HistoryPage> history(qint64 conversationId, qint64 beforeSeq, qint64 afterSeq, int limit,
                                qint64 now);
    /// Deletes up to `limit` content entries that expired at `now` or were stored before
    /// `storedBefore` (the server's max-retention; 0: none); how many went.
    Result<int> deleteExpired(qint64 now, qint64 storedBefore, int limit);
    /// true if the stored pointer moved forward.
    Result<bool> setDelivered(qint64 conversationId, qint64 deviceId, qint64 seq);
    Result<bool> setRead(qint64 conversationId, qint64 userId, qint64 seq);

private:
    Result<Conversation> conversation(qint64 conversationId);
    Status setRole(qint64 conversationId, qint64 userId, Role role, qint64 now);

    Database &m_db;
};

} // namespace Parley
