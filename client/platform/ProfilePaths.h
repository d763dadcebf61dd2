#pragma once

/// Where a profile keeps its files: `QStandardPaths::AppDataLocation/profiles/<profile>`.

#include <QtCore/QString>

namespace Parley {

namespace ProfilePaths {

/// A profile name is 1–64 of [A-Za-z0-9_.-]; anything else is refused (it names a folder).
bool isValidProfileName(const QString &profile);
/// The profile's data folder (not created).
QString dataDir(const QString &profile);
/// The cache database inside a data folder.
QString cacheFile(const QString &dataDir);

} // namespace ProfilePaths

} // namespace Parley
