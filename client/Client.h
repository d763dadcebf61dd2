#pragma once

/// The client as the UI sees it: one object with the account, the connection state and the
/// models, and invokable verbs for everything a person does (docs/client-api.md).
///
/// All behaviour lives in the pieces it wires together (Account, Connection, SyncEngine,
/// Outbox, MessageStore, Notifier); this class only routes between them and the models, and
/// turns failures into errorString/errorOccurred. Made by the `parley` executable (and tests)
/// from ClientOptions; lives on the GUI thread.

#include "ClientOptions.h"
#include "content/ContentCipher.h"
#include "content/MessageContent.h"
#include "e2ee/ContactSafetyNumber.h"
#include "e2ee/ConversationSecurity.h"
#include "models/ConversationListModel.h"
#include "models/DeviceListModel.h"
#include "models/MemberListModel.h"
#include "models/MessageListModel.h"
#include "protocol/ErrorCode.h"
#include "protocol/FrameType.h"
#include "search/SearchResultModel.h"

#include <QtCore/QCborMap>
#include <QtCore/QHash>
#include <QtCore/QObject>
#include <QtCore/QPointer>
#include <QtCore/QUrl>
#include <QtQmlIntegration/qqmlintegration.h>

#include <functional>
#include <memory>

namespace Parley {

class Account;
class Attachments;
class BlockList;
class Connection;
class EndToEndEncryption;
class MessageStore;
class Notifier;
class Outbox;
class PushDispatcher;
class SyncEngine;
class TokenStore;
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
    Q_PROPERTY(qint64 deviceId READ deviceId NOTIFY identityChanged)
    Q_PROPERTY(bool busy READ isBusy NOTIFY busyChanged)
    Q_PROPERTY(QString errorString READ errorString NOTIFY errorStringChanged)
    Q_PROPERTY(QString certificateProblem READ certificateProblem NOTIFY certificateProblemChanged)
    Q_PROPERTY(QString keychainProblem READ keychainProblem NOTIFY keychainProblemChanged)
    Q_PROPERTY(Parley::ConversationListModel *conversations READ conversations CONSTANT)
    Q_PROPERTY(Parley::DeviceListModel *devices READ devices CONSTANT)
    Q_PROPERTY(Parley::SearchResultModel *searchResults READ searchResults CONSTANT)
    Q_PROPERTY(bool registrationOpen READ isRegistrationOpen NOTIFY registrationOpenChanged)
    Q_PROPERTY(bool notificationsEnabled READ notificationsEnabled WRITE setNotificationsEnabled
                       NOTIFY notificationsEnabledChanged)
    Q_PROPERTY(QVariantList blockedUsers READ blockedUsers NOTIFY blockedUsersChanged)
    Q_PROPERTY(qint64 activeConversation READ activeConversation WRITE setActiveConversation NOTIFY
                       activeConversationChanged)

public:
    enum class State { LoggedOut, Connecting, Online, Offline };
    Q_ENUM(State)

    /// Opens the profile's cache and, if a login is remembered, resumes it (offline first).
    /// `cipher` encrypts message content; null: SenderKeyContentCipher (end-to-end encryption).
    explicit Client(ClientOptions options, std::unique_ptr<ContentCipher> cipher = {},
                    QObject *parent = nullptr);
    ~Client() override;

    State state() const { return m_state; }
    QString serverUrl() const;
    qint64 userId() const;
    QString username() const;
    qint64 deviceId() const;
    bool isBusy() const;
    QString errorString() const { return m_errorString; }
    QString certificateProblem() const { return m_certificateProblem; }
    QString keychainProblem() const;
    ConversationListModel *conversations() const { return m_conversations; }
    DeviceListModel *devices() const { return m_devices; }
    SearchResultModel *searchResults() const { return m_searchResults; }
    bool isRegistrationOpen() const { return m_registrationOpen; }
    bool notificationsEnabled() const { return m_notificationsEnabled; }
    Q_INVOKABLE void setNotificationsEnabled(bool enabled);
    qint64 activeConversation() const { return m_activeConversation; }
    void setActiveConversation(qint64 conversationId);

    Q_INVOKABLE void registerAccount(const QString &server, const QString &username,
                                     const QString &password);
    Q_INVOKABLE void login(const QString &server, const QString &username, const QString &password);
    Q_INVOKABLE void logout();
    Q_INVOKABLE void continueWithoutKeychain();
    Q_INVOKABLE void acceptNewCertificate();

