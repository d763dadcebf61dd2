// UI automation of files in a chat: alice attaches a file with the paperclip and the file
// dialog (on the offscreen platform Qt.labs.platform shows the Qt Widgets QFileDialog), or
// drops files on the conversation; bob sees the file's chip, clicks Download, and has the same
// bytes. The real QML app against a real parleyd; every case saves screenshots.

#include "AppWindow.h"
#include "Client.h"
#include "Steps.h"
#include "TestLogging.h"
#include "TwoPeople.h"
#include "platform/ProfilePaths.h"

#include <QtCore/QCryptographicHash>
#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QMimeData>
#include <QtCore/QRandomGenerator>
#include <QtCore/QTemporaryDir>
#include <QtGui/QDropEvent>
#include <QtQuick/QQuickItem>
#include <QtQuick/QQuickWindow>
#include <QtTest/QTest>
#include <QtWidgets/QApplication>
#include <QtWidgets/QFileDialog>
#include <QtWidgets/QLineEdit>

#include <memory>

using namespace Qt::StringLiterals;
using namespace Parley;

namespace {

QByteArray randomBytes(qsizetype size)
{
    QByteArray data(size, Qt::Uninitialized);
    QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(data.data()), size / 4);
    return data;
}

QByteArray sha256(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly)
            ? QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256)
            : QByteArray();
}

} // namespace

class tst_UiAttachments : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void attachWithTheDialogAndDownload();
    void dropFilesOnTheConversation();

private:
    /// A file of random bytes in the test folder; returns its path.
    QString writeFile(const QString &name, qsizetype size);
    /// bob clicks Download on `name` and waits for Open; returns the downloaded file's path.
    QString download(const QString &name);

    TwoPeople m_people;
};

void tst_UiAttachments::init()
{
    m_people.start();
    if (QTest::currentTestFailed())
        return;
    QVERIFY(QDir().mkpath(m_people.dir->filePath(u"files"_s)));
}

void tst_UiAttachments::cleanup()
{
    if (QTest::currentTestFailed()) {
        // What the models held, to tell a view problem from a model one.
        for (AppWindow *app : {m_people.alice.get(), m_people.bob.get()}) {
            if (!app || !app->client()->activeChat())
                continue;
            MessageListModel *model = app->client()->activeChat()->messages();
            for (int i = 0; i < model->rowCount(); ++i) {
                const QModelIndex row = model->index(i, 0);
                qCWarning(lcTestClient).noquote()
                        << app->client()->username() << "row" << i
                        << row.data(MessageListModel::SeqRole).toLongLong()
                        << row.data(MessageListModel::ClientIdRole).toString()
                        << row.data(MessageListModel::AttachmentNameRole).toString()
                        << row.data(MessageListModel::AttachmentStateRole).toString()
                        << row.data(MessageListModel::DeliveryStateRole).toInt();
            }
        }
    }
    m_people.finish();
}

QString tst_UiAttachments::writeFile(const QString &name, qsizetype size)
{
    const QString path = m_people.dir->filePath(u"files/"_s + name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(randomBytes(size)) != size)
        return {};
    return path;
}

QString tst_UiAttachments::download(const QString &name)
{
    QString path;
    [&] {
        QTRY_VERIFY_WITH_TIMEOUT(m_people.bob->fileMessage(name), Steps::NetworkTimeout);
        QQuickItem *row = m_people.bob->fileMessage(name);
        QCOMPARE(m_people.bob->text(u"attachmentName"_s, row), name);
        QTRY_VERIFY(m_people.bob->item(u"downloadButton"_s, m_people.bob->fileMessage(name)));
        QVERIFY(m_people.bob->click(
                m_people.bob->item(u"downloadButton"_s, m_people.bob->fileMessage(name))));
        QTRY_VERIFY_WITH_TIMEOUT(
                m_people.bob->item(u"openButton"_s, m_people.bob->fileMessage(name)),
                Steps::NetworkTimeout);
        QVERIFY(!m_people.bob->item(u"downloadButton"_s, m_people.bob->fileMessage(name)));
        path = m_people.bob->fileMessage(name)->property("attachmentPath").toUrl().toLocalFile();
    }();
    return path;
}

