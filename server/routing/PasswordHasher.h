#pragma once

/// argon2id password hashes (libsodium crypto_pwhash_str, interactive limits), computed on a
/// small thread pool of their own so no I/O, routing or store thread ever runs one.

#include <QtCore/QFuture>
#include <QtCore/QString>

namespace Parley {

class PasswordHasher
{
public:
    /// Calls sodium_init(); false if libsodium cannot be used.
    static bool initialize();

    /// An encoded "$argon2id$…" string; empty on failure (out of memory).
    static QFuture<QString> hash(const QString &password);
    /// true if `password` matches `encoded`. With an empty `encoded` it still does the work
    /// (so an unknown username takes as long as a wrong password) and returns false.
    static QFuture<bool> verify(const QString &encoded, const QString &password);
    /// Hash computations waiting or running; callers refuse new ones above a bound.
    static int pending();

    static QString hashNow(const QString &password);
    static bool verifyNow(const QString &encoded, const QString &password);
};

} // namespace Parley
