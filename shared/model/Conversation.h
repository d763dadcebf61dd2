#pragma once

/// Conversations, their members and membership changes, as both sides see them.

#include "protocol/Result.h"

#include <QtCore/QCborMap>
#include <QtCore/QList>
#include <QtCore/QString>

namespace Parley {

enum class ConversationKind : quint8 { Direct, Group };
enum class Role : quint8 { Member, Admin, Owner };

QLatin1StringView conversationKindName(ConversationKind kind);
QLatin1StringView roleName(Role role);
std::optional<Role> roleFromName(QStringView name);

/// One member of a conversation with how far they have received and read it.
struct Member
{
    qint64 userId = 0;
    QString username;
    Role role = Role::Member;
    qint64 deliveredUpTo = 0; ///< highest seq any of the user's devices confirmed receiving
    qint64 readUpTo = 0; ///< highest seq the user has read

    QCborMap toCbor() const;
    static Result<Member> fromCbor(const QCborMap &map);
    friend bool operator==(const Member &, const Member &) = default;
};

/// A direct chat (exactly two members) or a group, with its current members.
struct Conversation
{
    qint64 id = 0;
    ConversationKind kind = ConversationKind::Direct;
    QString title; ///< empty for direct chats
    QList<Member> members;
    qint64 lastSeq = 0;
    qint64 createdAt = 0; ///< ms since the epoch, server clock
    qint64 timerSeconds = 0; ///< disappearing messages: how long a new message lives; 0: off

    const Member *member(qint64 userId) const;

    QCborMap toCbor() const;
    static Result<Conversation> fromCbor(const QCborMap &map);
    friend bool operator==(const Conversation &, const Conversation &) = default;
};

/// The body of a log entry of kind Membership: who changed what in the conversation.
struct MembershipEvent
{
    enum class Action : quint8 {
        Created,
        Added,
        Removed,
        Left,
        RoleChanged,
        Renamed,
        TimerChanged
    };

    Action action = Action::Created;
    qint64 actorUserId = 0;
    qint64 targetUserId = 0; ///< 0 for Created and Renamed
    QString targetUsername;
    Role role = Role::Member; ///< the target's role after Added or RoleChanged
    QString title; ///< the title after Created or Renamed
    qint64 timerSeconds = 0; ///< the disappearing-message timer after TimerChanged (0: off)

    QByteArray toBytes() const;
    static Result<MembershipEvent> fromBytes(const QByteArray &bytes);
    friend bool operator==(const MembershipEvent &, const MembershipEvent &) = default;
};

} // namespace Parley
