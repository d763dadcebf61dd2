#include "crypto/RecordSealer.h"

#include <QTest>

using namespace Parley;

class tst_RecordSealer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip();
    void sealsAreRandomised();
    void rejectsMissingOrShortKey();
    void wrongKeyIsCorrupt();
    void wrongRowIsCorrupt();
    void tamperedRecordIsCorrupt_data();
    void tamperedRecordIsCorrupt();
    void bindingSeparatesColumns();
};

void tst_RecordSealer::roundTrip()
{
    auto sealer = RecordSealer::create(RecordSealer::generateStorageKey());
    QVERIFY(sealer);
    const QByteArray binding =
            RecordSealer::binding("crypto_sessions", {QStringLiteral("7"), QStringLiteral("1")});
    const QByteArray payload("session state \0 with a nul", 26);
    const QByteArray sealed = sealer.value()->seal(binding, payload);
    QVERIFY(!sealed.contains(payload));
    auto opened = sealer.value()->open(binding, sealed);
    QVERIFY(opened);
    QCOMPARE(opened.value(), payload);

    auto empty = sealer.value()->open(binding, sealer.value()->seal(binding, QByteArray()));
    QVERIFY(empty);
    QVERIFY(empty.value().isEmpty());
}

void tst_RecordSealer::sealsAreRandomised()
{
    auto sealer = RecordSealer::create(RecordSealer::generateStorageKey());
    QVERIFY(sealer);
    QVERIFY(sealer.value()->seal("row", "same") != sealer.value()->seal("row", "same"));
    QVERIFY(RecordSealer::generateStorageKey() != RecordSealer::generateStorageKey());
    QCOMPARE(RecordSealer::generateStorageKey().size(), StorageKeyBytes);
}

void tst_RecordSealer::rejectsMissingOrShortKey()
{
    auto missing = RecordSealer::create(QByteArray());
    QVERIFY(!missing);
    QCOMPARE(missing.error(), CryptoError::StorageKeyMissing);
    auto shortKey = RecordSealer::create(QByteArray(StorageKeyBytes - 1, 'k'));
    QVERIFY(!shortKey);
    QCOMPARE(shortKey.error(), CryptoError::StorageKeyInvalid);
}

void tst_RecordSealer::wrongKeyIsCorrupt()
{
    auto sealer = RecordSealer::create(RecordSealer::generateStorageKey());
    auto other = RecordSealer::create(RecordSealer::generateStorageKey());
    QVERIFY(sealer && other);
    const QByteArray sealed = sealer.value()->seal("row", "secret");
    auto opened = other.value()->open("row", sealed);
    QVERIFY(!opened);
    QCOMPARE(opened.error(), CryptoError::CorruptRecord);
}

void tst_RecordSealer::wrongRowIsCorrupt()
{
    auto sealer = RecordSealer::create(RecordSealer::generateStorageKey());
    QVERIFY(sealer);
    const QByteArray sealed = sealer.value()->seal(
            RecordSealer::binding("crypto_pre_keys", {QStringLiteral("1")}), "pre-key one");
    auto moved = sealer.value()->open(
            RecordSealer::binding("crypto_pre_keys", {QStringLiteral("2")}), sealed);
    QVERIFY(!moved);
    QCOMPARE(moved.error(), CryptoError::CorruptRecord);
}

void tst_RecordSealer::tamperedRecordIsCorrupt_data()
{
    QTest::addColumn<int>("position");
    QTest::newRow("version") << 0;
    QTest::newRow("nonce") << 5;
    QTest::newRow("tag") << 30;
    QTest::newRow("last byte") << -1;
}

void tst_RecordSealer::tamperedRecordIsCorrupt()
{
    QFETCH(int, position);
    auto sealer = RecordSealer::create(RecordSealer::generateStorageKey());
    QVERIFY(sealer);
    QByteArray sealed = sealer.value()->seal("row", "a key record");
    const qsizetype index = position < 0 ? sealed.size() + position : position;
    sealed[index] = char(sealed.at(index) ^ 0x01);
    auto opened = sealer.value()->open("row", sealed);
    QVERIFY(!opened);
    QCOMPARE(opened.error(), CryptoError::CorruptRecord);

    auto truncated = sealer.value()->open("row", sealed.left(10));
    QVERIFY(!truncated);
    QCOMPARE(truncated.error(), CryptoError::CorruptRecord);
}

void tst_RecordSealer::bindingSeparatesColumns()
{
    QVERIFY(RecordSealer::binding("t", {QStringLiteral("12"), QStringLiteral("3")})
            != RecordSealer::binding("t", {QStringLiteral("1"), QStringLiteral("23")}));
}

QTEST_GUILESS_MAIN(tst_RecordSealer)
#include "tst_recordsealer.moc"
