#include "SignedPreKeyStore.h"

#include "RecordSealer.h"
#include "StoreQuery.h"

namespace Parley {

namespace {

QByteArray signedPreKeyBinding(quint32 id)
{
    return RecordSealer::binding("crypto_signed_pre_keys", {QString::number(id)});
}

} // namespace

SignedPreKeyStore::SignedPreKeyStore(StatementCache &statements, const RecordSealer &sealer)
    : m_statements(statements),
      m_sealer(sealer)
{
}

CryptoResult<std::optional<QByteArray>> SignedPreKeyStore::load(quint32 id) const
{
    StoreQuery query(m_statements,
                     QStringLiteral("SELECT record FROM crypto_signed_pre_keys WHERE id = ?"));
    query.bind(id);
    return query.fetchSealed(m_sealer, signedPreKeyBinding(id));
}

CryptoStatus SignedPreKeyStore::store(quint32 id, qint64 createdAtMs, const QByteArray &record)
{
    StoreQuery query(m_statements,
                     QStringLiteral("INSERT OR REPLACE INTO crypto_signed_pre_keys"
                                    " (id, created_at, record) VALUES (?, ?, ?)"));
    query.bind(id).bind(createdAtMs).bind(m_sealer.seal(signedPreKeyBinding(id), record));
    return query.exec();
}

CryptoResult<bool> SignedPreKeyStore::contains(quint32 id) const
{
    StoreQuery query(m_statements,
                     QStringLiteral("SELECT 1 FROM crypto_signed_pre_keys WHERE id = ?"));
    query.bind(id);
    if (CryptoStatus status = query.exec(); !status)
        return status.error();
    return query.next();
}

CryptoStatus SignedPreKeyStore::remove(quint32 id)
{
    StoreQuery query(m_statements,
                     QStringLiteral("DELETE FROM crypto_signed_pre_keys WHERE id = ?"));
    query.bind(id);
    return query.exec();
}

CryptoResult<QList<quint32>> SignedPreKeyStore::idsNewestFirst() const
{
    StoreQuery query(m_statements,
                     QStringLiteral("SELECT id FROM crypto_signed_pre_keys"
                                    " ORDER BY created_at DESC, id DESC"));
    if (CryptoStatus status = query.exec(); !status)
        return status.error();
    QList<quint32> ids;
    while (query.next())
        ids.append(query.value(0).toUInt());
    return ids;
}

} // namespace Parley
