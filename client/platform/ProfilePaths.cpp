#include "ProfilePaths.h"

#include <QtCore/QDir>
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

} // namespace Parley::ProfilePaths
