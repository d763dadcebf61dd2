#include "EmojiModel.h"

#include "content/EmojiCatalog.h"
#include "content/RecentEmoji.h"

namespace Parley {

using namespace Qt::StringLiterals;

EmojiModel::EmojiModel(RecentEmoji *recents, QObject *parent)
    : QAbstractListModel(parent),
      m_recents(recents)
{
    connect(m_recents, &RecentEmoji::changed, this, [this] {
        if (m_filter.trimmed().isEmpty())
            rebuild();
    });
}

QString EmojiModel::recentGroup()
{
    return tr("Recently used");
}

int EmojiModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid())
        return 0;
    build();
    return int(m_rows.size());
}

QVariant EmojiModel::data(const QModelIndex &index, int role) const
{
    build();
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case EmojiRole:
        return row.emoji;
    case NameRole:
        return row.name;
    case GroupRole:
        return row.group;
    default:
        return {};
    }
}

QHash<int, QByteArray> EmojiModel::roleNames() const
{
    return {{EmojiRole, "emoji"}, {NameRole, "name"}, {GroupRole, "group"}};
}

void EmojiModel::setFilter(const QString &filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    Q_EMIT filterChanged();
    rebuild();
}

QVariantList EmojiModel::groups() const
{
    build();
    QVariantList groups;
    QString last;
    for (const Row &row : std::as_const(m_rows)) {
        if (row.group == last)
            continue;
        last = row.group;
        // The recents' tab shows a clock, not whichever emoji was used last.
        const QString shown = row.group == recentGroup() ? u"🕘"_s : row.emoji;
        groups.append(QVariantMap{{u"name"_s, row.group}, {u"emoji"_s, shown}});
    }
    return groups;
}

int EmojiModel::rowOfGroup(const QString &group) const
{
    build();
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).group == group)
            return int(i);
    }
    return -1;
}

QString EmojiModel::groupOf(int row) const
{
    build();
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).group : QString();
}

void EmojiModel::use(const QString &emoji)
{
    m_recents->use(emoji);
}

void EmojiModel::rebuild()
{
    if (!m_built)
        return; // nobody has seen rows yet: build() makes them when asked
    beginResetModel();
    m_built = false;
    build();
    endResetModel();
    Q_EMIT countChanged();
}

void EmojiModel::build() const
{
    if (m_built)
        return;
    m_built = true;
    m_rows.clear();
    const EmojiCatalog &catalog = EmojiCatalog::instance();
    const QStringList words = EmojiCatalog::queryWords(m_filter);
    if (words.isEmpty()) {
        const QString recent = recentGroup();
        const QStringList recents = m_recents->emoji();
        for (const QString &emoji : recents) {
            const EmojiEntry *entry = catalog.find(emoji);
            m_rows.append(Row{emoji, entry ? entry->name : emoji, recent});
        }
    }
    for (const EmojiEntry &entry : catalog.entries()) {
        if (EmojiCatalog::matches(entry, words))
            m_rows.append(Row{entry.emoji, entry.name, entry.group});
    }
}

} // namespace Parley
