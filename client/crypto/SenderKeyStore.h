#pragma once

/// Sender key state per (conversation, sender device) (crypto_sender_keys).

#include "CryptoResult.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace Parley {

class RecordSealer;
class StatementCache;

//! \brief The sealed libsignal sender key records: our own chain per conversation and every
//! member device's chain we received through a distribution message.
//!
//! \a groupId is the conversation id as a decimal string; \a name and \a deviceId the sender.
class SenderKeyStore
{
public:
    SenderKeyStore(StatementCache &statements, const RecordSealer &sealer);

    CryptoResult<std::optional<QByteArray>> load(const QString &groupId, const QString &name,
                                                 qint32 deviceId) const;
    CryptoStatus store(const QString &groupId, const QString &name, qint32 deviceId,
                       const QByteArray &record);
    CryptoStatus remove(const QString &groupId, const QString &name, qint32 deviceId);

private:
    StatementCache &m_statements;
    const RecordSealer &m_sealer;
};

} // namespace Parley
