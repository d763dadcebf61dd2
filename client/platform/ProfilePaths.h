#pragma once

/// Where a profile keeps its files: `QStandardPaths::AppDataLocation/profiles/<profile>`.

#include <QtCore/QString>
#include <QtCore/QStringList>

namespace Parley {

namespace ProfilePaths {

/// A profile name is 1–64 of [A-Za-z0-9_.-]; anything else is refused (it names a folder).
bool isValidProfileName(const QString &profile);
/// The profile's data folder (not created).
QString dataDir(const QString &profile);
/// The cache database inside a data folder.
QString cacheFile(const QString &dataDir);
/// Where received files go (not created): the user's Downloads/Parley, as people look for
/// them there; with a data folder of its own (`customDataDir`: tests, a portable setup) that
/// folder's Downloads, so such a profile writes nothing outside it.
QString downloadsDir(const QString &customDataDir);
/// A path in `dir` for a file called `name` that neither exists nor is in `reserved`: the name
/// itself, else "name (1).ext", "name (2).ext", … (a received file never overwrites one).
QString uniqueFilePath(const QString &dir, const QString &name, const QStringList &reserved = {});

} // namespace ProfilePaths

} // namespace Parley
