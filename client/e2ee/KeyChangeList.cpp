#include "KeyChangeList.h"

#include "Logging.h"

#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlQuery>

namespace Parley {

using namespace Qt::StringLiterals;

KeyChangeList::KeyChangeList(KeyVault *vault, QObject *parent) : QObject(parent), m_vault(vault) { }

void KeyChangeList::reset()
{
    ++m_generation;
    const bool had = !m_devices.isEmpty();
    m_devices.clear();
    release();
    if (had)
        Q_EMIT changed();
}

void KeyChangeList::refresh()
{
    const quint64 generation = m_generation;
    m_vault->run<QList<IdentityChange>>([](VaultTransaction &tx) {
               const auto changes = tx.keys.changedIdentities();
               return changes ? changes.value() : QList<IdentityChange>();
           })
            .then(this, [this, generation](const std::optional<QList<IdentityChange>> &changes) {
                if (!changes || generation != m_generation)
                    return;
                QHash<qint64, QList<DeviceAddress>> devices;
                for (const IdentityChange &change : *changes)
                    devices[change.address.userId].append(change.address);
                if (devices == m_devices)
                    return;
                for (auto it = devices.cbegin(); it != devices.cend(); ++it) {
                    if (!m_devices.contains(it.key()))
                        qCWarning(lcClientE2ee)
                                << "the identity key of user" << it.key() << "changed";
                }
                m_devices = devices;
                release();
                Q_EMIT changed();
            });
}

QFuture<void> KeyChangeList::whenNoneOf(const QList<qint64> &userIds)
{
    const bool blocked = std::any_of(userIds.cbegin(), userIds.cend(),
                                     [this](qint64 user) { return m_devices.contains(user); });
    if (!blocked)
        return QtFuture::makeReadyFuture();
    auto promise = std::make_shared<QPromise<void>>();
    promise->start();
    m_waiters.append({userIds, promise});
    return promise->future();
}

void KeyChangeList::release()
{
    for (qsizetype i = m_waiters.size() - 1; i >= 0; --i) {
        const Waiter &w = m_waiters.at(i);
        const bool blocked = std::any_of(w.users.cbegin(), w.users.cend(),
                                         [this](qint64 user) { return m_devices.contains(user); });
        if (blocked)
            continue;
        const auto promise = w.promise;
        m_waiters.removeAt(i);
        promise->finish();
    }
}

QFuture<Status> KeyChangeList::acknowledge(qint64 userId)
{
    const QList<DeviceAddress> devices = m_devices.value(userId);
    if (devices.isEmpty())
        return QtFuture::makeReadyFuture(Status());
    return m_vault
            ->run<CryptoStatus>([devices](VaultTransaction &tx) {
                QSqlQuery q(QSqlDatabase::database(tx.connectionName, false));
                for (const DeviceAddress &device : devices) {
                    if (CryptoStatus status = tx.keys.acknowledgeIdentityChange(device);
                        !status && status.error() != CryptoError::InvalidArgument) {
                        tx.rollback = true;
                        return status;
                    }
                    // A new identity is a new device for sender keys: it gets them again.
                    q.prepare(
                            u"DELETE FROM e2ee_key_recipients WHERE user_id = ? AND device_id = ?"_s);
                    q.addBindValue(device.userId);
                    q.addBindValue(qint64(device.deviceId));
                    q.exec();
                }
                return CryptoStatus();
            })
            .then(this, [this, userId](const std::optional<CryptoStatus> &status) {
                if (!status || !*status) {
                    return Status(ErrorCode::StorageError,
                                  tr("The key change could not be acknowledged."));
                }
                qCInfo(lcClientE2ee) << "identity change of user" << userId << "acknowledged";
                m_devices.remove(userId);
                release();
                Q_EMIT changed();
                Q_EMIT acknowledged(userId);
                refresh();
                return Status();
            });
}

} // namespace Parley
