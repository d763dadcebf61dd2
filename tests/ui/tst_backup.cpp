// UI automation: backing up the history from Settings → Data into one encrypted file, and
// restoring it on a new computer of the same person, through the real dialogs.

#include "AppWindow.h"
#include "Client.h"
#include "Steps.h"
#include "TwoPeople.h"
#include "backup/HistoryBackup.h"

#include <QtCore/QFile>
#include <QtQuick/QQuickItem>
#include <QtTest/QTest>
#include <QtWidgets/QApplication>
#include <QtWidgets/QFileDialog>
#include <QtWidgets/QLineEdit>

using namespace Qt::StringLiterals;
using namespace Parley;

class tst_Backup : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void backUpAndRestoreFromSettings();

private:
    /// The file dialog that is open now (on the offscreen platform Qt.labs.platform shows the
    /// Qt Widgets QFileDialog), or null.
    static QFileDialog *openFileDialog();
    /// In the open file dialog: goes to the test's folder, types `name` and presses Enter.
    void chooseFile(const QString &name);

    TwoPeople m_people;
};

void tst_Backup::init()
{
    m_people.start();
}

void tst_Backup::cleanup()
{
    m_people.finish();
}

QFileDialog *tst_Backup::openFileDialog()
{
    const QWidgetList windows = QApplication::topLevelWidgets();
    for (QWidget *w : windows) {
        if (auto *dialog = qobject_cast<QFileDialog *>(w); dialog && dialog->isVisible())
            return dialog;
    }
    return nullptr;
}

void tst_Backup::chooseFile(const QString &name)
{
    QTRY_VERIFY(openFileDialog());
    QFileDialog *dialog = openFileDialog();
    dialog->setDirectory(m_people.dir->path());
    auto *nameField = dialog->findChild<QLineEdit *>(u"fileNameEdit"_s);
    QVERIFY(nameField);
    nameField->setFocus();
    nameField->selectAll();
    QTest::keyClicks(nameField, name);
    QTest::keyClick(nameField, Qt::Key_Return);
    QTRY_VERIFY(!dialog->isVisible());
}

void tst_Backup::backUpAndRestoreFromSettings()
{
    const QString text = u"Meet me at the lighthouse"_s;
    m_people.openChatWith(text);
    if (QTest::currentTestFailed())
        return;
    AppWindow &alice = *m_people.alice;

    // alice: Settings → Data → "Back up…", a file in her folder, a backup key.
    Steps::openSettings(alice, u"dataTab"_s);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(!alice.isShown(u"backUpNowButton"_s));
    QCOMPARE(alice.text(u"newBackupButton"_s), u"Back up…"_s);
    QVERIFY(alice.click(u"newBackupButton"_s));
    chooseFile(u"alice.parley-backup"_s);
    if (QTest::currentTestFailed())
        return;
    QTRY_VERIFY(alice.isShown(u"backupDialog"_s));
    QVERIFY(alice.click(u"backupWithKey"_s));
    QVERIFY(!alice.isShown(u"backupPassphrase"_s));
    QVERIFY(alice.click(u"startBackupButton"_s));

    // The key is shown once; she writes it down and says so.
    QTRY_VERIFY_WITH_TIMEOUT(alice.isShown(u"backupKeyDialog"_s), Steps::NetworkTimeout);
    const QString key = alice.text(u"backupKeyText"_s);
    QCOMPARE(key.size(), 64);
    alice.screenshot(u"backUpAndRestoreFromSettings-key"_s);
    QVERIFY(alice.click(u"confirmBackupKeyButton"_s));
    QTRY_VERIFY(!alice.isShown(u"backupKeyDialog"_s));
    QTRY_VERIFY(alice.text(u"backupStatus"_s).startsWith(u"Backed up: "_s));
    QVERIFY(alice.text(u"backupSummary"_s).startsWith(u"Last backup: "_s));
    QVERIFY(alice.isShown(u"backUpNowButton"_s));
    const QString file = m_people.dir->filePath(u"alice.parley-backup"_s);
    QVERIFY(QFile::exists(file));
    QVERIFY(alice.client()->backup()->backupKeyToShow().isEmpty());
    QVERIFY(alice.click(u"closeSettingsButton"_s));

    // Her new laptop: the conversation is there, its old message not readable.
    auto laptop = std::make_unique<AppWindow>(TwoPeople::profile(u"alice-laptop"_s),
                                              m_people.dir->filePath(u"alice-laptop"_s),
                                              m_people.server->url());
    QVERIFY(laptop->window());
    Steps::logIn(*laptop, u"alice"_s, u"alice-password"_s);
    if (QTest::currentTestFailed())
        return;
    Steps::openConversation(*laptop, u"bob"_s);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(!laptop->message(text));

    // Settings → Data → "Restore…", the file, the key as she wrote it down: the message shows.
    Steps::openSettings(*laptop, u"dataTab"_s);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(laptop->click(u"restoreBackupButton"_s));
    chooseFile(u"alice.parley-backup"_s);
    if (QTest::currentTestFailed())
        return;
    QTRY_VERIFY(laptop->isShown(u"restoreDialog"_s));
    QVERIFY(laptop->typeInto(u"restoreSecret"_s, u"not the key"_s));
    QVERIFY(laptop->click(u"restoreButton"_s));
    QTRY_COMPARE_WITH_TIMEOUT(laptop->text(u"restoreProblem"_s),
                              u"That is not this backup's backup key."_s, Steps::NetworkTimeout);
    QVERIFY(laptop->typeInto(u"restoreSecret"_s, key));
    QVERIFY(laptop->click(u"restoreButton"_s));
    QTRY_VERIFY_WITH_TIMEOUT(!laptop->isShown(u"restoreDialog"_s), Steps::NetworkTimeout);
    QTRY_VERIFY(laptop->text(u"backupStatus"_s).startsWith(u"Restored: "_s));
    QVERIFY(laptop->click(u"closeSettingsButton"_s));
    QTRY_VERIFY_WITH_TIMEOUT(laptop->message(text), Steps::NetworkTimeout);
    laptop->screenshot(u"backUpAndRestoreFromSettings-restored"_s);
}

QTEST_MAIN(tst_Backup)
#include "tst_backup.moc"
