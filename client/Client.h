#pragma once

/// The client as the UI sees it: the account, the connection state, the conversation list,
/// devices, blocking and search, and one Chat per conversation (chat(id)) that carries the
/// conversation's models and verbs (docs/client-api.md).
///
/// It makes and wires the pieces (Account, Connection, PushDispatcher, SyncEngine, Outbox,
/// MessageStore, Attachments, Notifier, end-to-end encryption), keeps the conversation list in
/// step with the cache, notifies, and turns failures into errorString/errorOccurred. Made by
/// the `parley` executable (and tests) from ClientOptions; lives on the GUI thread.

#include "ClientOptions.h"
#include "account/Account.h"
#include "chat/Chat.h"
#include "chat/States.h"
#include "content/ContentCipher.h"
#include "e2ee/ContactSafetyNumber.h"
#include "models/ContactListModel.h"
#include "models/ConversationListModel.h"
#include "models/DeviceListModel.h"
#include "models/EmojiModel.h"
#include "models/OutboxListModel.h"
#include "protocol/ErrorCode.h"
#include "search/SearchResultModel.h"

#include <QtCore/QHash>
#include <QtCore/QObject>
#include <QtCore/QPointer>
#include <QtQmlIntegration/qqmlintegration.h>

#include <memory>

namespace Parley {

struct CacheKey;
class Attachments;
class BlockList;
class Connection;
class ConversationFeed;
class ConversationStarter;
class EndToEndEncryption;
class LanguageSwitcher;
class LinkOpener;
class MessageExpiry;
class MessageStore;
class NewMessageNotifier;
class Notifier;
class Outbox;
class ProfileSharing;
class Profiles;
class PushDispatcher;
class RecentEmoji;
class SyncEngine;
class Keychain;
class ProfileLock;
class HistoryBackup;
class ProfileSecrets;
struct Presence;

class Client : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The Client is made by the parley executable")

    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    Q_PROPERTY(QString serverUrl READ serverUrl NOTIFY serverUrlChanged)
    Q_PROPERTY(qint64 userId READ userId NOTIFY identityChanged)
    Q_PROPERTY(QString username READ username NOTIFY identityChanged)
    Q_PROPERTY(QString displayName READ displayName NOTIFY ownProfileChanged)
    Q_PROPERTY(QString avatarSource READ avatarSource NOTIFY ownProfileChanged)
    Q_PROPERTY(qint64 deviceId READ deviceId NOTIFY identityChanged)
    Q_PROPERTY(bool busy READ isBusy NOTIFY busyChanged)
    Q_PROPERTY(Parley::States::SignOut signOutReason READ signOutReason NOTIFY signOutReasonChanged)
    Q_PROPERTY(QString errorString READ errorString NOTIFY errorStringChanged)
    Q_PROPERTY(QString certificateProblem READ certificateProblem NOTIFY certificateProblemChanged)
    Q_PROPERTY(QString keychainProblem READ keychainProblem NOTIFY keychainProblemChanged)
    Q_PROPERTY(QString certificateToApprove READ certificateToApprove NOTIFY
                       certificateToApproveChanged)
    Q_PROPERTY(Parley::ConversationListModel *conversations READ conversations CONSTANT)
    Q_PROPERTY(Parley::ContactListModel *contacts READ contacts CONSTANT)
    Q_PROPERTY(Parley::DeviceListModel *devices READ devices CONSTANT)
    /// This user's devices that signed in since this device last showed them, to announce
    /// ({deviceId, name, createdAt} maps): a login that was not the user's must not go unseen.
    Q_PROPERTY(QVariantList newDevices READ newDevices NOTIFY newDevicesChanged)
    Q_PROPERTY(Parley::OutboxListModel *outbox READ outboxList CONSTANT)
    Q_PROPERTY(Parley::SearchResultModel *searchResults READ searchResults CONSTANT)
    Q_PROPERTY(Parley::EmojiModel *emoji READ emoji CONSTANT)
    Q_PROPERTY(Parley::AbuseReporter *reports READ reports CONSTANT)
    Q_PROPERTY(Parley::ProfileLock *profileLock READ profileLock CONSTANT)
    Q_MOC_INCLUDE("platform/ProfileLock.h")
    Q_PROPERTY(bool registrationOpen READ isRegistrationOpen NOTIFY registrationOpenChanged)
    Q_PROPERTY(bool notificationsEnabled READ notificationsEnabled WRITE setNotificationsEnabled
                       NOTIFY notificationsEnabledChanged)
    Q_PROPERTY(bool notificationsShowText READ notificationsShowText WRITE setNotificationsShowText
                       NOTIFY notificationsShowTextChanged)
    Q_PROPERTY(bool keepRunningInTray READ keepRunningInTray WRITE setKeepRunningInTray NOTIFY
                       keepRunningInTrayChanged)
    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY languageChanged)
    Q_PROPERTY(QVariantList languageChoices READ languageChoices CONSTANT)
    Q_PROPERTY(QVariantList blockedUsers READ blockedUsers NOTIFY blockedUsersChanged)
    Q_PROPERTY(QVariantList blockedPeople READ blockedPeople NOTIFY blockedUsersChanged)
    Q_PROPERTY(
            Parley::Chat *activeChat READ activeChat WRITE setActiveChat NOTIFY activeChatChanged)

