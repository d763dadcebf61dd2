#pragma once

/// The profile's entries in the OS keychain (Secret Service, KWallet, …) through QtKeychain.
///
/// Service "parley", key "<profile>/<name>". Today the one entry is the master key of the
/// profile's secrets file (ProfileSecrets); profiles from before that file also have their
/// device tokens ("<profile>/<host:port>/token") and storage keys here until they move.
/// Never falls back to a plain file: when no keychain works the caller is told (Error with
/// code Unavailable and a message for the user) and decides with the user.

#include "protocol/Result.h"

#include <QtCore/QFuture>
#include <QtCore/QObject>

namespace Parley {

class Keychain : public QObject
{
    Q_OBJECT

public:
    explicit Keychain(QString profile, QObject *parent = nullptr);

    static QString service() { return QStringLiteral("parley"); }
    /// The full key of entry `name`.
    QString keyFor(const QString &name) const;

    /// The entry, an empty QByteArray when there is none, or an Error when the keychain cannot
    /// be used (no Secret Service, locked, access denied).
    QFuture<Result<QByteArray>> readSecret(const QString &name);
    QFuture<Status> writeSecret(const QString &name, const QByteArray &secret);
    /// Deleting an entry that does not exist succeeds.
    QFuture<Status> deleteSecret(const QString &name);

private:
    QString m_profile;
};

} // namespace Parley
