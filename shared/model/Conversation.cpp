#include "Conversation.h"

#include "protocol/FieldReader.h"
#include "protocol/FrameValidator.h"
#include "protocol/Limits.h"

#include <QtCore/QCborArray>
#include <QtCore/QCborValue>

namespace Parley {

using namespace Qt::StringLiterals;

namespace {

constexpr QLatin1StringView ActionNames[] = {"created"_L1,     "added"_L1,       "removed"_L1,
                                             "left"_L1,        "roleChanged"_L1, "renamed"_L1,
                                             "timerChanged"_L1};

} // namespace

QLatin1StringView conversationKindName(ConversationKind kind)
{
    return kind == ConversationKind::Group ? "group"_L1 : "direct"_L1;
}

QLatin1StringView roleName(Role role)
{
    switch (role) {
    case Role::Owner:
        return "owner"_L1;
    case Role::Admin:
        return "admin"_L1;
    case Role::Member:
        break;
    }
    return "member"_L1;
}

std::optional<Role> roleFromName(QStringView name)
{
    for (Role r : {Role::Member, Role::Admin, Role::Owner}) {
        if (roleName(r) == name)
            return r;
    }
    return std::nullopt;
}

QCborMap Member::toCbor() const
{
    return {{"user"_L1, userId},
            {"name"_L1, username},
            {"role"_L1, roleName(role)},
            {"delivered"_L1, deliveredUpTo},
            {"read"_L1, readUpTo}};
}

Result<Member> Member::fromCbor(const QCborMap &map)
{
    Member m;
    QString role;
    FieldReader r(map);
    r.id("user"_L1, m.userId)
            .text("name"_L1, m.username, MaxUsernameChars)
            .text("role"_L1, role, 16)
            .optional()
            .id("delivered"_L1, m.deliveredUpTo)
            .optional()
            .id("read"_L1, m.readUpTo);
    if (!r.hasFailed()) {
        if (auto parsed = roleFromName(role))
            m.role = *parsed;
        else
            r.fail(ErrorCode::InvalidField, u"unknown role"_s);
    }
    return r.finish(m);
}

const Member *Conversation::member(qint64 userId) const
{
    for (const Member &m : members) {
        if (m.userId == userId)
            return &m;
    }
    return nullptr;
}

QCborMap Conversation::toCbor() const
{
    QCborArray list;
    for (const Member &m : members)
        list.append(m.toCbor());
    QCborMap map{{"conv"_L1, id},         {"kind"_L1, conversationKindName(kind)},
                 {"title"_L1, title},     {"members"_L1, list},
                 {"lastSeq"_L1, lastSeq}, {"createdAt"_L1, createdAt}};
    if (timerSeconds > 0) // version 4; absent means off
        map.insert("timer"_L1, timerSeconds);
    return map;
}

Result<Conversation> Conversation::fromCbor(const QCborMap &map)
{
    Conversation c;
    QString kind;
    FieldReader r(map);
    r.id("conv"_L1, c.id)
            .text("kind"_L1, kind, 16)
            .optional()
            .text("title"_L1, c.title, MaxTitleChars)
            .list("members"_L1, c.members, MaxGroupMembers)
            .id("lastSeq"_L1, c.lastSeq)
            .optional()
            .id("createdAt"_L1, c.createdAt)
            .optional()
            .integer("timer"_L1, c.timerSeconds, 0, MaxTimerSeconds);
    if (!r.hasFailed()) {
        if (kind == "group"_L1)
            c.kind = ConversationKind::Group;
        else if (kind == "direct"_L1)
            c.kind = ConversationKind::Direct;
        else
            r.fail(ErrorCode::InvalidField, u"unknown conversation kind"_s);
    }
    return r.finish(c);
}

QByteArray MembershipEvent::toBytes() const
{
    QCborMap map{{"action"_L1, ActionNames[int(action)]}, {"actor"_L1, actorUserId}};
    if (targetUserId) {
        map.insert("target"_L1, targetUserId);
        map.insert("targetName"_L1, targetUsername);
    }
    if (action == Action::Added || action == Action::RoleChanged)
        map.insert("role"_L1, roleName(role));
    if (action == Action::Created || action == Action::Renamed)
        map.insert("title"_L1, title);
    if (action == Action::TimerChanged)
        map.insert("timer"_L1, timerSeconds);
    return map.toCborValue().toCbor();
}

Result<MembershipEvent> MembershipEvent::fromBytes(const QByteArray &bytes)
{
    // Through the validator, not QCborValue::fromCbor: on malformed input Qt 6.4 can return a
    // half-built map whose lookups read out of bounds (found by fuzz_frames).
    auto decoded = FrameValidator(FrameLimits::fromServer()).read(bytes);
    if (!decoded)
        return decoded.error();
    const QCborMap map = std::move(decoded).value();
    MembershipEvent e;
    QString action, role;
    FieldReader r(map);
    r.text("action"_L1, action, 16)
            .id("actor"_L1, e.actorUserId)
            .optional()
            .id("target"_L1, e.targetUserId)
            .optional()
            .text("targetName"_L1, e.targetUsername, MaxUsernameChars)
            .optional()
            .text("role"_L1, role, 16)
            .optional()
            .text("title"_L1, e.title, MaxTitleChars)
            .optional()
            .integer("timer"_L1, e.timerSeconds, 0, MaxTimerSeconds);
    if (r.hasFailed())
        return r.error();
    const auto *it = std::find(std::begin(ActionNames), std::end(ActionNames), action);
    if (it == std::end(ActionNames))
        return Error{ErrorCode::InvalidField, u"unknown membership action"_s};
    e.action = Action(it - std::begin(ActionNames));
    if (!role.isEmpty()) {
        if (auto parsed = roleFromName(role))
            e.role = *parsed;
        else
            return Error{ErrorCode::InvalidField, u"unknown role"_s};
    }
    return e;
}

} // namespace Parley
