#include "TestDevice.h"

#include <QDateTime>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Parley;

namespace {

const DeviceAddress s_bob{2, 1};
const QByteArray s_firstKey("bob identity one");
const QByteArray s_secondKey("bob identity two");

} // namespace

class tst_IdentityStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void trustsOnFirstUse();
    void changedKeyIsUntrustedAndListed();
    void unchangedSaveKeepsPendingChange();
    void acknowledgeTrustsNewKeyAndDropsSession();
    void acknowledgeWithoutChangeIsInvalid();
    void changeOutlivesRollback();
    void forgetRemovesTrust();

private:
    IdentityStore &identities() { return m_device->store().identities(); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<TestDevice> m_device;
};

void tst_IdentityStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_device = std::make_unique<TestDevice>(m_dir->path(), DeviceAddress{1, 1});
    QVERIFY(m_device->open());
}

void tst_IdentityStore::cleanup()
{
    m_device.reset();
    m_dir.reset();
}

void tst_IdentityStore::trustsOnFirstUse()
{
    QVERIFY(identities().trustedIdentity(s_bob).value().isEmpty());
    QVERIFY(identities().isTrusted(s_bob.name(), s_bob.deviceId, s_firstKey).value());
    QVERIFY(identities().saveTrusted(s_bob.name(), s_bob.deviceId, s_firstKey));
    QCOMPARE(identities().trustedIdentity(s_bob).value(), s_firstKey);
    QVERIFY(identities().isTrusted(s_bob.name(), s_bob.deviceId, s_firstKey).value());
    QVERIFY(identities().changedIdentities().value().isEmpty());
}

void tst_IdentityStore::changedKeyIsUntrustedAndListed()
{
    QVERIFY(identities().saveTrusted(s_bob.name(), s_bob.deviceId, s_firstKey));
    const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-1);
    auto trusted = identities().isTrusted(s_bob.name(), s_bob.deviceId, s_secondKey);
    QVERIFY(trusted);
    QVERIFY(!trusted.value());

    auto changes = m_device->store().changedIdentities();
    QVERIFY(changes);
    QCOMPARE(changes.value().size(), 1);
    const IdentityChange change = changes.value().first();
    QCOMPARE(change.address, s_bob);
    QCOMPARE(change.trustedKey, s_firstKey);
    QCOMPARE(change.offeredKey, s_secondKey);
    QVERIFY(change.detectedAt >= before);

    // Seeing the same key again keeps the time it was first seen.
    QVERIFY(!identities().isTrusted(s_bob.name(), s_bob.deviceId, s_secondKey).value());
    QCOMPARE(m_device->store().changedIdentities().value().first().detectedAt, change.detectedAt);
    // The trusted key is still trusted.
    QVERIFY(identities().isTrusted(s_bob.name(), s_bob.deviceId, s_firstKey).value());
}

void tst_IdentityStore::unchangedSaveKeepsPendingChange()
{
    QVERIFY(identities().saveTrusted(s_bob.name(), s_bob.deviceId, s_firstKey));
    QVERIFY(!identities().isTrusted(s_bob.name(), s_bob.deviceId, s_secondKey).value());
    // libsignal saves the old key again when a message of the old session decrypts.
    QVERIFY(identities().saveTrusted(s_bob.name(), s_bob.deviceId, s_firstKey));
    QCOMPARE(m_device->store().changedIdentities().value().size(), 1);
}

void tst_IdentityStore::acknowledgeTrustsNewKeyAndDropsSession()
{
    QVERIFY(identities().saveTrusted(s_bob.name(), s_bob.deviceId, s_firstKey));
    QVERIFY(m_device->store().sessions().store(s_bob.name(), s_bob.deviceId, "old session"));
    QVERIFY(!identities().isTrusted(s_bob.name(), s_bob.deviceId, s_secondKey).value());

    QVERIFY(m_device->store().acknowledgeIdentityChange(s_bob));
    QCOMPARE(identities().trustedIdentity(s_bob).value(), s_secondKey);
    QVERIFY(identities().isTrusted(s_bob.name(), s_bob.deviceId, s_secondKey).value());
    QVERIFY(m_device->store().changedIdentities().value().isEmpty());
    QVERIFY(!m_device->store().sessions().contains(s_bob.name(), s_bob.deviceId).value());
}

void tst_IdentityStore::acknowledgeWithoutChangeIsInvalid()
{
    QVERIFY(identities().saveTrusted(s_bob.name(), s_bob.deviceId, s_firstKey));
    auto acknowledged = m_device->store().acknowledgeIdentityChange(s_bob);
    QVERIFY(!acknowledged);
    QCOMPARE(acknowledged.error(), CryptoError::InvalidArgument);
    QCOMPARE(identities().trustedIdentity(s_bob).value(), s_firstKey);
}

void tst_IdentityStore::changeOutlivesRollback()
{
    QVERIFY(identities().saveTrusted(s_bob.name(), s_bob.deviceId, s_firstKey));
    // What a refused decrypt does: the trust check fails inside the operation, which then
    // fails and is rolled back.
    auto status = m_device->store().atomically([&]() -> CryptoStatus {
        auto trusted = identities().isTrusted(s_bob.name(), s_bob.deviceId, s_secondKey);
        return trusted && trusted.value() ? CryptoStatus() : CryptoError::UntrustedIdentity;
    });
    QVERIFY(!status);
    auto changes = m_device->store().changedIdentities();
    QVERIFY(changes);
    QCOMPARE(changes.value().size(), 1);
    QCOMPARE(changes.value().first().offeredKey, s_secondKey);
}

void tst_IdentityStore::forgetRemovesTrust()
{
    QVERIFY(identities().saveTrusted(s_bob.name(), s_bob.deviceId, s_firstKey));
    QVERIFY(identities().forget(s_bob.name(), s_bob.deviceId));
    QVERIFY(identities().trustedIdentity(s_bob).value().isEmpty());
    QVERIFY(identities().isTrusted(s_bob.name(), s_bob.deviceId, s_secondKey).value());
}

QTEST_GUILESS_MAIN(tst_IdentityStore)
#include "tst_identitystore.moc"
