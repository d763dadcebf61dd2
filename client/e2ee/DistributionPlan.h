#pragma once

/// What one sender-key distribution round does, decided inside one cache transaction: the
/// devices of a conversation's members that get this device's sender key, sealed for each
/// (SenderKeyDistributor sends the plan). Runs on the cache thread.

#include "DeviceMessage.h"
#include "KeyVault.h"
#include "model/Keys.h"

#include <QtCore/QByteArray>
#include <QtCore/QList>

#include <optional>

class QSqlQuery;

namespace Parley {

struct DistributionPlan
{
    qint64 generation = 0;
    QList<DeviceAddress> targets; ///< devices the deliveries go to, in order
    QList<InboxDelivery> deliveries;
    QList<QByteArray> sealedDistributions; ///< what each target got, sealed (e2ee_key_recipients)
    QList<qint64> needBundles; ///< users with member devices but no session yet
};

/// Plans a round for `members` of `conversationId`; `mayAskForBundles`: users without a
/// session go to needBundles instead of being skipped.
DistributionPlan makePlan(VaultTransaction &tx, qint64 conversationId, const QList<qint64> &members,
                          bool mayAskForBundles);
/// `message` encrypted for device `to` as an inbox delivery; nullopt (logged) if it cannot be.
std::optional<InboxDelivery> seal(VaultTransaction &tx, const DeviceAddress &to,
                                  const DeviceMessage &message);
/// The sealing binding of the recipients recorded for one key generation.
QByteArray distributionBinding(qint64 conversationId, qint64 generation);
/// The conversation's current key generation (0, recorded, the first time).
qint64 generationOf(QSqlQuery &q, qint64 conversationId);

} // namespace Parley
