#pragma once

/// Keeps device tokens in the OS keychain (Secret Service, KWallet, …) through QtKeychain.
///
/// One entry per profile and server: service "parley", key "<profile>/<host:port>/token"
/// (other secrets of the profile: "<profile>/<name>").
/// Never falls back to a plain file: when no keychain works the caller is told (Error with
/// code Unavailable and a message for the user) and decides with the user.

#include "protocol/Result.h"

#include <QtCore/QFuture>
#include <QtCore/QObject>

namespace Parley {

class TokenStore : public QObject
{
    Q_OBJECT

public:
    explicit TokenStore(QString profile, QObject *parent = nullptr);

    static QString service() { return QStringLiteral("parley"); }
    QString keyFor(const QString &serverKey) const;

    /// The token, an empty QByteArray when there is no entry, or an Error when the keychain
    /// cannot be used (no Secret Service, locked, access denied).
    QFuture<Result<QByteArray>> readToken(const QString &serverKey);
    QFuture<Status> writeToken(const QString &serverKey, const QByteArray &token);
    /// Deleting an entry that does not exist succeeds.
    QFuture<Status> deleteToken(const QString &serverKey);

    /// Any other secret of this profile, under key "<profile>/<name>" (e.g. the storage key of
    /// the end-to-end encryption key store), with the same results as the token calls.
    QFuture<Result<QByteArray>> readSecret(const QString &name);
    QFuture<Status> writeSecret(const QString &name, const QByteArray &secret);
    QFuture<Status> deleteSecret(const QString &name);

private:
    QString m_profile;
};

} // namespace Parley
