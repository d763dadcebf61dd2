#include "TestDevice.h"

#include <signal/curve.h>
#include <signal/signal_protocol.h>

#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <chrono>
#include <memory>

using namespace Parley;
using namespace std::chrono_literals;

namespace {

const QDateTime s_start = QDateTime(QDate(2026, 1, 1), QTime(12, 0), Qt::UTC);

bool signatureVerifies(SignalContext &context, const PreKeyBundle &bundle)
{
    ec_public_key *identity = nullptr;
    if (curve_decode_point(&identity,
                           reinterpret_cast<const uint8_t *>(bundle.identityKey.constData()),
                           size_t(bundle.identityKey.size()), context.handle())
        < 0)
        return false;
    const QByteArray &signedKey = bundle.signedPreKey.publicKey;
    const QByteArray &signature = bundle.signedPreKey.signature;
    const int result = curve_verify_signature(
            identity, reinterpret_cast<const uint8_t *>(signedKey.constData()),
            size_t(signedKey.size()), reinterpret_cast<const uint8_t *>(signature.constData()),
            size_t(signature.size()));
    SIGNAL_UNREF(identity);
    return result == 1;
}

} // namespace

class tst_DeviceIdentity : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void nothingBeforeCreate();
    void createsIdentityAndBundle();
    void createTwiceIsRefused();
    void generatesMorePreKeys();
    void rotatesSignedPreKeyByAge();
    void previousSignedPreKeyStillAccepted();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<TestDevice> m_device;
};

void tst_DeviceIdentity::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_device = std::make_unique<TestDevice>(m_dir->path(), DeviceAddress{1, 1});
    QVERIFY(m_device->open());
}

void tst_DeviceIdentity::cleanup()
{
    m_device.reset();
    m_dir.reset();
}

void tst_DeviceIdentity::nothingBeforeCreate()
{
    DeviceIdentity identity = m_device->identity();
    QCOMPARE(identity.exists().value(), false);
    QCOMPARE(identity.publicBundle().error(), CryptoError::NoIdentity);
    QCOMPARE(identity.registrationId().error(), CryptoError::NoIdentity);
    QCOMPARE(identity.identityKey().error(), CryptoError::NoIdentity);
    QCOMPARE(identity.generatePreKeys(5).error(), CryptoError::NoIdentity);
}

void tst_DeviceIdentity::createsIdentityAndBundle()
{
    DeviceIdentity identity = m_device->identity();
    auto created = identity.create();
    QVERIFY(created);
    const PreKeyBundle &bundle = created.value();

    QVERIFY(bundle.registrationId >= 1 && bundle.registrationId <= 16380);
    QCOMPARE(bundle.identityKey.size(), 33);
    QCOMPARE(bundle.identityKey, identity.identityKey().value());
    QCOMPARE(bundle.registrationId, identity.registrationId().value());
    QCOMPARE(bundle.signedPreKey.id, 1u);
    QCOMPARE(bundle.signedPreKey.publicKey.size(), 33);
    QCOMPARE(bundle.signedPreKey.signature.size(), 64);
    QVERIFY(signatureVerifies(m_device->signalContext(), bundle));

    QCOMPARE(bundle.preKeys.size(), DefaultPreKeyCount);
    QSet<quint32> ids;
    QSet<QByteArray> keys;
    for (const PreKeyPublic &preKey : bundle.preKeys) {
        ids.insert(preKey.id);
        keys.insert(preKey.publicKey);
        QCOMPARE(preKey.publicKey.size(), 33);
    }
    QCOMPARE(ids.size(), DefaultPreKeyCount);
    QCOMPARE(keys.size(), DefaultPreKeyCount);
    QVERIFY(ids.contains(1) && ids.contains(100));

    QCOMPARE(identity.publicBundle().value(), bundle);
    QCOMPARE(identity.preKeyCount().value(), DefaultPreKeyCount);
}

