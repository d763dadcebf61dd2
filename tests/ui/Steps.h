#pragma once

/// What a person does in the app, as steps that UI test cases share. Each step waits for the
/// app to respond (QTRY_*) and fails the running test when it does not; callers check
/// QTest::currentTestFailed() after a step.

#include <QtCore/QString>

namespace Parley {

class AppWindow;

namespace Steps {

/// How long a step waits for something that goes through the server (ms).
constexpr int NetworkTimeout = 20000;
/// How long to wait for a reconnect after the server came back (ms).
constexpr int ReconnectTimeout = 60000;

/// Whether this session has a usable OS keychain (a D-Bus session with an unlocked Secret
/// Service, as scripts/test provides). Without one the app asks before going on without
/// remembering the login. Probed once, with a throwaway entry.
bool keychainAvailable();

/// From the welcome page: "Create an account", fill in the form, submit; accepts the
/// keychain dialog if the test runs without a keychain; ends on the conversation list, online.
void registerAccount(AppWindow &app, const QString &username, const QString &password);
/// From the welcome page: "I already have an account", fill in the form, submit; ends on the
/// conversation list, online.
void logIn(AppWindow &app, const QString &username, const QString &password);
/// "New chat" with `username`; ends with that conversation open.
void startChat(AppWindow &app, const QString &username);
/// Clicks the conversation `title` in the list; ends with it open.
void openConversation(AppWindow &app, const QString &title);
/// Types `text` in the composer and presses Enter; ends with the message shown.
void sendMessage(AppWindow &app, const QString &text);
/// Main menu, "Settings", then the tab `tab` (e.g. "privacyTab"); ends with that tab shown.
void openSettings(AppWindow &app, const QString &tab);

} // namespace Steps
} // namespace Parley
