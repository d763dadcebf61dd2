#include "InboxQueries.h"

#include "Database.h"
#include "PageLimits.h"

#include <QtSql/QSqlQuery>

namespace Parley {

using namespace Qt::StringLiterals;

Result<QList<InboxStored>> InboxQueries::send(qint64 fromUserId, qint64 fromDeviceId,
                                              const QList<InboxDelivery> &items, qint64 now,
                                              int maxItemsPerDevice)
{
    return m_db.inTransaction<QList<InboxStored>>([&]() -> Result<QList<InboxStored>> {
        QList<InboxStored> stored;
        QHash<qint64, int> counts;
        for (const InboxDelivery &item : items) {
            if (!counts.contains(item.deviceId)) {
                QSqlQuery &owner = m_db.prepared(
                        "SELECT user_id FROM devices WHERE id = ? AND revoked_at IS NULL");
                owner.bindValue(0, item.deviceId);
                if (!m_db.exec(owner, "inbox device lookup"))
                    return m_db.storageError("look up the device");
                if (!owner.next() || owner.value(0).toLongLong() != item.userId)
                    return Error{ErrorCode::NoSuchDevice,
                                 u"device %1 of user %2 does not exist"_s.arg(item.deviceId)
                                         .arg(item.userId)};
                owner.finish();
                QSqlQuery &count = m_db.prepared("SELECT COUNT(*) FROM inbox WHERE device_id = ?");
                count.bindValue(0, item.deviceId);
                if (!m_db.exec(count, "inbox count") || !count.next())
                    return m_db.storageError("count inbox items");
                counts.insert(item.deviceId, count.value(0).toInt());
                count.finish();
            }
            int &n = counts[item.deviceId];
            if (++n > maxItemsPerDevice)
                return Error{ErrorCode::TooManyItems,
                             u"the inbox of device %1 is full"_s.arg(item.deviceId)};
            QSqlQuery &q =
                    m_db.prepared("INSERT INTO inbox (device_id, from_user_id, from_device_id, "
                                  "server_time, body) "
                                  "VALUES (?, ?, ?, ?, ?) RETURNING id");
            q.bindValue(0, item.deviceId);
            q.bindValue(1, fromUserId);
            q.bindValue(2, fromDeviceId);
            q.bindValue(3, now);
            q.bindValue(4, item.body.isNull() ? QVariant(QByteArray("")) : QVariant(item.body));
            if (!m_db.exec(q, "inbox insert") || !q.next())
                return m_db.storageError("store the inbox item");
            InboxStored s;
            s.deviceId = item.deviceId;
            s.item.itemId = q.value(0).toLongLong();
            s.item.fromUserId = fromUserId;
            s.item.fromDeviceId = fromDeviceId;
            s.item.serverTime = now;
            s.item.body = item.body;
            q.finish();
            stored.append(s);
        }
        return stored;
    });
}

Result<QPair<QList<InboxItem>, bool>> InboxQueries::fetch(qint64 deviceId, int limit)
{
    QSqlQuery &q =
            m_db.prepared("SELECT id, from_user_id, from_device_id, server_time, body FROM inbox "
                          "WHERE device_id = ? ORDER BY id LIMIT ?");
    q.bindValue(0, deviceId);
    q.bindValue(1, limit + 1);
    if (!m_db.exec(q, "inbox fetch"))
        return m_db.storageError("read the inbox");
    QList<InboxItem> items;
    bool more = false;
    qsizetype bytes = 0;
    while (q.next()) {
        InboxItem item;
        item.itemId = q.value(0).toLongLong();
        item.fromUserId = q.value(1).toLongLong();
        item.fromDeviceId = q.value(2).toLongLong();
        item.serverTime = q.value(3).toLongLong();
        item.body = q.value(4).toByteArray();
        if (items.size() == limit
            || (!items.isEmpty() && bytes + item.body.size() > MaxReplyBodyBytes)) {
            more = true;
            break;
        }
        bytes += item.body.size();
        items.append(item);
    }
    q.finish();
    return QPair<QList<InboxItem>, bool>{items, more};
}

Status InboxQueries::ack(qint64 deviceId, const QList<qint64> &itemIds)
{
    auto r = m_db.inTransaction<bool>([&]() -> Result<bool> {
        QSqlQuery &q = m_db.prepared("DELETE FROM inbox WHERE id = ? AND device_id = ?");
        for (qint64 id : itemIds) {
            q.bindValue(0, id);
            q.bindValue(1, deviceId);
            if (!m_db.exec(q, "inbox ack"))
                return m_db.storageError("acknowledge inbox items");
        }
        return true;
    });
    if (!r)
        return r.error();
    return {};
}

} // namespace Parley
