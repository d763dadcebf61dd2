#include "Conversations.h"

#include "Logging.h"
#include "admin/ServerConfig.h"
#include "presence/PresenceTracker.h"
#include "protocol/Limits.h"
#include "store/Store.h"

#include <QtCore/QDateTime>

namespace Parley {

using namespace Qt::StringLiterals;

namespace {

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

Member *findMember(Conversation &c, qint64 userId)
{
    for (Member &m : c.members) {
        if (m.userId == userId)
            return &m;
    }
    return nullptr;
}

} // namespace

void Conversations::createDirect(const Request &r, const CreateDirectFrame &f)
{
    if (f.userId == r.userId) {
        m_ctx.fail(r, ErrorCode::InvalidArgument, u"a direct chat is with someone else"_s);
        return;
    }
    if (m_ctx.directory.isBlockedBetween(r.userId, f.userId)) {
        m_ctx.fail(r, ErrorCode::Blocked, u"one of you blocked the other"_s);
        return;
    }
    if (const qint64 existing = m_ctx.directory.directBetween(r.userId, f.userId)) {
        m_ctx.reply(r, ConversationInfoFrame{*m_ctx.directory.find(existing)});
        return;
    }
    const auto pair =
            r.userId < f.userId ? qMakePair(r.userId, f.userId) : qMakePair(f.userId, r.userId);
    auto pending = m_pendingDirect.find(pair);
    if (pending != m_pendingDirect.end()) {
        pending->append(r);
        return;
    }
    m_pendingDirect.insert(pair, {});
    using Created = QPair<Conversation, std::optional<Envelope>>;
    m_ctx.store.run<Created>(
            m_ctx.thread,
            [me = r.userId, other = f.userId](Database &db) {
                return db.conversations().createConversation(ConversationKind::Direct, {}, me,
                                                             {other}, nowMs());
            },
            [this, r, pair](Result<Created> result) {
                const QList<Request> waiting = m_pendingDirect.take(pair);
                if (!result) {
                    m_ctx.fail(r, result.error());
                    for (const Request &w : waiting)
                        m_ctx.fail(w, result.error());
                    return;
                }
                created(r, result->first, result->second);
                for (const Request &w : waiting)
                    m_ctx.reply(w, ConversationInfoFrame{result->first});
            });
}

void Conversations::createGroup(const Request &r, const CreateGroupFrame &f)
{
    QList<qint64> others;
    for (qint64 user : f.members) {
        if (user != r.userId && !others.contains(user))
            others.append(user);
    }
    if (others.size() + 1 > MaxGroupMembers) {
        m_ctx.fail(r, ErrorCode::GroupFull,
                   u"a group has at most %1 members"_s.arg(MaxGroupMembers));
        return;
    }
    for (qint64 user : std::as_const(others)) {
        if (m_ctx.directory.hasBlocked(user, r.userId)) {
            m_ctx.fail(r, ErrorCode::Blocked, u"user %1 blocked you"_s.arg(user));
            return;
        }
    }
    using Created = QPair<Conversation, std::optional<Envelope>>;
    m_ctx.store.run<Created>(
            m_ctx.thread,
            [me = r.userId, others, title = f.title.trimmed()](Database &db) {
                return db.conversations().createConversation(ConversationKind::Group, title, me,
                                                             others, nowMs());
            },
            [this, r](Result<Created> result) {
                if (!result) {
                    m_ctx.fail(r, result.error());
                    return;
                }
                created(r, result->first, result->second);
            });
}

void Conversations::created(const Request &r, const Conversation &c,
                            const std::optional<Envelope> &entry)
{
    const bool isNew = !m_ctx.directory.find(c.id);
    m_ctx.directory.put(c);
    if (isNew) {
        for (const Member &m : c.members)
            m_ctx.directory.setRoleSince(c.id, m.userId, c.createdAt);
    }
    m_ctx.reply(r, ConversationInfoFrame{c});
    if (!isNew)
        return;
    qCDebug(lcServerRouting) << "conversation" << c.id << "created by user" << r.userId;
    // Every other session of every member learns of it; then the first log entry.
    m_ctx.pushConversation(c.id, {}, r.from);
    if (entry)
        publishEntry(*entry, {});
    const QList<qint64> members = m_ctx.directory.memberIds(c.id);
    m_ctx.presence->introduce(members, members);
}

Conversation *Conversations::groupFor(const Request &r, qint64 conversationId)
{
    Conversation *c = m_ctx.directory.findMutable(conversationId);
    if (!c) {
        m_ctx.fail(r, ErrorCode::NoSuchConversation, u"no such conversation"_s);
        return nullptr;
    }
    if (!c->member(r.userId)) {
        m_ctx.fail(r, ErrorCode::NotMember, u"you are not a member of this conversation"_s);
        return nullptr;
    }
    if (c->kind != ConversationKind::Group) {
        m_ctx.fail(r, ErrorCode::NotAllowed, u"a direct chat's members and title cannot change"_s);
        return nullptr;
    }
    return c;
}

void Conversations::addMember(const Request &r, const AddMemberFrame &f)
{
    Conversation *c = groupFor(r, f.conversationId);
    if (!c)
        return;
    if (c->member(r.userId)->role == Role::Member) {
        m_ctx.fail(r, ErrorCode::NotAllowed, u"only the owner and admins add members"_s);
        return;
    }
    if (c->member(f.userId)) {
        m_ctx.fail(r, ErrorCode::AlreadyMember, u"already a member"_s);
        return;
    }
    if (m_ctx.directory.hasBlocked(f.userId, r.userId)) {
        m_ctx.fail(r, ErrorCode::Blocked, u"that user blocked you"_s);
        return;
    }
    if (c->members.size() >= MaxGroupMembers) {
        m_ctx.fail(r, ErrorCode::GroupFull,
                   u"a group has at most %1 members"_s.arg(MaxGroupMembers));
        return;
    }
    // The username is looked up first; membership is changed in memory only once it exists.
    m_ctx.store.run<UserRecord>(
            m_ctx.thread, [user = f.userId](Database &db) { return db.accounts().userById(user); },
            [this, r, f](Result<UserRecord> user) {
                if (user && user->disabled)
                    user = Error{ErrorCode::NoSuchUser, u"no such user"_s};
                if (!user) {
                    m_ctx.fail(r, user.error());
                    return;
                }
                Conversation *group = groupFor(r, f.conversationId);
                if (!group)
                    return;
                if (group->member(r.userId)->role == Role::Member) {
                    m_ctx.fail(r, ErrorCode::NotAllowed,
                               u"only the owner and admins add members"_s);
                    return;
                }
                if (group->member(f.userId)) {
                    m_ctx.fail(r, ErrorCode::AlreadyMember, u"already a member"_s);
                    return;
                }
                if (group->members.size() >= MaxGroupMembers) {
                    m_ctx.fail(r, ErrorCode::GroupFull,
                               u"a group has at most %1 members"_s.arg(MaxGroupMembers));
                    return;
                }
                const Conversation before = *group;
                Member m;
                m.userId = user->id;
                m.username = user->username;
                m.role = Role::Member;
                group->members.append(m);
                m_ctx.directory.setRoleSince(group->id, m.userId, nowMs());
                m_ctx.directory.put(Conversation(*group));
                MembershipChange change;
                change.conversationId = f.conversationId;
                change.op = MembershipChange::Op::AddMember;
                change.userId = user->id;
                change.role = Role::Member;
                change.event = MembershipEvent{MembershipEvent::Action::Added,
                                               r.userId,
                                               user->id,
                                               user->username,
                                               Role::Member,
                                               {}};
                commit(r, change, before, {});
            });
}

void Conversations::removeMember(const Request &r, const RemoveMemberFrame &f)
{
    Conversation *c = groupFor(r, f.conversationId);
    if (!c)
        return;
    if (c->member(r.userId)->role == Role::Member) {
        m_ctx.fail(r, ErrorCode::NotAllowed, u"only the owner and admins remove members"_s);
        return;
    }
    if (f.userId == r.userId) {
        m_ctx.fail(r, ErrorCode::InvalidArgument, u"to remove yourself, leave"_s);
        return;
    }
    const Member *target = c->member(f.userId);
    if (!target) {
        m_ctx.fail(r, ErrorCode::InvalidArgument, u"that user is not a member"_s);
        return;
    }
    if (target->role == Role::Owner) {
        m_ctx.fail(r, ErrorCode::NotAllowed, u"nobody can remove the owner"_s);
        return;
    }
    const Conversation before = *c;
    MembershipChange change;
    change.conversationId = f.conversationId;
    change.op = MembershipChange::Op::RemoveMember;
    change.userId = f.userId;
    change.event = MembershipEvent{MembershipEvent::Action::Removed,
                                   r.userId,
                                   f.userId,
                                   target->username,
                                   Role::Member,
                                   {}};
    c->members.removeIf([&](const Member &m) { return m.userId == f.userId; });
    m_ctx.directory.put(Conversation(*c));
    commit(r, change, before, {f.userId});
}

void Conversations::leave(const Request &r, const LeaveFrame &f)
{
    Conversation *c = groupFor(r, f.conversationId);
    if (!c)
        return;
    const Conversation before = *c;
    const Member me = *c->member(r.userId);
    MembershipChange change;
    change.conversationId = f.conversationId;
    change.op = MembershipChange::Op::RemoveMember;
    change.userId = r.userId;
    change.event = MembershipEvent{
            MembershipEvent::Action::Left, r.userId, r.userId, me.username, Role::Member, {}};
    c->members.removeIf([&](const Member &m) { return m.userId == r.userId; });
    if (me.role == Role::Owner && !c->members.isEmpty()) {
        // The admin who has been one longest, else the member who joined first (members are
        // kept in joining order).
        Member *heir = nullptr;
        for (Member &m : c->members) {
            if (m.role == Role::Admin
                && (!heir
                    || m_ctx.directory.roleSince(c->id, m.userId)
                            < m_ctx.directory.roleSince(c->id, heir->userId)))
                heir = &m;
        }
        if (!heir)
            heir = &c->members.first();
        heir->role = Role::Owner;
        m_ctx.directory.setRoleSince(c->id, heir->userId, nowMs());
        change.handOver = qMakePair(heir->userId,
                                    MembershipEvent{MembershipEvent::Action::RoleChanged,
                                                    r.userId,
                                                    heir->userId,
                                                    heir->username,
                                                    Role::Owner,
                                                    {}});
    }
    m_ctx.directory.put(Conversation(*c));
    commit(r, change, before, {r.userId});
}

void Conversations::setRole(const Request &r, const SetRoleFrame &f)
{
    Conversation *c = groupFor(r, f.conversationId);
    if (!c)
        return;
    if (c->member(r.userId)->role != Role::Owner) {
        m_ctx.fail(r, ErrorCode::NotAllowed, u"only the owner changes roles"_s);
        return;
    }
    if (f.role == Role::Owner) {
        m_ctx.fail(r, ErrorCode::InvalidArgument,
                   u"ownership passes on only when the owner leaves"_s);
        return;
    }
    Member *target = findMember(*c, f.userId);
    if (!target || target->role == Role::Owner) {
        m_ctx.fail(r, ErrorCode::InvalidArgument, u"the target is a member other than the owner"_s);
        return;
    }
    const Conversation before = *c;
    MembershipChange change;
    change.conversationId = f.conversationId;
    change.op = MembershipChange::Op::SetRole;
    change.userId = f.userId;
    change.role = f.role;
    change.event = MembershipEvent{
            MembershipEvent::Action::RoleChanged, r.userId, f.userId, target->username, f.role, {}};
    target->role = f.role;
    m_ctx.directory.setRoleSince(c->id, f.userId, nowMs());
    m_ctx.directory.put(Conversation(*c));
    commit(r, change, before, {});
}

void Conversations::rename(const Request &r, const RenameFrame &f)
{
    Conversation *c = groupFor(r, f.conversationId);
    if (!c)
        return;
    if (c->member(r.userId)->role == Role::Member) {
        m_ctx.fail(r, ErrorCode::NotAllowed, u"only the owner and admins rename a group"_s);
        return;
    }
    const Conversation before = *c;
    const QString title = f.title.trimmed();
    MembershipChange change;
    change.conversationId = f.conversationId;
    change.op = MembershipChange::Op::SetTitle;
    change.title = title;
    change.event =
            MembershipEvent{MembershipEvent::Action::Renamed, r.userId, 0, {}, Role::Member, title};
    c->title = title;
    m_ctx.directory.put(Conversation(*c));
    commit(r, change, before, {});
}

void Conversations::setTimer(const Request &r, const SetTimerFrame &f)
{
    Conversation *c = m_ctx.directory.findMutable(f.conversationId);
    if (!c) {
        m_ctx.fail(r, ErrorCode::NoSuchConversation, u"no such conversation"_s);
        return;
    }
    const Member *me = c->member(r.userId);
    if (!me) {
        m_ctx.fail(r, ErrorCode::NotMember, u"you are not a member of this conversation"_s);
        return;
    }
    // In a direct chat both people decide; in a group, those who change its settings.
    if (c->kind == ConversationKind::Group && me->role == Role::Member) {
        m_ctx.fail(r, ErrorCode::NotAllowed,
                   u"only the owner and admins set disappearing messages"_s);
        return;
    }
    const bool offered =
            std::find(std::begin(DisappearingTimers), std::end(DisappearingTimers), f.seconds)
            != std::end(DisappearingTimers);
    if (!offered && !(m_ctx.config.allowTestTimers && f.seconds == TestTimerSeconds)) {
        m_ctx.fail(r, ErrorCode::InvalidArgument,
                   u"the timer is one of 0, 300, 3600, 86400, 604800 or 2419200 seconds"_s);
        return;
    }
    if (c->timerSeconds == f.seconds) {
        m_ctx.ok(r); // nothing changes: no entry, no push
        return;
    }
    const Conversation before = *c;
    MembershipChange change;
    change.conversationId = f.conversationId;
    change.op = MembershipChange::Op::SetTimer;
    change.timerSeconds = f.seconds;
    change.event.action = MembershipEvent::Action::TimerChanged;
    change.event.actorUserId = r.userId;
    change.event.timerSeconds = f.seconds;
    c->timerSeconds = f.seconds;
    m_ctx.directory.put(Conversation(*c));
    commit(r, change, before, {});
}

void Conversations::commit(const Request &r, MembershipChange change, Conversation before,
                           QList<qint64> alsoNotify)
{
    m_ctx.store.run<QList<Envelope>>(
            m_ctx.thread,
            [change](Database &db) { return db.conversations().applyMembership(change, nowMs()); },
            [this, r, change, before, alsoNotify](Result<QList<Envelope>> entries) {
                if (!entries) {
                    // Put the members back as they were; the log did not move.
                    if (Conversation *c = m_ctx.directory.findMutable(before.id)) {
                        Conversation restored = before;
                        restored.lastSeq = c->lastSeq;
                        m_ctx.directory.put(restored);
                    }
                    m_ctx.fail(r, entries.error());
                    return;
                }
                for (const Envelope &e : *entries)
                    m_ctx.directory.setLastSeq(e.conversationId, e.seq);
                m_ctx.ok(r);
                for (const Envelope &e : *entries)
                    publishEntry(e, alsoNotify);
                m_ctx.pushConversation(before.id, alsoNotify);
                if (change.op == MembershipChange::Op::AddMember)
                    m_ctx.presence->introduce({change.userId},
                                              m_ctx.directory.memberIds(before.id));
            });
}

void Conversations::publishEntry(const Envelope &entry, const QList<qint64> &alsoNotify)
{
    QList<qint64> users = m_ctx.directory.memberIds(entry.conversationId);
    for (qint64 u : alsoNotify) {
        if (!users.contains(u))
            users.append(u);
    }
    m_ctx.pushMessage(entry, users);
}

} // namespace Parley
