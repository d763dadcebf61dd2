#include "SealedCache.h"

#include "Logging.h"
#include "SealedVfs.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QUrl>
#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlError>
#include <QtSql/QSqlQuery>

#include <sodium.h>

#include <atomic>
#include <cstdio>
#include <fcntl.h>
#include <unistd.h>

namespace Parley {

using namespace Qt::StringLiterals;

namespace {

/// PRAGMA application_id values, in the header's clear bytes 68–71.
constexpr qint32 KeychainSealedId = 0x50726C43; // "PrlC"
constexpr qint32 SessionSealedId = 0x50726C53; // "PrlS"

std::atomic_int s_conversionCounter{0};

Error storageError(const QString &message)
{
    return Error{ErrorCode::StorageError, message};
}

/// The URI that opens `path` through the sealed VFS (its key is set on the path, not here).
QString sealedUri(const QString &path)
{
    return u"file:"_s
            + QString::fromLatin1(QUrl::toPercentEncoding(QFileInfo(path).absoluteFilePath(), "/"))
            + u"?vfs="_s + QLatin1StringView(SealedVfs::name());
}

bool exec(QSqlDatabase &db, const QString &sql, QString *error = nullptr)
{
    QSqlQuery q(db);
    if (q.exec(sql))
        return true;
    if (error)
        *error = q.lastError().text();
    qCWarning(lcClientStore) << "sealed cache:" << sql.left(40)
                             << "failed:" << q.lastError().text();
    return false;
}

bool syncFile(const QString &path)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    const bool synced = ::fsync(fd) == 0;
    ::close(fd);
    return synced;
}

void removeDatabaseFiles(const QString &path)
{
    for (const QString &suffix : {u""_s, u"-wal"_s, u"-shm"_s, u"-journal"_s})
        QFile::remove(path + suffix);
}

/// Opens `db` on the sealed file at `path` (key already set) and readies it: temp files in
/// memory, the first read (schema), then WAL with the seal's mark for a new database. A new
/// database gets its mark under an in-memory journal: the sealed VFS refuses journal files,
/// and going from MEMORY to WAL writes page 1 with no journal at all.
bool openSealedFile(QSqlDatabase &db, const QString &path, qint32 mark, QString *error)
{
    db.setConnectOptions(u"QSQLITE_OPEN_URI"_s);
    db.setDatabaseName(sealedUri(path));
    if (!db.open()) {
        *error = db.lastError().text();
        return false;
    }
    // A page SQLite keeps in its cache is decrypted once: 8 MiB (SQLite's default is 2 MiB)
    // keep the pages a start-up and a search touch again from being read and decrypted again.
    if (!exec(db, u"PRAGMA temp_store = MEMORY"_s, error)
        || !exec(db, u"PRAGMA cache_size = -8192"_s, error)
        || !exec(db, u"SELECT count(*) FROM sqlite_schema"_s, error))
        return false;
    QSqlQuery q(db);
    if (!q.exec(u"PRAGMA journal_mode"_s) || !q.next()) {
        *error = q.lastError().text();
        return false;
    }
    if (q.value(0).toString().compare(u"wal"_s, Qt::CaseInsensitive) == 0)
        return true;
    q.finish();
    return exec(db, u"PRAGMA journal_mode = MEMORY"_s, error)
            && exec(db, u"PRAGMA application_id = %1"_s.arg(mark), error)
            && exec(db, u"PRAGMA journal_mode = WAL"_s, error);
}

/// Copies the clear cache at `path` into a sealed file and puts that in its place: VACUUM INTO
/// a file beside it through the sealed VFS, fsync, rename over the clear file (atomic: a crash
/// leaves one whole cache or the other), then the clear WAL and shm go. The clear file's
/// blocks are freed, not overwritten (docs/security.md).
Status convert(const QString &path, const CacheKey &key)
{
    const QString sealing = path + u".sealing"_s;
    removeDatabaseFiles(sealing);
    if (!SealedVfs::setKey(sealing, key.secret))
        return storageError(QCoreApplication::translate("Parley::SealedCache",
                                                        "The cache's key cannot be used."));
    QString error;
    bool copied = false;
    const QString clearName = u"parley-cache-clear-%1"_s.arg(s_conversionCounter.fetch_add(1));
    {
        QSqlDatabase clear = QSqlDatabase::addDatabase(u"QSQLITE"_s, clearName);
        clear.setConnectOptions(u"QSQLITE_OPEN_URI"_s);
        clear.setDatabaseName(QFileInfo(path).absoluteFilePath());
        QString target = sealedUri(sealing);
        target.replace(u'\'', u"''"_s);
        // The clear WAL is folded into the file first, so the copy is the whole cache.
        copied = clear.open() && exec(clear, u"PRAGMA temp_store = MEMORY"_s, &error)
                && exec(clear, u"PRAGMA wal_checkpoint(TRUNCATE)"_s, &error)
                && exec(clear, u"VACUUM INTO '%1'"_s.arg(target), &error);
        if (!clear.isOpen())
            error = clear.lastError().text();
        clear.close();
    }
    QSqlDatabase::removeDatabase(clearName);
    if (copied) {
        const QString sealedName = clearName + u"-sealed"_s;
        {
            QSqlDatabase sealed = QSqlDatabase::addDatabase(u"QSQLITE"_s, sealedName);
            copied = openSealedFile(sealed, sealing, KeychainSealedId, &error);
            sealed.close();
        }
        QSqlDatabase::removeDatabase(sealedName);
    }
    copied = copied && syncFile(sealing);
    if (copied) {
        QFile::remove(path + u"-wal"_s);
        QFile::remove(path + u"-shm"_s);
        copied = std::rename(QFile::encodeName(sealing).constData(),
                             QFile::encodeName(path).constData())
                == 0;
        syncFile(QFileInfo(path).absolutePath());
    }
    SealedVfs::forgetKey(sealing);
    if (!copied) {
        removeDatabaseFiles(sealing);
        qCWarning(lcClientStore) << "converting the cache failed:" << error;
        return storageError(
                QCoreApplication::translate("Parley::SealedCache",
                                            "The local cache could not be encrypted: %1")
                        .arg(error));
    }
    qCInfo(lcClientStore) << "the cache is encrypted at rest now";
    return {};
}

} // namespace