public:
    /// SignedOut: the server no longer accepts this device (signOutReason() says why); the
    /// history and the outbox stay and show, nothing is sent until signInAgain().
    enum class State { LoggedOut, Connecting, Online, Offline, SignedOut };
    Q_ENUM(State)

    /// Opens the profile's cache and, if a login is remembered, resumes it (offline first).
    /// `cipher` encrypts message content; null: SenderKeyContentCipher (end-to-end encryption).
    explicit Client(ClientOptions options, std::unique_ptr<ContentCipher> cipher = {},
                    QObject *parent = nullptr);
    ~Client() override;

    State state() const { return m_state; }
    QString serverUrl() const;
    qint64 userId() const { return m_account->userId(); }
    QString username() const { return m_account->username(); }
    qint64 deviceId() const { return m_account->deviceId(); }
    /// The name I gave myself in Settings (empty: none; my contacts then see my username).
    QString displayName() const;
    /// My picture (Profiles::avatarSourceOf); empty when I have none.
    QString avatarSource() const;
    bool isBusy() const { return m_account->isAuthenticating(); }
    States::SignOut signOutReason() const { return m_account->signOut(); }
    QString errorString() const { return m_errorString; }
    QString certificateProblem() const { return m_certificateProblem; }
    /// The SHA-256 fingerprint ("AB:CD:…", as parleyd logs it) of a first server certificate
    /// that no trusted CA vouches for, waiting for the user's approval; empty otherwise.
    QString certificateToApprove() const { return m_certificateToApprove; }
    QString keychainProblem() const { return m_account->keychainProblem(); }
    ConversationListModel *conversations() const { return m_conversations; }
    ContactListModel *contacts() const { return m_contacts; }
    DeviceListModel *devices() const { return m_devices; }
    /// Every message not sent yet, across conversations (the outbox panel).
    OutboxListModel *outboxList() const { return m_outboxList; }
    SearchResultModel *searchResults() const { return m_searchResults; }
    /// The emoji picker's list (recently used first; search by name).
    EmojiModel *emoji() const { return m_emoji; }
    /// Abuse reports: how the last one went (Chat::report, reportUser).
    AbuseReporter *reports() const { return m_reporter; }
    /// How the profile's secrets are protected (keychain, passphrase, recovery key); while it
    /// is locked nothing else has started.
    ProfileLock *profileLock() const { return m_profileLock; }
    bool isRegistrationOpen() const { return m_registrationOpen; }
    bool notificationsEnabled() const;
    Q_INVOKABLE void setNotificationsEnabled(bool enabled);
    /// Whether notifications show the message's text (default) or only "New message from
    /// alice"; kept in the cache's settings.
    bool notificationsShowText() const;
    void setNotificationsShowText(bool shows);
    /// Whether closing the window leaves Parley running in the system tray (default), so
    /// messages and notifications keep arriving; kept in the cache's settings. The view
    /// applies it only where the desktop has a tray.
    bool keepRunningInTray() const { return m_keepRunningInTray; }
    void setKeepRunningInTray(bool keeps);
    /// The language chosen in Settings ("en", "de", "fr"), or empty to follow the system's;
    /// applied at once (languageChanged: the UI retranslates) and kept in the cache's settings.
    QString language() const;
    void setLanguage(const QString &language);
    /// The languages to choose from: {code, name} maps (LanguageSwitcher::choices).
    QVariantList languageChoices() const;
    /// The conversation on screen (no notifications for it while the window is in front).
    Chat *activeChat() const { return m_activeChat; }
    void setActiveChat(Chat *chat);

    Q_INVOKABLE void registerAccount(const QString &server, const QString &username,
                                     const QString &password);
    Q_INVOKABLE void login(const QString &server, const QString &username, const QString &password);
    /// Logs out and keeps the history and unsent messages on this computer for the next login
    /// as the same person (the token is revoked and forgotten).
    Q_INVOKABLE void logout();
    /// Logs out and erases everything this profile holds (history, keys, outbox); the UI asks
    /// for a confirmation first.
    Q_INVOKABLE void logoutAndErase();
    /// Signed out: logs in again as the same person on the same server (a new device); the
    /// history stays and the outbox is sent, encrypted anew by the new device.
    Q_INVOKABLE void signInAgain(const QString &password);
    Q_INVOKABLE void continueWithoutKeychain();
    Q_INVOKABLE void acceptNewCertificate();
    /// Pins certificateToApprove (the user compared it) and goes on connecting.
    Q_INVOKABLE void approveCertificate();
    /// Does not trust it: the registration or login in flight ends with an error.
    Q_INVOKABLE void refuseCertificate();

    /// The conversation `conversationId` (made on first use, kept until logout); null while
    /// logged out or for an id that is not positive.
    Q_INVOKABLE Parley::Chat *chat(qint64 conversationId);

    /// Saves my profile and sends it, end to end, to every conversation I am in (ProfileSharing):
    /// `displayName` (trimmed, at most 64 characters; empty: none) and the picture made from the
    /// image file `picture` (scaled to 128×128 at most). An empty `picture` keeps the one I
    /// have, unless `removePicture`. False (and errorString) if the file is no usable image.
    Q_INVOKABLE bool saveProfile(const QString &displayName, const QUrl &picture,
                                 bool removePicture);
    /// The display name `userId` gave themselves, or empty; and their picture's address.
    Q_INVOKABLE QString displayNameOf(qint64 userId) const;
    Q_INVOKABLE QString avatarSourceOf(qint64 userId) const;

    Q_INVOKABLE void startDirectChat(const QString &username);
    Q_INVOKABLE void createGroup(const QString &title, const QStringList &usernames);

    /// The users I block (docs/protocol.md, `block`), ascending; empty while logged out.
    QVariantList blockedUsers() const;
    /// The blocked users as {userId, username} maps, by username (Settings lists them); the
    /// username is empty for someone in no conversation this device knows.
    QVariantList blockedPeople() const;
    Q_INVOKABLE bool isBlocked(qint64 userId) const;
    /// Blocks or unblocks `userId`; blockedUsersChanged() once the server agreed, errors go to
    /// errorOccurred.
    Q_INVOKABLE void blockUser(qint64 userId);
    Q_INVOKABLE void unblockUser(qint64 userId);

    /// Reports `userId` to the server's admins, without any conversation or message text
    /// (Chat::report discloses messages); how it went: `reports`.
    Q_INVOKABLE void reportUser(qint64 userId, Parley::AbuseReporter::Reason reason,
                                const QString &comment);

    Q_INVOKABLE void revokeDevice(qint64 deviceId);
    Q_INVOKABLE void refreshDevices();
    QVariantList newDevices() const;
    /// The user saw the new devices: they are not announced again.
    Q_INVOKABLE void acknowledgeNewDevices();

    /// End-to-end encryption (docs/security.md): the safety number with a contact (owned by
    /// the Client, updated as keys change; a conversation's warning is Chat::security).
    Q_INVOKABLE Parley::ContactSafetyNumber *safetyNumber(qint64 userId);
    /// Trusts the contact's changed identity key after the user compared safety numbers;
    /// messages waiting for it are sent.
    Q_INVOKABLE void acknowledgeKeyChange(qint64 userId);

    /// Searches every conversation in the local cache (text messages); searchFinished()
    /// delivers up to 100 hits, newest first (CacheSearch); Chat::search looks in one.
    Q_INVOKABLE void search(const QString &text);
    /// Full-text search of every conversation in the local cache (words match by prefix, case
    /// and accents ignored); the hits fill `searchResults`, newest first, a page at a time.
    /// An empty query empties it.
    Q_INVOKABLE void searchMessages(const QString &query);

    /// Opens a link the user clicked in a message and confirmed (after seeing its full
    /// address): http, https and mailto only; false (and nothing opened) for anything else.
    Q_INVOKABLE bool openLink(const QString &link);
    /// Puts `text` on the clipboard as plain text (the message menu's Copy).
    Q_INVOKABLE void copyText(const QString &text);
    /// Replaces what opens links (default: DesktopLinkOpener); tests put in a double.
    void setLinkOpener(std::unique_ptr<LinkOpener> opener);

    // --- C++ only: the pieces, for tests and the bench ---
    Connection *connection() const { return m_connection; }
    MessageStore *store() const { return m_store; }
    Outbox *outbox() const { return m_outbox; }
    SyncEngine *syncEngine() const { return m_sync; }
    Notifier *notifier() const { return m_notifier; }
    BlockList *blockList() const { return m_blockList; }
    /// Display names and pictures of the people I know, and mine.
    Profiles *profiles() const { return m_profiles; }
    Attachments *attachments() const { return m_attachments; }
    RecentEmoji *recentEmoji() const { return m_recentEmoji; }
    /// Null when the Client was given another cipher than the (default) sender-key one.
    EndToEndEncryption *encryption() const { return m_e2ee; }
    const ClientOptions &options() const { return m_options; }
    /// True once start-up (cache opened, login restored or not) has finished.
    bool isStarted() const { return m_started; }

