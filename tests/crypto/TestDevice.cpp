#include "TestDevice.h"

#include "crypto/RecordSealer.h"

#include <QDir>
#include <QSqlDatabase>
#include <QSqlQuery>

namespace Parley {

namespace {

QString uniqueConnectionName(const DeviceAddress &address)
{
    static int s_counter = 0;
    return QStringLiteral("crypto-test-%1-%2").arg(address.toString()).arg(++s_counter);
}

} // namespace

TestDevice::TestDevice(const QString &directory, const DeviceAddress &address,
                       const QByteArray &storageKey)
    : address(address),
      connectionName(uniqueConnectionName(address)),
      databasePath(QDir(directory).filePath(
              QStringLiteral("device-%1-%2.sqlite").arg(address.userId).arg(address.deviceId))),
      storageKey(storageKey.isEmpty() ? RecordSealer::generateStorageKey() : storageKey)
{
}

TestDevice::~TestDevice()
{
    close();
}

CryptoStatus TestDevice::open()
{
    return open(storageKey);
}

CryptoStatus TestDevice::open(const QByteArray &key)
{
    close();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connectionName);
        db.setDatabaseName(databasePath);
        if (!db.open())
            return CryptoError::DatabaseError;
        // As the client's MessageStore opens its cache.
        QSqlQuery pragmas(db);
        for (const char *pragma : {"PRAGMA journal_mode = WAL", "PRAGMA synchronous = NORMAL"}) {
            if (!pragmas.exec(QLatin1String(pragma)))
                return CryptoError::DatabaseError;
        }
    }
    if (!m_context) {
        auto context = SignalContext::create();
        if (!context)
            return context.error();
        m_context = std::move(context).value();
    }
    auto store = KeyStore::open(*m_context, connectionName, key);
    if (!store)
        return store.error();
    m_store = std::move(store).value();
    return {};
}

void TestDevice::close()
{
    m_store.reset();
    if (QSqlDatabase::contains(connectionName)) {
        QSqlDatabase::database(connectionName, false).close();
        QSqlDatabase::removeDatabase(connectionName);
    }
}

CryptoStatus TestDevice::createIdentity(int preKeyCount)
{
    auto bundle = identity().create(preKeyCount);
    if (!bundle)
        return bundle.error();
    published = bundle.value();
    return {};
}

PreKeyBundle TestDevice::handOutBundle()
{
    PreKeyBundle bundle = published;
    bundle.preKeys.clear();
    if (!published.preKeys.isEmpty())
        bundle.preKeys.append(published.preKeys.takeFirst());
    return bundle;
}

} // namespace Parley