CacheKey CacheKey::generate(bool sessionOnly)
{
    CacheKey key;
    key.secret.resize(Size);
    randombytes_buf(key.secret.data(), std::size_t(Size));
    key.sessionOnly = sessionOnly;
    return key;
}

SealedCache::FileState SealedCache::inspect(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return FileState::Absent;
    const QByteArray header = file.read(100);
    if (header.isEmpty())
        return QFileInfo(path + u"-wal"_s).size() > 0 ? FileState::Clear : FileState::Absent;
    if (header.size() < 100)
        return FileState::Clear; // not a database; SQLite says so when it opens it
    const auto *b = reinterpret_cast<const unsigned char *>(header.constData()) + 68;
    const qint32 id = qint32((quint32(b[0]) << 24) | (quint32(b[1]) << 16) | (quint32(b[2]) << 8)
                             | quint32(b[3]));
    if (id == KeychainSealedId)
        return FileState::Sealed;
    if (id == SessionSealedId)
        return FileState::SessionSealed;
    return FileState::Clear;
}

Status SealedCache::open(QSqlDatabase &db, const QString &path, const CacheKey &key)
{
    if (!key.isValid() || !SealedVfs::ensureRegistered() || !SealedVfs::setKey(path, key.secret))
        return storageError(QCoreApplication::translate(
                "Parley::SealedCache", "The encryption of the local cache is not available."));
    const qint32 mark = key.sessionOnly ? SessionSealedId : KeychainSealedId;
    QString error;
    switch (inspect(path)) {
    case FileState::Clear:
        if (key.sessionOnly) {
            // Sealing it with a key that dies with this session would lose it: it stays as it
            // is until a keychain works (the user is told, Client).
            db.setDatabaseName(path);
            if (!db.open())
                return storageError(db.lastError().text());
            return exec(db, u"PRAGMA temp_store = MEMORY"_s, &error) ? Status()
                                                                     : storageError(error);
        }
        if (Status converted = convert(path, key); !converted)
            return converted;
        break;
    case FileState::SessionSealed:
        if (!SealedVfs::keyFits(path)) {
            // Sealed for a session that is over: nobody can read it any more.
            qCInfo(lcClientStore) << "replacing a cache sealed for an earlier session";
            removeDatabaseFiles(path);
        }
        break;
    case FileState::Sealed:
        if (key.sessionOnly || !SealedVfs::keyFits(path))
            return storageError(QCoreApplication::translate(
                    "Parley::SealedCache",
                    "The key in the system keychain does not open the local "
                    "cache. Nothing was changed."));
        break;
    case FileState::Absent:
        removeDatabaseFiles(path);
        break;
    }
    if (!openSealedFile(db, path, mark, &error)) {
        db.close();
        return storageError(QCoreApplication::translate("Parley::SealedCache",
                                                        "The local cache cannot be opened: %1")
                                    .arg(error));
    }
    return {};
}

void SealedCache::close(const QString &path)
{
    SealedVfs::forgetKey(path);
}

} // namespace Parley
