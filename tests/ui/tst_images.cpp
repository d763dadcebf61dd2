// UI automation of images in a chat: alice drops two pictures on the conversation; bob sees
// their thumbnails at once, inside the messages, without downloading anything; clicking one
// opens the image viewer, which downloads the file and shows it at full size, zooms, goes to
// the other image, saves a copy and closes with Escape. The real QML app against a real
// parleyd; every case saves screenshots.

#include "AppWindow.h"
#include "Client.h"
#include "Steps.h"
#include "TwoPeople.h"

#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QMimeData>
#include <QtGui/QDropEvent>
#include <QtGui/QImage>
#include <QtQuick/QQuickItem>
#include <QtQuick/QQuickWindow>
#include <QtTest/QTest>
#include <QtWidgets/QApplication>
#include <QtWidgets/QFileDialog>
#include <QtWidgets/QLineEdit>

using namespace Qt::StringLiterals;
using namespace Parley;

namespace {

QByteArray contents(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

/// Whether `actual` is `expected` give or take what JPEG and scaling change.
bool near(QColor actual, QColor expected)
{
    constexpr int Tolerance = 24;
    return qAbs(actual.red() - expected.red()) <= Tolerance
            && qAbs(actual.green() - expected.green()) <= Tolerance
            && qAbs(actual.blue() - expected.blue()) <= Tolerance;
}

QFileDialog *openFileDialog()
{
    const QWidgetList windows = QApplication::topLevelWidgets();
    for (QWidget *w : windows) {
        if (auto *dialog = qobject_cast<QFileDialog *>(w); dialog && dialog->isVisible())
            return dialog;
    }
    return nullptr;
}

constexpr int ImageReady = 1; // QQuickImageBase::Ready

} // namespace

class tst_UiImages : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void imageShowsInlineAndOpens();

private:
    /// An image of `size` filled with `colour` in the test folder; returns its path.
    QString writeImage(const QString &name, QSize size, QColor colour);
    /// The colour `app`'s window shows at the centre of `item`.
    static QColor colourAt(AppWindow *app, QQuickItem *item);

    TwoPeople m_people;
};

void tst_UiImages::init()
{
    m_people.start();
    if (QTest::currentTestFailed())
        return;
    QVERIFY(QDir().mkpath(m_people.dir->filePath(u"files"_s)));
    QVERIFY(QDir().mkpath(m_people.dir->filePath(u"saved"_s)));
}

void tst_UiImages::cleanup()
{
    m_people.finish();
}

QString tst_UiImages::writeImage(const QString &name, QSize size, QColor colour)
{
    QImage image(size, QImage::Format_RGB32);
    image.fill(colour);
    const QString path = m_people.dir->filePath(u"files/"_s + name);
    return image.save(path) ? path : QString();
}

QColor tst_UiImages::colourAt(AppWindow *app, QQuickItem *item)
{
    const QImage shot = app->window()->grabWindow();
    // The middle of the part that shows: in a conversation, the list clips a picture that is
    // scrolled partly out of it.
    QRectF shown = item->mapRectToScene(QRectF(0, 0, item->width(), item->height()));
    if (QQuickItem *list = app->item(u"messageList"_s); list && list->isAncestorOf(item))
        shown &= list->mapRectToScene(QRectF(0, 0, list->width(), list->height()));
    if (shown.isEmpty())
        return {};
    const QPointF centre = shown.center();
    const qreal ratio = shot.devicePixelRatio();
    return shot.pixelColor(int(centre.x() * ratio), int(centre.y() * ratio));
}