void tst_DeviceIdentity::createTwiceIsRefused()
{
    DeviceIdentity identity = m_device->identity();
    auto first = identity.create(5);
    QVERIFY(first);
    auto second = identity.create(5);
    QVERIFY(!second);
    QCOMPARE(second.error(), CryptoError::IdentityAlreadyExists);
    QCOMPARE(identity.publicBundle().value(), first.value());
}

void tst_DeviceIdentity::generatesMorePreKeys()
{
    DeviceIdentity identity = m_device->identity();
    QVERIFY(identity.create(DefaultPreKeyCount));
    auto more = identity.generatePreKeys(10);
    QVERIFY(more);
    QCOMPARE(more.value().size(), 10);
    QCOMPARE(more.value().first().id, 101u);
    QCOMPARE(more.value().last().id, 110u);
    QCOMPARE(identity.preKeyCount().value(), 110);
    QCOMPARE(identity.publicBundle().value().preKeys.mid(100), more.value());

    QCOMPARE(identity.generatePreKeys(0).error(), CryptoError::InvalidArgument);
    QCOMPARE(identity.generatePreKeys(100000).error(), CryptoError::InvalidArgument);

    // Ids survive a restart: no id is handed out twice.
    m_device->close();
    QVERIFY(m_device->open());
    QCOMPARE(m_device->identity().generatePreKeys(1).value().first().id, 111u);
}

void tst_DeviceIdentity::rotatesSignedPreKeyByAge()
{
    DeviceIdentity identity = m_device->identity();
    QVERIFY(identity.create(1, s_start));
    const SignedPreKeyPublic first = identity.publicBundle().value().signedPreKey;

    auto early = identity.rotateSignedPreKey(7 * 24h, s_start.addDays(1));
    QVERIFY(early);
    QVERIFY(!early.value());

    auto due = identity.rotateSignedPreKey(7 * 24h, s_start.addDays(8));
    QVERIFY(due);
    QVERIFY(due.value());
    QCOMPARE(due.value()->id, 2u);
    QVERIFY(due.value()->publicKey != first.publicKey);
    const PreKeyBundle bundle = identity.publicBundle().value();
    QCOMPARE(bundle.signedPreKey, *due.value());
    QVERIFY(signatureVerifies(m_device->signalContext(), bundle));
    QVERIFY(m_device->store().signedPreKeys().contains(first.id).value());

    auto again = identity.rotateSignedPreKey(7 * 24h, s_start.addDays(16));
    QVERIFY(again && again.value());
    QCOMPARE(again.value()->id, 3u);
    QVERIFY(!m_device->store().signedPreKeys().contains(1).value());
    QVERIFY(m_device->store().signedPreKeys().contains(2).value());
    QVERIFY(m_device->store().signedPreKeys().contains(3).value());
}

void tst_DeviceIdentity::previousSignedPreKeyStillAccepted()
{
    QVERIFY(m_device->createIdentity(2));
    TestDevice alice(m_dir->path(), DeviceAddress{7, 1});
    QVERIFY(alice.open());
    QVERIFY(alice.createIdentity(2));

    // Alice fetched the bundle before the rotation; her first message arrives after it.
    const PreKeyBundle fetched = m_device->handOutBundle();
    QVERIFY(m_device->identity().rotateSignedPreKey(0ms));
    PairwiseCipher aliceCipher = alice.pairwise();
    QVERIFY(aliceCipher.buildSession(m_device->address, fetched));
    auto message = aliceCipher.encrypt(m_device->address, "hello after rotation");
    QVERIFY(message);
    auto plaintext = m_device->pairwise().decrypt(alice.address, message.value());
    QVERIFY(plaintext);
    QCOMPARE(plaintext.value(), QByteArray("hello after rotation"));
}

QTEST_GUILESS_MAIN(tst_DeviceIdentity)
#include "tst_deviceidentity.moc"
