#pragma once

/// What QML sees of how the profile is protected: the lock screen's passphrase and recovery key,
/// the recovery key to write down, and Settings' switch between keychain and passphrase.
/// A view of ProfileSecrets that turns its futures into properties (busy, errorString) and a
/// done() signal. Made by Client (Client.profileLock). GUI thread.

#include <QtCore/QObject>
#include <QtQmlIntegration/qqmlintegration.h>

namespace Parley {

class ProfileSecrets;
class Status;

class ProfileLock : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The ProfileLock is Client.profileLock")

    Q_PROPERTY(bool locked READ isLocked NOTIFY changed)
    Q_PROPERTY(QString lockReason READ lockReason NOTIFY changed)
    Q_PROPERTY(bool hasPassphrase READ hasPassphrase NOTIFY changed)
    Q_PROPERTY(bool keyInKeychain READ keyInKeychain NOTIFY changed)
    Q_PROPERTY(bool sessionOnly READ isSessionOnly NOTIFY changed)
    Q_PROPERTY(QString recoveryKey READ recoveryKey NOTIFY changed)
    Q_PROPERTY(bool busy READ isBusy NOTIFY changed)
    Q_PROPERTY(QString errorString READ errorString NOTIFY changed)

public:
    explicit ProfileLock(ProfileSecrets *secrets, QObject *parent = nullptr);

    /// The profile needs the passphrase or the recovery key before anything else shows.
    bool isLocked() const;
    /// Why the keychain did not open it; empty when the passphrase is the everyday way in.
    QString lockReason() const;
    bool hasPassphrase() const;
    bool keyInKeychain() const;
    /// Nothing of this profile outlives the session (no keychain, no passphrase yet).
    bool isSessionOnly() const;
    /// The recovery key to write down ("ABCD-EFGH-…"), until confirmRecoveryKey(); else empty.
    QString recoveryKey() const;
    /// Argon2id is working on the passphrase (about a second).
    bool isBusy() const { return m_busy; }
    /// Why the last action failed, for the user; empty after one that worked.
    QString errorString() const { return m_errorString; }

    Q_INVOKABLE void unlock(const QString &passphrase);
    Q_INVOKABLE void unlockWithRecoveryKey(const QString &recoveryKey);
    /// Sets or changes the passphrase; in a session-only profile, from now on the passphrase
    /// keeps what the keychain could not.
    Q_INVOKABLE void setPassphrase(const QString &passphrase);
    Q_INVOKABLE void removePassphrase();
    Q_INVOKABLE void setKeyInKeychain(bool kept);
    Q_INVOKABLE void confirmRecoveryKey();
    Q_INVOKABLE void renewRecoveryKey();

Q_SIGNALS:
    void changed();
    /// The last action worked (a dialog may close).
    void done();

private:
    void begin();
    void finish(const Status &status);

    ProfileSecrets *m_secrets;
    bool m_busy = false;
    QString m_errorString;
};

} // namespace Parley
