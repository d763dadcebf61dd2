// UI automation: safety numbers people can use. alice compares the number with bob (60 digits
// and a QR code), marks him as verified and sees the mark in the chat's header and the member
// list; when bob signs in on a second device, alice's chat says so and the mark is gone, and
// that stays so across a restart of alice's app.

#include "AppWindow.h"
#include "Client.h"
#include "Steps.h"
#include "TwoPeople.h"
#include "app/QrCodeProvider.h"
#include "e2ee/ContactSafetyNumber.h"

#include <QtQuick/QQuickItem>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;
using namespace Parley;

class tst_Safety : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void verifiedMarkResetsWhenKeysChange();

private:
    /// Opens the chat's member list and, from bob's row, the safety number dialog; waits until
    /// the number and its QR code show.
    void openSafetyNumber(AppWindow &app);
    void closeSafetyNumber(AppWindow &app);
    /// The key-change and membership lines the open conversation shows.
    static QStringList systemLines(const AppWindow &app);
    /// The QR code the dialog shows, drawn as the app draws it, at 200 px.
    static QImage shownQrCode(const AppWindow &app);

    TwoPeople m_people;
};

void tst_Safety::init()
{
    m_people.start();
}

void tst_Safety::cleanup()
{
    m_people.finish();
}

void tst_Safety::openSafetyNumber(AppWindow &app)
{
    // The member list opens from the header; the app closes it when it (re)opens the
    // conversation, which a chat just started may still do: asked again until the dialog shows.
    auto open = [&app] {
        if (app.isShown(u"safetyNumberDialog"_s))
            return true;
        if (!app.isShown(u"memberList"_s))
            return app.click(u"membersButton"_s) && false;
        if (QQuickItem *bobRow = app.item(u"member:bob"_s))
            app.click(app.item(u"safetyNumberButton"_s, bobRow));
        return app.isShown(u"safetyNumberDialog"_s);
    };
    QTRY_VERIFY_WITH_TIMEOUT(open(), Steps::NetworkTimeout);
    QTRY_VERIFY_WITH_TIMEOUT(app.isShown(u"safetyNumberQr"_s), Steps::NetworkTimeout);
    // Image.Ready
    QTRY_COMPARE(app.item(u"safetyNumberQr"_s)->property("status").toInt(), 1);
}

void tst_Safety::closeSafetyNumber(AppWindow &app)
{
    QVERIFY(app.click(u"closeSafetyNumberButton"_s));
    QTRY_VERIFY(!app.isShown(u"safetyNumberDialog"_s));
}

QStringList tst_Safety::systemLines(const AppWindow &app)
{
    QStringList lines;
    for (QQuickItem *row : app.items(u"systemMessage"_s, app.item(u"messageList"_s)))
        lines.append(row->property("systemText").toString());
    return lines;
}

QImage tst_Safety::shownQrCode(const AppWindow &app)
{
    QQuickItem *image = app.item(u"safetyNumberQr"_s);
    if (!image)
        return {};
    const QUrl source = image->property("source").toUrl();
    if (source.scheme() != u"image"_s || source.host() != u"qr"_s)
        return {};
    QSize size;
    return QrCodeProvider().requestImage(source.path().mid(1), &size, QSize(200, 200));
}

