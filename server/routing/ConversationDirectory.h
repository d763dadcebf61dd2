#pragma once

/// Every conversation's current state in memory: members, roles, receipts, last seq, the
/// direct-chat pairs and who blocked whom. Requests are checked here, never against the
/// database. Router thread only; loaded once from a Snapshot, then kept in step with each commit.

#include "model/Conversation.h"

#include <QtCore/QHash>
#include <QtCore/QSet>

namespace Parley {

struct Snapshot;

class ConversationDirectory
{
public:
    void load(const Snapshot &snapshot);

    const Conversation *find(qint64 conversationId) const;
    Conversation *findMutable(qint64 conversationId);
    const Member *member(qint64 conversationId, qint64 userId) const;
    bool isMember(qint64 conversationId, qint64 userId) const
    {
        return member(conversationId, userId);
    }

    /// The direct chat of two users, 0 if none.
    qint64 directBetween(qint64 a, qint64 b) const;
    /// Ids of the conversations the user is in.
    QList<qint64> conversationsOf(qint64 userId) const;
    /// Everyone who shares at least one conversation with the user (not the user).
    QSet<qint64> contactsOf(qint64 userId) const;
    QList<qint64> memberIds(qint64 conversationId) const;

    /// Replaces (or adds) a conversation's state, keeping the indexes right.
    void put(const Conversation &conversation);
    /// The state another node committed (cluster): like put(), but the last seq never goes back,
    /// and the senders of a conversation new here are unknown up to its last seq.
    void learn(const Conversation &conversation, const QHash<qint64, qint64> &roleSince);
    void setLastSeq(qint64 conversationId, qint64 seq);

    /// `userId` stored a message at `seq` (after the commit).
    void noteSent(qint64 conversationId, qint64 userId, qint64 seq);
    /// The members who may have a message after `seq`: who needs to hear that another member's
    /// delivered position moved past it. Everyone if `seq` is older than what this process has
    /// seen sent (senders are tracked from the moment a conversation is loaded or created).
    QList<qint64> sendersAfter(qint64 conversationId, qint64 seq) const;

    /// When the member got their current role (ms); the oldest admin inherits ownership.
    qint64 roleSince(qint64 conversationId, qint64 userId) const
    {
        return m_roleSince.value({conversationId, userId}, 0);
    }
    void setRoleSince(qint64 conversationId, qint64 userId, qint64 when)
    {
        m_roleSince.insert({conversationId, userId}, when);
    }

    bool hasBlocked(qint64 userId, qint64 otherUserId) const;
    /// Either of the two blocked the other.
    bool isBlockedBetween(qint64 a, qint64 b) const { return hasBlocked(a, b) || hasBlocked(b, a); }
    void setBlocked(qint64 userId, qint64 otherUserId, bool blocked);
    /// Everyone the user blocks, ascending.
    QList<qint64> blockedBy(qint64 userId) const;

private:
    QHash<qint64, Conversation> m_conversations;
    QHash<qint64, QSet<qint64>> m_byUser;
    QHash<QPair<qint64, qint64>, qint64> m_direct;
    QSet<QPair<qint64, qint64>> m_blocks;
    QHash<qint64, QSet<qint64>> m_blockedBy; ///< user → the users they block
    QHash<QPair<qint64, qint64>, qint64> m_roleSince;
    QHash<QPair<qint64, qint64>, qint64> m_lastSent; ///< (conversation, user) -> seq
    QHash<qint64, qint64> m_sendersTrackedAfter; ///< conversation -> last seq when loaded, or 0
};

} // namespace Parley
