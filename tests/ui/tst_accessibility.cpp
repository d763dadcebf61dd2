// UI automation for screen readers: every interactive item on every page, panel, menu and
// dialog of the app has an accessible name. The real QML app against a real parleyd; each
// place visited is saved as a screenshot.

#include "AppWindow.h"
#include "Steps.h"
#include "TestLogging.h"
#include "TwoPeople.h"

#include <QtQuick/QQuickItem>
#include <QtQuick/QQuickWindow>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;
using namespace Parley;

class tst_Accessibility : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void everyControlHasAnAccessibleName();

private:
    /// Records, under `place`, every interactive item `app` shows without an accessible name,
    /// and saves a screenshot of the place.
    void visit(AppWindow &app, const QString &place);
    /// Clicks `opener` (an objectName), waits for `shown`, visits it as `place`, then presses
    /// Escape and waits until `shown` is gone.
    void visitPopup(AppWindow &app, const QString &opener, const QString &shown,
                    const QString &place);

    TwoPeople m_people;
    QStringList m_unnamed;
};

namespace {

/// What a screen reader says for `item`: its Accessible.name, else, for a button or menu
/// item, its text (Qt Quick Controls name those by their text).
QString accessibleName(const QQuickItem *item)
{
    for (const QObject *child : item->children()) {
        if (child->inherits("QQuickAccessibleAttached")) {
            const QString name = child->property("name").toString();
            if (!name.isEmpty())
                return name;
        }
    }
    if (item->inherits("QQuickAbstractButton"))
        return item->property("text").toString();
    return {};
}

bool isControlPart(const QQuickItem *item)
{
    // The text field inside a spin box or an editable combo box speaks for its control.
    for (const QQuickItem *up = item->parentItem(); up; up = up->parentItem()) {
        if (up->inherits("QQuickSpinBox") || up->inherits("QQuickComboBox"))
            return true;
    }
    return false;
}

/// Whether a person can act on `item`: a control, an editable text, anything in the Tab
/// chain, or an item with a clickable mouse area (one that shows the pointing hand).
bool isInteractive(const QQuickItem *item)
{
    if (item->inherits("QQuickAbstractButton") || item->inherits("QQuickComboBox")
        || item->inherits("QQuickSpinBox") || item->inherits("QQuickSlider"))
        return true;
    if ((item->inherits("QQuickTextInput") || item->inherits("QQuickTextEdit"))
        && !item->property("readOnly").toBool())
        return !isControlPart(item);
    if (item->activeFocusOnTab())
        return !isControlPart(item);
    if (item->inherits("QQuickMouseArea") && item->isEnabled()
        && item->cursor().shape() == Qt::PointingHandCursor)
        return true;
    return false;
}

/// "Button 'sendButton' in 'composer'": enough to find the item in the QML.
QString describe(const QQuickItem *item)
{
    QString where;
    for (const QQuickItem *up = item->parentItem(); up; up = up->parentItem()) {
        if (!up->objectName().isEmpty()) {
            where = up->objectName();
            break;
        }
    }
    QString type = QString::fromLatin1(item->metaObject()->className());
    type = type.section(u"_QML"_s, 0, 0);
    return u"%1 '%2' in '%3'"_s.arg(type, item->objectName(), where);
}

/// Walks what `root` shows; returns how many interactive items it met.
int collectUnnamed(QQuickItem *root, QStringList *unnamed)
{
    if (!root->isVisible() || qFuzzyIsNull(root->opacity()))
        return 0;
    int interactive = 0;
    if (isInteractive(root)) {
        ++interactive;
        // A clickable mouse area is named by the item it fills.
        const QQuickItem *named = root->inherits("QQuickMouseArea") ? root->parentItem() : root;
        if (accessibleName(root).isEmpty() && (!named || accessibleName(named).isEmpty()))
            unnamed->append(describe(root));
    }
    for (QQuickItem *child : root->childItems())
        interactive += collectUnnamed(child, unnamed);
    return interactive;
}

} // namespace

void tst_Accessibility::init()
{
    m_unnamed.clear();
    m_people.start();
}