void tst_Safety::verifiedMarkResetsWhenKeysChange()
{
    m_people.openChatWith(u"Shall we compare numbers?"_s);
    if (QTest::currentTestFailed())
        return;
    AppWindow &alice = *m_people.alice;
    const qint64 bobId = m_people.bob->client()->userId();

    // The safety number, in digits and as a QR code of its scannable form.
    openSafetyNumber(alice);
    if (QTest::currentTestFailed())
        return;
    ContactSafetyNumber *number = alice.client()->safetyNumber(bobId);
    QVERIFY(number && number->isReady());
    QCOMPARE(alice.item(u"safetyNumberQr"_s)->property("source").toUrl(), number->qrCode());
    const QByteArray scannable = QByteArray::fromBase64(number->scannable().toLatin1());
    QVERIFY(!scannable.isEmpty());
    QCOMPARE(QByteArray::fromBase64(number->qrCode().path().mid(1).toLatin1(),
                                    QByteArray::Base64UrlEncoding),
             scannable);
    const QImage before = shownQrCode(alice);
    QVERIFY(!before.isNull());
    QCOMPARE(before.width(), before.height());
    QVERIFY(before.width() <= 200 && before.width() >= 100);
    QVERIFY(before.allGray());
    const int corner = before.pixel(0, 0);
    QCOMPARE(corner, int(qRgb(255, 255, 255))); // the quiet zone
    bool hasBlack = false;
    for (int y = 0; y < before.height() && !hasBlack; ++y) {
        for (int x = 0; x < before.width() && !hasBlack; ++x)
            hasBlack = before.pixel(x, y) == qRgb(0, 0, 0);
    }
    QVERIFY(hasBlack);
    QCOMPARE(alice.text(u"safetyNumberVerifiedState"_s), u"bob is not verified."_s);
    alice.screenshot(u"verifiedMarkResetsWhenKeysChange-number"_s);

    // The numbers match: alice marks bob as verified; the header and member list say so.
    QVERIFY(!alice.isShown(u"conversationHeaderVerified"_s));
    QCOMPARE(alice.text(u"markVerifiedButton"_s), u"Mark as verified"_s);
    QVERIFY(alice.click(u"markVerifiedButton"_s));
    QTRY_VERIFY(number->isVerified());
    QTRY_VERIFY(
            alice.text(u"safetyNumberVerifiedState"_s).startsWith(u"You marked bob as verified"_s));
    QCOMPARE(alice.text(u"markVerifiedButton"_s), u"Clear verification"_s);
    alice.screenshot(u"verifiedMarkResetsWhenKeysChange-verified"_s);
    closeSafetyNumber(alice);
    QTRY_VERIFY(alice.isShown(u"conversationHeaderVerified"_s));
    QCOMPARE(alice.item(u"conversationHeaderVerified"_s)->property("name").toString(), u"bob"_s);
    QTRY_VERIFY(alice.item(u"memberVerifiedMark"_s, alice.item(u"member:bob"_s)));
    QVERIFY(!systemLines(alice).join(u'\n').contains(u"new device"_s));
    alice.screenshot(u"verifiedMarkResetsWhenKeysChange-header"_s);

    // bob signs in on a second device, which writes in the chat.
    auto laptop = std::make_unique<AppWindow>(TwoPeople::profile(u"bob-laptop"_s),
                                              m_people.dir->filePath(u"bob-laptop"_s),
                                              m_people.server->url());
    Steps::logIn(*laptop, u"bob"_s, u"bob-password"_s);
    if (QTest::currentTestFailed())
        return;
    Steps::openConversation(*laptop, u"alice"_s);
    if (QTest::currentTestFailed())
        return;
    Steps::sendMessage(*laptop, u"Hello from my laptop"_s);
    if (QTest::currentTestFailed())
        return;

    // alice's chat says bob added a device and that the mark is gone; the mark is gone.
    const QString line = u"bob added a new device. Your safety number with bob changed, so bob is "
                         u"no longer marked as verified."_s;
    QTRY_VERIFY_WITH_TIMEOUT(systemLines(alice).contains(line), Steps::NetworkTimeout);
    QTRY_VERIFY_WITH_TIMEOUT(alice.message(u"Hello from my laptop"_s), Steps::NetworkTimeout);
    QTRY_VERIFY(!alice.isShown(u"conversationHeaderVerified"_s));
    QVERIFY(!alice.item(u"memberVerifiedMark"_s, alice.item(u"member:bob"_s)));
    QVERIFY(!number->isVerified());
    // The line is the app's own: the conversation's preview is bob's message, nothing unread.
    QQuickItem *row = alice.conversation(u"bob"_s);
    QVERIFY(row);
    QTRY_COMPARE(row->property("lastMessage").toString(), u"Hello from my laptop"_s);
    QVERIFY(alice.activate()); // bob's laptop had the focus: his message was not seen yet
    QTRY_COMPARE(row->property("unreadCount").toInt(), 0);
    alice.screenshot(u"verifiedMarkResetsWhenKeysChange-newDevice"_s);

    // The safety number covers both devices now: another number, another code.
    openSafetyNumber(alice);
    if (QTest::currentTestFailed())
        return;
    QTRY_COMPARE_WITH_TIMEOUT(number->deviceCount(), 2, Steps::NetworkTimeout);
    QTRY_VERIFY(shownQrCode(alice) != before);
    QCOMPARE(alice.text(u"safetyNumberVerifiedState"_s), u"bob is not verified."_s);
    closeSafetyNumber(alice);

    // After a restart alice still sees the line, and bob still unverified.
    m_people.alice.reset();
    m_people.alice = m_people.reopen(u"alice"_s);
    AppWindow &again = *m_people.alice;
    QTRY_COMPARE_WITH_TIMEOUT(again.text(u"ownUsername"_s), u"alice"_s, Steps::NetworkTimeout);
    Steps::openConversation(again, u"bob"_s);
    if (QTest::currentTestFailed())
        return;
    QTRY_VERIFY_WITH_TIMEOUT(systemLines(again).contains(line), Steps::NetworkTimeout);
    QCOMPARE(systemLines(again).count(line), 1);
    QVERIFY(!again.isShown(u"conversationHeaderVerified"_s));
    again.screenshot(u"verifiedMarkResetsWhenKeysChange-restarted"_s);

    // Verified again, which a restart keeps too.
    openSafetyNumber(again);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(again.click(u"markVerifiedButton"_s));
    QTRY_VERIFY(
            again.text(u"safetyNumberVerifiedState"_s).startsWith(u"You marked bob as verified"_s));
    closeSafetyNumber(again);
    QTRY_VERIFY(again.isShown(u"conversationHeaderVerified"_s));
    m_people.alice.reset();
    m_people.alice = m_people.reopen(u"alice"_s);
    QTRY_COMPARE_WITH_TIMEOUT(m_people.alice->text(u"ownUsername"_s), u"alice"_s,
                              Steps::NetworkTimeout);
    Steps::openConversation(*m_people.alice, u"bob"_s);
    if (QTest::currentTestFailed())
        return;
    QTRY_VERIFY_WITH_TIMEOUT(m_people.alice->isShown(u"conversationHeaderVerified"_s),
                             Steps::NetworkTimeout);
    QTRY_COMPARE_WITH_TIMEOUT(systemLines(*m_people.alice).count(line), 1, Steps::NetworkTimeout);
    laptop.reset();
}

QTEST_MAIN(tst_Safety)
#include "tst_safety.moc"
