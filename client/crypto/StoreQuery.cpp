#include "StoreQuery.h"

#include "Logging.h"
#include "RecordSealer.h"

#include <QSqlDatabase>
#include <QSqlError>

namespace Parley {

StoreQuery::StoreQuery(const QString &connectionName, const QString &statement)
    : m_statement(statement)
{
    prepareOwn(connectionName);
}

StoreQuery::StoreQuery(StatementCache &statements, const QString &statement)
    : m_statement(statement),
      m_cache(&statements),
      m_entry(statements.acquire(statement))
{
    if (!m_entry) {
        prepareOwn(statements.connectionName());
        return;
    }
    m_query = m_entry->query.get();
    m_prepared = true;
}

StoreQuery::~StoreQuery()
{
    if (m_entry)
        m_cache->release(*m_entry);
}

void StoreQuery::prepareOwn(const QString &connectionName)
{
    m_own.emplace(QSqlDatabase::database(connectionName, false));
    m_own->setForwardOnly(true);
    m_prepared = m_own->prepare(m_statement);
    m_query = &*m_own;
}

StoreQuery &StoreQuery::bind(const QVariant &value)
{
    m_query->addBindValue(value);
    return *this;
}

CryptoStatus StoreQuery::exec()
{
    if (!m_prepared || !m_query->exec()) {
        qCWarning(lcCrypto).noquote()
                << "key store statement failed:" << m_query->lastError().text() << "in"
                << m_statement;
        return CryptoError::DatabaseError;
    }
    return {};
}

CryptoResult<std::optional<QByteArray>> StoreQuery::fetchSealed(const RecordSealer &sealer,
                                                                const QByteArray &binding)
{
    if (CryptoStatus status = exec(); !status)
        return status.error();
    if (!next())
        return std::optional<QByteArray>();
    CryptoResult<QByteArray> record = sealer.open(binding, value(0).toByteArray());
    if (!record)
        return record.error();
    return std::optional<QByteArray>(std::move(record).value());
}

} // namespace Parley
