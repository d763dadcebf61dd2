#include "PreKeyStore.h"

#include "RecordSealer.h"
#include "StoreQuery.h"

namespace Parley {

namespace {

QByteArray preKeyBinding(quint32 id)
{
    return RecordSealer::binding("crypto_pre_keys", {QString::number(id)});
}

} // namespace

PreKeyStore::PreKeyStore(StatementCache &statements, const RecordSealer &sealer)
    : m_statements(statements),
      m_sealer(sealer)
{
}

CryptoResult<std::optional<QByteArray>> PreKeyStore::load(quint32 id) const
{
    StoreQuery query(m_statements,
                     QStringLiteral("SELECT record FROM crypto_pre_keys WHERE id = ?"));
    query.bind(id);
    return query.fetchSealed(m_sealer, preKeyBinding(id));
}

CryptoResult<QList<QByteArray>> PreKeyStore::loadAll() const
{
    StoreQuery query(m_statements,
                     QStringLiteral("SELECT id, record FROM crypto_pre_keys ORDER BY id"));
    if (CryptoStatus status = query.exec(); !status)
        return status.error();
    QList<QByteArray> records;
    while (query.next()) {
        CryptoResult<QByteArray> record =
                m_sealer.open(preKeyBinding(query.value(0).toUInt()), query.value(1).toByteArray());
        if (!record)
            return record.error();
        records.append(std::move(record).value());
    }
    return records;
}

CryptoStatus PreKeyStore::store(quint32 id, const QByteArray &record)
{
    StoreQuery query(m_statements,
                     QStringLiteral("INSERT OR REPLACE INTO crypto_pre_keys (id, record)"
                                    " VALUES (?, ?)"));
    query.bind(id).bind(m_sealer.seal(preKeyBinding(id), record));
    return query.exec();
}

CryptoResult<bool> PreKeyStore::contains(quint32 id) const
{
    StoreQuery query(m_statements, QStringLiteral("SELECT 1 FROM crypto_pre_keys WHERE id = ?"));
    query.bind(id);
    if (CryptoStatus status = query.exec(); !status)
        return status.error();
    return query.next();
}

CryptoStatus PreKeyStore::remove(quint32 id)
{
    StoreQuery query(m_statements, QStringLiteral("DELETE FROM crypto_pre_keys WHERE id = ?"));
    query.bind(id);
    return query.exec();
}

CryptoResult<int> PreKeyStore::count() const
{
    StoreQuery query(m_statements, QStringLiteral("SELECT COUNT(*) FROM crypto_pre_keys"));
    if (CryptoStatus status = query.exec(); !status)
        return status.error();
    if (!query.next())
        return CryptoError::DatabaseError;
    return query.value(0).toInt();
}

} // namespace Parley
