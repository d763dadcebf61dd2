#include "BackupArchive.h"

#include "ExternalProgram.h"
#include "ServerConfig.h"
#include "store/Database.h"
#include "store/DatabaseDump.h"
#include "store/RestoredNumbering.h"

#include <QtCore/QDateTime>
#include <QtCore/QDir>
#include <QtCore/QDirIterator>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QTemporaryDir>

#include <cstdio>

namespace Parley {

using namespace Qt::StringLiterals;

namespace {

constexpr auto Format = "parley-backup"_L1;
constexpr int FormatVersion = 1;

QString kindName(DatabaseUrl::Kind kind)
{
    return kind == DatabaseUrl::Kind::Sqlite ? u"sqlite"_s : u"postgresql"_s;
}

Status copyFile(const QString &from, const QString &to, QFile::Permissions permissions)
{
    QDir().mkpath(QFileInfo(to).absolutePath());
    QFile::remove(to);
    if (!QFile::copy(from, to))
        return Error{ErrorCode::StorageError, u"cannot copy %1 to %2"_s.arg(from, to)};
    QFile::setPermissions(to, permissions);
    return {};
}

constexpr QFile::Permissions Private = QFile::ReadOwner | QFile::WriteOwner;
constexpr QFile::Permissions PrivateDir = Private | QFile::ExeOwner;

} // namespace

Result<QJsonObject> BackupArchive::create(const ServerConfig &config, const QString &configFile,
                                          const QString &file)
{
    auto url = config.resolvedDatabase();
    if (!url)
        return url.error();
    const QString dataDir = config.resolvedDataDir();
    const QString target = QFileInfo(file).absoluteFilePath();
    // Staged beside the target: the dump may be large, and /tmp may be small or private.
    QTemporaryDir stage(QFileInfo(target).absolutePath() + u"/.parley-backup-XXXXXX"_s);
    if (!stage.isValid())
        return Error{ErrorCode::StorageError,
                     u"cannot create a folder beside %1: %2"_s.arg(target, stage.errorString())};

    int schemaVersion = 0;
    {
        Database db(*url);
        if (Status s = db.open(); !s)
            return s.error();
        schemaVersion = db.schemaVersion();
    }
    QDir(stage.path()).mkpath(u"database"_s);
    const QString dump = u"database/"_s + DatabaseDump::fileName(url->kind);
    if (Status s = DatabaseDump::write(*url, stage.filePath(dump)); !s)
        return s.error();

    QStringList members{u"manifest.json"_s, u"database"_s};
    const QString tlsDir = dataDir + u"/tls"_s;
    if (config.tlsCert.isEmpty() && QFileInfo::exists(tlsDir + u"/cert.pem"_s)) {
        for (const QString &name : {u"cert.pem"_s, u"key.pem"_s}) {
            if (Status s =
                        copyFile(tlsDir + u'/' + name, stage.filePath(u"tls/"_s + name), Private);
                !s)
                return s.error();
        }
        members.append(u"tls"_s);
    }
    if (!configFile.isEmpty()) {
        if (Status s = copyFile(configFile, stage.filePath(u"config/parleyd.ini"_s), Private); !s)
            return s.error();
        members.append(u"config"_s);
    }

    QJsonObject manifest{
            {u"format"_s, QString(Format)},
            {u"formatVersion"_s, FormatVersion},
            {u"parleydVersion"_s, QStringLiteral(PARLEY_VERSION)},
            {u"createdAt"_s, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)},
            {u"database"_s, kindName(url->kind)},
            {u"schemaVersion"_s, schemaVersion},
            {u"contents"_s, QJsonArray::fromStringList(members.mid(1))},
    };
    // Attachments go in after the database dump, so every attachment row in the dump has its
    // file (files are written before their row, and never change afterwards).
    const bool attachments = QFileInfo::exists(dataDir + u"/attachments"_s);
    if (attachments) {
        QJsonArray contents = manifest.value(u"contents"_s).toArray();
        contents.append(u"attachments"_s);
        manifest.insert(u"contents"_s, contents);
    }
    QFile manifestFile(stage.filePath(u"manifest.json"_s));
    if (!manifestFile.open(QIODevice::WriteOnly)
        || manifestFile.write(QJsonDocument(manifest).toJson()) < 0 || !manifestFile.flush())
        return Error{ErrorCode::StorageError, u"cannot write the manifest"_s};
    manifestFile.close();

