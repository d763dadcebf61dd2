#include "ProfilePaths.h"

#include <QtCore/QDir>
#include <QtCore/QFileInfo>
#include <QtCore/QStandardPaths>

namespace Parley::ProfilePaths {

using namespace Qt::StringLiterals;

bool isValidProfileName(const QString &profile)
{
    if (profile.isEmpty() || profile.size() > 64 || profile.startsWith(u'.'))
        return false;
    for (QChar c : profile) {
        const char16_t u = c.unicode();
        const bool ok = (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z')
                || (u >= u'0' && u <= u'9') || u == u'_' || u == u'.' || u == u'-';
        if (!ok)
            return false;
    }
    return true;
}

QString dataDir(const QString &profile)
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/profiles/"_s
            + profile;
}

QString cacheFile(const QString &dataDir)
{
    return QDir(dataDir).filePath(u"cache.sqlite"_s);
}

QString downloadsDir(const QString &customDataDir)
{
    if (!customDataDir.isEmpty())
        return QDir(customDataDir).filePath(u"Downloads"_s);
    const QString downloads = QStandardPaths::writableLocation(QStandardPaths::DownloadLocation);
    if (downloads.isEmpty())
        return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/Downloads"_s;
    return QDir(downloads).filePath(u"Parley"_s);
}

QString uniqueFilePath(const QString &dir, const QString &name, const QStringList &reserved)
{
    const QDir folder(dir);
    const auto taken = [&](const QString &path) {
        return reserved.contains(path) || QFileInfo::exists(path);
    };
    QString path = folder.filePath(name);
    if (!taken(path))
        return path;
    // The number goes before the last extension ("photo (1).jpg"); a name that is all
    // extension (".bashrc") or has none gets it at the end.
    const qsizetype dot = name.lastIndexOf(u'.');
    const QString base = dot > 0 ? name.left(dot) : name;
    const QString extension = dot > 0 ? name.mid(dot) : QString();
    for (int n = 1;; ++n) {
        path = folder.filePath(u"%1 (%2)%3"_s.arg(base).arg(n).arg(extension));
        if (!taken(path))
            return path;
    }
}

} // namespace Parley::ProfilePaths
