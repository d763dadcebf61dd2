#pragma once

/// The set-up most UI suites share: one real parleyd and two people, alice and bob, each with
/// the real app window, a profile of their own per test case, and screenshots of both windows
/// when a case failed. Steps build the usual starting points (both registered, a chat open).
///
/// A suite holds one and calls start() from init() and finish() from cleanup(); the members
/// are public so that a case can restart the server or a window.

#include "AppWindow.h"
#include "ParleydProcess.h"

#include <QtCore/QTemporaryDir>

#include <memory>

namespace Parley {

class TwoPeople
{
public:
    /// A fresh folder, parleyd started, and both windows open on its login screen. Fails the
    /// running test (check QTest::currentTestFailed()) when the server does not start.
    void start();
    /// Screenshots of both windows if the case failed, then closes them and stops the server.
    void finish();

    /// The profile name of `user` for the running case: keychain entries of parallel runs and
    /// of other cases never meet.
    static QString profile(const QString &user);
    /// A new window for `user` on its profile and data folder (after the old one was closed).
    std::unique_ptr<AppWindow> reopen(const QString &user) const;

    /// Both register (alice, then bob); each ends on the conversation list, online.
    void registerBoth();
    /// registerBoth(), then alice starts a chat with bob and has it open.
    void openChat();
    /// openChat(), then alice writes `text`, bob opens the chat and sees it, and alice's mark
    /// shows it read.
    void openChatWith(const QString &text);

    /// Options for parleyd, set before start() (e.g. {"--allow-test-timers"}).
    QStringList serverArguments;

    std::unique_ptr<QTemporaryDir> dir;
    std::unique_ptr<ParleydProcess> server;
    std::unique_ptr<AppWindow> alice;
    std::unique_ptr<AppWindow> bob;
};

} // namespace Parley