    const QString partial = target + u".partial"_s;
    QFile::remove(partial);
    QStringList arguments{u"--create"_s, u"--file"_s, partial, u"--directory"_s, stage.path()};
    arguments += members;
    if (attachments)
        // An attachment deleted by retention while tar runs is simply not in the backup.
        arguments += {u"--directory"_s, dataDir, u"--ignore-failed-read"_s,
                      u"--exclude=attachments/partial"_s, u"attachments"_s};
    if (Status s = ExternalProgram::run(u"tar"_s, arguments); !s) {
        QFile::remove(partial);
        return s.error();
    }
    QFile::setPermissions(partial, Private);
    if (std::rename(QFile::encodeName(partial).constData(), QFile::encodeName(target).constData())
        != 0)
        return Error{ErrorCode::StorageError, u"cannot rename %1 to %2"_s.arg(partial, target)};
    return manifest;
}

Result<QJsonObject> BackupArchive::restore(const ServerConfig &config, const QString &file,
                                           bool force)
{
    auto url = config.resolvedDatabase();
    if (!url)
        return url.error();
    if (!QFileInfo(file).isReadable())
        return Error{ErrorCode::InvalidArgument, u"cannot read %1"_s.arg(file)};
    const QString dataDir = config.resolvedDataDir();
    if (!QDir().mkpath(dataDir))
        return Error{ErrorCode::StorageError, u"cannot create the data folder %1"_s.arg(dataDir)};
    QFile::setPermissions(dataDir, PrivateDir);
    // Unpacked inside the data folder, so that files move into place by renaming.
    QTemporaryDir stage(dataDir + u"/.restore-XXXXXX"_s);
    if (!stage.isValid())
        return Error{ErrorCode::StorageError, stage.errorString()};
    if (Status s = ExternalProgram::run(u"tar"_s,
                                        {u"--extract"_s, u"--no-same-owner"_s, u"--file"_s,
                                         QFileInfo(file).absoluteFilePath(), u"--directory"_s,
                                         stage.path()});
        !s)
        return s.error();

    QFile manifestFile(stage.filePath(u"manifest.json"_s));
    const QJsonObject manifest = manifestFile.open(QIODevice::ReadOnly)
            ? QJsonDocument::fromJson(manifestFile.readAll()).object()
            : QJsonObject();
    if (manifest.value(u"format"_s).toString() != Format
        || manifest.value(u"formatVersion"_s).toInt() != FormatVersion)
        return Error{ErrorCode::InvalidArgument, u"%1 is not a parleyd backup"_s.arg(file)};
    const QString kind = manifest.value(u"database"_s).toString();
    if (kind != kindName(url->kind))
        return Error{ErrorCode::InvalidArgument,
                     u"the backup holds a %1 database, but this server uses %2: restore it "
                     "with the same kind of --database"_s.arg(kind, kindName(url->kind))};

    auto live = DatabaseDump::holdsData(*url);
    if (!live)
        return live.error();
    if (*live && !force)
        return Error{ErrorCode::NotAllowed,
                     u"%1 already holds a Parley database; stop parleyd and add --force to "
                     "replace it with the backup"_s.arg(url->displayName())};

    if (Status s = DatabaseDump::read(
                *url, stage.filePath(u"database/"_s + DatabaseDump::fileName(url->kind)));
        !s)
        return s.error();
    {
        // Clients keep what the old server handed out after the backup: never again.
        Database db(*url);
        if (Status s = db.open(); !s)
            return s.error();
        if (Status s = RestoredNumbering::advance(db); !s)
            return s.error();
    }

    // The generated certificate (clients pinned it), the attachments, and the config beside.
    QDirIterator files(stage.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (files.hasNext()) {
        const QString from = files.next();
        const QString relative = QDir(stage.path()).relativeFilePath(from);
        QString to;
        if (relative.startsWith("tls/"_L1) || relative.startsWith("attachments/"_L1))
            to = dataDir + u'/' + relative;
        else if (relative == "config/parleyd.ini"_L1)
            to = dataDir + u"/parleyd.ini.from-backup"_s;
        else
            continue;
        QDir().mkpath(QFileInfo(to).absolutePath());
        QFile::setPermissions(QFileInfo(to).absolutePath(), PrivateDir);
        QFile::setPermissions(from, Private);
        if (std::rename(QFile::encodeName(from).constData(), QFile::encodeName(to).constData())
            != 0)
            return Error{ErrorCode::StorageError, u"cannot move %1 to %2"_s.arg(from, to)};
    }
    return manifest;
}

} // namespace Parley
