#pragma once

/// The queries of the device inbox (table `inbox`): items addressed to one device, kept until
/// it acknowledges them. Runs on the thread of the Database it belongs to.

#include "model/Keys.h"
#include "protocol/Result.h"

#include <QtCore/QList>
#include <QtCore/QPair>

namespace Parley {

class Database;

struct InboxStored
{
    qint64 deviceId = 0;
    InboxItem item;
};

class InboxQueries
{
public:
    explicit InboxQueries(Database &db) : m_db(db) { }

    Result<QList<InboxStored>> send(qint64 fromUserId, qint64 fromDeviceId,
                                    const QList<InboxDelivery> &items, qint64 now,
                                    int maxItemsPerDevice);
    Result<QPair<QList<InboxItem>, bool>> fetch(qint64 deviceId, int limit);
    Status ack(qint64 deviceId, const QList<qint64> &itemIds);

private:
    Database &m_db;
};

} // namespace Parley
