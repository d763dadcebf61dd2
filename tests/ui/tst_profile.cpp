// UI automation of profiles: alice gives herself a display name and a picture in Settings and
// saves; it reaches bob end to end (the server never sees it): his conversation list, the chat
// header (with "@alice" under the name), a group's sender names, the member list, his
// notifications and the avatar (the picture's own colour on screen) name her "Alice Martin",
// also after bob's app restarts. The real QML app against a real parleyd; screenshots of each
// step.

#include "AppWindow.h"
#include "Client.h"
#include "Steps.h"
#include "TwoPeople.h"
#include "platform/Notifier.h"

#include <QtCore/QDir>
#include <QtGui/QImage>
#include <QtQuick/QQuickItem>
#include <QtQuick/QQuickWindow>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>
#include <QtWidgets/QApplication>
#include <QtWidgets/QFileDialog>
#include <QtWidgets/QLineEdit>

using namespace Qt::StringLiterals;
using namespace Parley;

namespace {

/// The picture's colour: one no theme colour is near.
const QColor PictureColour(230, 20, 200);

/// Whether `actual` is `expected` give or take what JPEG and scaling change.
bool near(QColor actual, QColor expected)
{
    constexpr int Tolerance = 32;
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

/// The colour `app`'s window shows at the centre of `item`.
QColor colourAt(AppWindow &app, QQuickItem *item)
{
    const QImage shot = app.window()->grabWindow();
    const QPointF centre = item->mapToScene(QPointF(item->width() / 2, item->height() / 2));
    const qreal ratio = shot.devicePixelRatio();
    return shot.pixelColor(int(centre.x() * ratio), int(centre.y() * ratio));
}

/// Whether the avatar `avatarName` shows a picture in `colour`.
bool showsPicture(AppWindow &app, const QString &avatarName, QColor colour)
{
    QQuickItem *avatar = app.item(avatarName);
    QQuickItem *picture = avatar ? app.item(u"avatarPicture"_s, avatar) : nullptr;
    return picture && near(colourAt(app, picture), colour);
}

bool openSettings(AppWindow &app)
{
    return app.click(u"mainMenuButton"_s)
            && QTest::qWaitFor([&app] { return app.isShown(u"settingsMenuItem"_s); })
            && app.click(u"settingsMenuItem"_s)
            && QTest::qWaitFor([&app] { return app.isShown(u"settingsDialog"_s); });
}

} // namespace

class tst_UiProfile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void displayNameAndPictureReachContacts();

private:
    TwoPeople m_people;
};

void tst_UiProfile::init()
{
    m_people.start();
}

void tst_UiProfile::cleanup()
{
    m_people.finish();
}

