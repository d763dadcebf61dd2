#include "Steps.h"

#include "AppWindow.h"
#include "Client.h"
#include "platform/Keychain.h"
#include "platform/ProfileLock.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QFuture>

#include <QtQuick/QQuickItem>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;

namespace Parley::Steps {

bool keychainAvailable()
{
    static const bool available = [] {
        Keychain store(u"ui-test-probe-"_s + QString::number(QCoreApplication::applicationPid()));
        const QString key = u"probe"_s;
        QFuture<Status> written = store.writeSecret(key, QByteArrayLiteral("probe"));
        if (!QTest::qWaitFor([&] { return written.isFinished(); }, NetworkTimeout))
            return false;
        const bool ok = bool(written.result());
        if (ok) {
            QFuture<Status> deleted = store.deleteSecret(key);
            (void)QTest::qWaitFor([&] { return deleted.isFinished(); }, NetworkTimeout);
        }
        return ok;
    }();
    return available;
}

namespace {

/// After "Create account" or "Log in": the conversation list, online (the first connection's
/// certificate trusted, and the keychain question answered when the session has no keychain).
void awaitSignedIn(AppWindow &app, const QString &username)
{
    QTRY_VERIFY_WITH_TIMEOUT(app.isShown(u"trustCertificateDialog"_s)
                                     || app.text(u"ownUsername"_s) == username
                                     || !app.text(u"accountError"_s).isEmpty(),
                             NetworkTimeout);
    if (app.isShown(u"trustCertificateDialog"_s)) {
        QVERIFY(app.click(u"trustCertificateButton"_s));
        QTRY_VERIFY(!app.isShown(u"trustCertificateDialog"_s));
    }
    QCOMPARE(app.text(u"accountError"_s), QString());
    QTRY_COMPARE_WITH_TIMEOUT(app.text(u"ownUsername"_s), username, NetworkTimeout);
    QTRY_COMPARE_WITH_TIMEOUT(app.text(u"connectionState"_s), u"Online"_s, NetworkTimeout);

    // Without a keychain (plain ctest, no session bus) the app asks before going on, unless a
    // passphrase keeps the profile's secrets already.
    if (!keychainAvailable() && app.client()->profileLock()->isSessionOnly()) {
        QTRY_VERIFY_WITH_TIMEOUT(app.isShown(u"keychainDialog"_s), NetworkTimeout);
        QVERIFY(app.click(u"continueWithoutKeychainButton"_s));
        QTRY_VERIFY(!app.isShown(u"keychainDialog"_s));
    }
}

/// From the welcome page: the account form for `button`, with the server address filled in.
void openAccountForm(AppWindow &app, const QString &button)
{
    QVERIFY(app.window());
    QTRY_VERIFY(app.isShown(button));
    // After a logout the page pops back to the welcome card with a transition; a click during
    // it is lost (the form that is leaving still shows its fields).
    QTRY_VERIFY(!app.item(u"welcomeStack"_s)->property("busy").toBool());
    QVERIFY(app.click(button));
    QTRY_VERIFY(app.isShown(u"accountSubmitButton"_s));
    QTRY_VERIFY(!app.item(u"welcomeStack"_s)->property("busy").toBool());
    // The server address comes from ClientOptions, like `parley --server`.
    QTRY_VERIFY(!app.text(u"serverField"_s).isEmpty());
}

} // namespace

void registerAccount(AppWindow &app, const QString &username, const QString &password)
{
    openAccountForm(app, u"welcomeRegisterButton"_s);
    if (QTest::currentTestFailed())
        return;
    QTRY_VERIFY(app.isShown(u"confirmPasswordField"_s));
    QVERIFY(app.typeInto(u"usernameField"_s, username));
    QVERIFY(app.typeInto(u"passwordField"_s, password));
    QVERIFY(app.typeInto(u"confirmPasswordField"_s, password));
    QVERIFY(app.click(u"accountSubmitButton"_s));
    awaitSignedIn(app, username);
}

void logIn(AppWindow &app, const QString &username, const QString &password)
{
    openAccountForm(app, u"welcomeLoginButton"_s);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(app.typeInto(u"usernameField"_s, username));
    QVERIFY(app.typeInto(u"passwordField"_s, password));
    QVERIFY(app.click(u"accountSubmitButton"_s));
    awaitSignedIn(app, username);
}

void startChat(AppWindow &app, const QString &username)
{
    QVERIFY(app.click(u"newChatButton"_s));
    QTRY_VERIFY(app.isShown(u"newChatUsername"_s));
    QVERIFY(app.typeInto(u"newChatUsername"_s, username));
    QVERIFY(app.click(u"startChatButton"_s));
    QTRY_VERIFY_WITH_TIMEOUT(!app.isShown(u"newChatDialog"_s), NetworkTimeout);
    QTRY_COMPARE(app.text(u"conversationHeaderTitle"_s), username);
    QTRY_VERIFY(app.conversation(username));
}

void openConversation(AppWindow &app, const QString &title)
{
    QTRY_VERIFY_WITH_TIMEOUT(app.conversation(title), NetworkTimeout);
    QVERIFY(app.click(app.conversation(title)));
    QTRY_COMPARE(app.text(u"conversationHeaderTitle"_s), title);
}

void sendMessage(AppWindow &app, const QString &text)
{
    QVERIFY(app.typeInto(u"composerInput"_s, text));
    app.press(Qt::Key_Return);
    QTRY_VERIFY(app.message(text));
    QTRY_COMPARE(app.text(u"composerInput"_s), QString());
}

void openSettings(AppWindow &app, const QString &tab)
{
    QVERIFY(app.click(u"mainMenuButton"_s));
    QTRY_VERIFY(app.isShown(u"settingsMenuItem"_s));
    QVERIFY(app.click(u"settingsMenuItem"_s));
    QTRY_VERIFY(app.isShown(tab));
    QVERIFY(app.click(tab));
    QTRY_COMPARE(app.item(tab)->property("checked").toBool(), true);
}

} // namespace Parley::Steps