void tst_Accessibility::cleanup()
{
    m_people.finish();
}

void tst_Accessibility::visit(AppWindow &app, const QString &place)
{
    QStringList unnamed;
    const int interactive = collectUnnamed(app.window()->contentItem(), &unnamed);
    qCInfo(lcTestClient, "%s: %d interactive items, %lld without a name", qPrintable(place),
           interactive, qlonglong(unnamed.size()));
    // Every place has controls: a walk that meets none looked in the wrong place.
    QVERIFY2(interactive > 0, qPrintable(place));
    unnamed.removeDuplicates();
    for (const QString &item : std::as_const(unnamed))
        m_unnamed << place + u": "_s + item;
    app.screenshot(u"accessibility-"_s + QString(place).replace(u' ', u'-'));
}

void tst_Accessibility::visitPopup(AppWindow &app, const QString &opener, const QString &shown,
                                   const QString &place)
{
    QVERIFY2(app.click(opener), qPrintable(opener));
    QTRY_VERIFY2(app.isShown(shown), qPrintable(shown));
    visit(app, place);
    app.press(Qt::Key_Escape);
    QTRY_VERIFY2(!app.isShown(shown), qPrintable(shown));
}

void tst_Accessibility::everyControlHasAnAccessibleName()
{
    AppWindow &alice = *m_people.alice;
    // Signed out: the welcome page, then each account form.
    QTRY_VERIFY(alice.isShown(u"welcomeRegisterButton"_s));
    visit(alice, u"welcome"_s);
    QVERIFY(alice.click(u"welcomeRegisterButton"_s));
    QTRY_VERIFY(alice.isShown(u"confirmPasswordField"_s));
    // A click while the page still slides in is lost.
    QTRY_VERIFY(!alice.item(u"welcomeStack"_s)->property("busy").toBool());
    visit(alice, u"sign up"_s);
    QVERIFY(alice.click(u"accountSwitchModeButton"_s));
    QTRY_VERIFY(!alice.isShown(u"confirmPasswordField"_s));
    visit(alice, u"log in"_s);
    QVERIFY(alice.click(u"accountBackButton"_s));
    QTRY_VERIFY(alice.isShown(u"welcomeRegisterButton"_s));
    QTRY_VERIFY(!alice.item(u"welcomeStack"_s)->property("busy").toBool());

    // Signed in with a direct chat and a message in it.
    m_people.openChatWith(u"Hello from alice"_s);
    if (QTest::currentTestFailed())
        return;
    visit(alice, u"chat"_s);

    visitPopup(alice, u"mainMenuButton"_s, u"settingsMenuItem"_s, u"main menu"_s);
    visitPopup(alice, u"conversationMenuButton"_s, u"blockMenuItem"_s, u"chat menu"_s);
    visitPopup(alice, u"newChatButton"_s, u"newChatDialog"_s, u"new chat"_s);

    QVERIFY(alice.click(u"mainMenuButton"_s));
    QTRY_VERIFY(alice.isShown(u"newGroupMenuItem"_s));
    QVERIFY(alice.click(u"newGroupMenuItem"_s));
    QTRY_VERIFY(alice.isShown(u"newGroupDialog"_s));
    visit(alice, u"new group"_s);
    alice.press(Qt::Key_Escape);
    QTRY_VERIFY(!alice.isShown(u"newGroupDialog"_s));

    // The message menu, and the emoji picker behind its "+".
    QQuickItem *row = alice.message(u"Hello from alice"_s);
    QVERIFY(row);
    QVERIFY(alice.click(alice.item(u"messageBubble"_s, row), Qt::RightButton));
    QTRY_VERIFY(alice.isShown(u"menuReply"_s));
    visit(alice, u"message menu"_s);
    QVERIFY(alice.click(u"moreReactionsButton"_s));
    QTRY_VERIFY(alice.isShown(u"emojiSearchField"_s));
    visit(alice, u"emoji picker"_s);
    alice.press(Qt::Key_Escape);
    QTRY_VERIFY(!alice.isShown(u"emojiPicker"_s));
    QVERIFY(alice.click(alice.item(u"messageBubble"_s, alice.message(u"Hello from alice"_s)),
                        Qt::RightButton));
    QTRY_VERIFY(alice.isShown(u"menuDelete"_s));
    QVERIFY(alice.click(u"menuDelete"_s));
    QTRY_VERIFY(alice.isShown(u"deleteMessageDialog"_s));
    visit(alice, u"delete message"_s);
    QVERIFY(alice.click(u"cancelDeleteButton"_s));
    QTRY_VERIFY(!alice.isShown(u"deleteMessageDialog"_s));

    // Reporting the chat to the server's admins.
    QVERIFY(alice.click(u"conversationMenuButton"_s));
    QTRY_VERIFY(alice.isShown(u"headerReportMenuItem"_s));
    QVERIFY(alice.click(u"headerReportMenuItem"_s));
    QTRY_VERIFY(alice.isShown(u"reportDialog"_s));
    visit(alice, u"report"_s);
    alice.press(Qt::Key_Escape);
    QTRY_VERIFY(!alice.isShown(u"reportDialog"_s));

    // The members panel, and the message search.
    QVERIFY(alice.click(u"membersButton"_s));
    QTRY_VERIFY(alice.isShown(u"memberList"_s));
    visit(alice, u"members"_s);
    QQuickItem *bobRow = alice.item(u"member:bob"_s);
    QVERIFY(bobRow);
    QVERIFY(alice.click(alice.item(u"safetyNumberButton"_s, bobRow)));
    QTRY_VERIFY(alice.isShown(u"safetyNumberDialog"_s));
    visit(alice, u"safety number"_s);
    alice.press(Qt::Key_Escape);
    QTRY_VERIFY(!alice.isShown(u"safetyNumberDialog"_s));
    QVERIFY(alice.click(u"closeMembersButton"_s));
    QTRY_VERIFY(!alice.isShown(u"memberList"_s));
    QVERIFY(alice.click(u"searchMessagesButton"_s));
    QTRY_VERIFY(alice.isShown(u"searchField"_s));
    QVERIFY(alice.typeInto(u"searchField"_s, u"Hello"_s));
    QTRY_VERIFY(alice.isShown(u"searchResult"_s));
    visit(alice, u"search"_s);
    alice.press(Qt::Key_Escape);

    // Settings, tab by tab.
    QVERIFY(alice.click(u"mainMenuButton"_s));
    QTRY_VERIFY(alice.isShown(u"settingsMenuItem"_s));
    QVERIFY(alice.click(u"settingsMenuItem"_s));
    const QStringList tabs = {u"accountTab"_s, u"devicesTab"_s,  u"notificationsTab"_s,
                              u"privacyTab"_s, u"securityTab"_s, u"dataTab"_s};
    for (int index = 0; index < tabs.size(); ++index) {
        QTRY_VERIFY(alice.isShown(tabs[index]));
        QVERIFY(alice.click(tabs[index]));
        QTRY_COMPARE(alice.item(u"settingsTabs"_s)->property("currentIndex").toInt(), index);
        visit(alice, u"settings "_s + tabs[index]);
    }
    QVERIFY(alice.click(u"closeSettingsButton"_s));
    QTRY_VERIFY(!alice.isShown(u"settingsDialog"_s));

    // Log out asks first.
    QVERIFY(alice.click(u"mainMenuButton"_s));
    QTRY_VERIFY(alice.isShown(u"logoutMenuItem"_s));
    QVERIFY(alice.click(u"logoutMenuItem"_s));
    QTRY_VERIFY(alice.isShown(u"logoutDialog"_s));
    visit(alice, u"log out"_s);
    alice.press(Qt::Key_Escape);
    QTRY_VERIFY(!alice.isShown(u"logoutDialog"_s));

    QVERIFY2(m_unnamed.isEmpty(),
             qPrintable(u"interactive items without an accessible name:\n  "_s
                        + m_unnamed.join(u"\n  "_s)));
}

QTEST_MAIN(tst_Accessibility)
#include "tst_accessibility.moc"
