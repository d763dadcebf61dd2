#pragma once

/// Creating conversations and changing their members, roles and titles. Rights are checked
/// against the in-memory directory; a change is applied there at once (so later requests see
/// it), stored with its Membership log entry, then pushed: the entry to every member session
/// (and removed users'), and the conversation's new state. Router thread only.
///
/// Rules (docs/protocol.md, 6.3): direct chats have exactly two members, one per pair, and never
/// change. In groups the creator is owner; owner and admins add and remove members (nobody
/// removes the owner) and rename; only the owner sets roles (member or admin); an owner who
/// leaves hands ownership to the admin who has been one longest, else the oldest member, with
/// a second log entry (roleChanged to owner).

#include "RouteContext.h"

#include <QtCore/QHash>

namespace Parley {

struct MembershipChange;

class Conversations
{
public:
    explicit Conversations(RouteContext &context) : m_ctx(context) { }

    void createDirect(const Request &r, const CreateDirectFrame &f);
    void createGroup(const Request &r, const CreateGroupFrame &f);
    void addMember(const Request &r, const AddMemberFrame &f);
    void removeMember(const Request &r, const RemoveMemberFrame &f);
    void leave(const Request &r, const LeaveFrame &f);
    void setRole(const Request &r, const SetRoleFrame &f);
    void rename(const Request &r, const RenameFrame &f);
    void setTimer(const Request &r, const SetTimerFrame &f);

private:
    /// The group the request is about, if the requester may act in it at all.
    Conversation *groupFor(const Request &r, qint64 conversationId);
    void created(const Request &r, const Conversation &c, const std::optional<Envelope> &entry);
    /// Stores the change already applied to memory, then replies and pushes; on failure puts
    /// `before` back.
    void commit(const Request &r, MembershipChange change, Conversation before,
                QList<qint64> alsoNotify);
    void publishEntry(const Envelope &entry, const QList<qint64> &alsoNotify);

    RouteContext &m_ctx;
    /// Direct chats being created, by ordered pair: requests that arrive meanwhile wait.
    QHash<QPair<qint64, qint64>, QList<Request>> m_pendingDirect;
};

} // namespace Parley
