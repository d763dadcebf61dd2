#include "crypto/MessagePadding.h"

#include <QtTest/QTest>

using namespace Parley;

class tst_MessagePadding : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data();
    void roundTrip();
    void shortMessagesLookAlike();
    void lengthsFallIntoFewBuckets();
    void overheadStaysSmall();
    void malformedPaddingIsRefused_data();
    void malformedPaddingIsRefused();
};

void tst_MessagePadding::roundTrip_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("ends in zeros") << QByteArray("ok\0\0\0", 5);
    QTest::newRow("ends in the marker") << QByteArray("\x80\x80", 2);
    QTest::newRow("127 bytes") << QByteArray(127, 'a');
    QTest::newRow("128 bytes") << QByteArray(128, 'a');
    QTest::newRow("a long text") << QByteArray(5000, 'z');
    QTest::newRow("64 KiB") << QByteArray(65536, '\x80');
}

void tst_MessagePadding::roundTrip()
{
    QFETCH(QByteArray, content);
    const QByteArray padded = MessagePadding::pad(content);
    QCOMPARE(padded.size(), MessagePadding::paddedSize(content.size()));
    QVERIFY(padded.size() > content.size());
    QCOMPARE(MessagePadding::unpad(padded), content);
}

void tst_MessagePadding::shortMessagesLookAlike()
{
    // "ok" and a 120-character sentence give ciphertexts of the same length.
    QCOMPARE(MessagePadding::pad("ok").size(), MessagePadding::pad(QByteArray(120, 'x')).size());
    QCOMPARE(MessagePadding::pad("ok").size(), MessagePadding::MinimumPaddedSize);
}

void tst_MessagePadding::lengthsFallIntoFewBuckets()
{
    // Every length from 1 byte to 64 KiB lands in a few hundred sizes, not 65 536.
    QSet<qsizetype> sizes;
    for (qsizetype n = 1; n <= 65536; ++n)
        sizes.insert(MessagePadding::paddedSize(n));
    QVERIFY2(sizes.size() < 300, qPrintable(QString::number(sizes.size())));
    // And sizes never shrink as content grows.
    for (qsizetype n = 1; n < 65536; ++n)
        QVERIFY(MessagePadding::paddedSize(n) <= MessagePadding::paddedSize(n + 1));
}

void tst_MessagePadding::overheadStaysSmall()
{
    for (qsizetype n = 1000; n <= 1 << 20; n += 997) {
        const double overhead = double(MessagePadding::paddedSize(n)) / double(n + 1);
        QVERIFY2(overhead <= 1.12, qPrintable(QString::number(n)));
    }
}

void tst_MessagePadding::malformedPaddingIsRefused_data()
{
    QTest::addColumn<QByteArray>("padded");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("only zeros") << QByteArray(128, '\0');
    QTest::newRow("no marker") << QByteArray("text without padding");
    QTest::newRow("wrong marker") << QByteArray("text\x01\0\0", 7);
}

void tst_MessagePadding::malformedPaddingIsRefused()
{
    QFETCH(QByteArray, padded);
    QCOMPARE(MessagePadding::unpad(padded), std::nullopt);
}

QTEST_APPLESS_MAIN(tst_MessagePadding)
#include "tst_messagepadding.moc"
