#include "MemberListModel.h"

#include "chat/States.h"
#include "contacts/Profiles.h"

#include "RowSync_p.h"

namespace Parley {

MemberListModel::MemberListModel(qint64 conversationId, qint64 selfUserId, QObject *parent)
    : QAbstractListModel(parent),
      m_conversationId(conversationId),
      m_selfUserId(selfUserId)
{
}

QList<Member> MemberListModel::memberList() const
{
    QList<Member> members;
    members.reserve(m_rows.size());
    for (const Row &row : m_rows)
        members.append(row.member);
    return members;
}

int MemberListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QHash<int, QByteArray> MemberListModel::roleNames() const
{
    return {{UserIdRole, "userId"},
            {UsernameRole, "username"},
            {RoleRole, "role"},
            {OnlineRole, "online"},
            {IsSelfRole, "isSelf"},
            {DisplayNameRole, "displayName"},
            {AvatarSourceRole, "avatarSource"}};
}

QVariant MemberListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &r = m_rows.at(index.row());
    switch (role) {
    case UserIdRole:
        return r.member.userId;
    case Qt::DisplayRole:
    case UsernameRole:
        return r.member.username;
    case RoleRole:
        return int(States::memberRole(r.member.role));
    case OnlineRole:
        return r.online;
    case IsSelfRole:
        return r.member.userId == m_selfUserId;
    case DisplayNameRole:
        return m_profiles ? m_profiles->displayNameOf(r.member.userId) : QString();
    case AvatarSourceRole:
        return m_profiles ? m_profiles->avatarSourceOf(r.member.userId) : QString();
    default:
        return {};
    }
}

void MemberListModel::setProfiles(const Profiles *profiles)
{
    m_profiles = profiles;
    connect(profiles, &Profiles::changed, this, [this](qint64 userId) {
        for (int i = 0; i < int(m_rows.size()); ++i) {
            if (m_rows.at(i).member.userId == userId)
                Q_EMIT dataChanged(index(i), index(i), {DisplayNameRole, AvatarSourceRole});
        }
    });
}

void MemberListModel::setMembers(const QList<Member> &members)
{
    QList<Row> next;
    for (const Member &m : members)
        next.append(Row{m, m_online.value(m.userId, false)});
    std::stable_sort(next.begin(), next.end(), [](const Row &a, const Row &b) {
        if (a.member.role != b.member.role)
            return a.member.role > b.member.role;
        return a.member.username < b.member.username;
    });
    apply(next);
    bool canManage = false, isOwner = false;
    for (const Member &m : members) {
        if (m.userId == m_selfUserId) {
            canManage = m.role != Parley::Role::Member;
            isOwner = m.role == Parley::Role::Owner;
        }
    }
    if (canManage != m_canManage) {
        m_canManage = canManage;
        Q_EMIT canManageChanged();
    }
    if (isOwner != m_isOwner) {
        m_isOwner = isOwner;
        Q_EMIT isOwnerChanged();
    }
}

void MemberListModel::setPresence(const Presence &presence)
{
    m_online.insert(presence.userId, presence.online);
    QList<Row> next = m_rows;
    for (Row &r : next) {
        if (r.member.userId == presence.userId)
            r.online = presence.online;
    }
    apply(next);
}

void MemberListModel::apply(QList<Row> next)
{
    RowSignals signals_{
            [this](int f, int l) { beginRemoveRows({}, f, l); },
            [this] { endRemoveRows(); },
            [this](int f, int l) { beginInsertRows({}, f, l); },
            [this] { endInsertRows(); },
            [this](int from, int to) { beginMoveRows({}, from, from, {}, to); },
            [this] { endMoveRows(); },
            [this](int row, const QList<int> &roles) {
                Q_EMIT dataChanged(index(row), index(row), roles);
            },
    };
    syncRows(
            m_rows, next, [](const Row &r) { return r.member.userId; },
            [](const Row &a, const Row &b) {
                QList<int> roles;
                if (a.member.username != b.member.username)
                    roles << UsernameRole;
                if (a.member.role != b.member.role)
                    roles << RoleRole;
                if (a.online != b.online)
                    roles << OnlineRole;
                return roles;
            },
            signals_);
}

} // namespace Parley
