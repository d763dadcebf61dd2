#include "KeyVault.h"

#include "E2eeSchema.h"
#include "Logging.h"
#include "platform/ProfileSecrets.h"
#include "store/MessageStore.h"

#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlQuery>

namespace Parley {

using namespace Qt::StringLiterals;

/// The open key store; created, used and reset only on the cache thread.
struct KeyVault::Open
{
    std::unique_ptr<SignalContext> context;
    std::unique_ptr<KeyStore> keys;
    std::unique_ptr<RecordSealer> sealer;
    DeviceAddress self;
};

namespace {

QString openError(CryptoError error)
{
    switch (error) {
    case CryptoError::StorageKeyMissing:
    case CryptoError::StorageKeyInvalid:
    case CryptoError::WrongStorageKey:
        return KeyVault::tr("The storage key this profile keeps does not open this device's "
                            "encryption keys, so Parley cannot read or send messages here. Log "
                            "out and log in again to set this device up anew.");
    case CryptoError::UnsupportedStoreVersion:
        return KeyVault::tr("This device's encryption keys were written by a newer Parley.");
    default:
        return KeyVault::tr("This device's encryption keys cannot be opened (%1).")
                .arg(cryptoErrorString(error));
    }
}

} // namespace

KeyVault::KeyVault(MessageStore *store, ProfileSecrets *secrets, QObject *parent)
    : QObject(parent),
      m_store(store),
      m_secrets(secrets),
      m_open(std::make_shared<Open>())
{
}

KeyVault::~KeyVault() = default;

void KeyVault::setState(State state)
{
    if (state == m_state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void KeyVault::setFailed(const QString &message)
{
    qCWarning(lcClientE2ee) << "the key store cannot be used:" << message;
    m_open = std::make_shared<Open>();
    m_errorString = message;
    setState(State::Failed);
}

void KeyVault::open(qint64 userId, qint64 deviceId)
{
    const quint64 generation = ++m_generation;
    m_self = DeviceAddress{userId, qint32(deviceId)};
    m_open = std::make_shared<Open>();
    m_errorString.clear();
    m_newDevice = false;
    setState(State::Opening);

    // Which device do the tables belong to (none: a first login in this profile)?
    auto storedDevice = std::make_shared<qint64>(0);
    m_store->runInTransaction([storedDevice](const QString &connectionName) {
               QSqlDatabase db = QSqlDatabase::database(connectionName, false);
               if (!db.tables().contains(u"e2ee_meta"_s))
                   return true;
               QSqlQuery q(db);
               if (!q.exec(u"SELECT value FROM e2ee_meta WHERE key = 'device_id'"_s))
                   return false;
               if (q.next())
                   *storedDevice = q.value(0).toLongLong();
               return true;
           })
            .then(this, [this, generation, storedDevice, deviceId](bool read) {
                if (generation != m_generation)
                    return;
                if (!read) {
                    setFailed(tr("The local cache cannot be read."));
                    return;
                }
                if (*storedDevice == deviceId) {
                    if (!m_memoryKey.isEmpty() && m_memoryKeyDevice == deviceId) {
                        openWithKey(m_memoryKey, false, generation);
                        return;
                    }
                    m_secrets->readSecret(storageKeyName())
                            .then(this, [this, generation](const Result<QByteArray> &key) {
                                if (generation != m_generation)
                                    return;
                                if (!key) {
                                    setFailed(tr("Parley cannot read this profile's keys, so it "
                                                 "cannot unlock this device's encryption keys."));
                                } else if (key->isEmpty()) {
                                    setFailed(tr("The key that protects this device's "
                                                 "encryption keys is missing from this "
                                                 "profile, so Parley cannot read or send "
                                                 "messages here. Log out and log in again to "
                                                 "set this device up anew; messages received "
                                                 "before cannot be read again."));
                                } else {
                                    openWithKey(*key, false, generation);
                                }
                            });
                    return;
                }
                // A new device: new storage key, in the keychain before any key exists.
                qCInfo(lcClientE2ee) << "setting up the key store of device" << deviceId;
                const QByteArray key = RecordSealer::generateStorageKey();
                m_secrets->writeSecret(storageKeyName(), key)
                        .then(this, [this, generation, key, deviceId](const Status &written) {
                            if (generation != m_generation)
                                return;
                            if (!written) {
                                // Like the token (Account::keychainProblem): this session only,
                                // unless the user picks a passphrase (ProfileSecrets keeps it too).
                                qCWarning(lcClientE2ee)
                                        << "the keychain did not take the storage key;"
                                           " it lasts as long as this session";
                                m_memoryKey = key;
                                m_memoryKeyDevice = deviceId;
                            }
                            openWithKey(key, true, generation);
                        });
            });
}

void KeyVault::openWithKey(const QByteArray &storageKey, bool fresh, quint64 generation)
{
    auto open = m_open;
    const DeviceAddress self = m_self;
    auto error = std::make_shared<CryptoError>(CryptoError::DatabaseError);
    m_store->runInTransaction([open, storageKey, fresh, self, error](const QString &connection) {
               if (fresh && !E2eeSchema::wipe(connection))
                   return false;
               if (!E2eeSchema::migrate(connection)) {
                   *error = CryptoError::UnsupportedStoreVersion;
                   return false;
               }
               if (!open->context) {
                   auto context = SignalContext::create();
                   if (!context) {
                       *error = context.error();
                       return false;
                   }
                   open->context = std::move(context).value();
               }
               auto keys = KeyStore::open(*open->context, connection, storageKey);
               if (!keys) {
                   *error = keys.error();
                   return false;
               }
               auto sealer = RecordSealer::create(storageKey);
               if (!sealer) {
                   *error = sealer.error();
                   return false;
               }
               if (fresh) {
                   QSqlQuery q(QSqlDatabase::database(connection, false));
                   q.prepare(u"INSERT OR REPLACE INTO e2ee_meta (key, value) VALUES"
                             " ('device_id', ?)"_s);
                   q.addBindValue(qint64(self.deviceId));
                   if (!q.exec())
                       return false;
               }
               open->keys = std::move(keys).value();
               open->sealer = std::move(sealer).value();
               open->self = self;
               return true;
           })
            .then(this, [this, generation, fresh, error](bool opened) {
                if (generation != m_generation)
                    return;
                if (!opened) {
                    setFailed(openError(*error));
                    return;
                }
                m_newDevice = fresh;
                qCInfo(lcClientE2ee) << "key store open for device" << m_self.deviceId;
                setState(State::Ready);
            });
}

QFuture<void> KeyVault::wipe()
{
    ++m_generation;
    m_memoryKey.clear();
    m_memoryKeyDevice = 0;
    m_errorString.clear();
    m_newDevice = false;
    auto open = std::exchange(m_open, std::make_shared<Open>());
    setState(State::Closed);
    m_secrets->deleteSecret(storageKeyName());
    return m_store
            ->runInTransaction([open](const QString &connection) {
                open->keys.reset();
                open->sealer.reset();
                return E2eeSchema::wipe(connection);
            })
            .then([](bool wiped) {
                if (wiped)
                    qCInfo(lcClientE2ee) << "this device's keys are gone";
            });
}

QFuture<bool> KeyVault::transact(std::function<bool(VaultTransaction &)> work)
{
    return m_store->runInTransaction([open = m_open, work = std::move(work)](const QString &conn) {
        if (!open->keys || !open->sealer || open->keys->connectionName() != conn)
            return false;
        VaultTransaction tx{*open->keys, *open->context, *open->sealer, conn, open->self};
        return work(tx);
    });
}

} // namespace Parley
