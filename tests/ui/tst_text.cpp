// UI automation: message text. Formatting shows, the text can be copied, and a link opens only
// after the user saw its whole address and confirmed; only http, https and mailto are links.
// The link opener is a double that records the address: nothing leaves the machine.

#include "AppWindow.h"
#include "Client.h"
#include "Steps.h"
#include "TwoPeople.h"
#include "platform/LinkOpener.h"

#include <QtGui/QClipboard>
#include <QtGui/QGuiApplication>
#include <QtQuick/QQuickItem>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;
using namespace Parley;

namespace {

// Records what it was asked to open instead of opening it.
class RecordingLinkOpener final : public LinkOpener
{
public:
    explicit RecordingLinkOpener(QList<QUrl> *opened) : m_opened(opened) { }
    bool open(const QUrl &url) override
    {
        m_opened->append(url);
        return true;
    }

private:
    QList<QUrl> *m_opened;
};

} // namespace

class tst_Text : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void copyTextAndOpenLink();

private:
    TwoPeople m_people;
};

void tst_Text::init()
{
    m_people.start();
}

void tst_Text::cleanup()
{
    m_people.finish();
}

void tst_Text::copyTextAndOpenLink()
{
    m_people.openChatWith(u"Hello from alice"_s);
    if (QTest::currentTestFailed())
        return;
    QList<QUrl> opened;
    m_people.bob->client()->setLinkOpener(std::make_unique<RecordingLinkOpener>(&opened));

    const QString link = u"https://example.org/docs?page=2&lang=en"_s;
    const QString sent =
            u"Read *this* first: "_s + link + u" but never javascript:alert(1) please"_s;
    Steps::sendMessage(*m_people.alice, sent);
    if (QTest::currentTestFailed())
        return;

    AppWindow &bob = *m_people.bob;
    QTRY_VERIFY_WITH_TIMEOUT(bob.message(sent), Steps::NetworkTimeout);
    QQuickItem *row = bob.message(sent);
    QQuickItem *text = bob.item(u"messageText"_s, row);
    QVERIFY(text);
    // Bold shows as bold, without its stars; the address is a link, the pseudo-link is not.
    QVERIFY(row->property("formattedText").toString().contains(u"<b>this</b>"_s));
    QCOMPARE(AppWindow::shownText(text),
             u"Read this first: "_s + link + u" but never javascript:alert(1) please"_s);
    QCOMPARE(AppWindow::linkAt(text, link), link);
    QCOMPARE(AppWindow::linkAt(text, u"javascript:alert(1)"_s), QString());
    QVERIFY(text->property("selectByMouse").toBool());
    bob.screenshot(u"copyTextAndOpenLink-formatted"_s);

    // Copy from the message menu: the clipboard holds the text as it was written.
    QGuiApplication::clipboard()->clear();
    QVERIFY(bob.click(bob.item(u"messageBubble"_s, row), Qt::RightButton));
    QTRY_VERIFY(bob.isShown(u"menuCopy"_s));
    QVERIFY(bob.click(u"menuCopy"_s));
    QTRY_COMPARE(QGuiApplication::clipboard()->text(), sent);
    QTRY_VERIFY(!bob.isShown(u"messageMenu"_s));

    // Clicking the pseudo-link asks nothing (a link's dialog would open at once, and the next
    // click would then land on it instead of on the real link).
    QVERIFY(bob.clickText(text, u"javascript:alert(1)"_s));
    QVERIFY(!bob.isShown(u"openLinkDialog"_s));

    // Clicking the link shows its whole address first; nothing opens before the user agrees.
    QVERIFY(bob.clickText(text, link));
    QTRY_VERIFY(bob.isShown(u"openLinkDialog"_s));
    QCOMPARE(bob.text(u"linkAddress"_s), link);
    QVERIFY(opened.isEmpty());
    bob.screenshot(u"copyTextAndOpenLink"_s);
    QVERIFY(bob.click(u"openLinkButton"_s));
    QTRY_VERIFY(!bob.isShown(u"openLinkDialog"_s));
    QCOMPARE(opened, QList<QUrl>{QUrl(link)});
    QCOMPARE(opened.first().toString(), link);
}

QTEST_MAIN(tst_Text)
#include "tst_text.moc"
