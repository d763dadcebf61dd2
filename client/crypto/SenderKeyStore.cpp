#include "SenderKeyStore.h"

#include "RecordSealer.h"
#include "StoreQuery.h"

namespace Parley {

namespace {

QByteArray senderKeyBinding(const QString &groupId, const QString &name, qint32 deviceId)
{
    return RecordSealer::binding("crypto_sender_keys", {groupId, name, QString::number(deviceId)});
}

} // namespace

SenderKeyStore::SenderKeyStore(StatementCache &statements, const RecordSealer &sealer)
    : m_statements(statements),
      m_sealer(sealer)
{
}

CryptoResult<std::optional<QByteArray>>
SenderKeyStore::load(const QString &groupId, const QString &name, qint32 deviceId) const
{
    StoreQuery query(m_statements,
                     QStringLiteral("SELECT record FROM crypto_sender_keys"
                                    " WHERE group_id = ? AND name = ? AND device_id = ?"));
    query.bind(groupId).bind(name).bind(deviceId);
    return query.fetchSealed(m_sealer, senderKeyBinding(groupId, name, deviceId));
}

CryptoStatus SenderKeyStore::store(const QString &groupId, const QString &name, qint32 deviceId,
                                   const QByteArray &record)
{
    StoreQuery query(m_statements,
                     QStringLiteral("INSERT OR REPLACE INTO crypto_sender_keys"
                                    " (group_id, name, device_id, record) VALUES (?, ?, ?, ?)"));
    query.bind(groupId).bind(name).bind(deviceId).bind(
            m_sealer.seal(senderKeyBinding(groupId, name, deviceId), record));
    return query.exec();
}

CryptoStatus SenderKeyStore::remove(const QString &groupId, const QString &name, qint32 deviceId)
{
    StoreQuery query(m_statements,
                     QStringLiteral("DELETE FROM crypto_sender_keys"
                                    " WHERE group_id = ? AND name = ? AND device_id = ?"));
    query.bind(groupId).bind(name).bind(deviceId);
    return query.exec();
}

} // namespace Parley
