#pragma once

/// Every emoji the picker offers, with its name and group: Unicode's emoji-test.txt (Debian's
/// unicode-data, built into the client as a resource), read once when first asked for.

#include <QtCore/QByteArrayView>
#include <QtCore/QList>
#include <QtCore/QString>
#include <QtCore/QStringList>

namespace Parley {

/// One emoji of the catalogue.
struct EmojiEntry
{
    QString emoji; ///< the fully-qualified sequence, e.g. "❤️"
    QString name; ///< Unicode's short name, e.g. "red heart"
    QString group; ///< e.g. "Smileys & Emotion"
    QStringList words; ///< the name's words in lower case, for search
};

class EmojiCatalog
{
public:
    /// The built-in catalogue, parsed on first use (thread-safe).
    static const EmojiCatalog &instance();

    /// Parses emoji-test.txt: fully-qualified entries only, in the file's order, groups kept;
    /// skin-tone variants are left out (the base emoji stays), as are sequences longer than a
    /// reaction may be.
    static EmojiCatalog parse(QByteArrayView text);

    const QList<EmojiEntry> &entries() const { return m_entries; }
    /// The groups in the file's order ("Smileys & Emotion", "People & Body", …).
    const QStringList &groups() const { return m_groups; }
    /// The entry of `emoji`, or null if the catalogue does not have it.
    const EmojiEntry *find(const QString &emoji) const;
    /// Whether every word of `query` starts a word of the entry's name (case ignored); an empty
    /// query matches everything.
    static bool matches(const EmojiEntry &entry, const QStringList &queryWords);
    /// `query` split into lower-case words, as matches() takes them.
    static QStringList queryWords(const QString &query);

private:
    QList<EmojiEntry> m_entries;
    QStringList m_groups;
};

} // namespace Parley
