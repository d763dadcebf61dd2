#pragma once

/// The emoji I used last (from the picker or as reactions), most recent first: kept in the
/// cache as the setting "emoji/recent", so they survive restarts; erasing the account's data
/// forgets them with the other settings.

#include <QtCore/QObject>
#include <QtCore/QStringList>

namespace Parley {

class MessageStore;

class RecentEmoji : public QObject
{
    Q_OBJECT

public:
    /// How many are kept.
    static constexpr qsizetype Limit = 24;

    explicit RecentEmoji(MessageStore *store, QObject *parent = nullptr);

    /// Reads the stored list (the cache must be open); loaded() follows.
    void load();
    bool isLoaded() const { return m_loaded; }
    QStringList emoji() const { return m_emoji; }
    /// Puts `emoji` first (moving it if it was there), drops the oldest beyond Limit and
    /// stores the list. Anything a reaction could not carry is ignored.
    void use(const QString &emoji);
    /// Forgets the list in memory (the cache's copy went with the account's data).
    void clear();

Q_SIGNALS:
    void loaded();
    void changed();

private:
    void store();

    MessageStore *m_store;
    QStringList m_emoji;
    bool m_loaded = false;
};

} // namespace Parley
