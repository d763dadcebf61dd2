#include "TestDevice.h"

#include "crypto/SafetyNumber.h"

#include <QDir>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Parley;

class tst_SafetyNumber : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void equalOnBothSides();
    void formatsTwelveGroupsOfFive();
    void scannableMatchesCrosswise();
    void changesWhenIdentityChanges();
    void rejectsInvalidInput();
    void devicesOfBothUsers();

private:
    SafetyNumber compute(TestDevice &local, TestDevice &remote);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<TestDevice> m_alice;
    std::unique_ptr<TestDevice> m_bob;
};

void tst_SafetyNumber::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_alice = std::make_unique<TestDevice>(m_dir->path(), DeviceAddress{1001, 1});
    m_bob = std::make_unique<TestDevice>(m_dir->path(), DeviceAddress{2002, 1});
    for (TestDevice *device : {m_alice.get(), m_bob.get()}) {
        QVERIFY(device->open());
        QVERIFY(device->createIdentity(1));
    }
}

void tst_SafetyNumber::cleanup()
{
    m_alice.reset();
    m_bob.reset();
    m_dir.reset();
}

SafetyNumber tst_SafetyNumber::compute(TestDevice &local, TestDevice &remote)
{
    auto number = SafetyNumber::compute(
            local.signalContext(), local.address.userId, local.identity().identityKey().value(),
            remote.address.userId, remote.identity().identityKey().value());
    if (!number)
        qFatal("safety number not computed: %d", int(number.error()));
    return number.value();
}

void tst_SafetyNumber::equalOnBothSides()
{
    const SafetyNumber seenByAlice = compute(*m_alice, *m_bob);
    const SafetyNumber seenByBob = compute(*m_bob, *m_alice);
    QCOMPARE(seenByAlice.digits(), seenByBob.digits());
    QCOMPARE(seenByAlice.displayText(), seenByBob.displayText());
    // Computing again gives the same number.
    QCOMPARE(compute(*m_alice, *m_bob).digits(), seenByAlice.digits());
}

void tst_SafetyNumber::formatsTwelveGroupsOfFive()
{
    const SafetyNumber number = compute(*m_alice, *m_bob);
    QCOMPARE(number.digits().size(), 60);
    QVERIFY(QRegularExpression(QStringLiteral("^[0-9]{60}$")).match(number.digits()).hasMatch());
    const QStringList groups = number.groups();
    QCOMPARE(groups.size(), 12);
    for (const QString &group : groups)
        QCOMPARE(group.size(), 5);
    QCOMPARE(groups.join(QString()), number.digits());
    QCOMPARE(number.displayText().size(), 60 + 11);
    QVERIFY(!number.scannable().isEmpty());
}

void tst_SafetyNumber::scannableMatchesCrosswise()
{
    const SafetyNumber seenByAlice = compute(*m_alice, *m_bob);
    const SafetyNumber seenByBob = compute(*m_bob, *m_alice);
    // Alice scans the code on Bob's screen and the other way round.
    auto aliceScans = seenByAlice.matchesScanned(m_alice->signalContext(), seenByBob.scannable());
    QVERIFY(aliceScans);
    QVERIFY(aliceScans.value());
    auto bobScans = seenByBob.matchesScanned(m_bob->signalContext(), seenByAlice.scannable());
    QVERIFY(bobScans);
    QVERIFY(bobScans.value());
    // Scanning one's own code is not a match.
    QCOMPARE(seenByAlice.matchesScanned(m_alice->signalContext(), seenByAlice.scannable()).value(),
             false);
}

