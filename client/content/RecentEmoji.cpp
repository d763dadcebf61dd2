#include "RecentEmoji.h"

#include "content/MessageContent.h"
#include "store/MessageStore.h"

namespace Parley {

using namespace Qt::StringLiterals;

namespace {

const QString SettingKey = u"emoji/recent"_s;
// Emoji never contain spaces (a reaction may not), so one space separates them in the setting.
constexpr QChar Separator = u' ';

} // namespace

RecentEmoji::RecentEmoji(MessageStore *store, QObject *parent) : QObject(parent), m_store(store) { }

void RecentEmoji::load()
{
    m_store->setting(SettingKey).then(this, [this](const QVariant &value) {
        QStringList stored = value.toString().split(Separator, Qt::SkipEmptyParts);
        // Used before the cache answered: those are newer than the stored ones.
        const bool usedMeanwhile = !m_emoji.isEmpty();
        for (const QString &emoji : std::as_const(m_emoji))
            stored.removeAll(emoji);
        m_emoji += stored;
        if (m_emoji.size() > Limit)
            m_emoji.resize(Limit);
        m_loaded = true;
        if (usedMeanwhile)
            store();
        Q_EMIT loaded();
        Q_EMIT changed();
    });
}

void RecentEmoji::use(const QString &emoji)
{
    if (!MessageContent::isValidEmoji(emoji))
        return;
    if (!m_emoji.isEmpty() && m_emoji.first() == emoji)
        return;
    m_emoji.removeAll(emoji);
    m_emoji.prepend(emoji);
    if (m_emoji.size() > Limit)
        m_emoji.resize(Limit);
    // Before the stored list is read, writing would drop it: load() stores the merged list.
    if (m_loaded)
        store();
    Q_EMIT changed();
}

void RecentEmoji::store()
{
    m_store->setSetting(SettingKey, m_emoji.join(Separator));
}

void RecentEmoji::clear()
{
    if (m_emoji.isEmpty())
        return;
    m_emoji.clear();
    Q_EMIT changed();
}

} // namespace Parley
