#include "Mentions.h"

#include <algorithm>

namespace Parley::Mentions {

namespace {

/// What a username is made of besides '.' and '-' (which also end sentences and phrases).
bool isNameChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'_';
}

/// Whether a name that ends before `at` ends there: no name character follows, nor a '.' or
/// '-' that goes on with one ("@bob.smith" is not bob).
bool endsAt(const QString &text, qsizetype at)
{
    if (at >= text.size())
        return true;
    const QChar c = text.at(at);
    if (isNameChar(c))
        return false;
    if (c == u'.' || c == u'-')
        return at + 1 >= text.size() || !isNameChar(text.at(at + 1));
    return true;
}

} // namespace

QList<Found> find(const QString &text, const QStringList &usernames)
{
    QList<Found> found;
    for (qsizetype at = text.indexOf(u'@'); at >= 0; at = text.indexOf(u'@', at + 1)) {
        if (at > 0) {
            const QChar before = text.at(at - 1);
            if (isNameChar(before) || before == u'@' || before == u'.' || before == u'-')
                continue;
        }
        qsizetype best = -1;
        for (qsizetype i = 0; i < usernames.size(); ++i) {
            const QString &name = usernames.at(i);
            if (name.isEmpty() || (best >= 0 && usernames.at(best).size() >= name.size())
                || QStringView(text).mid(at + 1, name.size()).compare(name, Qt::CaseInsensitive)
                        != 0
                || !endsAt(text, at + 1 + name.size()))
                continue;
            best = i;
        }
        if (best < 0)
            continue;
        found.append(Found{at, usernames.at(best).size() + 1, best});
        at += usernames.at(best).size();
    }
    return found;
}

QList<qint64> mentionedIds(const QString &text, const QList<Member> &members)
{
    QStringList names;
    for (const Member &m : members)
        names.append(m.username);
    QList<qint64> ids;
    for (const Found &f : find(text, names)) {
        const qint64 id = members.at(f.name).userId;
        if (!ids.contains(id))
            ids.append(id);
    }
    return ids;
}

QList<Member> completions(const QString &prefix, const QList<Member> &members, qint64 selfUserId)
{
    QList<Member> matching;
    for (const Member &m : members) {
        if (m.userId != selfUserId && m.username.startsWith(prefix, Qt::CaseInsensitive))
            matching.append(m);
    }
    std::sort(matching.begin(), matching.end(),
              [](const Member &a, const Member &b) { return a.username < b.username; });
    return matching;
}

} // namespace Parley::Mentions
