#include "crypto/KeyStoreSchema.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QStringList>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Parley;

class tst_KeyStoreSchema : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void freshDatabaseMigratesToCurrent();
    void migrationIsIdempotent();
    void leavesOtherTablesAlone();
    void refusesNewerSchema();
    void closedConnectionIsDatabaseError();

private:
    QStringList cryptoTables() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_connection;
};

void tst_KeyStoreSchema::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_connection = QStringLiteral("schema-%1").arg(QLatin1String(QTest::currentTestFunction()));
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    db.setDatabaseName(m_dir->filePath(QStringLiteral("cache.sqlite")));
    QVERIFY(db.open());
}

void tst_KeyStoreSchema::cleanup()
{
    QSqlDatabase::database(m_connection, false).close();
    QSqlDatabase::removeDatabase(m_connection);
    m_dir.reset();
}

QStringList tst_KeyStoreSchema::cryptoTables() const
{
    QStringList tables = QSqlDatabase::database(m_connection, false).tables();
    tables.removeIf([](const QString &name) { return !name.startsWith(QLatin1String("crypto_")); });
    tables.sort();
    return tables;
}

void tst_KeyStoreSchema::freshDatabaseMigratesToCurrent()
{
    auto before = KeyStoreSchema::version(m_connection);
    QVERIFY(before);
    QCOMPARE(before.value(), 0);

    QVERIFY(KeyStoreSchema::migrate(m_connection));
    auto after = KeyStoreSchema::version(m_connection);
    QVERIFY(after);
    QCOMPARE(after.value(), KeyStoreSchema::CurrentVersion);
    QCOMPARE(cryptoTables(),
             QStringList({QStringLiteral("crypto_local_identity"), QStringLiteral("crypto_meta"),
                          QStringLiteral("crypto_pre_keys"),
                          QStringLiteral("crypto_remote_identities"),
                          QStringLiteral("crypto_sender_keys"), QStringLiteral("crypto_sessions"),
                          QStringLiteral("crypto_signed_pre_keys")}));
}

void tst_KeyStoreSchema::migrationIsIdempotent()
{
    QVERIFY(KeyStoreSchema::migrate(m_connection));
    const QStringList tables = cryptoTables();
    QVERIFY(KeyStoreSchema::migrate(m_connection));
    QCOMPARE(cryptoTables(), tables);
    QCOMPARE(KeyStoreSchema::version(m_connection).value(), KeyStoreSchema::CurrentVersion);
}

void tst_KeyStoreSchema::leavesOtherTablesAlone()
{
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    QVERIFY(query.exec(
            QStringLiteral("CREATE TABLE messages (id INTEGER PRIMARY KEY, body BLOB)")));
    QVERIFY(query.exec(QStringLiteral("INSERT INTO messages (body) VALUES (x'01')")));
    QVERIFY(KeyStoreSchema::migrate(m_connection));
    QVERIFY(query.exec(QStringLiteral("SELECT COUNT(*) FROM messages")));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toInt(), 1);
}

void tst_KeyStoreSchema::refusesNewerSchema()
{
    QVERIFY(KeyStoreSchema::migrate(m_connection));
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    QVERIFY(query.exec(
            QStringLiteral("UPDATE crypto_meta SET value = 99 WHERE key = 'schema_version'")));
    auto migrated = KeyStoreSchema::migrate(m_connection);
    QVERIFY(!migrated);
    QCOMPARE(migrated.error(), CryptoError::UnsupportedStoreVersion);
}

void tst_KeyStoreSchema::closedConnectionIsDatabaseError()
{
    auto migrated = KeyStoreSchema::migrate(QStringLiteral("no such connection"));
    QVERIFY(!migrated);
    QCOMPARE(migrated.error(), CryptoError::DatabaseError);
}

QTEST_GUILESS_MAIN(tst_KeyStoreSchema)
#include "tst_keystoreschema.moc"