void tst_UiProfile::displayNameAndPictureReachContacts()
{
    m_people.openChatWith(u"Hello bob"_s);
    if (QTest::currentTestFailed())
        return;
    AppWindow &alice = *m_people.alice;
    AppWindow &bob = *m_people.bob;
    QCOMPARE(bob.text(u"conversationHeaderTitle"_s), u"alice"_s);
    QVERIFY(!bob.isShown(u"conversationHeaderUsername"_s)); // no display name yet

    // Bob turns notifications on (the test windows start with them off).
    QVERIFY(openSettings(bob));
    QVERIFY(bob.click(u"notificationsTab"_s));
    QTRY_VERIFY(bob.isShown(u"notificationsSwitch"_s));
    QVERIFY(bob.click(u"notificationsSwitch"_s));
    QTRY_VERIFY(bob.client()->notificationsEnabled());
    QVERIFY(bob.click(u"closeSettingsButton"_s));
    QTRY_VERIFY(!bob.isShown(u"settingsDialog"_s));

    // Alice: Settings, Account: her name, a picture chosen in the file dialog, Save.
    QImage image(400, 300, QImage::Format_RGB32);
    image.fill(PictureColour);
    const QString picturePath = m_people.dir->filePath(u"me.png"_s);
    QVERIFY(image.save(picturePath));
    QVERIFY(openSettings(alice));
    QTRY_VERIFY(alice.isShown(u"profileNameField"_s));
    QVERIFY(alice.typeInto(u"profileNameField"_s, u"Alice Martin"_s));
    QVERIFY(alice.click(u"choosePictureButton"_s));
    QTRY_VERIFY(openFileDialog());
    QFileDialog *dialog = openFileDialog();
    QCOMPARE(dialog->acceptMode(), QFileDialog::AcceptOpen);
    auto *nameField = dialog->findChild<QLineEdit *>(u"fileNameEdit"_s);
    QVERIFY(nameField);
    nameField->setFocus();
    nameField->selectAll();
    QTest::keyClicks(nameField, QDir::toNativeSeparators(picturePath));
    QTest::keyClick(nameField, Qt::Key_Return);
    QTRY_VERIFY(!dialog->isVisible());
    QVERIFY(alice.activate());
    // The preview shows the chosen picture before it is saved.
    QTRY_VERIFY(showsPicture(alice, u"profilePreview"_s, PictureColour));
    alice.screenshot(u"displayNameAndPictureReachContacts-settings"_s);
    QVERIFY(alice.click(u"saveProfileButton"_s));
    QTRY_VERIFY(alice.isShown(u"profileSavedNote"_s));
    QTRY_COMPARE(alice.client()->displayName(), u"Alice Martin"_s);
    QVERIFY(alice.click(u"closeSettingsButton"_s));
    QTRY_VERIFY(!alice.isShown(u"settingsDialog"_s));
    // Her own name and picture head her sidebar.
    QTRY_COMPARE(alice.text(u"ownDisplayName"_s), u"Alice Martin"_s);
    QCOMPARE(alice.text(u"ownUsername"_s), u"alice"_s);
    QTRY_VERIFY(showsPicture(alice, u"ownAvatar"_s, PictureColour));

    // Bob: the list, the header with her username under her name, her picture.
    QTRY_VERIFY_WITH_TIMEOUT(bob.conversation(u"Alice Martin"_s), Steps::NetworkTimeout);
    QVERIFY(!bob.conversation(u"alice"_s));
    QTRY_COMPARE(bob.text(u"conversationHeaderTitle"_s), u"Alice Martin"_s);
    QTRY_COMPARE(bob.text(u"conversationHeaderUsername"_s), u"@alice"_s);
    QTRY_VERIFY(showsPicture(bob, u"conversationHeaderAvatar"_s, PictureColour));
    QQuickItem *row = bob.conversation(u"Alice Martin"_s);
    QVERIFY(row);
    QQuickItem *rowPicture = bob.item(u"avatarPicture"_s, row);
    QVERIFY(rowPicture);
    QTRY_VERIFY(near(colourAt(bob, rowPicture), PictureColour));
    // The profile is no message of its own.
    QCOMPARE(bob.messageTexts(), QStringList{u"Hello bob"_s});
    bob.screenshot(u"displayNameAndPictureReachContacts-bob"_s);

    // A group: alice's message notifies bob as "Alice Martin in Plans".
    QSignalSpy notified(bob.client()->notifier(), &Notifier::notified);
    QVERIFY(alice.click(u"mainMenuButton"_s));
    QTRY_VERIFY(alice.isShown(u"newGroupMenuItem"_s));
    QVERIFY(alice.click(u"newGroupMenuItem"_s));
    QTRY_VERIFY(alice.isShown(u"groupTitleInput"_s));
    QVERIFY(alice.typeInto(u"groupTitleInput"_s, u"Plans"_s));
    QVERIFY(alice.typeInto(u"groupMembersInput"_s, u"bob"_s));
    QVERIFY(alice.click(u"createGroupButton"_s));
    QTRY_VERIFY_WITH_TIMEOUT(!alice.isShown(u"newGroupDialog"_s), Steps::NetworkTimeout);
    QTRY_COMPARE(alice.text(u"conversationHeaderTitle"_s), u"Plans"_s);
    Steps::sendMessage(alice, u"Dinner at eight"_s);
    if (QTest::currentTestFailed())
        return;
    QTRY_VERIFY_WITH_TIMEOUT(!notified.isEmpty(), Steps::NetworkTimeout);
    QList<QVariant> notification = notified.takeFirst();
    QCOMPARE(notification.at(1).toString(), u"Alice Martin in Plans"_s);
    QCOMPARE(notification.at(2).toString(), u"Dinner at eight"_s);

    // In the group her messages carry her name, and the member list shows it with her username.
    Steps::openConversation(bob, u"Plans"_s);
    if (QTest::currentTestFailed())
        return;
    QTRY_VERIFY(bob.message(u"Dinner at eight"_s));
    QTRY_COMPARE(bob.text(u"senderName"_s, bob.message(u"Dinner at eight"_s)), u"Alice Martin"_s);
    // The group's own lines name her the same way.
    const auto systemLines = [&bob] {
        QStringList lines;
        for (QQuickItem *line : bob.items(u"systemText"_s))
            lines.append(line->property("text").toString());
        return lines;
    };
    QTRY_VERIFY2(systemLines().contains(u"Alice Martin created the group \u201cPlans\u201d"_s),
                 qPrintable(systemLines().join(u" | "_s)));
    QVERIFY(bob.click(u"membersButton"_s));
    QTRY_VERIFY(bob.isShown(u"member:alice"_s));
    QQuickItem *member = bob.item(u"member:alice"_s);
    QTRY_COMPARE(bob.text(u"memberName"_s, member), u"Alice Martin"_s);
    QCOMPARE(bob.text(u"memberUsername"_s, member), u"@alice"_s);
    bob.screenshot(u"displayNameAndPictureReachContacts-group"_s);

    // Their direct chat, while bob reads the group: "Alice Martin".
    Steps::openConversation(alice, u"bob"_s);
    if (QTest::currentTestFailed())
        return;
    Steps::sendMessage(alice, u"Are you coming?"_s);
    if (QTest::currentTestFailed())
        return;
    QTRY_VERIFY_WITH_TIMEOUT(!notified.isEmpty(), Steps::NetworkTimeout);
    notification = notified.takeFirst();
    QCOMPARE(notification.at(1).toString(), u"Alice Martin"_s);
    QCOMPARE(notification.at(2).toString(), u"Are you coming?"_s);

    // Bob's app restarts: her name and picture are still there (kept in his cache).
    if (!Steps::keychainAvailable())
        QSKIP("No keychain: the login is not remembered across a restart (run the suite under "
              "scripts/test).");
    m_people.bob.reset();
    m_people.bob = m_people.reopen(u"bob"_s);
    AppWindow &bobAgain = *m_people.bob;
    QTRY_COMPARE_WITH_TIMEOUT(bobAgain.text(u"ownUsername"_s), u"bob"_s, Steps::NetworkTimeout);
    QTRY_VERIFY_WITH_TIMEOUT(bobAgain.conversation(u"Alice Martin"_s), Steps::NetworkTimeout);
    Steps::openConversation(bobAgain, u"Alice Martin"_s);
    if (QTest::currentTestFailed())
        return;
    QTRY_VERIFY(bobAgain.message(u"Are you coming?"_s));
    QTRY_COMPARE(bobAgain.text(u"conversationHeaderUsername"_s), u"@alice"_s);
    QTRY_VERIFY(showsPicture(bobAgain, u"conversationHeaderAvatar"_s, PictureColour));
    bobAgain.screenshot(u"displayNameAndPictureReachContacts-restarted"_s);
}

QTEST_MAIN(tst_UiProfile)
#include "tst_profile.moc"
