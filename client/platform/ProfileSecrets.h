#pragma once

/// The profile's secrets (login tokens, storage keys) in its sealed secrets file, opened every
/// day by a master key from the OS keychain or by the user's passphrase, and by the recovery key
/// when both are lost.
///
/// The file is `<data folder>/secrets.parley` (SecretsFile); the master key is the keychain entry
/// "<profile>/master-key". Profiles from before the file kept each secret in its own keychain
/// entry: such an entry moves into the file the first time it is asked for (and leaves the
/// keychain once the file holds it).
///
/// When no keychain works for a new profile, the secrets live in memory (sessionOnly(); writes
/// keep the value and answer Unavailable so the caller can tell the user) until the user picks a
/// passphrase (setPassphrase()), which then writes them all to the file. Lives on the GUI thread;
/// Argon2id runs on a worker thread.

#include "protocol/Result.h"

#include <QtCore/QFuture>
#include <QtCore/QMap>
#include <QtCore/QObject>

#include <memory>

namespace Parley {

class Keychain;
class SecretsFile;

class ProfileSecrets : public QObject
{
    Q_OBJECT

public:
    enum class State {
        Closed, ///< open() not called yet
        Opening, ///< asking the keychain
        Ready, ///< secrets can be read and written
        Locked, ///< the file needs the passphrase or the recovery key (lockReason() says why)
        Failed, ///< the file cannot be used (errorString())
    };
    Q_ENUM(State)

    explicit ProfileSecrets(Keychain *keychain, QObject *parent = nullptr);
    ~ProfileSecrets() override;

    /// The keychain entry (below the profile) of the master key.
    static QString masterKeyName() { return QStringLiteral("master-key"); }
    /// The file inside a data folder.
    static QString filePath(const QString &dataDir);

    /// Opens (or creates) the file in `dataDir`; stateChanged() follows.
    void open(const QString &dataDir);
    State state() const { return m_state; }
    /// Why the keychain did not open the file, for the user; empty when only the passphrase is
    /// expected (the user chose it over the keychain).
    QString lockReason() const { return m_lockReason; }
    QString errorString() const { return m_errorString; }

    /// Unlocks a Locked file; the error is WrongPassphrase / WrongRecoveryKey as text for the
    /// user. A file that keeps its key in the keychain puts it back there (an entry that was lost
    /// heals).
    QFuture<Status> unlockWithPassphrase(const QString &passphrase);
    Status unlockWithRecoveryKey(const QString &typed);

    bool hasPassphrase() const;
    bool keyInKeychain() const;
    /// True while nothing is written to disk (no keychain, no passphrase yet).
    bool isSessionOnly() const { return m_sessionOnly; }
    /// Sets or replaces the passphrase. In a session-only profile this creates the file, which
    /// the passphrase then opens at every start.
    QFuture<Status> setPassphrase(const QString &passphrase);
    /// Only while the key is in the keychain (else nothing would open the file every day).
    Status removePassphrase();
    /// Keeps the master key in the keychain (or stops: then a passphrase must be set).
    QFuture<Status> setKeyInKeychain(bool kept);

    /// The recovery key as the user writes it down, until confirmRecoveryKey(); empty after.
    QString recoveryKeyToShow() const { return m_recoveryKeyToShow; }
    void confirmRecoveryKey();
    /// A new recovery key (the old one stops working), shown until confirmed.
    Status renewRecoveryKey();

    /// A secret of the profile: an empty QByteArray when there is none; an Error when not Ready.
    QFuture<Result<QByteArray>> readSecret(const QString &name);
    /// Unavailable (with the value kept for this session) in a session-only profile.
    QFuture<Status> writeSecret(const QString &name, const QByteArray &secret);
    QFuture<Status> deleteSecret(const QString &name);
    /// The device token for a server ("host:port").
    QFuture<Result<QByteArray>> readToken(const QString &serverKey);
    QFuture<Status> writeToken(const QString &serverKey, const QByteArray &token);
    QFuture<Status> deleteToken(const QString &serverKey);

Q_SIGNALS:
    void stateChanged(Parley::ProfileSecrets::State state);
    /// hasPassphrase(), keyInKeychain(), isSessionOnly() or recoveryKeyToShow() changed.
    void protectionChanged();

private:
    void create(bool keychainWorks, const QString &keychainProblem);
    void openWithMasterKey(const QByteArray &masterKey, bool healKeychain);
    Status save();
    void setState(State state);
    void lock(const QString &reason);
    template<typename T>
    QFuture<T> answerLater(T value);

    Keychain *m_keychain;
    QString m_path;
    std::unique_ptr<SecretsFile> m_file; ///< null while session-only or before open()
    QByteArray m_masterKey;
    QMap<QString, QByteArray> m_secrets;
    State m_state = State::Closed;
    QString m_lockReason;
    QString m_errorString;
    QString m_keychainProblem; ///< why the keychain did not take the master key
    QString m_recoveryKeyToShow;
    bool m_sessionOnly = false;
    bool m_busy = false; ///< an Argon2id derivation is running
};

} // namespace Parley