void tst_UiAttachments::attachWithTheDialogAndDownload()
{
    m_people.openChatWith(u"Here are the files"_s);
    if (QTest::currentTestFailed())
        return;
    const QString name = u"report.txt"_s;
    const QString source = writeFile(name, 120 * 1024 + 3);
    QVERIFY(!source.isEmpty());

    // alice: the paperclip (reachable by its accessible name) opens the file dialog.
    QQuickItem *attach = m_people.alice->item(u"attachButton"_s);
    QVERIFY(attach);
    QCOMPARE(attach->property("toolTipText").toString(), u"Attach a file"_s); // = Accessible.name
    QVERIFY(attach->activeFocusOnTab());
    QVERIFY(m_people.alice->click(attach));
    const auto openDialog = [] {
        const QWidgetList windows = QApplication::topLevelWidgets();
        for (QWidget *w : windows) {
            if (auto *dialog = qobject_cast<QFileDialog *>(w); dialog && dialog->isVisible())
                return dialog;
        }
        return static_cast<QFileDialog *>(nullptr);
    };
    QTRY_VERIFY(openDialog());
    QFileDialog *dialog = openDialog();
    QCOMPARE(dialog->windowTitle(), u"Attach a file"_s);
    QCOMPARE(dialog->fileMode(), QFileDialog::ExistingFiles);
    // She goes to the folder holding the file, types its name, and presses Enter (Open).
    dialog->setDirectory(m_people.dir->filePath(u"files"_s));
    auto *nameField = dialog->findChild<QLineEdit *>(u"fileNameEdit"_s);
    QVERIFY(nameField);
    nameField->setFocus();
    QTest::keyClicks(nameField, name);
    QTest::keyClick(nameField, Qt::Key_Return);
    QTRY_VERIFY(!dialog->isVisible());

    // Her file message shows at once and ends sent, openable from here.
    QTRY_VERIFY(m_people.alice->fileMessage(name));
    QTRY_VERIFY_WITH_TIMEOUT(
            m_people.alice->item(u"openButton"_s, m_people.alice->fileMessage(name)),
            Steps::NetworkTimeout);
    QCOMPARE(m_people.alice->text(u"attachmentName"_s, m_people.alice->fileMessage(name)), name);
    m_people.alice->screenshot(u"attachWithTheDialogAndDownload-sent"_s);

    // bob: the chip, with its size; Download, then Open; the same bytes arrived.
    QTRY_VERIFY_WITH_TIMEOUT(m_people.bob->fileMessage(name), Steps::NetworkTimeout);
    QVERIFY(!m_people.bob->text(u"attachmentSize"_s, m_people.bob->fileMessage(name)).isEmpty());
    QTRY_COMPARE(
            m_people.bob->text(u"conversationPreview"_s, m_people.bob->conversation(u"alice"_s)),
            u"📎 "_s + name);
    m_people.bob->screenshot(u"attachWithTheDialogAndDownload-received"_s);
    const QString path = download(name);
    if (QTest::currentTestFailed())
        return;
    m_people.bob->screenshot(u"attachWithTheDialogAndDownload-downloaded"_s);
    QCOMPARE(QFileInfo(path).dir().absolutePath(),
             QDir(ProfilePaths::downloadsDir(m_people.dir->filePath(u"bob"_s))).absolutePath());
    QCOMPARE(sha256(path), sha256(source));
}

void tst_UiAttachments::dropFilesOnTheConversation()
{
    m_people.openChatWith(u"Here are the files"_s);
    if (QTest::currentTestFailed())
        return;
    const QString first = writeFile(u"one.bin"_s, 70 * 1024);
    const QString second = writeFile(u"two.bin"_s, 10);
    QVERIFY(!first.isEmpty() && !second.isEmpty());

    // alice drags two files from her file manager onto the messages and drops them.
    QQuickItem *list = m_people.alice->item(u"messageList"_s);
    QVERIFY(list);
    QVERIFY(m_people.alice->activate());
    const QPoint at = list->mapToScene(QPointF(list->width() / 2, list->height() / 2)).toPoint();
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(first), QUrl::fromLocalFile(second)});
    QDragEnterEvent enter(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(m_people.alice->window(), &enter);
    QDragMoveEvent move(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(m_people.alice->window(), &move);
    QVERIFY(move.isAccepted());
    QTRY_VERIFY(m_people.alice->isShown(u"dropHint"_s));
    m_people.alice->screenshot(u"dropFilesOnTheConversation-dragging"_s);
    QDropEvent drop(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(m_people.alice->window(), &drop);
    QVERIFY(drop.isAccepted());
    QTRY_VERIFY(!m_people.alice->isShown(u"dropHint"_s));

    // One file message each, sent; bob downloads both.
    QTRY_VERIFY(m_people.alice->fileMessage(u"one.bin"_s));
    QTRY_VERIFY(m_people.alice->fileMessage(u"two.bin"_s));
    QTRY_VERIFY_WITH_TIMEOUT(
            m_people.alice->item(u"openButton"_s, m_people.alice->fileMessage(u"two.bin"_s)),
            Steps::NetworkTimeout);
    m_people.alice->screenshot(u"dropFilesOnTheConversation-sent"_s);
    const QString one = download(u"one.bin"_s);
    if (QTest::currentTestFailed())
        return;
    const QString two = download(u"two.bin"_s);
    if (QTest::currentTestFailed())
        return;
    m_people.bob->screenshot(u"dropFilesOnTheConversation-downloaded"_s);
    QCOMPARE(sha256(one), sha256(first));
    QCOMPARE(sha256(two), sha256(second));
}

QTEST_MAIN(tst_UiAttachments)
#include "tst_attachments.moc"
