#include "EmojiCatalog.h"

#include "Logging.h"
#include "content/MessageContent.h"

#include <QtCore/QFile>
#include <QtCore/QRegularExpression>

#include <algorithm>
#include <optional>

namespace Parley {

using namespace Qt::StringLiterals;

namespace {

/// The resource the build embeds (client/CMakeLists.txt).
constexpr auto ResourcePath = ":/parley/emoji/emoji-test.txt";

bool isSkinTone(char32_t codePoint)
{
    return codePoint >= 0x1F3FB && codePoint <= 0x1F3FF;
}

QStringList nameWords(const QString &name)
{
    static const QRegularExpression separators(u"[^\\p{L}\\p{N}]+"_s);
    return name.toLower().split(separators, Qt::SkipEmptyParts);
}

// One line of the file: "1F44D  ; fully-qualified  # 👍 E0.6 thumbs up".
std::optional<EmojiEntry> parseEntry(QByteArrayView line, const QString &group)
{
    const qsizetype semicolon = line.indexOf(';');
    const qsizetype hash = line.indexOf('#');
    if (semicolon <= 0 || hash <= semicolon)
        return std::nullopt;
    if (line.sliced(semicolon + 1, hash - semicolon - 1).trimmed() != "fully-qualified")
        return std::nullopt;

    QString emoji;
    const QList<QByteArray> points = line.first(semicolon).trimmed().toByteArray().split(' ');
    for (const QByteArray &hex : points) {
        if (hex.isEmpty())
            continue;
        bool ok = false;
        const auto codePoint = static_cast<char32_t>(hex.toUInt(&ok, 16));
        if (!ok || isSkinTone(codePoint))
            return std::nullopt;
        emoji += QString::fromUcs4(&codePoint, 1);
    }
    // The comment: the emoji, its version ("E0.6"), then the name.
    const QString comment = QString::fromUtf8(line.sliced(hash + 1)).trimmed();
    static const QRegularExpression version(u"^\\S+\\s+E\\d+\\.\\d+\\s+"_s);
    const QRegularExpressionMatch m = version.match(comment);
    if (emoji.isEmpty() || !m.hasMatch() || emoji.toUtf8().size() > MessageContent::MaxEmojiBytes)
        return std::nullopt;
    EmojiEntry entry;
    entry.emoji = emoji;
    entry.name = comment.mid(m.capturedLength());
    entry.group = group;
    entry.words = nameWords(entry.name);
    return entry;
}

} // namespace

const EmojiCatalog &EmojiCatalog::instance()
{
    static const EmojiCatalog catalog = [] {
        QFile file(QString::fromLatin1(ResourcePath));
        if (!file.open(QIODevice::ReadOnly)) {
            qCWarning(lcClientModels) << "no emoji catalogue:" << file.errorString();
            return EmojiCatalog();
        }
        return parse(file.readAll());
    }();
    return catalog;
}

EmojiCatalog EmojiCatalog::parse(QByteArrayView text)
{
    EmojiCatalog catalog;
    QString group;
    qsizetype start = 0;
    while (start < text.size()) {
        qsizetype end = text.indexOf('\n', start);
        if (end < 0)
            end = text.size();
        const QByteArrayView line = text.sliced(start, end - start).trimmed();
        start = end + 1;
        if (line.startsWith("# group:")) {
            group = QString::fromUtf8(line.sliced(8)).trimmed();
            continue;
        }
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        if (auto entry = parseEntry(line, group)) {
            if (catalog.m_groups.isEmpty() || catalog.m_groups.last() != group)
                catalog.m_groups.append(group);
            catalog.m_entries.append(std::move(*entry));
        }
    }
    return catalog;
}

const EmojiEntry *EmojiCatalog::find(const QString &emoji) const
{
    for (const EmojiEntry &entry : m_entries) {
        if (entry.emoji == emoji)
            return &entry;
    }
    return nullptr;
}

QStringList EmojiCatalog::queryWords(const QString &query)
{
    return nameWords(query);
}

bool EmojiCatalog::matches(const EmojiEntry &entry, const QStringList &queryWords)
{
    return std::all_of(queryWords.cbegin(), queryWords.cend(), [&entry](const QString &word) {
        return std::any_of(entry.words.cbegin(), entry.words.cend(),
                           [&word](const QString &own) { return own.startsWith(word); });
    });
}

} // namespace Parley
