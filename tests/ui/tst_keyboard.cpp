// UI automation without a mouse: alice signs up, starts a chat, sends, replies and reacts
// through the message menu, and searches, with the keyboard alone (Tab, arrows, Enter, the
// menu key and the app's shortcuts). bob, the other person, uses the mouse as usual. The real
// QML app against a real parleyd; screenshots show where the keyboard focus is.

#include "AppWindow.h"
#include "Steps.h"
#include "TestLogging.h"
#include "TwoPeople.h"

#include <QtQuick/QQuickItem>
#include <QtQuick/QQuickWindow>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;
using namespace Parley;

class tst_Keyboard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void keyboardOnlyFlow();

private:
    /// Whether the keyboard focus is on the item `objectName` (or inside it).
    static bool focusIsOn(AppWindow &app, const QString &objectName);
    /// Presses Tab (Shift+Tab when `backwards`) until the focus is on `objectName`; false if
    /// twenty presses do not get there.
    static bool tabTo(AppWindow &app, const QString &objectName, bool backwards = false);
    /// With a menu open, presses Down until `objectName` is the item chosen; false if it is
    /// not reached in ten presses.
    static bool downTo(AppWindow &app, const QString &objectName);
    /// The reaction chips under the message showing `text`, as their labels ("🚀 1").
    static QStringList chips(AppWindow &app, const QString &text);

    TwoPeople m_people;
};

void tst_Keyboard::init()
{
    m_people.start();
}

void tst_Keyboard::cleanup()
{
    m_people.finish();
}

bool tst_Keyboard::focusIsOn(AppWindow &app, const QString &objectName)
{
    for (QQuickItem *item = app.window()->activeFocusItem(); item; item = item->parentItem()) {
        if (item->objectName() == objectName)
            return true;
    }
    return false;
}

bool tst_Keyboard::tabTo(AppWindow &app, const QString &objectName, bool backwards)
{
    for (int press = 0; press < 20; ++press) {
        if (focusIsOn(app, objectName))
            return true;
        if (backwards)
            app.press(Qt::Key_Backtab, Qt::ShiftModifier);
        else
            app.press(Qt::Key_Tab);
    }
    if (focusIsOn(app, objectName))
        return true;
    const QQuickItem *focus = app.window()->activeFocusItem();
    qCWarning(lcTestClient, "tabTo: %s not reached; the focus is on %s '%s'",
              qPrintable(objectName), focus ? focus->metaObject()->className() : "nothing",
              focus ? qPrintable(focus->objectName()) : "");
    return false;
}

bool tst_Keyboard::downTo(AppWindow &app, const QString &objectName)
{
    for (int press = 0; press < 10; ++press) {
        app.press(Qt::Key_Down);
        if (focusIsOn(app, objectName))
            return true;
    }
    qCWarning(lcTestClient, "downTo: %s not reached", qPrintable(objectName));
    return false;
}

QStringList tst_Keyboard::chips(AppWindow &app, const QString &text)
{
    QStringList labels;
    if (QQuickItem *row = app.message(text)) {
        for (QQuickItem *chip : app.items(u"reactionChip"_s, row))
            labels << chip->property("text").toString();
    }
    return labels;
}

