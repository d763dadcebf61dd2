#pragma once

/// Opens the cache database encrypted at rest (SealedVfs), converting a cache kept in clear by
/// an older Parley once, and tells a wrong key from a damaged file before SQLite writes a byte.
///
/// A sealed cache is marked in the clear part of its header (PRAGMA application_id): "PrlC"
/// when its key is in the keychain, "PrlS" when the key lived in memory for one session only
/// (no keychain), so such a cache is known to be unreadable once that session is over.
/// Everything here runs on the cache's thread.

#include "protocol/Result.h"

#include <QtCore/QByteArray>
#include <QtCore/QString>

class QSqlDatabase;

namespace Parley {

/// The secret the cache is sealed with (32 random bytes, keychain entry "<profile>/cache-key").
struct CacheKey
{
    QByteArray secret;
    /// No keychain: the secret exists in this process only, and the cache dies with it.
    bool sessionOnly = false;

    static constexpr qsizetype Size = 32;
    static CacheKey generate(bool sessionOnly = false);
    bool isValid() const { return secret.size() == Size; }
};

namespace SealedCache {

enum class FileState {
    Absent, ///< no cache yet
    Clear, ///< an SQLite database in clear (an older Parley, or kept so without a keychain)
    Sealed, ///< sealed with the key in the keychain
    SessionSealed, ///< sealed with a key that lived for one session
};

/// What the file at `path` is, from its first 100 bytes (cheap; any thread).
FileState inspect(const QString &path);

/// Opens `db` (a QSQLITE connection, not open yet) on `path` sealed with `key`: creates it, or
/// converts a clear one (all of it, WAL included; the clear files are gone after), or opens a
/// sealed one after checking that `key` opens it. With a session-only key a clear cache stays
/// clear (converting it would lose it at the end of the session) and one sealed for an
/// earlier session is replaced. A StorageError says why it cannot; the files are untouched
/// then. The caller sets its own pragmas and migrates after.
Status open(QSqlDatabase &db, const QString &path, const CacheKey &key);

/// Forgets the key of `path` (call after closing its connection).
void close(const QString &path);

} // namespace SealedCache

} // namespace Parley