void tst_SafetyNumber::changesWhenIdentityChanges()
{
    const SafetyNumber before = compute(*m_alice, *m_bob);

    // Bob reinstalls with a new identity key.
    QVERIFY(QDir(m_dir->path()).mkdir(QStringLiteral("reinstall")));
    TestDevice newBob(m_dir->filePath(QStringLiteral("reinstall")), m_bob->address);
    QVERIFY(newBob.open());
    QVERIFY(newBob.createIdentity(1));
    const SafetyNumber after = compute(*m_alice, newBob);
    QVERIFY(after.digits() != before.digits());
    QCOMPARE(compute(newBob, *m_alice).digits(), after.digits());
    QCOMPARE(before.matchesScanned(m_alice->signalContext(), compute(newBob, *m_alice).scannable())
                     .value(),
             false);

    // Another user with the same key material gives another number too.
    auto otherUser = SafetyNumber::compute(m_alice->signalContext(), m_alice->address.userId,
                                           m_alice->identity().identityKey().value(), 3003,
                                           m_bob->identity().identityKey().value());
    QVERIFY(otherUser);
    QVERIFY(otherUser.value().digits() != before.digits());
}

void tst_SafetyNumber::rejectsInvalidInput()
{
    auto badKey = SafetyNumber::compute(m_alice->signalContext(), 1, "not a key", 2,
                                        m_bob->identity().identityKey().value());
    QVERIFY(!badKey);
    QCOMPARE(badKey.error(), CryptoError::InvalidArgument);

    const SafetyNumber number = compute(*m_alice, *m_bob);
    auto garbage = number.matchesScanned(m_alice->signalContext(), "not a fingerprint");
    QVERIFY(!garbage);
    QCOMPARE(garbage.error(), CryptoError::InvalidMessage);
}

void tst_SafetyNumber::devicesOfBothUsers()
{
    // Bob has a second device with its own identity key.
    QVERIFY(QDir(m_dir->path()).mkdir(QStringLiteral("bob2")));
    TestDevice bob2(m_dir->filePath(QStringLiteral("bob2")), DeviceAddress{2002, 2});
    QVERIFY(bob2.open());
    QVERIFY(bob2.createIdentity(1));
    const QByteArray alice = m_alice->identity().identityKey().value();
    const QByteArray bob1Key = m_bob->identity().identityKey().value();
    const QByteArray bob2Key = bob2.identity().identityKey().value();

    // Every device computes the same number, whatever order it lists the keys in.
    auto seenByAlice = SafetyNumber::computeForDevices(m_alice->signalContext(), 1001, {alice},
                                                       2002, {bob1Key, bob2Key});
    auto seenByBob1 = SafetyNumber::computeForDevices(m_bob->signalContext(), 2002,
                                                      {bob1Key, bob2Key}, 1001, {alice});
    auto seenByBob2 = SafetyNumber::computeForDevices(bob2.signalContext(), 2002,
                                                      {bob2Key, bob1Key}, 1001, {alice});
    QVERIFY(seenByAlice && seenByBob1 && seenByBob2);
    QCOMPARE(seenByBob1.value().digits(), seenByAlice.value().digits());
    QCOMPARE(seenByBob2.value().digits(), seenByAlice.value().digits());
    QVERIFY(seenByAlice.value()
                    .matchesScanned(m_alice->signalContext(), seenByBob2.value().scannable())
                    .value());

    // Knowing only one of Bob's devices gives another number: a device the other side does not
    // know about (or one the server slipped in) shows.
    auto oneDevice = SafetyNumber::computeForDevices(m_alice->signalContext(), 1001, {alice}, 2002,
                                                     {bob1Key});
    QVERIFY(oneDevice);
    QVERIFY(oneDevice.value().digits() != seenByAlice.value().digits());

    auto empty = SafetyNumber::computeForDevices(m_alice->signalContext(), 1001, {alice}, 2002, {});
    QVERIFY(!empty);
    QCOMPARE(empty.error(), CryptoError::InvalidArgument);
    auto bad = SafetyNumber::computeForDevices(m_alice->signalContext(), 1001, {alice}, 2002,
                                               {bob1Key, "not a key"});
    QVERIFY(!bad);
    QCOMPARE(bad.error(), CryptoError::InvalidArgument);
}

QTEST_GUILESS_MAIN(tst_SafetyNumber)
#include "tst_safetynumber.moc"
