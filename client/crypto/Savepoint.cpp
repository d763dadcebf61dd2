#include "Savepoint.h"

#include "Logging.h"
#include "StoreQuery.h"

namespace Parley {

Savepoint::Savepoint(const QString &connectionName) : m_connectionName(connectionName) { }

Savepoint::~Savepoint()
{
    rollback();
}

CryptoStatus Savepoint::begin()
{
    Q_ASSERT(!m_active);
    StoreQuery query(m_connectionName, QStringLiteral("SAVEPOINT parley_crypto"));
    CryptoStatus status = query.exec();
    m_active = status.hasValue();
    return status;
}

CryptoStatus Savepoint::release()
{
    if (!m_active)
        return CryptoError::DatabaseError;
    StoreQuery query(m_connectionName, QStringLiteral("RELEASE SAVEPOINT parley_crypto"));
    CryptoStatus status = query.exec();
    if (status)
        m_active = false;
    return status;
}

void Savepoint::rollback()
{
    if (!m_active)
        return;
    m_active = false;
    // ROLLBACK TO keeps the savepoint open; RELEASE then drops it (and commits nothing when it
    // was the outermost one, as everything was rolled back).
    StoreQuery rollbackQuery(m_connectionName,
                             QStringLiteral("ROLLBACK TO SAVEPOINT parley_crypto"));
    StoreQuery releaseQuery(m_connectionName, QStringLiteral("RELEASE SAVEPOINT parley_crypto"));
    if (!rollbackQuery.exec() || !releaseQuery.exec())
        qCWarning(lcCrypto) << "key store savepoint could not be rolled back";
}

} // namespace Parley
