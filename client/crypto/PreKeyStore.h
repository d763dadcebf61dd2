#pragma once

/// This device's one-time pre-keys (crypto_pre_keys).

#include "CryptoResult.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace Parley {

class RecordSealer;
class StatementCache;

//! \brief The sealed one-time pre-key records (libsignal session_pre_key serializations).
//!
//! libsignal removes a pre-key when a session built on it decrypts its first message, in the
//! same savepoint: a pre-key is consumed once.
class PreKeyStore
{
public:
    PreKeyStore(StatementCache &statements, const RecordSealer &sealer);

    CryptoResult<std::optional<QByteArray>> load(quint32 id) const;
    //! Every stored record, by ascending id.
    CryptoResult<QList<QByteArray>> loadAll() const;
    CryptoStatus store(quint32 id, const QByteArray &record);
    CryptoResult<bool> contains(quint32 id) const;
    CryptoStatus remove(quint32 id);
    //! How many unused one-time pre-keys are left.
    CryptoResult<int> count() const;

private:
    StatementCache &m_statements;
    const RecordSealer &m_sealer;
};

} // namespace Parley
