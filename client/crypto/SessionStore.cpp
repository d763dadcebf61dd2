#include "SessionStore.h"

#include "RecordSealer.h"
#include "StoreQuery.h"

namespace Parley {

namespace {

QByteArray sessionBinding(const QString &name, qint32 deviceId)
{
    return RecordSealer::binding("crypto_sessions", {name, QString::number(deviceId)});
}

} // namespace

SessionStore::SessionStore(StatementCache &statements, const RecordSealer &sealer)
    : m_statements(statements),
      m_sealer(sealer)
{
}

CryptoResult<std::optional<QByteArray>> SessionStore::load(const QString &name,
                                                           qint32 deviceId) const
{
    StoreQuery query(m_statements,
                     QStringLiteral("SELECT record FROM crypto_sessions"
                                    " WHERE name = ? AND device_id = ?"));
    query.bind(name).bind(deviceId);
    return query.fetchSealed(m_sealer, sessionBinding(name, deviceId));
}

CryptoResult<QList<qint32>> SessionStore::deviceIds(const QString &name) const
{
    StoreQuery query(m_statements,
                     QStringLiteral("SELECT device_id FROM crypto_sessions WHERE name = ?"
                                    " ORDER BY device_id"));
    query.bind(name);
    if (CryptoStatus status = query.exec(); !status)
        return status.error();
    QList<qint32> ids;
    while (query.next())
        ids.append(query.value(0).toInt());
    return ids;
}

CryptoStatus SessionStore::store(const QString &name, qint32 deviceId, const QByteArray &record)
{
    StoreQuery query(m_statements,
                     QStringLiteral("INSERT OR REPLACE INTO crypto_sessions"
                                    " (name, device_id, record) VALUES (?, ?, ?)"));
    query.bind(name).bind(deviceId).bind(m_sealer.seal(sessionBinding(name, deviceId), record));
    return query.exec();
}

CryptoResult<bool> SessionStore::contains(const QString &name, qint32 deviceId) const
{
    StoreQuery query(m_statements,
                     QStringLiteral("SELECT 1 FROM crypto_sessions"
                                    " WHERE name = ? AND device_id = ?"));
    query.bind(name).bind(deviceId);
    if (CryptoStatus status = query.exec(); !status)
        return status.error();
    return query.next();
}

CryptoResult<bool> SessionStore::remove(const QString &name, qint32 deviceId)
{
    StoreQuery query(
            m_statements,
            QStringLiteral("DELETE FROM crypto_sessions WHERE name = ? AND device_id = ?"));
    query.bind(name).bind(deviceId);
    if (CryptoStatus status = query.exec(); !status)
        return status.error();
    return query.rowsAffected() > 0;
}

CryptoResult<int> SessionStore::removeAll(const QString &name)
{
    StoreQuery query(m_statements, QStringLiteral("DELETE FROM crypto_sessions WHERE name = ?"));
    query.bind(name);
    if (CryptoStatus status = query.exec(); !status)
        return status.error();
    return query.rowsAffected();
}

} // namespace Parley
