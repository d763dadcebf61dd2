#include "ContactTrust.h"

#include "DeviceDirectory.h"
#include "Logging.h"

#include <QtCore/QCryptographicHash>
#include <QtCore/QDateTime>
#include <QtCore/QSet>
#include <QtCore/QtEndian>
#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlQuery>

namespace Parley {

using namespace Qt::StringLiterals;

ContactTrust::ContactTrust(KeyVault *vault, QObject *parent) : QObject(parent), m_vault(vault) { }

void ContactTrust::reset()
{
    ++m_generation;
    const QList<qint64> users = m_verified.keys();
    m_verified.clear();
    for (qint64 user : users)
        Q_EMIT verifiedChanged(user);
}

void ContactTrust::load()
{
    const quint64 generation = m_generation;
    m_vault->run<QHash<qint64, QByteArray>>(
                   [](VaultTransaction &tx) { return verifiedContacts(tx); })
            .then(this, [this, generation](const std::optional<QHash<qint64, QByteArray>> &v) {
                if (!v || generation != m_generation)
                    return;
                QSet<qint64> touched;
                for (auto it = v->cbegin(); it != v->cend(); ++it)
                    touched.insert(it.key());
                for (auto it = m_verified.cbegin(); it != m_verified.cend(); ++it)
                    touched.insert(it.key());
                m_verified = *v;
                for (qint64 user : std::as_const(touched))
                    Q_EMIT verifiedChanged(user);
            });
}

QFuture<bool> ContactTrust::setVerified(qint64 userId, bool verified)
{
    const quint64 generation = m_generation;
    return m_vault
            ->run<QByteArray>([userId, verified](VaultTransaction &tx) {
                if (!verified) {
                    clearVerified(tx, userId);
                    return QByteArray();
                }
                return markVerified(tx, userId);
            })
            .then(this, [this, userId, verified, generation](const std::optional<QByteArray> &d) {
                if (!d || generation != m_generation)
                    return false;
                if (verified && d->isEmpty())
                    return false;
                if (verified)
                    m_verified.insert(userId, *d);
                else
                    m_verified.remove(userId);
                qCInfo(lcClientE2ee) << "user" << userId << (verified ? "verified" : "unverified");
                Q_EMIT verifiedChanged(userId);
                return true;
            });
}

void ContactTrust::check(const QList<qint64> &userIds)
{
    const qint64 self = m_vault->self().userId;
    QList<qint64> users;
    for (qint64 user : userIds) {
        if (user != self && user > 0 && !users.contains(user))
            users.append(user);
    }
    if (users.isEmpty() || !m_vault->isReady())
        return;
    const quint64 generation = m_generation;
    m_vault->run<QList<KeyChange>>([users](VaultTransaction &tx) {
               QList<KeyChange> changes;
               for (qint64 user : users) {
                   if (const auto change = compare(tx, user))
                       changes.append(*change);
               }
               return changes;
           })
            .then(this, [this, generation](const std::optional<QList<KeyChange>> &outcomes) {
                if (!outcomes || generation != m_generation)
                    return;
                for (const KeyChange &o : *outcomes) {
                    qCInfo(lcClientE2ee) << "the keys of user" << o.userId << "changed:" << o.change
                                         << (o.verificationCleared ? "(verification cleared)" : "");
                    if (o.verificationCleared || m_verified.contains(o.userId)) {
                        m_verified.remove(o.userId);
                        Q_EMIT verifiedChanged(o.userId);
                    }
                    Q_EMIT keysChanged(o.userId, o.change, o.verificationCleared);
                }
            });
}

std::optional<ContactTrust::KeyChange> ContactTrust::compare(VaultTransaction &tx, qint64 userId)
{
    KeyChange out{userId};
    QSqlQuery q(QSqlDatabase::database(tx.connectionName, false));
    // Only users whose device list was fetched: before that the list is partial.
    q.prepare(u"SELECT 1 FROM e2ee_users WHERE user_id = ?"_s);
    q.addBindValue(userId);
    if (!q.exec() || !q.next())
        return std::nullopt;
    const QMap<qint32, QByteArray> current = currentKeys(tx, userId);
    if (current.isEmpty())
        return std::nullopt;

    QMap<qint32, QByteArray> previous;
    q.prepare(u"SELECT device_id, identity_key FROM e2ee_contact_keys WHERE user_id = ?"_s);
    q.addBindValue(userId);
    if (!q.exec())
        return std::nullopt;
    while (q.next())
        previous.insert(qint32(q.value(0).toLongLong()), q.value(1).toByteArray());
    if (previous == current)
        return std::nullopt;

    q.prepare(u"DELETE FROM e2ee_contact_keys WHERE user_id = ?"_s);
    q.addBindValue(userId);
    q.exec();
    q.prepare(
            u"INSERT INTO e2ee_contact_keys (user_id, device_id, identity_key) VALUES (?, ?, ?)"_s);
    for (auto it = current.cbegin(); it != current.cend(); ++it) {
        q.addBindValue(userId);
        q.addBindValue(qint64(it.key()));
        q.addBindValue(it.value());
        q.exec();
    }
    if (previous.isEmpty())
        return std::nullopt; // the first look: nothing to compare with

    bool replaced = false, added = false;
    for (auto it = current.cbegin(); it != current.cend(); ++it) {
        const auto before = previous.constFind(it.key());
        if (before == previous.cend())
            added = true;
        else if (*before != it.value())
            replaced = true;
    }
    out.change = replaced ? Change::KeyReplaced
            : added       ? Change::DeviceAdded
                          : Change::DeviceRemoved;

    q.prepare(u"SELECT keys_digest FROM e2ee_verified WHERE user_id = ?"_s);
    q.addBindValue(userId);
    if (q.exec() && q.next() && q.value(0).toByteArray() != digestOf(current)) {
        q.finish();
        q.prepare(u"DELETE FROM e2ee_verified WHERE user_id = ?"_s);
        q.addBindValue(userId);
        out.verificationCleared = q.exec();
    }
    return out;
}

QByteArray ContactTrust::markVerified(VaultTransaction &tx, qint64 userId)
{
    const QMap<qint32, QByteArray> keys = currentKeys(tx, userId);
    if (keys.isEmpty())
        return {};
    QSqlQuery q(QSqlDatabase::database(tx.connectionName, false));
    // The keys verified are the ones later changes are noticed against.
    q.prepare(u"SELECT 1 FROM e2ee_contact_keys WHERE user_id = ?"_s);
    q.addBindValue(userId);
    if (q.exec() && !q.next()) {
        q.finish();
        q.prepare(u"INSERT INTO e2ee_contact_keys (user_id, device_id, identity_key)"
                  " VALUES (?, ?, ?)"_s);
        for (auto it = keys.cbegin(); it != keys.cend(); ++it) {
            q.addBindValue(userId);
            q.addBindValue(qint64(it.key()));
            q.addBindValue(it.value());
            q.exec();
        }
    }
    const QByteArray digest = digestOf(keys);
    q.prepare(u"INSERT OR REPLACE INTO e2ee_verified (user_id, keys_digest, verified_at)"
              " VALUES (?, ?, ?)"_s);
    q.addBindValue(userId);
    q.addBindValue(digest);
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    if (!q.exec()) {
        tx.rollback = true;
        return {};
    }
    return digest;
}

void ContactTrust::clearVerified(VaultTransaction &tx, qint64 userId)
{
    QSqlQuery q(QSqlDatabase::database(tx.connectionName, false));
    q.prepare(u"DELETE FROM e2ee_verified WHERE user_id = ?"_s);
    q.addBindValue(userId);
    q.exec();
}

QHash<qint64, QByteArray> ContactTrust::verifiedContacts(VaultTransaction &tx)
{
    QHash<qint64, QByteArray> verified;
    QSqlQuery q(QSqlDatabase::database(tx.connectionName, false));
    if (q.exec(u"SELECT user_id, keys_digest FROM e2ee_verified"_s)) {
        while (q.next())
            verified.insert(q.value(0).toLongLong(), q.value(1).toByteArray());
    }
    return verified;
}

QMap<qint32, QByteArray> ContactTrust::currentKeys(VaultTransaction &tx, qint64 userId)
{
    QMap<qint32, QByteArray> keys;
    for (const DeviceAddress &device : DeviceDirectory::devicesOf(tx, {userId})) {
        const auto key = tx.keys.identities().trustedIdentity(device);
        if (key && !key.value().isEmpty())
            keys.insert(device.deviceId, key.value());
    }
    if (const auto changes = tx.keys.changedIdentities()) {
        for (const IdentityChange &change : changes.value()) {
            if (change.address.userId == userId && keys.contains(change.address.deviceId))
                keys.insert(change.address.deviceId, change.offeredKey);
        }
    }
    return keys;
}

QByteArray ContactTrust::digestOf(const QMap<qint32, QByteArray> &keys)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (auto it = keys.cbegin(); it != keys.cend(); ++it) {
        const qint32 device = qToBigEndian(it.key());
        hash.addData(QByteArrayView(reinterpret_cast<const char *>(&device), sizeof device));
        const quint32 size = qToBigEndian(quint32(it.value().size()));
        hash.addData(QByteArrayView(reinterpret_cast<const char *>(&size), sizeof size));
        hash.addData(it.value());
    }
    return hash.result();
}

} // namespace Parley
