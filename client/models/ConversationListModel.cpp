#include "ConversationListModel.h"

#include "RowSync_p.h"
#include "contacts/Profiles.h"

#include <QtCore/QSet>

namespace Parley {

using namespace Qt::StringLiterals;

ConversationListModel::ConversationListModel(QObject *parent) : QAbstractListModel(parent) { }

int ConversationListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QHash<int, QByteArray> ConversationListModel::roleNames() const
{
    return {{ConversationIdRole, "conversationId"},
            {TitleRole, "title"},
            {IsGroupRole, "isGroup"},
            {LastMessageRole, "lastMessage"},
            {LastActivityRole, "lastActivity"},
            {UnreadCountRole, "unreadCount"},
            {OnlineRole, "online"},
            {LastSeenRole, "lastSeen"},
            {TypingTextRole, "typingText"},
            {MutedRole, "muted"},
            {AvatarSourceRole, "avatarSource"},
            {PeerUsernameRole, "peerUsername"}};
}

QVariant ConversationListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &r = m_rows.at(index.row());
    switch (role) {
    case ConversationIdRole:
        return r.summary.conversation.id;
    case Qt::DisplayRole:
    case TitleRole:
        return r.title;
    case IsGroupRole:
        return r.summary.conversation.kind == ConversationKind::Group;
    case LastMessageRole:
        return r.summary.lastPreview;
    case LastActivityRole:
        return QDateTime::fromMSecsSinceEpoch(r.summary.lastActivity);
    case UnreadCountRole:
        return r.summary.unreadCount;
    case OnlineRole:
        return r.presence.online;
    case LastSeenRole:
        return r.presence.lastSeen > 0 ? QDateTime::fromMSecsSinceEpoch(r.presence.lastSeen)
                                       : QDateTime();
    case TypingTextRole:
        return r.typingText;
    case MutedRole:
        return r.summary.muted;
    case AvatarSourceRole:
        return r.avatarSource;
    case PeerUsernameRole:
        return peerUsernameOf(r.summary);
    default:
        return {};
    }
}

void ConversationListModel::setFilter(const QString &filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    rebuild();
    Q_EMIT filterChanged();
}

qint64 ConversationListModel::peerOf(const ConversationSummary &summary) const
{
    if (summary.conversation.kind != ConversationKind::Direct)
        return 0;
    for (const Member &m : summary.conversation.members) {
        if (m.userId != m_selfUserId)
            return m.userId;
    }
    return 0;
}

QString ConversationListModel::titleOf(const ConversationSummary &summary) const
{
    if (summary.conversation.kind == ConversationKind::Group
        || !summary.conversation.title.isEmpty())
        return summary.conversation.title;
    for (const Member &m : summary.conversation.members) {
        if (m.userId != m_selfUserId)
            return m_profiles ? m_profiles->nameOf(m.userId, m.username) : m.username;
    }
    return tr("(just you)");
}

QString ConversationListModel::peerUsernameOf(const ConversationSummary &summary) const
{
    const qint64 peer = peerOf(summary);
    for (const Member &m : summary.conversation.members) {
        if (peer != 0 && m.userId == peer)
            return m.username;
    }
    return {};
}

QList<ConversationSummary> ConversationListModel::summaries() const
{
    QList<ConversationSummary> all;
    for (const Row &row : m_all)
        all.append(row.summary);
    return all;
}

void ConversationListModel::setProfiles(const Profiles *profiles)
{
    m_profiles = profiles;
    connect(profiles, &Profiles::changed, this, &ConversationListModel::onProfileChanged);
}

void ConversationListModel::onProfileChanged(qint64 userId)
{
    QList<qint64> changed;
    for (auto it = m_all.begin(); it != m_all.end(); ++it) {
        if (peerOf(it->summary) == userId) {
            it.value() = makeRow(it->summary);
            changed.append(it.key());
        }
    }
    if (changed.isEmpty())
        return;
    rebuild();
    for (const qint64 id : std::as_const(changed))
        Q_EMIT summaryChanged(id);
}

QString ConversationListModel::usernameOf(qint64 userId) const
{
    for (const Row &row : m_all) {
        for (const Member &m : row.summary.conversation.members) {
            if (m.userId == userId)
                return m.username;
        }
    }
    return {};
}