    Q_INVOKABLE Parley::MessageListModel *messages(qint64 conversationId);
    Q_INVOKABLE Parley::MemberListModel *members(qint64 conversationId);

    Q_INVOKABLE void startDirectChat(const QString &username);
    Q_INVOKABLE void createGroup(const QString &title, const QStringList &usernames);
    Q_INVOKABLE void addMember(qint64 conversationId, const QString &username);
    Q_INVOKABLE void removeMember(qint64 conversationId, qint64 userId);
    Q_INVOKABLE void setRole(qint64 conversationId, qint64 userId, const QString &role);
    Q_INVOKABLE void rename(qint64 conversationId, const QString &title);
    Q_INVOKABLE void leave(qint64 conversationId);

    Q_INVOKABLE void sendText(qint64 conversationId, const QString &text);
    /// A text message quoting entry `replyToSeq` of the same conversation.
    Q_INVOKABLE void sendReply(qint64 conversationId, qint64 replyToSeq, const QString &text);
    /// Puts (react) or takes back (unreact) my `emoji` on entry `seq`; toggleReaction does
    /// whichever undoes the current state. Refused (errorOccurred) for entries that are not
    /// readable messages, or are deleted.
    Q_INVOKABLE void react(qint64 conversationId, qint64 seq, const QString &emoji);
    Q_INVOKABLE void unreact(qint64 conversationId, qint64 seq, const QString &emoji);
    Q_INVOKABLE void toggleReaction(qint64 conversationId, qint64 seq, const QString &emoji);
    /// Replaces the text of my own message `seq` for everyone; refused for anyone else's.
    Q_INVOKABLE void editMessage(qint64 conversationId, qint64 seq, const QString &text);
    /// Deletes my own message `seq` for everyone (its text leaves every cache that applies it);
    /// refused for anyone else's.
    Q_INVOKABLE void deleteMessage(qint64 conversationId, qint64 seq);
    /// Retries a failed message, or a failed upload (its row's clientId).
    Q_INVOKABLE void retry(qint64 conversationId, const QString &clientIdHex);

    /// Sends the local `file` as a file message with an optional caption: it shows at once as
    /// my message with upload progress (attachmentState "uploading"), is encrypted and uploaded,
    /// then sent like a text. An unreadable file, or one over the server's limit, is an
    /// errorOccurred (and a failed row that retry() starts again).
    Q_INVOKABLE void sendFile(qint64 conversationId, const QUrl &file, const QString &caption = {});
    /// Takes back an upload that has not become a message yet (its row's clientId).
    Q_INVOKABLE void cancelUpload(qint64 conversationId, const QString &clientIdHex);
    /// Downloads the file of entry `seq` into the downloads folder (never over another file)
    /// and remembers where it is; the row's attachmentState follows.
    Q_INVOKABLE void downloadAttachment(qint64 conversationId, qint64 seq);
    /// Opens the downloaded (or sent) file of entry `seq` with the desktop's application.
    Q_INVOKABLE void openAttachment(qint64 conversationId, qint64 seq);
    Q_INVOKABLE void setTyping(qint64 conversationId, bool typing);
    Q_INVOKABLE void markRead(qint64 conversationId);
    Q_INVOKABLE void setMuted(qint64 conversationId, bool muted);

    /// The users I block (docs/protocol.md, `block`), ascending; empty while logged out.
    QVariantList blockedUsers() const;
    Q_INVOKABLE bool isBlocked(qint64 userId) const;
    /// Blocks or unblocks `userId`; blockedUsersChanged() once the server agreed, errors go to
    /// errorOccurred.
    Q_INVOKABLE void blockUser(qint64 userId);
    Q_INVOKABLE void unblockUser(qint64 userId);

    Q_INVOKABLE void revokeDevice(qint64 deviceId);
    Q_INVOKABLE void refreshDevices();

    /// End-to-end encryption (docs/security.md): the conversation's key-change warning, and
    /// the safety number with a contact (both owned by the Client, updated as keys change).
    Q_INVOKABLE Parley::ConversationSecurity *security(qint64 conversationId);
    Q_INVOKABLE Parley::ContactSafetyNumber *safetyNumber(qint64 userId);
    /// Trusts the contact's changed identity key after the user compared safety numbers;
    /// messages waiting for it are sent.
    Q_INVOKABLE void acknowledgeKeyChange(qint64 userId);

