#include "DeviceDirectory.h"

#include "Logging.h"
#include "crypto/PairwiseCipher.h"
#include "net/Connection.h"

#include <QtCore/QDateTime>
#include <QtCore/QPromise>
#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlQuery>

#include <memory>

namespace Parley {

using namespace Qt::StringLiterals;

namespace {

struct RefreshOutcome
{
    QList<qint64> removed;
    bool identityChanged = false;
};

PreKeyBundle toPreKeyBundle(const KeyBundle &bundle)
{
    PreKeyBundle out;
    out.registrationId = quint32(bundle.registrationId);
    out.identityKey = bundle.identityKey;
    out.signedPreKey = {quint32(bundle.signedPreKey.id), bundle.signedPreKey.publicKey,
                        bundle.signedPreKey.signature};
    if (bundle.oneTimePreKey)
        out.preKeys.append({quint32(bundle.oneTimePreKey->id), bundle.oneTimePreKey->publicKey});
    return out;
}

// Records the user's devices as the server lists them and builds the missing sessions.
RefreshOutcome apply(VaultTransaction &tx, qint64 userId, const QList<KeyBundle> &bundles)
{
    RefreshOutcome outcome;
    QSqlDatabase db = QSqlDatabase::database(tx.connectionName, false);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QSqlQuery q(db);

    QList<qint64> listed;
    for (const KeyBundle &bundle : bundles) {
        if (bundle.userId != userId || bundle.deviceId <= 0 || bundle.deviceId > INT32_MAX)
            continue;
        const DeviceAddress address{userId, qint32(bundle.deviceId)};
        if (address == tx.self)
            continue;
        listed.append(bundle.deviceId);
        DeviceDirectory::recordSeen(tx, address);

        const CryptoResult<QByteArray> trusted = tx.keys.identities().trustedIdentity(address);
        if (trusted && !trusted.value().isEmpty() && trusted.value() != bundle.identityKey) {
            // Records the offered key: the user is warned and must acknowledge it.
            (void)tx.keys.identities().isTrusted(address.name(), address.deviceId,
                                                 bundle.identityKey);
            qCWarning(lcClientE2ee).noquote()
                    << "device" << address.toString() << "presents another identity key";
            outcome.identityChanged = true;
            continue;
        }
        PairwiseCipher pairwise(tx.keys);
        const CryptoResult<bool> has = pairwise.hasSession(address);
        if (has && !has.value()) {
            if (CryptoStatus built = pairwise.buildSession(address, toPreKeyBundle(bundle));
                !built) {
                qCWarning(lcClientE2ee).noquote() << "no session with" << address.toString() << ":"
                                                  << cryptoErrorString(built.error());
                if (built.error() == CryptoError::UntrustedIdentity)
                    outcome.identityChanged = true;
            }
        }
    }

    // Devices the server no longer lists were revoked.
    q.prepare(u"SELECT device_id FROM e2ee_devices WHERE user_id = ?"_s);
    q.addBindValue(userId);
    if (q.exec()) {
        while (q.next()) {
            if (!listed.contains(q.value(0).toLongLong()))
                outcome.removed.append(q.value(0).toLongLong());
        }
    }
    for (qint64 device : std::as_const(outcome.removed))
        DeviceDirectory::forget(tx, DeviceAddress{userId, qint32(device)});

    // A user with no device with keys yet (one that just registered) is asked again next
    // time; this user's own list is kept even when empty (new devices introduce themselves).
    if (!listed.isEmpty() || userId == tx.self.userId) {
        q.prepare(u"INSERT OR REPLACE INTO e2ee_users (user_id, fetched_at) VALUES (?, ?)"_s);
        q.addBindValue(userId);
        q.addBindValue(now);
        q.exec();
    }
    return outcome;
}

} // namespace

DeviceDirectory::DeviceDirectory(KeyVault *vault, Connection *connection, QObject *parent)
    : QObject(parent),
      m_vault(vault),
      m_connection(connection)
{
}

QFuture<Status> DeviceDirectory::refresh(qint64 userId)
{
    if (const auto it = m_inFlight.constFind(userId); it != m_inFlight.cend())
        return *it;
    auto promise = std::make_shared<QPromise<Status>>();
    promise->start();
    QFuture<Status> future = promise->future();
    m_inFlight.insert(userId, future);
    auto finish = [this, promise, userId](const Status &status) {
        m_inFlight.remove(userId);
        promise->addResult(status);
        promise->finish();
    };
    m_connection->request(FetchKeysFrame{userId})
            .then(this, [this, userId, finish](const Result<RawFrame> &reply) {
                auto keys = reply ? FrameCodec::read<KeyBundlesFrame>(*reply)
                                  : Result<KeyBundlesFrame>(reply.error());
                if (!keys) {
                    qCInfo(lcClientE2ee) << "fetching the keys of user" << userId
                                         << "failed:" << errorCodeName(keys.error().code);
                    finish(keys.error());
                    return;
                }
                qCDebug(lcClientE2ee)
                        << "user" << userId << "has" << keys->bundles.size() << "devices with keys";
                const QList<KeyBundle> bundles = keys->bundles;
                m_vault->run<RefreshOutcome>([userId, bundles](VaultTransaction &tx) {
                           return apply(tx, userId, bundles);
                       })
                        .then(this, [this, userId, finish](const std::optional<RefreshOutcome> &o) {
                            if (!o) {
                                finish(Error{ErrorCode::StorageError,
                                             tr("The device list could not be stored.")});
                                return;
                            }
                            finish({});
                            if (o->identityChanged)
                                Q_EMIT identityChangeDetected();
                            if (!o->removed.isEmpty()) {
                                qCInfo(lcClientE2ee) << "user" << userId << "lost"
                                                     << o->removed.size() << "devices";
                                Q_EMIT devicesRemoved(userId, o->removed);
                            }
                            Q_EMIT refreshed(userId);
                        });
            });
    return future;
}

QFuture<Status> DeviceDirectory::refresh(const QList<qint64> &userIds)
{
    if (userIds.isEmpty())
        return QtFuture::makeReadyFuture(Status());
    QList<QFuture<Status>> all;
    for (qint64 user : userIds)
        all.append(refresh(user));
    return QtFuture::whenAll(all.begin(), all.end()).then([](const QList<QFuture<Status>> &done) {
        for (const QFuture<Status> &f : done) {
            if (f.isCanceled() || f.resultCount() == 0)
                return Status(ErrorCode::Unavailable, QString());
            if (!f.result())
                return f.result();
        }
        return Status();
    });
}

QFuture<Status> DeviceDirectory::ensureKnown(const QList<qint64> &userIds)
{
    return m_vault
            ->run<QList<qint64>>([userIds](VaultTransaction &tx) {
                QList<qint64> unknown;
                QSqlQuery q(QSqlDatabase::database(tx.connectionName, false));
                q.prepare(u"SELECT 1 FROM e2ee_users WHERE user_id = ?"_s);
                for (qint64 user : userIds) {
                    q.addBindValue(user);
                    if (q.exec() && !q.next())
                        unknown.append(user);
                }
                return unknown;
            })
            .then(this,
                  [this](const std::optional<QList<qint64>> &unknown) {
                      if (!unknown)
                          return QtFuture::makeReadyFuture(
                                  Status(ErrorCode::Unavailable, tr("The key store is not open.")));
                      return refresh(*unknown);
                  })
            .unwrap();
}

QList<DeviceAddress> DeviceDirectory::devicesOf(VaultTransaction &tx, const QList<qint64> &userIds)
{
    QList<DeviceAddress> devices;
    QSqlQuery q(QSqlDatabase::database(tx.connectionName, false));
    q.prepare(u"SELECT device_id FROM e2ee_devices WHERE user_id = ? ORDER BY device_id"_s);
    for (qint64 user : userIds) {
        q.addBindValue(user);
        if (!q.exec())
            continue;
        while (q.next()) {
            const DeviceAddress address{user, qint32(q.value(0).toLongLong())};
            if (!(address == tx.self))
                devices.append(address);
        }
    }
    return devices;
}

bool DeviceDirectory::recordSeen(VaultTransaction &tx, const DeviceAddress &device)
{
    if (device == tx.self)
        return false;
    QSqlQuery q(QSqlDatabase::database(tx.connectionName, false));
    q.prepare(
            u"INSERT OR IGNORE INTO e2ee_devices (user_id, device_id, seen_at) VALUES (?, ?, ?)"_s);
    q.addBindValue(device.userId);
    q.addBindValue(qint64(device.deviceId));
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    return q.exec() && q.numRowsAffected() > 0;
}

void DeviceDirectory::forget(VaultTransaction &tx, const DeviceAddress &device)
{
    QSqlQuery q(QSqlDatabase::database(tx.connectionName, false));
    q.prepare(u"DELETE FROM e2ee_devices WHERE user_id = ? AND device_id = ?"_s);
    q.addBindValue(device.userId);
    q.addBindValue(qint64(device.deviceId));
    q.exec();
    (void)PairwiseCipher(tx.keys).deleteSession(device);
}

} // namespace Parley
