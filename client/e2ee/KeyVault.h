#pragma once

/// This device's end-to-end encryption keys: the sealed key store in the cache, unlocked by a
/// storage key from the profile's secrets, and the one place crypto work runs.
///
/// libsignal's store callbacks are synchronous and the cache's SQLite connection lives on the
/// MessageStore thread, so every piece of crypto work is a function posted there with run():
/// it gets the KeyStore and runs inside one transaction with whatever it writes to the cache, so
/// a decrypt commits together with what it caused (docs/security.md, "Consistency").
///
/// The storage key (32 random bytes) is the secret "e2ee/storage-key" (ProfileSecrets). A new
/// device (first login in this profile, or another account) gets a new key and empty tables; a
/// known device whose entry is gone or does not fit gets a clear error (state Failed with
/// errorString()), never new keys in silence: the only way on is to log in again as a new device.
/// Lives on the GUI thread.

#include "crypto/DeviceAddress.h"
#include "crypto/KeyStore.h"
#include "crypto/RecordSealer.h"
#include "crypto/SignalContext.h"

#include <QtCore/QFuture>
#include <QtCore/QObject>

#include <functional>
#include <memory>
#include <optional>

namespace Parley {

class MessageStore;
class ProfileSecrets;

/// What a piece of work gets on the cache thread, inside its transaction.
struct VaultTransaction
{
    KeyStore &keys;
    SignalContext &signal;
    const RecordSealer &sealer; ///< seals what client/e2ee keeps beside the key store
    const QString connectionName; ///< QSqlDatabase::database(connectionName, false)
    const DeviceAddress self;
    /// Set by the work to roll back everything it did (the result still reaches the caller).
    bool rollback = false;
};

class KeyVault : public QObject
{
    Q_OBJECT

public:
    enum class State { Closed, Opening, Ready, Failed };
    Q_ENUM(State)

    KeyVault(MessageStore *store, ProfileSecrets *secrets, QObject *parent = nullptr);
    ~KeyVault() override;

    /// The profile's secret that holds the storage key.
    static QString storageKeyName() { return QStringLiteral("e2ee/storage-key"); }

    /// Opens the key store of device `deviceId` of user `userId`; stateChanged() follows with
    /// Ready or Failed. A device the tables do not belong to starts afresh (new storage key,
    /// no keys: DeviceKeyPublisher generates the identity).
    void open(qint64 userId, qint64 deviceId);
    /// Forgets this device's keys (logout): drops the tables and deletes the secret.
    QFuture<void> wipe();

    State state() const { return m_state; }
    bool isReady() const { return m_state == State::Ready; }
    /// Why the state is Failed, for the user.
    QString errorString() const { return m_errorString; }
    DeviceAddress self() const { return m_self; }
    /// True when open() created new tables and a new storage key for this device.
    bool isNewDevice() const { return m_newDevice; }

    /// Runs `work` on the cache thread with the key store, in one transaction that commits
    /// unless the work sets `rollback`. nullopt when the vault is not Ready or the commit failed
    /// (then nothing the work wrote was kept). Work runs in the order it was asked for.
    template<typename T>
    QFuture<std::optional<T>> run(std::function<T(VaultTransaction &)> work);

Q_SIGNALS:
    void stateChanged(Parley::KeyVault::State state);

private:
    struct Open;

    /// Runs `work` in one transaction if the key store is open (else: false, work not run).
    QFuture<bool> transact(std::function<bool(VaultTransaction &)> work);
    void openWithKey(const QByteArray &storageKey, bool fresh, quint64 generation);
    void setState(State state);
    void setFailed(const QString &message);

    MessageStore *m_store;
    ProfileSecrets *m_secrets;
    std::shared_ptr<Open> m_open; ///< touched only on the cache thread
    State m_state = State::Closed;
    QString m_errorString;
    DeviceAddress m_self;
    bool m_newDevice = false;
    quint64 m_generation = 0; ///< bumped by open() and wipe(): late answers are dropped
    QByteArray m_memoryKey; ///< the storage key when the profile keeps no secrets on disk
    qint64 m_memoryKeyDevice = 0;
};

template<typename T>
QFuture<std::optional<T>> KeyVault::run(std::function<T(VaultTransaction &)> work)
{
    auto result = std::make_shared<std::optional<T>>();
    auto rolledBack = std::make_shared<bool>(false);
    return transact([result, rolledBack, work = std::move(work)](VaultTransaction &tx) {
               *result = work(tx);
               *rolledBack = tx.rollback;
               return !tx.rollback;
           })
            .then([result, rolledBack](bool committed) -> std::optional<T> {
                if (committed || *rolledBack)
                    return std::move(*result);
                return std::nullopt;
            });
}

} // namespace Parley