void tst_Keyboard::keyboardOnlyFlow()
{
    AppWindow &alice = *m_people.alice;
    AppWindow &bob = *m_people.bob;
    Steps::registerAccount(bob, u"bob"_s, u"bob-password-1"_s);
    if (QTest::currentTestFailed())
        return;

    // Sign up: Tab to "Create an account", Space; the form's fields one Tab after another;
    // Enter sends it; the server's certificate is trusted from its dialog's button.
    QTRY_VERIFY(alice.isShown(u"welcomeRegisterButton"_s));
    QVERIFY(alice.activate());
    QVERIFY(tabTo(alice, u"welcomeRegisterButton"_s));
    alice.press(Qt::Key_Space);
    QTRY_VERIFY(alice.isShown(u"confirmPasswordField"_s));
    QTRY_VERIFY(!alice.item(u"welcomeStack"_s)->property("busy").toBool());
    QVERIFY(tabTo(alice, u"usernameField"_s));
    alice.type(u"alice"_s);
    QVERIFY(tabTo(alice, u"passwordField"_s));
    alice.type(u"alice-password-1"_s);
    QVERIFY(tabTo(alice, u"confirmPasswordField"_s));
    alice.type(u"alice-password-1"_s);
    alice.screenshot(u"keyboard-signup"_s);
    alice.press(Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(alice.isShown(u"trustCertificateDialog"_s), Steps::NetworkTimeout);
    QVERIFY(tabTo(alice, u"trustCertificateButton"_s));
    alice.press(Qt::Key_Space);
    QTRY_COMPARE_WITH_TIMEOUT(alice.text(u"ownUsername"_s), u"alice"_s, Steps::NetworkTimeout);
    QTRY_COMPARE_WITH_TIMEOUT(alice.text(u"connectionState"_s), u"Online"_s, Steps::NetworkTimeout);

    // A chat with bob: Ctrl+N, his name, Enter; the composer has the focus, Enter sends.
    alice.press(Qt::Key_N, Qt::ControlModifier);
    QTRY_VERIFY(alice.isShown(u"newChatDialog"_s));
    QTRY_VERIFY(focusIsOn(alice, u"newChatUsername"_s));
    alice.type(u"bob"_s);
    alice.press(Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(alice.text(u"conversationHeaderTitle"_s), u"bob"_s,
                              Steps::NetworkTimeout);
    QTRY_VERIFY(focusIsOn(alice, u"composerInput"_s));
    const QString first = u"Hi bob from the keyboard"_s;
    alice.type(first);
    alice.press(Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(bob.conversation(u"alice"_s), Steps::NetworkTimeout);
    Steps::openConversation(bob, u"alice"_s);
    QTRY_VERIFY_WITH_TIMEOUT(bob.message(first), Steps::NetworkTimeout);
    const QString answer = u"Hello alice"_s;
    Steps::sendMessage(bob, answer);
    if (QTest::currentTestFailed())
        return;
    QTRY_VERIFY_WITH_TIMEOUT(alice.message(answer), Steps::NetworkTimeout);
    // bob's window took the keyboard; alice's comes back to the front (as Alt+Tab does: both
    // windows share one screen here).
    QVERIFY(alice.activate());

    // Reply: Shift+Tab back into the messages lands on the newest, bob's, with a visible
    // focus frame; the menu key opens its menu, Down to "Reply", Enter.
    QVERIFY(tabTo(alice, u"messageList"_s, true));
    QTRY_VERIFY(alice.item(u"messageFocusFrame"_s, alice.message(answer)));
    alice.screenshot(u"keyboard-message-focus"_s);
    alice.press(Qt::Key_Menu);
    QTRY_VERIFY(alice.isShown(u"menuReply"_s));
    QVERIFY(downTo(alice, u"menuReply"_s));
    alice.screenshot(u"keyboard-message-menu"_s);
    alice.press(Qt::Key_Return);
    QTRY_VERIFY(alice.isShown(u"replyBar"_s));
    QTRY_VERIFY(focusIsOn(alice, u"composerInput"_s));
    const QString reply = u"Replied without a mouse"_s;
    alice.type(reply);
    alice.press(Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(bob.message(reply), Steps::NetworkTimeout);
    QTRY_COMPARE(bob.text(u"replyQuoteText"_s, bob.message(reply)), answer);
    QVERIFY(alice.activate());

    // React: back to bob's message (still the list's current one), Shift+F10 this time,
    // "React…", the picker's search has the focus: "rocket", Enter.
    QVERIFY(tabTo(alice, u"messageList"_s, true));
    QTRY_VERIFY(alice.item(u"messageFocusFrame"_s, alice.message(answer)));
    alice.press(Qt::Key_F10, Qt::ShiftModifier);
    QTRY_VERIFY(alice.isShown(u"menuReact"_s));
    QVERIFY(downTo(alice, u"menuReact"_s));
    alice.press(Qt::Key_Return);
    QTRY_VERIFY(alice.isShown(u"emojiPicker"_s));
    QTRY_VERIFY(focusIsOn(alice, u"emojiSearchField"_s));
    alice.type(u"rocket"_s);
    alice.press(Qt::Key_Return);
    QTRY_VERIFY(!alice.isShown(u"emojiPicker"_s));
    QTRY_COMPARE_WITH_TIMEOUT(chips(bob, answer), QStringList{u"🚀 1"_s}, Steps::NetworkTimeout);

    // Search: Ctrl+Shift+F, a word, Down to the hit, Enter opens the chat with the keyboard
    // on that message.
    alice.press(Qt::Key_F, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_VERIFY(focusIsOn(alice, u"searchField"_s));
    alice.type(u"keyboard"_s);
    QTRY_VERIFY(alice.isShown(u"searchResult"_s));
    alice.screenshot(u"keyboard-search"_s);
    alice.press(Qt::Key_Down);
    QTRY_VERIFY(focusIsOn(alice, u"searchResultList"_s));
    QTRY_VERIFY(alice.item(u"searchResult"_s)->property("highlighted").toBool());
    alice.press(Qt::Key_Return);
    QTRY_COMPARE(alice.text(u"conversationHeaderTitle"_s), u"bob"_s);
    QTRY_VERIFY(focusIsOn(alice, u"messageList"_s));
    QTRY_VERIFY(alice.item(u"messageFocusFrame"_s, alice.message(first)));
    alice.screenshot(u"keyboard-done"_s);
}

QTEST_MAIN(tst_Keyboard)
#include "tst_keyboard.moc"
