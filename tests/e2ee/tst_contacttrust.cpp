// ContactTrust's bookkeeping on a real key store (parley_crypto in an SQLite file, the e2ee
// tables of E2eeSchema): the first look at a contact only remembers; a new device, a replaced
// identity key or a gone device is a change that clears the verified mark; acknowledging a
// change is not a second one; the mark is kept across a restart.

#include "TestDevice.h"
#include "crypto/RecordSealer.h"
#include "e2ee/ContactTrust.h"
#include "e2ee/DeviceDirectory.h"
#include "e2ee/E2eeSchema.h"
#include "e2ee/KeyVault.h"

#include <QtCore/QTemporaryDir>
#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlQuery>
#include <QtTest/QTest>

#include <memory>
#include <optional>

using namespace Parley;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 Self = 1, Bob = 2;

QByteArray key(char fill)
{
    return QByteArray(1, '\x05') + QByteArray(32, fill);
}

} // namespace

class tst_ContactTrust : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void firstLookOnlyRemembers();
    void nothingBeforeTheListWasFetched();
    void newDeviceClearsTheMark();
    void replacedKeyClearsTheMarkOnce();
    void removedDeviceClearsTheMark();
    void markKeptAcrossRestart();
    void digestCoversDevicesAndKeys();

private:
    /// Opens the device's key store and the e2ee tables.
    void open();
    VaultTransaction tx();
    void fetched(qint64 userId);
    void addDevice(qint64 userId, qint32 deviceId, const QByteArray &identityKey);

    std::optional<QTemporaryDir> m_dir;
    std::unique_ptr<TestDevice> m_device;
    std::unique_ptr<RecordSealer> m_sealer;
};

void tst_ContactTrust::init()
{
    m_dir.emplace();
    QVERIFY(m_dir->isValid());
    m_device = std::make_unique<TestDevice>(m_dir->path(), DeviceAddress{Self, 1});
    open();
}

void tst_ContactTrust::cleanup()
{
    m_sealer.reset();
    m_device.reset();
    m_dir.reset();
}

void tst_ContactTrust::open()
{
    QVERIFY(m_device->open());
    QVERIFY(E2eeSchema::migrate(m_device->connectionName));
    auto sealer = RecordSealer::create(m_device->storageKey);
    QVERIFY(sealer);
    m_sealer = std::move(sealer.value());
}

VaultTransaction tst_ContactTrust::tx()
{
    return VaultTransaction{m_device->store(), m_device->signalContext(), *m_sealer,
                            m_device->connectionName, m_device->address};
}

void tst_ContactTrust::fetched(qint64 userId)
{
    QSqlQuery q(QSqlDatabase::database(m_device->connectionName, false));
    q.prepare(u"INSERT OR REPLACE INTO e2ee_users (user_id, fetched_at) VALUES (?, 1)"_s);
    q.addBindValue(userId);
    QVERIFY(q.exec());
}

void tst_ContactTrust::addDevice(qint64 userId, qint32 deviceId, const QByteArray &identityKey)
{
    VaultTransaction t = tx();
    const DeviceAddress address{userId, deviceId};
    QVERIFY(DeviceDirectory::recordSeen(t, address));
    QVERIFY(t.keys.identities().saveTrusted(address.name(), deviceId, identityKey));
}

void tst_ContactTrust::firstLookOnlyRemembers()
{
    fetched(Bob);
    addDevice(Bob, 1, key('a'));
    VaultTransaction t = tx();
    QVERIFY(!ContactTrust::compare(t, Bob));
    QVERIFY(!ContactTrust::compare(t, Bob));
    QCOMPARE(ContactTrust::currentKeys(t, Bob), (QMap<qint32, QByteArray>{{1, key('a')}}));
}

void tst_ContactTrust::nothingBeforeTheListWasFetched()
{
    // A device that wrote first (the inbox) before the list was fetched: a partial list.
    addDevice(Bob, 1, key('a'));
    VaultTransaction t = tx();
    QVERIFY(!ContactTrust::compare(t, Bob));
    fetched(Bob);
    addDevice(Bob, 2, key('b'));
    QVERIFY(!ContactTrust::compare(t, Bob)); // the first look, with both devices
    QVERIFY(!ContactTrust::compare(t, Bob));
}

