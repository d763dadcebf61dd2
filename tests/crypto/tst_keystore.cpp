#include "TestDevice.h"

#include "crypto/RecordSealer.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Parley;

class tst_KeyStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void opensFreshStore();
    void missingOrInvalidKey();
    void wrongKeyIsRefusedAndChangesNothing();
    void missingKeyCheckIsCorrupt();
    void recordsAreSealedAtRest();
    void damagedRecordIsReported();
    void atomicallyRollsBackOnFailure();
    void nestsInCallersTransaction();
    void keepsWorkingWhenTheConnectionReopens();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<TestDevice> m_device;
};

void tst_KeyStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_device = std::make_unique<TestDevice>(m_dir->path(), DeviceAddress{1, 1});
}

void tst_KeyStore::cleanup()
{
    m_device.reset();
    m_dir.reset();
}

void tst_KeyStore::opensFreshStore()
{
    QVERIFY(m_device->open());
    auto exists = m_device->identity().exists();
    QVERIFY(exists);
    QVERIFY(!exists.value());
    QCOMPARE(m_device->store().preKeys().count().value(), 0);
}

void tst_KeyStore::missingOrInvalidKey()
{
    auto missing = m_device->open(QByteArray());
    QVERIFY(!missing);
    QCOMPARE(missing.error(), CryptoError::StorageKeyMissing);

    auto invalid = m_device->open(QByteArray(16, 'k'));
    QVERIFY(!invalid);
    QCOMPARE(invalid.error(), CryptoError::StorageKeyInvalid);
}

void tst_KeyStore::wrongKeyIsRefusedAndChangesNothing()
{
    QVERIFY(m_device->open());
    QVERIFY(m_device->createIdentity());
    const QByteArray identityKey = m_device->identity().identityKey().value();
    m_device->close();

    auto wrong = m_device->open(RecordSealer::generateStorageKey());
    QVERIFY(!wrong);
    QCOMPARE(wrong.error(), CryptoError::WrongStorageKey);
    m_device->close();

    QVERIFY(m_device->open());
    auto reopened = m_device->identity().identityKey();
    QVERIFY(reopened);
    QCOMPARE(reopened.value(), identityKey);
    QCOMPARE(m_device->identity().preKeyCount().value(), 10);
}

void tst_KeyStore::missingKeyCheckIsCorrupt()
{
    QVERIFY(m_device->open());
    QVERIFY(m_device->createIdentity());
    {
        QSqlQuery query(QSqlDatabase::database(m_device->connectionName, false));
        QVERIFY(query.exec(QStringLiteral("DELETE FROM crypto_meta WHERE key = 'key_check'")));
    }
    m_device->close();
    // Without the key-check record any key would be accepted and write records the old key
    // cannot open: refuse instead.
    auto reopened = m_device->open(RecordSealer::generateStorageKey());
    QVERIFY(!reopened);
    QCOMPARE(reopened.error(), CryptoError::CorruptRecord);
}

void tst_KeyStore::recordsAreSealedAtRest()
{
    QVERIFY(m_device->open());
    QVERIFY(m_device->createIdentity());
    const auto identity = m_device->store().identities().localIdentity();
    QVERIFY(identity && identity.value());
    const QByteArray privateKey = identity.value()->privateKey;
    const auto preKeyRecord =
            m_device->store().preKeys().load(m_device->published.preKeys.first().id);
    QVERIFY(preKeyRecord && preKeyRecord.value());
    QByteArray sealedIdentity;
    {
        QSqlQuery query(QSqlDatabase::database(m_device->connectionName, false));
        QVERIFY(query.exec(QStringLiteral("SELECT record FROM crypto_local_identity")));
        QVERIFY(query.next());
        sealedIdentity = query.value(0).toByteArray();
    }
    m_device->close();

    QByteArray raw;
    for (const QString &suffix : {QString(), QStringLiteral("-wal")}) {
        QFile file(m_device->databasePath + suffix);
        if (file.open(QIODevice::ReadOnly))
            raw += file.readAll();
    }
    QVERIFY(raw.contains(sealedIdentity)); // the bytes searched hold the records
    QVERIFY(!raw.contains(privateKey));
    QVERIFY(!raw.contains(privateKey.right(32)));
    QVERIFY(!raw.contains(*preKeyRecord.value()));
}