    /// Searches the local cache (text messages); searchFinished() delivers up to 100 hits,
    /// newest first, as maps with conversationId, seq, senderName, text, timestamp.
    /// `conversationId` 0 searches every conversation.
    Q_INVOKABLE void search(const QString &text, qint64 conversationId = 0);
    /// Full-text search of every conversation in the local cache (words match by prefix, case
    /// and accents ignored); the hits fill `searchResults`, newest first, a page at a time.
    /// An empty query empties it.
    Q_INVOKABLE void searchMessages(const QString &query);

    // --- C++ only: the pieces, for tests and the bench ---
    Connection *connection() const { return m_connection; }
    MessageStore *store() const { return m_store; }
    Outbox *outbox() const { return m_outbox; }
    SyncEngine *syncEngine() const { return m_sync; }
    Notifier *notifier() const { return m_notifier; }
    BlockList *blockList() const { return m_blockList; }
    Attachments *attachments() const { return m_attachments; }
    /// Null when the Client was given another cipher than the (default) sender-key one.
    EndToEndEncryption *encryption() const { return m_e2ee; }
    const ClientOptions &options() const { return m_options; }
    /// True once start-up (cache opened, login restored or not) has finished.
    bool isStarted() const { return m_started; }

Q_SIGNALS:
    void stateChanged();
    void serverUrlChanged();
    void identityChanged();
    void busyChanged();
    void errorStringChanged();
    void certificateProblemChanged();
    void keychainProblemChanged();
    void registrationOpenChanged();
    void notificationsEnabledChanged();
    void activeConversationChanged();
    void blockedUsersChanged();

    void errorOccurred(int code, const QString &message);
    void conversationOpened(qint64 id);
    void searchFinished(const QString &text, const QVariantList &results);
    /// Start-up finished (see isStarted()).
    void started();

private:
    void start();
    void onRestored(bool loggedIn);
    void onLoggedIn();
    void onLoggedOut();
    void updateState();
    void setError(const Error &error);
    void clearError();
    void setCertificateProblem(const QString &problem);
    void refreshConversation(qint64 conversationId);
    void refreshAllConversations();
    void onMessagesStored(qint64 conversationId, const QList<StoredMessage> &messages);
    void onPresenceChanged(qint64 userId);
    void onTypingChanged(qint64 conversationId);
    void openConversation(const Conversation &conversation);
    void tryDemoLogin(bool registerFirst);
    /// Resolves a username to a user id with findUser, then calls `then`.
    void findUser(const QString &username, std::function<void(qint64 userId)> then);
    /// Sends a request whose reply is `ok` (or whatever); failures go to setError.
    void simpleRequest(FrameType type, const QCborMap &fields);
    enum class Annotating { AnyMessage, OwnMessage };
    /// Checks entry `seq` against the cache, then queues what `make` builds from it.
    void annotate(qint64 conversationId, qint64 seq, Annotating who,
                  std::function<MessageContent(const StoredMessage &target)> make);
    void onMessagesChanged(qint64 conversationId, const QList<StoredMessage> &rows);
    void connectAttachments();

    ClientOptions m_options;
    QString m_dataDir;
    std::unique_ptr<ContentCipher> m_cipher;
    MessageStore *m_store;
    Connection *m_connection;
    PushDispatcher *m_pushes;
    TokenStore *m_tokens;
    Account *m_account;
    SyncEngine *m_sync;
    Outbox *m_outbox;
    Notifier *m_notifier;
    BlockList *m_blockList;
    Attachments *m_attachments;
    EndToEndEncryption *m_e2ee = nullptr;
    ConversationListModel *m_conversations;
    DeviceListModel *m_devices;
    SearchResultModel *m_searchResults;
    QHash<qint64, QPointer<MessageListModel>> m_messageModels;
    QHash<qint64, QPointer<MemberListModel>> m_memberModels;

    State m_state = State::LoggedOut;
    QString m_errorString;
    QString m_certificateProblem;
    QString m_presentedFingerprint;
    bool m_registrationOpen = true;
    bool m_notificationsEnabled = true;
    qint64 m_activeConversation = 0;
    bool m_connectFailed = false;
    bool m_started = false;
    bool m_demoTried = false;
};

} // namespace Parley
