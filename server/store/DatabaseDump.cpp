#include "DatabaseDump.h"

#include "Database.h"
#include "admin/ExternalProgram.h"

#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QUuid>
#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlError>
#include <QtSql/QSqlQuery>

#include <cstdio>

namespace Parley {

using namespace Qt::StringLiterals;

namespace {

/// libpq's connection string for pg_dump and pg_restore; the password goes in PGPASSWORD so
/// that it is not on a command line other local users can read.
QString connectionString(const DatabaseUrl &url)
{
    const auto quoted = [](QString value) -> QString {
        value.replace(u'\\', u"\\\\"_s).replace(u'\'', u"\\'"_s);
        return u'\'' + value + u'\'';
    };
    QStringList parts{u"host="_s + quoted(url.host), u"port="_s + QString::number(url.port),
                      u"dbname="_s + quoted(url.name)};
    if (!url.user.isEmpty())
        parts.append(u"user="_s + quoted(url.user));
    for (const QString &option : url.options.split(u';', Qt::SkipEmptyParts)) {
        const qsizetype eq = option.indexOf(u'=');
        if (eq > 0)
            parts.append(option.left(eq) + u'=' + quoted(option.mid(eq + 1)));
    }
    return parts.join(u' ');
}

QProcessEnvironment postgresEnvironment(const DatabaseUrl &url)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (!url.password.isEmpty())
        env.insert(u"PGPASSWORD"_s, url.password);
    return env;
}

/// Runs one statement on its own connection to an SQLite file.
Status sqliteExec(const QString &path, const QString &sql, const QVariant &value = {},
                  QString *firstColumn = nullptr)
{
    const QString name = u"parley-dump-"_s + QUuid::createUuid().toString(QUuid::Id128);
    Status result;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(path);
        db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=5000"_s);
        if (!db.open()) {
            result = Error{ErrorCode::StorageError,
                           u"cannot open %1: %2"_s.arg(path, db.lastError().text())};
        } else {
            QSqlQuery q(db);
            q.prepare(sql);
            if (value.isValid())
                q.addBindValue(value);
            if (!q.exec())
                result =
                        Error{ErrorCode::StorageError, u"%1: %2"_s.arg(path, q.lastError().text())};
            else if (firstColumn && q.next())
                *firstColumn = q.value(0).toString();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return result;
}

} // namespace

QString DatabaseDump::fileName(DatabaseUrl::Kind kind)
{
    return kind == DatabaseUrl::Kind::Sqlite ? u"parley.db"_s : u"parley.pgdump"_s;
}

Status DatabaseDump::write(const DatabaseUrl &url, const QString &file)
{
    if (url.kind == DatabaseUrl::Kind::Sqlite) {
        if (!QFileInfo::exists(url.sqlitePath))
            return Error{ErrorCode::InvalidArgument, u"no database at %1"_s.arg(url.sqlitePath)};
        return sqliteExec(url.sqlitePath, u"VACUUM INTO ?"_s, file);
    }
    return ExternalProgram::run(u"pg_dump"_s,
                                {u"--format=custom"_s, u"--no-owner"_s, u"--no-privileges"_s,
                                 u"--file="_s + file, u"--dbname="_s + connectionString(url)},
                                postgresEnvironment(url));
}

Result<bool> DatabaseDump::holdsData(const DatabaseUrl &url)
{
    if (url.kind == DatabaseUrl::Kind::Sqlite && QFileInfo(url.sqlitePath).size() == 0)
        return false;
    Database db(url);
    if (Status s = db.open(); !s)
        return s.error();
    return db.schemaVersion() > 0;
}

Status DatabaseDump::read(const DatabaseUrl &url, const QString &file)
{
    if (url.kind == DatabaseUrl::Kind::Postgres)
        return ExternalProgram::run(u"pg_restore"_s,
                                    {u"--clean"_s, u"--if-exists"_s, u"--no-owner"_s,
                                     u"--no-privileges"_s, u"--single-transaction"_s,
                                     u"--exit-on-error"_s, u"--dbname="_s + connectionString(url),
                                     file},
                                    postgresEnvironment(url));

    QString check;
    if (Status s = sqliteExec(file, u"PRAGMA integrity_check"_s, {}, &check); !s)
        return s;
    if (check != "ok"_L1)
        return Error{ErrorCode::StorageError,
                     u"the database in the backup is damaged: %1"_s.arg(check)};
    // Copy beside the target, then rename over it: the database is the old one or the
    // restored one, never half of each. The old one's WAL must not be applied to the new file.
    const QString incoming = url.sqlitePath + u".restoring"_s;
    QFile::remove(incoming);
    if (!QFile::copy(file, incoming))
        return Error{ErrorCode::StorageError, u"cannot write %1"_s.arg(incoming)};
    QFile::setPermissions(incoming, QFile::ReadOwner | QFile::WriteOwner);
    for (const char *suffix : {"-wal", "-shm"})
        QFile::remove(url.sqlitePath + QLatin1StringView(suffix));
    if (std::rename(QFile::encodeName(incoming).constData(),
                    QFile::encodeName(url.sqlitePath).constData())
        != 0)
        return Error{ErrorCode::StorageError, u"cannot rename %1"_s.arg(incoming)};
    return {};
}

} // namespace Parley
