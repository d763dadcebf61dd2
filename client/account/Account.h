#pragma once

/// Who this profile is logged in as, on which server, with which device token.
///
/// Registers and logs in over a Connection, keeps the device token in the OS keychain
/// (TokenStore) and the non-secret identity (server, user, device) in the cache's settings, and
/// restores both at start so the client can resume offline-first. The token is never written
/// to a file or a log: without a usable keychain it stays in memory and keychainProblem() says
/// why, until the user accepts that with continueWithoutKeychain().

#include "protocol/Frames.h"

#include <QtCore/QObject>
#include <QtCore/QUrl>

namespace Parley {

class Connection;
class MessageStore;
class TokenStore;

class Account : public QObject
{
    Q_OBJECT

public:
    Account(Connection *connection, MessageStore *store, TokenStore *tokens,
            QObject *parent = nullptr);

    QUrl serverUrl() const { return m_serverUrl; }
    qint64 userId() const { return m_userId; }
    QString username() const { return m_username; }
    qint64 deviceId() const { return m_deviceId; }
    bool isLoggedIn() const { return m_userId != 0; }
    bool isAuthenticating() const { return m_authenticating; }
    QString keychainProblem() const { return m_keychainProblem; }

    /// Reads the stored identity and token; restored() follows.
    void restore();
    enum class Mode { Register, Login };
    /// Connects to `server` and registers or logs in; authenticated() or failed() follows.
    void authenticate(Mode mode, const QUrl &server, const QString &username,
                      const QString &password, const QString &deviceName);
    /// Revokes this device's token on the server (when connected) and forgets it locally;
    /// loggedOut() follows once the keychain entry and the cache are gone.
    void logout();
    /// The user accepted that the login is not remembered.
    void continueWithoutKeychain();

Q_SIGNALS:
    /// Start-up finished: `loggedIn` if an identity and a token were found (the connection
    /// has the token; opening it resumes).
    void restored(bool loggedIn);
    void authenticated();
    void failed(const Parley::Error &error);
    void loggedOut();
    void keychainProblemChanged();
    void identityChanged();

private:
    void setKeychainProblem(const QString &problem);
    void onWelcomed();
    void onAuthenticated(const AuthenticatedFrame &frame);
    void fail(const Error &error);
    void clearIdentity();

    Connection *m_connection;
    MessageStore *m_store;
    TokenStore *m_tokens;

    QUrl m_serverUrl;
    qint64 m_userId = 0;
    QString m_username;
    qint64 m_deviceId = 0;
    qint64 m_cacheOwner = 0; ///< the user whose data the cache holds
    QString m_keychainProblem;

    // An authentication in flight.
    bool m_authenticating = false;
    Mode m_mode = Mode::Login;
    QString m_pendingUsername;
    QString m_pendingPassword;
    QString m_deviceName;
};

} // namespace Parley