void tst_UiImages::imageShowsInlineAndOpens()
{
    m_people.openChatWith(u"Photos from the trip"_s);
    if (QTest::currentTestFailed())
        return;
    // Room for both pictures in bob's conversation, under the banners a new profile shows,
    // so that neither scrolls away while he looks and clicks.
    m_people.bob->window()->resize(1100, 900);
    // A wide red PNG and a tall blue JPEG, both smaller than the screen.
    const QColor red(220, 30, 30), blue(30, 60, 220);
    const QString wide = writeImage(u"wide.png"_s, {640, 400}, red);
    const QString tall = writeImage(u"tall.jpg"_s, {300, 500}, blue);
    QVERIFY(!wide.isEmpty() && !tall.isEmpty());

    // alice drops one, then the other once the first is sent (uploads run side by side, so
    // files dropped together may arrive in either order); her own messages show the
    // thumbnails at once.
    QQuickItem *list = m_people.alice->item(u"messageList"_s);
    QVERIFY(list);
    QVERIFY(m_people.alice->activate());
    const QPoint at = list->mapToScene(QPointF(list->width() / 2, list->height() / 2)).toPoint();
    for (const QString &path : {wide, tall}) {
        const QString name = QFileInfo(path).fileName();
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(path)});
        QDragEnterEvent enter(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(m_people.alice->window(), &enter);
        QDropEvent drop(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(m_people.alice->window(), &drop);
        QVERIFY(drop.isAccepted());
        QTRY_VERIFY(m_people.alice->fileMessage(name));
        QTRY_VERIFY(m_people.alice->item(u"messageImage"_s, m_people.alice->fileMessage(name)));
        QTRY_VERIFY_WITH_TIMEOUT(m_people.alice->fileMessage(name)->property("seq").toLongLong()
                                         > 0,
                                 Steps::NetworkTimeout);
    }
    m_people.alice->screenshot(u"imageShowsInlineAndOpens-sent"_s);

    // bob: both thumbnails inline at once, in their proportions and colours, nothing
    // downloaded; the file's name is still there.
    struct Expected
    {
        QString name;
        QSize size;
        QColor colour;
    };
    for (const Expected &e :
         {Expected{u"wide.png"_s, {640, 400}, red}, Expected{u"tall.jpg"_s, {300, 500}, blue}}) {
        QTRY_VERIFY_WITH_TIMEOUT(m_people.bob->fileMessage(e.name), Steps::NetworkTimeout);
        QQuickItem *row = m_people.bob->fileMessage(e.name);
        QTRY_VERIFY(m_people.bob->item(u"messageImage"_s, m_people.bob->fileMessage(e.name)));
        row = m_people.bob->fileMessage(e.name);
        QQuickItem *preview = m_people.bob->item(u"messageImage"_s, row);
        QCOMPARE(m_people.bob->text(u"attachmentName"_s, row), e.name);
        QCOMPARE(row->property("attachmentState").toString(), u"available"_s);
        QVERIFY(qAbs(preview->width() / preview->height() - qreal(e.size.width()) / e.size.height())
                < 0.03);
        QQuickItem *thumbnail = m_people.bob->item(u"thumbnailImage"_s, row);
        QVERIFY(thumbnail);
        QTRY_COMPARE(thumbnail->property("status").toInt(), ImageReady);
        // The thumbnail's own pixels: at most 320 px, the original's proportions.
        const QSize source = thumbnail->property("sourceSize").toSize();
        QCOMPARE(std::max(source.width(), source.height()),
                 std::min(320, std::max(e.size.width(), e.size.height())));
        QTRY_VERIFY(near(colourAt(m_people.bob.get(), thumbnail), e.colour));
    }
    m_people.bob->screenshot(u"imageShowsInlineAndOpens-inline"_s);

    // He clicks the wide one: the viewer downloads it and shows it at its full size.
    QVERIFY(m_people.bob->click(
            m_people.bob->item(u"messageImage"_s, m_people.bob->fileMessage(u"wide.png"_s))));
    QTRY_VERIFY(m_people.bob->isShown(u"imageViewer"_s));
    QObject *viewer = m_people.bob->item(u"imageViewer"_s)->parent();
    QVERIFY(viewer && viewer->inherits("QQuickPopup"));
    QCOMPARE(m_people.bob->text(u"viewerTitle"_s), u"wide.png"_s);
    QTRY_VERIFY_WITH_TIMEOUT(
            m_people.bob->item(u"viewerImage"_s)
                    && m_people.bob->item(u"viewerImage"_s)->property("status").toInt()
                            == ImageReady,
            Steps::NetworkTimeout);
    QQuickItem *full = m_people.bob->item(u"viewerImage"_s);
    QCOMPARE(QSizeF(full->implicitWidth(), full->implicitHeight()), QSizeF(640, 400));
    QCOMPARE(m_people.bob->fileMessage(u"wide.png"_s)->property("attachmentState").toString(),
             u"downloaded"_s);
    QTRY_VERIFY(near(colourAt(m_people.bob.get(), full), red));
    m_people.bob->screenshot(u"imageShowsInlineAndOpens-viewer"_s);

    // Zoom in: the picture grows.
    const qreal zoom = viewer->property("zoom").toReal();
    const qreal width = full->width();
    QVERIFY(m_people.bob->click(u"viewerZoomInButton"_s));
    QTRY_VERIFY(viewer->property("zoom").toReal() > zoom * 1.2);
    QTRY_VERIFY(full->width() > width * 1.2);
    QVERIFY(m_people.bob->click(u"viewerActualSizeButton"_s));
    QTRY_COMPARE(full->width(), 640.0);
    m_people.bob->screenshot(u"imageShowsInlineAndOpens-zoomed"_s);

    // Next: the tall one, downloaded and shown at its size; Left goes back.
    QVERIFY(m_people.bob->click(u"viewerNextButton"_s));
    QTRY_COMPARE(m_people.bob->text(u"viewerTitle"_s), u"tall.jpg"_s);
    QTRY_VERIFY_WITH_TIMEOUT(full->property("status").toInt() == ImageReady
                                     && full->implicitWidth() == 300,
                             Steps::NetworkTimeout);
    QCOMPARE(full->implicitHeight(), 500.0);
    QTRY_VERIFY(near(colourAt(m_people.bob.get(), full), blue));
    QVERIFY(!m_people.bob->item(u"viewerNextButton"_s)->isEnabled()); // the newest image
    m_people.bob->screenshot(u"imageShowsInlineAndOpens-next"_s);
    m_people.bob->press(Qt::Key_Left);
    QTRY_COMPARE(m_people.bob->text(u"viewerTitle"_s), u"wide.png"_s);
    QTRY_VERIFY(full->property("status").toInt() == ImageReady && full->implicitWidth() == 640);

    // Save: the dialog, a name in another folder; the copy has the original's bytes.
    QVERIFY(m_people.bob->click(u"viewerSaveButton"_s));
    QTRY_VERIFY(openFileDialog());
    QFileDialog *dialog = openFileDialog();
    QCOMPARE(dialog->acceptMode(), QFileDialog::AcceptSave);
    dialog->setDirectory(m_people.dir->filePath(u"saved"_s));
    auto *nameField = dialog->findChild<QLineEdit *>(u"fileNameEdit"_s);
    QVERIFY(nameField);
    nameField->setFocus();
    nameField->selectAll();
    QTest::keyClicks(nameField, u"copy.png"_s);
    QTest::keyClick(nameField, Qt::Key_Return);
    QTRY_VERIFY(!dialog->isVisible());
    const QString saved = m_people.dir->filePath(u"saved/copy.png"_s);
    QTRY_VERIFY(QFile::exists(saved));
    QTRY_COMPARE(contents(saved), contents(wide));
    QTRY_VERIFY(m_people.bob->isShown(u"viewerSavedNote"_s));
    m_people.bob->screenshot(u"imageShowsInlineAndOpens-saved"_s);

    // Escape closes the viewer (back in the window after the dialog); the conversation is
    // there as before.
    QVERIFY(m_people.bob->activate());
    m_people.bob->press(Qt::Key_Escape);
    QTRY_VERIFY(!m_people.bob->isShown(u"imageViewer"_s));
    QVERIFY(m_people.bob->fileMessage(u"wide.png"_s));
    m_people.bob->screenshot(u"imageShowsInlineAndOpens-closed"_s);
}

QTEST_MAIN(tst_UiImages)
#include "tst_images.moc"
