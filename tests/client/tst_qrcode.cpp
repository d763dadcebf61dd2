// The safety number's QR code (content/QrCode, app's image://qr provider): the size libqrencode
// picks for the scannable number, the quiet zone, crisp black-on-white modules, and a new code
// for new bytes.

#include "content/QrCode.h"

#include <QtTest/QTest>

using namespace Parley;

class tst_QrCode : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void versionFitsTheData_data();
    void versionFitsTheData();
    void imageHasQuietZoneAndSharpModules();
    void finderPatternsAreInTheCorners();
    void differentBytesDifferentCode();
    void nothingForNothing();
};

void tst_QrCode::versionFitsTheData_data()
{
    QTest::addColumn<int>("bytes");
    QTest::addColumn<int>("version");
    // Byte mode, level M: version 1 holds 14 bytes, 2 holds 26, 4 holds 62, 5 holds 84.
    QTest::newRow("14 bytes") << 14 << 1;
    QTest::newRow("15 bytes") << 15 << 2;
    QTest::newRow("62 bytes") << 62 << 4;
    // libsignal's scannable fingerprint (version 1): about 80 bytes.
    QTest::newRow("80 bytes") << 80 << 5;
}

void tst_QrCode::versionFitsTheData()
{
    QFETCH(int, bytes);
    QFETCH(int, version);
    const QrCode code = QrCode::encode(QByteArray(bytes, '\x5a'));
    QVERIFY(!code.isNull());
    QCOMPARE(code.version(), version);
    QCOMPARE(code.width(), 17 + 4 * version);
}

void tst_QrCode::imageHasQuietZoneAndSharpModules()
{
    const QrCode code = QrCode::encode(QByteArray(80, '\x01'));
    QVERIFY(!code.isNull());
    const int scale = 5;
    const QImage image = code.toImage(scale);
    const int modules = code.width() + 2 * QrCode::QuietZone;
    QCOMPARE(image.width(), modules * scale);
    QCOMPARE(image.height(), image.width());

    // Only pure black and pure white, and every pixel of a module the module's colour.
    int black = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QRgb pixel = image.pixel(x, y);
            QVERIFY(pixel == qRgb(0, 0, 0) || pixel == qRgb(255, 255, 255));
            const int mx = x / scale - QrCode::QuietZone;
            const int my = y / scale - QrCode::QuietZone;
            const bool inCode = mx >= 0 && my >= 0 && mx < code.width() && my < code.width();
            const bool dark = inCode && code.isDark(mx, my);
            QCOMPARE(pixel == qRgb(0, 0, 0), dark);
            black += dark ? 1 : 0;
        }
    }
    QVERIFY(black > 0);
    // The quiet zone: four light modules all round.
    for (int i = 0; i < image.width(); ++i) {
        for (int band = 0; band < QrCode::QuietZone * scale; ++band) {
            QCOMPARE(image.pixel(i, band), qRgb(255, 255, 255));
            QCOMPARE(image.pixel(band, i), qRgb(255, 255, 255));
            QCOMPARE(image.pixel(i, image.height() - 1 - band), qRgb(255, 255, 255));
            QCOMPARE(image.pixel(image.width() - 1 - band, i), qRgb(255, 255, 255));
        }
    }
}

void tst_QrCode::finderPatternsAreInTheCorners()
{
    // The 7×7 finder patterns readers look for: dark ring, light ring, dark 3×3 centre.
    const QrCode code = QrCode::encode(QByteArrayLiteral("safety number"));
    QVERIFY(!code.isNull());
    const int w = code.width();
    const QList<QPoint> corners = {{0, 0}, {w - 7, 0}, {0, w - 7}};
    for (const QPoint &corner : corners) {
        for (int y = 0; y < 7; ++y) {
            for (int x = 0; x < 7; ++x) {
                const int ring = std::min({x, y, 6 - x, 6 - y});
                QCOMPARE(code.isDark(corner.x() + x, corner.y() + y), ring != 1);
            }
        }
    }
}

void tst_QrCode::differentBytesDifferentCode()
{
    const QrCode a = QrCode::encode(QByteArray(80, '\x01'));
    const QrCode b = QrCode::encode(QByteArray(80, '\x02'));
    QCOMPARE(a.width(), b.width());
    QVERIFY(a.toImage(1) != b.toImage(1));
    QCOMPARE(QrCode::encode(QByteArray(80, '\x01')).toImage(1), a.toImage(1));
}

void tst_QrCode::nothingForNothing()
{
    QVERIFY(QrCode::encode({}).isNull());
    QVERIFY(QrCode::encode(QByteArray(4000, 'x')).isNull()); // more than version 40 holds
    QVERIFY(QrCode().toImage(4).isNull());
}

QTEST_APPLESS_MAIN(tst_QrCode)
#include "tst_qrcode.moc"