void tst_KeyStore::damagedRecordIsReported()
{
    QVERIFY(m_device->open());
    QVERIFY(m_device->createIdentity());
    const quint32 id = m_device->published.preKeys.first().id;
    {
        QSqlQuery query(QSqlDatabase::database(m_device->connectionName, false));
        QVERIFY(query.exec(
                QStringLiteral("UPDATE crypto_pre_keys SET record = zeroblob(80) WHERE id = %1")
                        .arg(id)));
    }
    auto loaded = m_device->store().preKeys().load(id);
    QVERIFY(!loaded);
    QCOMPARE(loaded.error(), CryptoError::CorruptRecord);
    auto bundle = m_device->identity().publicBundle();
    QVERIFY(!bundle);
    QCOMPARE(bundle.error(), CryptoError::CorruptRecord);
}

void tst_KeyStore::atomicallyRollsBackOnFailure()
{
    QVERIFY(m_device->open());
    KeyStore &store = m_device->store();
    auto failed = store.atomically([&]() -> CryptoStatus {
        if (auto stored = store.preKeys().store(7, "record seven"); !stored)
            return stored;
        return CryptoError::InvalidMessage;
    });
    QVERIFY(!failed);
    QCOMPARE(failed.error(), CryptoError::InvalidMessage);
    QVERIFY(!store.preKeys().contains(7).value());

    QVERIFY(store.atomically([&]() { return store.preKeys().store(7, "record seven"); }));
    QVERIFY(store.preKeys().contains(7).value());
}

void tst_KeyStore::nestsInCallersTransaction()
{
    QVERIFY(m_device->open());
    KeyStore &store = m_device->store();
    QSqlDatabase db = QSqlDatabase::database(m_device->connectionName, false);

    QVERIFY(db.transaction());
    QVERIFY(store.atomically([&]() { return store.preKeys().store(8, "record eight"); }));
    QVERIFY(store.preKeys().contains(8).value());
    QVERIFY(db.rollback());
    QVERIFY(!store.preKeys().contains(8).value());

    QVERIFY(db.transaction());
    QVERIFY(store.atomically([&]() { return store.preKeys().store(9, "record nine"); }));
    QVERIFY(db.commit());
    QVERIFY(store.preKeys().contains(9).value());
}

// The key store keeps its statements prepared; closing the connection finalises them, and the
// store must prepare them again rather than fail.
void tst_KeyStore::keepsWorkingWhenTheConnectionReopens()
{
    QVERIFY(m_device->open());
    QVERIFY(m_device->createIdentity());
    const QByteArray identityKey = m_device->identity().identityKey().value();
    QVERIFY(m_device->store().sessions().store(QStringLiteral("2"), 1, "first"));
    QCOMPARE(m_device->store().sessions().load(QStringLiteral("2"), 1).value(),
             std::optional<QByteArray>("first"));

    QSqlDatabase db = QSqlDatabase::database(m_device->connectionName, false);
    db.close();
    QVERIFY(db.open());

    QCOMPARE(m_device->identity().identityKey().value(), identityKey);
    QVERIFY(m_device->store().sessions().store(QStringLiteral("2"), 1, "second"));
    QCOMPARE(m_device->store().sessions().load(QStringLiteral("2"), 1).value(),
             std::optional<QByteArray>("second"));
    QCOMPARE(m_device->store().preKeys().count().value(), 10);
}

QTEST_GUILESS_MAIN(tst_KeyStore)
#include "tst_keystore.moc"
