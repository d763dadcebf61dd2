#include "ContactListModel.h"

#include "ConversationListModel.h"
#include "RowSync_p.h"
#include "contacts/Profiles.h"

#include <QtCore/QCollator>
#include <QtCore/QTimer>

namespace Parley {

ContactListModel::ContactListModel(const ConversationListModel *conversations, QObject *parent)
    : QAbstractListModel(parent),
      m_conversations(conversations)
{
    // Members change with summaries; a burst of them (a sync) rebuilds once.
    connect(conversations, &ConversationListModel::summaryChanged, this,
            &ContactListModel::scheduleRebuild);
    connect(conversations, &QAbstractItemModel::modelReset, this,
            &ContactListModel::scheduleRebuild);
    connect(conversations, &QAbstractItemModel::rowsRemoved, this,
            &ContactListModel::scheduleRebuild);
}

int ContactListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QHash<int, QByteArray> ContactListModel::roleNames() const
{
    return {{UserIdRole, "userId"},
            {UsernameRole, "username"},
            {NameRole, "name"},
            {OnlineRole, "online"},
            {AvatarSourceRole, "avatarSource"}};
}

QVariant ContactListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &r = m_rows.at(index.row());
    switch (role) {
    case UserIdRole:
        return r.userId;
    case UsernameRole:
        return r.username;
    case Qt::DisplayRole:
    case NameRole:
        return r.name;
    case OnlineRole:
        return r.presence.online;
    case AvatarSourceRole:
        return r.avatarSource;
    default:
        return {};
    }
}

void ContactListModel::setFilter(const QString &filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    rebuild();
    Q_EMIT filterChanged();
}

QString ContactListModel::usernameAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).username : QString();
}

int ContactListModel::rowOfUsername(const QString &username) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).username.compare(username, Qt::CaseInsensitive) == 0)
            return i;
    }
    return -1;
}

void ContactListModel::setSelfUserId(qint64 userId)
{
    m_selfUserId = userId;
    m_presence.clear();
    scheduleRebuild();
}

void ContactListModel::setPresence(const Presence &presence)
{
    m_presence.insert(presence.userId, presence);
    for (int i = 0; i < m_rows.size(); ++i) {
        Row &row = m_rows[i];
        if (row.userId != presence.userId)
            continue;
        const Row before = row;
        row.presence = presence;
        const QList<int> roles = changedRoles(before, row);
        if (!roles.isEmpty())
            Q_EMIT dataChanged(index(i), index(i), roles);
    }
}

void ContactListModel::setProfiles(const Profiles *profiles)
{
    m_profiles = profiles;
    setDisplayNames([profiles](qint64 userId) { return profiles->displayNameOf(userId); });
    connect(profiles, &Profiles::changed, this, &ContactListModel::displayNameChanged);
}

void ContactListModel::setDisplayNames(std::function<QString(qint64)> displayNameOf)
{
    m_displayNameOf = std::move(displayNameOf);
    scheduleRebuild();
}

void ContactListModel::displayNameChanged(qint64 userId)
{
    Q_UNUSED(userId); // a name moves the row, so the whole order is worked out again
    scheduleRebuild();
}

QString ContactListModel::folded(const QString &text)
{
    // Decompose, then drop the combining marks: "é" becomes "e".
    const QString decomposed = text.normalized(QString::NormalizationForm_KD);
    QString out;
    out.reserve(decomposed.size());
    for (const QChar c : decomposed) {
        if (c.category() != QChar::Mark_NonSpacing && c.category() != QChar::Mark_Enclosing)
            out.append(c);
    }
    return out.toCaseFolded();
}

void ContactListModel::scheduleRebuild()
{
    if (m_rebuildPending)
        return;
    m_rebuildPending = true;
    QTimer::singleShot(0, this, &ContactListModel::rebuild);
}

void ContactListModel::rebuild()
{
    m_rebuildPending = false;
    const QString needle = folded(m_filter.trimmed());
    QList<Row> next;
    const QList<Member> people = m_conversations->people();
    for (const Member &m : people) {
        if (m.userId == m_selfUserId)
            continue;
        Row row;
        row.userId = m.userId;
        row.username = m.username;
        const QString displayName = m_displayNameOf ? m_displayNameOf(m.userId) : QString();
        row.name = displayName.isEmpty() ? m.username : displayName;
        row.key = folded(displayName) + QChar(u'\n') + folded(m.username);
        row.presence = m_presence.value(m.userId, Presence{m.userId, false, 0});
        row.avatarSource = m_profiles ? m_profiles->avatarSourceOf(m.userId) : QString();
        if (needle.isEmpty() || row.key.contains(needle))
            next.append(row);
    }
    QCollator collator;
    collator.setCaseSensitivity(Qt::CaseInsensitive);
    collator.setNumericMode(true);
    std::sort(next.begin(), next.end(), [&](const Row &a, const Row &b) {
        if (const int c = collator.compare(a.name, b.name); c != 0)
            return c < 0;
        return a.userId < b.userId;
    });
    const int before = int(m_rows.size());
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
            m_rows, next, [](const Row &r) { return r.userId; },
            [](const Row &a, const Row &b) { return changedRoles(a, b); }, signals_);
    if (m_rows.size() != before)
        Q_EMIT countChanged();
}

QList<int> ContactListModel::changedRoles(const Row &a, const Row &b)
{
    QList<int> roles;
    if (a.username != b.username)
        roles << UsernameRole;
    if (a.name != b.name)
        roles << NameRole;
    if (a.presence.online != b.presence.online)
        roles << OnlineRole;
    if (a.avatarSource != b.avatarSource)
        roles << AvatarSourceRole;
    return roles;
}

} // namespace Parley
