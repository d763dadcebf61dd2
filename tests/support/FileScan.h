#pragma once

/// Finds plaintext in files on disk, for tests that prove a profile or a cache keeps none.
/// Header only.

#include <QtCore/QDir>
#include <QtCore/QDirIterator>
#include <QtCore/QFile>
#include <QtCore/QStringList>

namespace Parley::FileScan {

/// The files under `dir` (every kind, every depth), relative to it, that hold `needle` in UTF-8
/// or UTF-16.
inline QStringList filesHolding(const QString &dir, const QString &needle)
{
    QStringList found;
    const QByteArray utf8 = needle.toUtf8();
    const QByteArray utf16(reinterpret_cast<const char *>(needle.utf16()), needle.size() * 2);
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QByteArray bytes = file.readAll();
        if (bytes.contains(utf8) || bytes.contains(utf16))
            found << QDir(dir).relativeFilePath(file.fileName());
    }
    return found;
}

} // namespace Parley::FileScan
