#pragma once

/// This device's signed pre-keys (crypto_signed_pre_keys).

#include "CryptoResult.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace Parley {

class RecordSealer;
class StatementCache;

//! \brief The sealed signed pre-key records (libsignal session_signed_pre_key serializations),
//! with their creation time in clear for rotation.
class SignedPreKeyStore
{
public:
    SignedPreKeyStore(StatementCache &statements, const RecordSealer &sealer);

    CryptoResult<std::optional<QByteArray>> load(quint32 id) const;
    //! \a createdAtMs: milliseconds since the epoch, UTC.
    CryptoStatus store(quint32 id, qint64 createdAtMs, const QByteArray &record);
    CryptoResult<bool> contains(quint32 id) const;
    CryptoStatus remove(quint32 id);
    //! Stored ids, the newest (the one to publish) first.
    CryptoResult<QList<quint32>> idsNewestFirst() const;

private:
    StatementCache &m_statements;
    const RecordSealer &m_sealer;
};

} // namespace Parley
