#pragma once

/// Pairwise session state per remote device (crypto_sessions).

#include "CryptoResult.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace Parley {

class RecordSealer;
class StatementCache;

//! \brief The sealed libsignal session records (Double Ratchet state), one per remote device.
//!
//! Parley keeps no libsignal "user record" beside a session: libsignal only passes back what
//! the application stored, and Parley stores none.
class SessionStore
{
public:
    SessionStore(StatementCache &statements, const RecordSealer &sealer);

    CryptoResult<std::optional<QByteArray>> load(const QString &name, qint32 deviceId) const;
    //! The device ids of \a name that have a session.
    CryptoResult<QList<qint32>> deviceIds(const QString &name) const;
    CryptoStatus store(const QString &name, qint32 deviceId, const QByteArray &record);
    CryptoResult<bool> contains(const QString &name, qint32 deviceId) const;
    //! True when a session was deleted.
    CryptoResult<bool> remove(const QString &name, qint32 deviceId);
    //! How many sessions of \a name were deleted.
    CryptoResult<int> removeAll(const QString &name);

private:
    StatementCache &m_statements;
    const RecordSealer &m_sealer;
};

} // namespace Parley