Q_SIGNALS:
    void stateChanged();
    void serverUrlChanged();
    void identityChanged();
    void ownProfileChanged();
    void busyChanged();
    void signOutReasonChanged();
    void errorStringChanged();
    void certificateProblemChanged();
    void keychainProblemChanged();
    void certificateToApproveChanged();
    void registrationOpenChanged();
    void notificationsEnabledChanged();
    void notificationsShowTextChanged();
    void keepRunningInTrayChanged();
    /// The shown language changed: strings made before are to be translated again.
    void languageChanged();
    void activeChatChanged();
    void blockedUsersChanged();
    void newDevicesChanged();

    void errorOccurred(int code, const QString &message);
    void conversationOpened(qint64 conversationId);
    /// The user clicked a notification of `conversationId`: the window comes to the front
    /// with that conversation open.
    void conversationActivated(qint64 conversationId);
    void searchFinished(const QString &text, const QVariantList &results);
    /// Start-up finished (see isStarted()).
    void started();

private:
    void start();
    void unlockCache();
    void openCache(const QString &cacheFile, const CacheKey &key);
    void onRestored(bool loggedIn);
    void onLoggedIn();
    void onLoggedOut(bool erased);
    void updateState();
    void setError(const Error &error);
    void clearError();
    void setCertificateProblem(const QString &problem);
    void tryDemoLogin(bool registerFirst);
    /// Registers or logs in on the server the user typed.
    void authenticate(Account::Mode mode, const QString &server, const QString &username,
                      const QString &password);
    void connectPieces();

    ClientOptions m_options;
    QString m_dataDir;
    std::unique_ptr<ContentCipher> m_cipher;
    MessageStore *m_store;
    Connection *m_connection;
    PushDispatcher *m_pushes;
    Keychain *m_keychain;
    ProfileSecrets *m_secrets;
    ProfileLock *m_profileLock;
    Account *m_account;
    SyncEngine *m_sync;
    Outbox *m_outbox;
    Notifier *m_notifier;
    BlockList *m_blockList;
    Attachments *m_attachments;
    ConversationStarter *m_starter;
    EndToEndEncryption *m_e2ee = nullptr;
    ConversationListModel *m_conversations;
    ContactListModel *m_contacts;
    ConversationFeed *m_feed;
    NewMessageNotifier *m_newMessages;
    LanguageSwitcher *m_languages;
    DeviceListModel *m_devices;
    class OwnDevices *m_ownDevices = nullptr;
    SearchResultModel *m_searchResults;
    OutboxListModel *m_outboxList;
    RecentEmoji *m_recentEmoji;
    EmojiModel *m_emoji;
    AbuseReporter *m_reporter;
    MessageExpiry *m_expiry;
    Profiles *m_profiles = nullptr;
    ProfileSharing *m_profileSharing = nullptr;
    std::unique_ptr<LinkOpener> m_linkOpener;
    QHash<qint64, QPointer<Chat>> m_chats;
    QPointer<Chat> m_activeChat;

    State m_state = State::LoggedOut;
    QString m_errorString;
    QString m_certificateProblem;
    QString m_presentedFingerprint;
    QString m_certificateToApprove;
    bool m_registrationOpen = true;
    bool m_connectFailed = false;
    bool m_started = false;
    bool m_cacheUnlocking = false; ///< the profile's secrets opened once; the cache follows
    bool m_keepRunningInTray = true;
    bool m_demoTried = false;

    // --- Privacy: whether contacts see when I was last online (Settings → Privacy) ---
    /// Sent to the server when set; disabled (canChangeShowLastSeen false) while not connected
    /// to a server that has the setting. Hiding it also hides everyone else's time from me.
    Q_PROPERTY(bool showLastSeen READ showLastSeen WRITE setShowLastSeen NOTIFY showLastSeenChanged)
    Q_PROPERTY(bool canChangeShowLastSeen READ canChangeShowLastSeen NOTIFY
                       canChangeShowLastSeenChanged)

