#include "ServerConfig.h"

#include <QtCore/QDir>
#include <QtCore/QStandardPaths>
#include <QtCore/QThread>

#include <algorithm>

namespace Parley {

QString ServerConfig::resolvedDataDir() const
{
    if (!dataDir.isEmpty())
        return QDir(dataDir).absolutePath();
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)
            + QStringLiteral("/parleyd");
}

int ServerConfig::resolvedWorkers() const
{
    if (workers > 0)
        return workers;
    return std::max(1, QThread::idealThreadCount());
}

Result<DatabaseUrl> ServerConfig::resolvedDatabase() const
{
    if (!database.isEmpty())
        return DatabaseUrl::parse(database);
    return DatabaseUrl::sqlite(resolvedDataDir() + QStringLiteral("/parley.db"));
}

} // namespace Parley
