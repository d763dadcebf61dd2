#include "DistributionPlan.h"

#include "DeviceDirectory.h"
#include "Logging.h"
#include "crypto/PairwiseCipher.h"
#include "crypto/SenderKeyCipher.h"
#include "protocol/Limits.h"

#include <QtCore/QSet>
#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlQuery>

namespace Parley {

using namespace Qt::StringLiterals;

namespace {

using DeviceKey = QPair<qint64, qint32>;

DeviceKey keyOf(const DeviceAddress &address)
{
    return {address.userId, address.deviceId};
}

QSet<DeviceKey> changedDevices(VaultTransaction &tx)
{
    QSet<DeviceKey> changed;
    const auto changes = tx.keys.changedIdentities();
    if (changes) {
        for (const IdentityChange &change : changes.value())
            changed.insert(keyOf(change.address));
    }
    return changed;
}

} // namespace

QByteArray distributionBinding(qint64 conversationId, qint64 generation)
{
    return RecordSealer::binding("e2ee_key_recipients",
                                 {QString::number(conversationId), QString::number(generation)});
}

qint64 generationOf(QSqlQuery &q, qint64 conversationId)
{
    q.prepare(u"SELECT generation FROM e2ee_conversations WHERE conv = ?"_s);
    q.addBindValue(conversationId);
    if (q.exec() && q.next())
        return q.value(0).toLongLong();
    q.prepare(u"INSERT OR IGNORE INTO e2ee_conversations (conv, generation) VALUES (?, 0)"_s);
    q.addBindValue(conversationId);
    q.exec();
    return 0;
}

std::optional<InboxDelivery> seal(VaultTransaction &tx, const DeviceAddress &to,
                                  const DeviceMessage &message)
{
    const CryptoResult<PairwiseMessage> encrypted =
            PairwiseCipher(tx.keys).encrypt(to, message.encode());
    if (!encrypted) {
        qCInfo(lcClientE2ee).noquote() << "cannot encrypt for" << to.toString() << ":"
                                       << cryptoErrorString(encrypted.error());
        return std::nullopt;
    }
    return InboxDelivery{to.userId, to.deviceId, encrypted.value().encode()};
}

DistributionPlan makePlan(VaultTransaction &tx, qint64 conversationId, const QList<qint64> &members,
                          bool mayAskForBundles)
{
    DistributionPlan plan;
    QSqlQuery q(QSqlDatabase::database(tx.connectionName, false));
    plan.generation = generationOf(q, conversationId);

    QSet<DeviceKey> memberDevices;
    for (const DeviceAddress &device : DeviceDirectory::devicesOf(tx, members))
        memberDevices.insert(keyOf(device));

    QSet<DeviceKey> recipients;
    q.prepare(u"SELECT user_id, device_id FROM e2ee_key_recipients WHERE conv = ?"
              " AND generation = ?"_s);
    q.addBindValue(conversationId);
    q.addBindValue(plan.generation);
    if (q.exec()) {
        while (q.next())
            recipients.insert({q.value(0).toLongLong(), qint32(q.value(1).toLongLong())});
    }

    // Someone who has the current key is gone: a new key, before anyone gets anything.
    if (!(recipients - memberDevices).isEmpty()) {
        qCInfo(lcClientE2ee) << "rotating the sender key of conversation" << conversationId << ":"
                             << (recipients - memberDevices).size() << "devices left";
        if (CryptoStatus rotated = SenderKeyCipher(tx.keys).rotate(conversationId, tx.self);
            !rotated) {
            tx.rollback = true;
            return {};
        }
        ++plan.generation;
        q.prepare(u"UPDATE e2ee_conversations SET generation = ? WHERE conv = ?"_s);
        q.addBindValue(plan.generation);
        q.addBindValue(conversationId);
        q.exec();
        q.prepare(u"DELETE FROM e2ee_key_recipients WHERE conv = ?"_s);
        q.addBindValue(conversationId);
        q.exec();
        recipients.clear();
    }

    // A new key (first use, or just rotated): remember who was a member when it was made, and
    // its first distribution message.
    SenderKeyCipher senderKeys(tx.keys);
    const CryptoResult<bool> hasKey = senderKeys.hasSenderKey(conversationId, tx.self);
    if (!hasKey) {
        tx.rollback = true;
        return {};
    }
    if (!hasKey.value()) {
        const CryptoResult<QByteArray> first =
                senderKeys.distributionMessage(conversationId, tx.self);
        if (!first) {
            tx.rollback = true;
            return {};
        }
        QStringList users;
        for (qint64 user : members)
            users.append(QString::number(user));
        q.prepare(u"UPDATE e2ee_conversations SET initial_members = ?, initial_distribution = ?"
                  " WHERE conv = ?"_s);
        q.addBindValue(users.join(u','));
        q.addBindValue(tx.sealer.seal(distributionBinding(conversationId, plan.generation),
                                      first.value()));
        q.addBindValue(conversationId);
        q.exec();
    }

    const QSet<DeviceKey> blocked = changedDevices(tx);
    PairwiseCipher pairwise(tx.keys);
    QList<DeviceAddress> targets;
    for (const DeviceAddress &device : DeviceDirectory::devicesOf(tx, members)) {
        const DeviceKey key = keyOf(device);
        if (recipients.contains(key) || blocked.contains(key))
            continue;
        const CryptoResult<bool> has = pairwise.hasSession(device);
        if (has && has.value())
            targets.append(device);
        else if (mayAskForBundles && !plan.needBundles.contains(device.userId))
            plan.needBundles.append(device.userId);
    }
    if (!plan.needBundles.isEmpty() || targets.isEmpty())
        return plan;

    // The key as it is now: what a new member or another device of a member gets (it reads
    // from here on). A member's first device in this generation gets the key as it was made,
    // when that member was already in: what its user may read (a device that registered just
    // before the first message, whose keys the server did not have yet).
    const CryptoResult<QByteArray> current =
            senderKeys.distributionMessage(conversationId, tx.self);
    if (!current) {
        tx.rollback = true;
        return {};
    }
    const QByteArray binding = distributionBinding(conversationId, plan.generation);
    QSet<qint64> usersWithKey;
    for (const DeviceKey &r : std::as_const(recipients))
        usersWithKey.insert(r.first);
    QSet<qint64> initialMembers;
    std::optional<QByteArray> initial;
    q.prepare(u"SELECT initial_members, initial_distribution FROM e2ee_conversations"
              " WHERE conv = ?"_s);
    q.addBindValue(conversationId);
    if (q.exec() && q.next() && !q.value(1).isNull()) {
        for (const QString &user : q.value(0).toString().split(u',', Qt::SkipEmptyParts))
            initialMembers.insert(user.toLongLong());
        if (auto opened = tx.sealer.open(binding, q.value(1).toByteArray()))
            initial = opened.value();
    }
    for (const DeviceAddress &device : std::as_const(targets)) {
        const bool fromStart = initial && initialMembers.contains(device.userId)
                && !usersWithKey.contains(device.userId);
        const QByteArray &distribution = fromStart ? *initial : current.value();
        DeviceMessage message;
        message.senderKeys.append({conversationId, distribution});
        if (auto delivery = seal(tx, device, message)) {
            plan.targets.append(device);
            plan.deliveries.append(*delivery);
            plan.sealedDistributions.append(tx.sealer.seal(binding, distribution));
        }
    }
    return plan;
}

} // namespace Parley
