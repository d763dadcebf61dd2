#pragma once

/// Who this profile is logged in as, on which server, with which device token.
///
/// Registers and logs in over a Connection, keeps the device token with the profile's secrets
/// (ProfileSecrets) and the non-secret identity (server, user, device) in the cache's settings,
/// and restores both at start so the client can resume offline-first. The token is never written
/// in clear to a file or a log: without a usable keychain or passphrase it stays in memory and
/// keychainProblem() says why, until the user picks a passphrase or accepts that with
/// continueWithoutKeychain().
///
/// When the server refuses the token (the device was revoked, the account disabled, the server
/// does not know the device) the account is signed out: the identity, the cache, the keys and
/// the outbox stay, the reason is remembered across restarts, and logging in again as the same
/// person (a new device) takes everything up again. Nothing is deleted without the user's word.

#include "chat/States.h"
#include "protocol/Frames.h"

#include <QtCore/QObject>
#include <QtCore/QUrl>

namespace Parley {

class Connection;
class MessageStore;
class ProfileSecrets;

class Account : public QObject
{
    Q_OBJECT

public:
    Account(Connection *connection, MessageStore *store, ProfileSecrets *secrets,
            QObject *parent = nullptr);

    QUrl serverUrl() const { return m_serverUrl; }
    qint64 userId() const { return m_userId; }
    QString username() const { return m_username; }
    qint64 deviceId() const { return m_deviceId; }
    bool isLoggedIn() const { return m_userId != 0; }
    bool isAuthenticating() const { return m_authenticating; }
    QString keychainProblem() const { return m_keychainProblem; }
    /// Why the server no longer accepts this device (NotSignedOut while it does).
    States::SignOut signOut() const { return m_signOut; }
    bool isSignedOut() const { return m_signOut != States::SignOut::NotSignedOut; }

    /// Reads the stored identity and token; restored() follows.
    void restore();
    enum class Mode { Register, Login };
    /// Connects to `server` and registers or logs in; authenticated() or failed() follows.
    void authenticate(Mode mode, const QUrl &server, const QString &username,
                      const QString &password, const QString &deviceName);
    /// What logout() does with what this profile holds.
    enum class Leave { KeepHistory, EraseEverything };
    /// Revokes this device's token on the server (when connected) and forgets it locally.
    /// KeepHistory keeps the cache (history, outbox) for the next login as the same person;
    /// EraseEverything also empties the cache. loggedOut() follows when that is done.
    void logout(Leave leave);
    /// Whether the cache keeps the history of someone other than `username` on `server` (then
    /// logging in there would have to erase it: the user is asked to do that first).
    bool keepsHistoryOfAnother(const QUrl &server, const QString &username) const;
    /// Whose history the cache keeps ("alice on example.org:7443"), empty if none.
    QString keptHistoryOwner() const;
    /// Ends a registration or login in flight with `error` (failed() follows).
    void cancel(const Error &error);
    /// The user accepted that the login is not remembered.
    void continueWithoutKeychain();
    /// Another secret of the profile could not go to the keychain (the cache's key): the user
    /// is told as for the token.
    void reportKeychainProblem(const QString &problem) { setKeychainProblem(problem); }

Q_SIGNALS:
    /// Start-up finished: `loggedIn` if an identity and a token were found (the connection
    /// has the token; opening it resumes).
    void restored(bool loggedIn);
    void authenticated();
    void failed(const Parley::Error &error);
    void loggedOut(bool erased);
    void keychainProblemChanged();
    void identityChanged();
    void signOutChanged();

private:
    void setSignOut(States::SignOut reason);
    void onTokenRefused(const Error &error, bool whileConnected);
    void setKeychainProblem(const QString &problem);
    void onWelcomed();
    void onAuthenticated(const AuthenticatedFrame &frame);
    void fail(const Error &error);
    void clearIdentity();

    Connection *m_connection;
    MessageStore *m_store;
    ProfileSecrets *m_secrets;

    QUrl m_serverUrl;
    qint64 m_userId = 0;
    QString m_username;
    qint64 m_deviceId = 0;
    qint64 m_cacheOwner = 0; ///< the user whose data the cache holds
    QString m_cacheOwnerName; ///< and their username
    QString m_keychainProblem;
    States::SignOut m_signOut = States::SignOut::NotSignedOut;

    // An authentication in flight.
    bool m_authenticating = false;
    Mode m_mode = Mode::Login;
    QString m_pendingUsername;
    QString m_pendingPassword;
    QString m_deviceName;
};

} // namespace Parley
