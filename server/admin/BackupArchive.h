#pragma once

/// `parleyd backup FILE` and `parleyd restore FILE`: one tar file with a manifest, a consistent
/// dump of the database (DatabaseDump), the generated TLS certificate and key, the config file
/// and the finished attachments (docs/operations.md, "Back up and restore").

#include "protocol/Result.h"

#include <QtCore/QJsonObject>
#include <QtCore/QString>

namespace Parley {

struct ServerConfig;

class BackupArchive
{
public:
    /// Writes the backup of the server `config` describes to `file` (mode 0600: it holds the
    /// TLS private key). `configFile` (the --config file, may be empty) goes in too. Safe
    /// while the server runs. Returns the manifest written.
    static Result<QJsonObject> create(const ServerConfig &config, const QString &configFile,
                                      const QString &file);
    /// Restores `file` into the database and data folder `config` names. Refuses a database
    /// that already holds data unless `force`; the server must not run on it then. The
    /// backup's config file is put beside, as <data folder>/parleyd.ini.from-backup. Returns
    /// the backup's manifest.
    static Result<QJsonObject> restore(const ServerConfig &config, const QString &file, bool force);
};

} // namespace Parley