QList<Member> ConversationListModel::people() const
{
    QList<Member> people;
    QSet<qint64> seen;
    for (const Row &row : m_all) {
        for (const Member &m : row.summary.conversation.members) {
            if (m.userId != m_selfUserId && !seen.contains(m.userId)) {
                seen.insert(m.userId);
                people.append(m);
            }
        }
    }
    return people;
}

ConversationListModel::Row ConversationListModel::makeRow(const ConversationSummary &summary) const
{
    Row row;
    row.summary = summary;
    row.title = titleOf(summary);
    const qint64 peer = peerOf(summary);
    row.presence = peer ? m_presence.value(peer, Presence{peer, false, 0}) : Presence{};
    row.avatarSource = peer && m_profiles ? m_profiles->avatarSourceOf(peer) : QString();
    if (const auto it = m_all.constFind(summary.conversation.id); it != m_all.cend())
        row.typingText = it->typingText;
    return row;
}

void ConversationListModel::setSummaries(const QList<ConversationSummary> &summaries)
{
    QHash<qint64, Row> all;
    for (const ConversationSummary &s : summaries)
        all.insert(s.conversation.id, makeRow(s));
    m_all = all;
    rebuild();
    for (const ConversationSummary &s : summaries)
        Q_EMIT summaryChanged(s.conversation.id);
}

void ConversationListModel::updateSummary(const ConversationSummary &summary)
{
    m_all.insert(summary.conversation.id, makeRow(summary));
    rebuild();
    Q_EMIT summaryChanged(summary.conversation.id);
}

void ConversationListModel::removeAll()
{
    m_all.clear();
    m_presence.clear();
    rebuild();
}

void ConversationListModel::setPresence(const Presence &presence)
{
    m_presence.insert(presence.userId, presence);
    bool any = false;
    for (Row &row : m_all) {
        if (peerOf(row.summary) == presence.userId) {
            row.presence = presence;
            any = true;
        }
    }
    if (any)
        rebuild();
}

void ConversationListModel::setTypingText(qint64 conversationId, const QString &text)
{
    const auto it = m_all.find(conversationId);
    if (it == m_all.end() || it->typingText == text)
        return;
    it->typingText = text;
    rebuild();
}

const ConversationSummary *ConversationListModel::summary(qint64 conversationId) const
{
    const auto it = m_all.constFind(conversationId);
    return it == m_all.cend() ? nullptr : &it->summary;
}

QList<int> ConversationListModel::changedRoles(const Row &a, const Row &b)
{
    QList<int> roles;
    if (a.title != b.title)
        roles << TitleRole;
    if (a.summary.conversation.kind != b.summary.conversation.kind)
        roles << IsGroupRole;
    if (a.summary.lastPreview != b.summary.lastPreview)
        roles << LastMessageRole;
    if (a.summary.lastActivity != b.summary.lastActivity)
        roles << LastActivityRole;
    if (a.summary.unreadCount != b.summary.unreadCount)
        roles << UnreadCountRole;
    if (a.presence.online != b.presence.online)
        roles << OnlineRole;
    if (a.presence.lastSeen != b.presence.lastSeen)
        roles << LastSeenRole;
    if (a.typingText != b.typingText)
        roles << TypingTextRole;
    if (a.summary.muted != b.summary.muted)
        roles << MutedRole;
    if (a.avatarSource != b.avatarSource)
        roles << AvatarSourceRole;
    return roles;
}

void ConversationListModel::rebuild()
{
    QList<Row> next;
    int unread = 0;
    for (const Row &row : std::as_const(m_all)) {
        if (!row.summary.muted)
            unread += row.summary.unreadCount;
        // A direct chat titled with a display name is found by the username too.
        if (m_filter.isEmpty() || row.title.contains(m_filter, Qt::CaseInsensitive)
            || peerUsernameOf(row.summary).contains(m_filter, Qt::CaseInsensitive))
            next.append(row);
    }
    std::sort(next.begin(), next.end(), [](const Row &a, const Row &b) {
        if (a.summary.lastActivity != b.summary.lastActivity)
            return a.summary.lastActivity > b.summary.lastActivity;
        return a.summary.conversation.id > b.summary.conversation.id;
    });
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
            m_rows, next, [](const Row &r) { return r.summary.conversation.id; },
            [](const Row &a, const Row &b) { return changedRoles(a, b); }, signals_);
    if (unread != m_totalUnread) {
        m_totalUnread = unread;
        Q_EMIT totalUnreadChanged();
    }
}

} // namespace Parley
