#include "StoreQuery.h"

#include "Logging.h"
#include "RecordSealer.h"

#include <QSqlDatabase>
#include <QSqlError>

namespace Parley {

StoreQuery::StoreQuery(const QString &connectionName, const QString &statement)
    : m_statement(statement),
      m_query(QSqlDatabase::database(connectionName, false))
{
    m_prepared = m_query.prepare(statement);
}

StoreQuery &StoreQuery::bind(const QVariant &value)
{
    m_query.addBindValue(value);
    return *this;
}

CryptoStatus StoreQuery::exec()
{
    if (!m_prepared || !m_query.exec()) {
        qCWarning(lcCrypto).noquote() << "key store statement failed:" << m_query.lastError().text()
                                      << "in" << m_statement;
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