public:
    bool showLastSeen() const;
    void setShowLastSeen(bool shows);
    bool canChangeShowLastSeen() const;

Q_SIGNALS:
    void showLastSeenChanged();
    void canChangeShowLastSeenChanged();

private:
    class LastSeenPrivacy *m_lastSeenPrivacy;
    // --- end of privacy ---

    // --- History export and import (client/export, docs/export.md), backup and restore
    // (client/backup, docs/backup.md) ---
    /// An export or import is running (the Settings buttons wait).
    Q_PROPERTY(bool historyBusy READ isHistoryBusy NOTIFY historyBusyChanged)
    /// Back up the history into one encrypted file, and restore it.
    Q_PROPERTY(Parley::HistoryBackup *backup READ backup CONSTANT)
    Q_MOC_INCLUDE("backup/HistoryBackup.h")

public:
    HistoryBackup *backup() const { return m_backup; }
    /// Exports conversation `conversationId` (0: every one) from the cache into the local
    /// `folder`: a page per conversation to read offline, with the files this device has, and
    /// JSON for programs. Into the same folder again, only what is new is added.
    /// historyFinished() says how it went.
    Q_INVOKABLE void exportHistory(const QUrl &folder, qint64 conversationId = 0);
    /// Reads an export's export.json (or one conversation's JSON file) into the cache;
    /// messages it holds already are skipped. historyFinished() says how it went.
    Q_INVOKABLE void importHistory(const QUrl &file);
    bool isHistoryBusy() const;

Q_SIGNALS:
    void historyBusyChanged();
    void historyProgress(int done, int total);
    /// `message` says what was done (`ok`), or what went wrong.
    void historyFinished(bool ok, const QString &message);

private:
    /// Rows an import added, into the conversations open now.
    void showImported(const QList<StoredMessage> &rows);
    void connectBackup();

    class ConversationExport *m_export = nullptr;
    class HistoryImport *m_import = nullptr;
    HistoryBackup *m_backup;
    // --- end of history export and import ---
};

} // namespace Parley
