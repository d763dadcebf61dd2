#include "Savepoint.h"

#include "Logging.h"
#include "StoreQuery.h"

namespace Parley {

Savepoint::Savepoint(const QString &connectionName) : m_connectionName(connectionName) { }

Savepoint::Savepoint(StatementCache &statements)
    : m_connectionName(statements.connectionName()),
      m_statements(&statements)
{
}

StoreQuery Savepoint::query(const QString &statement) const
{
    if (m_statements)
        return StoreQuery(*m_statements, statement);
    return StoreQuery(m_connectionName, statement);
}

Savepoint::~Savepoint()
{
    rollback();
}

CryptoStatus Savepoint::begin()
{
    Q_ASSERT(!m_active);
    CryptoStatus status = query(QStringLiteral("SAVEPOINT parley_crypto")).exec();
    m_active = status.hasValue();
    return status;
}

CryptoStatus Savepoint::release()
{
    if (!m_active)
        return CryptoError::DatabaseError;
    CryptoStatus status = query(QStringLiteral("RELEASE SAVEPOINT parley_crypto")).exec();
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
    if (!query(QStringLiteral("ROLLBACK TO SAVEPOINT parley_crypto")).exec()
        || !query(QStringLiteral("RELEASE SAVEPOINT parley_crypto")).exec())
        qCWarning(lcCrypto) << "key store savepoint could not be rolled back";
}

} // namespace Parley