void tst_ContactTrust::newDeviceClearsTheMark()
{
    fetched(Bob);
    addDevice(Bob, 1, key('a'));
    VaultTransaction t = tx();
    QVERIFY(!ContactTrust::compare(t, Bob));
    const QByteArray digest = ContactTrust::markVerified(t, Bob);
    QCOMPARE(digest, ContactTrust::digestOf({{1, key('a')}}));
    QCOMPARE(ContactTrust::verifiedContacts(t), (QHash<qint64, QByteArray>{{Bob, digest}}));
    QVERIFY(!ContactTrust::compare(t, Bob)); // nothing changed: still verified
    QCOMPARE(ContactTrust::verifiedContacts(t).size(), 1);

    addDevice(Bob, 2, key('b'));
    const auto change = ContactTrust::compare(t, Bob);
    QVERIFY(change);
    QCOMPARE(change->userId, Bob);
    QCOMPARE(change->change, ContactTrust::Change::DeviceAdded);
    QVERIFY(change->verificationCleared);
    QVERIFY(ContactTrust::verifiedContacts(t).isEmpty());
    QVERIFY(!ContactTrust::compare(t, Bob)); // said once

    // Not verified: a change is still a change, without clearing anything.
    addDevice(Bob, 3, key('c'));
    const auto again = ContactTrust::compare(t, Bob);
    QVERIFY(again);
    QCOMPARE(again->change, ContactTrust::Change::DeviceAdded);
    QVERIFY(!again->verificationCleared);
}

void tst_ContactTrust::replacedKeyClearsTheMarkOnce()
{
    fetched(Bob);
    addDevice(Bob, 1, key('a'));
    VaultTransaction t = tx();
    QVERIFY(!ContactTrust::compare(t, Bob));
    QVERIFY(!ContactTrust::markVerified(t, Bob).isEmpty());

    // Bob's device presents another key: recorded as offered, not trusted.
    const DeviceAddress device{Bob, 1};
    const auto trusted = t.keys.identities().isTrusted(device.name(), 1, key('z'));
    QVERIFY(trusted && !trusted.value());
    const auto change = ContactTrust::compare(t, Bob);
    QVERIFY(change);
    QCOMPARE(change->change, ContactTrust::Change::KeyReplaced);
    QVERIFY(change->verificationCleared);

    // The user acknowledges the change: the key now trusted is the one already compared.
    QVERIFY(t.keys.acknowledgeIdentityChange(device));
    QVERIFY(!ContactTrust::compare(t, Bob));
    QCOMPARE(ContactTrust::currentKeys(t, Bob), (QMap<qint32, QByteArray>{{1, key('z')}}));
}

void tst_ContactTrust::removedDeviceClearsTheMark()
{
    fetched(Bob);
    addDevice(Bob, 1, key('a'));
    addDevice(Bob, 2, key('b'));
    VaultTransaction t = tx();
    QVERIFY(!ContactTrust::compare(t, Bob));
    QVERIFY(!ContactTrust::markVerified(t, Bob).isEmpty());
    DeviceDirectory::forget(t, DeviceAddress{Bob, 2});
    const auto change = ContactTrust::compare(t, Bob);
    QVERIFY(change);
    QCOMPARE(change->change, ContactTrust::Change::DeviceRemoved);
    QVERIFY(change->verificationCleared);
}

void tst_ContactTrust::markKeptAcrossRestart()
{
    fetched(Bob);
    addDevice(Bob, 1, key('a'));
    QByteArray digest;
    {
        VaultTransaction t = tx();
        // Verified before any look: what was verified is what later changes are noticed against.
        digest = ContactTrust::markVerified(t, Bob);
        QVERIFY(!digest.isEmpty());
    }
    m_device->close();
    open();
    {
        VaultTransaction t = tx();
        QCOMPARE(ContactTrust::verifiedContacts(t), (QHash<qint64, QByteArray>{{Bob, digest}}));
        QVERIFY(!ContactTrust::compare(t, Bob));
    }
    addDevice(Bob, 2, key('b'));
    {
        VaultTransaction t = tx();
        const auto change = ContactTrust::compare(t, Bob);
        QVERIFY(change && change->verificationCleared);
        QVERIFY(!ContactTrust::markVerified(t, Bob).isEmpty());
        ContactTrust::clearVerified(t, Bob);
    }
    m_device->close();
    open();
    VaultTransaction t = tx();
    QVERIFY(ContactTrust::verifiedContacts(t).isEmpty());
    QVERIFY(ContactTrust::markVerified(t, 99).isEmpty()); // nobody with keys
}

void tst_ContactTrust::digestCoversDevicesAndKeys()
{
    const QByteArray one = ContactTrust::digestOf({{1, key('a')}});
    QCOMPARE(one.size(), 32);
    QCOMPARE(ContactTrust::digestOf({{1, key('a')}}), one);
    QVERIFY(ContactTrust::digestOf({{2, key('a')}}) != one);
    QVERIFY(ContactTrust::digestOf({{1, key('b')}}) != one);
    QVERIFY(ContactTrust::digestOf({{1, key('a')}, {2, key('b')}}) != one);
}

QTEST_GUILESS_MAIN(tst_ContactTrust)
#include "tst_contacttrust.moc"
