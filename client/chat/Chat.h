#pragma once

/// One conversation as the UI uses it: its messages, members and security, the header
/// (title, presence, typing, whether I can write), and every verb that acts on it.
///
/// Made by Client::chat(id) and kept until logout (QML never owns one). It subscribes itself
/// to what concerns its conversation: the log entries SyncEngine stored, rows the cache
/// changed, the conversation's summary (ConversationListModel), presence, typing, outbox and
/// attachment changes. Errors of its verbs go to errorOccurred(), which Client shows.
/// In the spirit of libQuotient's Room; the shared value type is `Conversation`.

#include "chat/Draft.h"
#include "chat/States.h"
#include "content/MessageContent.h"
#include "e2ee/ConversationSecurity.h"
#include "models/MemberListModel.h"
#include "models/MessageListModel.h"
#include "moderation/AbuseReporter.h"
#include "protocol/ErrorCode.h"
#include "protocol/FrameType.h"
#include "store/StoreTypes.h"

#include <QtCore/QDateTime>
#include <QtCore/QObject>
#include <QtCore/QPointer>
#include <QtCore/QUrl>
#include <QtQmlIntegration/qqmlintegration.h>

#include <functional>

class QCborMap;

namespace Parley {

class AbuseReporter;
class Attachments;
class Connection;
class ConversationListModel;
class EndToEndEncryption;
class MessageExpiry;
class MessageStore;
class Notifier;
class Profiles;
class Outbox;
class RecentEmoji;
class SyncEngine;

/// What a Chat works with: the Client's pieces, none owned by the Chat.
struct ChatParts
{
    Connection *connection = nullptr;
    MessageStore *store = nullptr;
    SyncEngine *sync = nullptr;
    Outbox *outbox = nullptr;
    Attachments *attachments = nullptr;
    Notifier *notifier = nullptr;
    ConversationListModel *conversations = nullptr;
    EndToEndEncryption *encryption = nullptr; ///< null with another content cipher
    RecentEmoji *recentEmoji = nullptr; ///< my reactions count as recently used emoji
    AbuseReporter *reporter = nullptr;
    MessageExpiry *expiry = nullptr; ///< expired entries leave the messages
    const Profiles *profiles = nullptr; ///< display names and pictures
    qint64 selfUserId = 0;
};

class Chat : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("A Chat comes from Client.chat(conversationId)")

    Q_PROPERTY(qint64 conversationId READ conversationId CONSTANT)
    Q_PROPERTY(Parley::MessageListModel *messages READ messages CONSTANT)
    Q_PROPERTY(Parley::MemberListModel *members READ members CONSTANT)
    Q_PROPERTY(Parley::ConversationSecurity *security READ security CONSTANT)
    Q_PROPERTY(QString title READ title NOTIFY titleChanged)
    Q_PROPERTY(bool isGroup READ isGroup NOTIFY isGroupChanged)
    Q_PROPERTY(QString typingText READ typingText NOTIFY typingTextChanged)
    Q_PROPERTY(bool canSend READ canSend NOTIFY canSendChanged)
    Q_PROPERTY(bool online READ isOnline NOTIFY onlineChanged)
    Q_PROPERTY(QDateTime lastSeen READ lastSeen NOTIFY onlineChanged)
    /// Direct chats: the other person has been online, but the time is withheld (they hide
    /// it, or I hide mine): the header says "last seen recently".
    Q_PROPERTY(bool lastSeenHidden READ isLastSeenHidden NOTIFY onlineChanged)
    Q_PROPERTY(bool muted READ isMuted WRITE setMuted NOTIFY mutedChanged)
    Q_PROPERTY(qint64 peerUserId READ peerUserId NOTIFY peerUserIdChanged)
    Q_PROPERTY(QString peerUsername READ peerUsername NOTIFY peerProfileChanged)
    Q_PROPERTY(QString avatarSource READ avatarSource NOTIFY peerProfileChanged)
    Q_PROPERTY(QString draft READ draft WRITE setDraft NOTIFY draftChanged)
    /// Disappearing messages: how long new messages live (0: off), in seconds and in words.
    Q_PROPERTY(qint64 timerSeconds READ timerSeconds NOTIFY timerChanged)
    Q_PROPERTY(QString timerText READ timerText NOTIFY timerChanged)
    /// Whether I may change the timer: an admin of a group, either person of a direct chat.
    Q_PROPERTY(bool canSetTimer READ canSetTimer NOTIFY timerChanged)
    /// The timers offered, each {seconds, text}.
    Q_PROPERTY(QVariantList timerOptions READ timerOptions CONSTANT)

public:
    Chat(qint64 conversationId, const ChatParts &parts, QObject *parent = nullptr);
    ~Chat() override;

    qint64 conversationId() const { return m_conversationId; }
    MessageListModel *messages() const { return m_messages; }
    MemberListModel *members() const { return m_members; }
    /// Null when end-to-end encryption is not in use.
    ConversationSecurity *security() const { return m_security; }
    QString title() const { return m_title; }
    bool isGroup() const { return m_isGroup; }
    QString typingText() const { return m_typingText; }
    /// False once I left or was removed.
    bool canSend() const { return m_canSend; }
    /// Direct chats: the other person is online (always false in groups).
    bool isOnline() const { return m_online; }
    /// Direct chats: when the other person was last online; invalid when never, in groups, or
    /// when the server does not say (they hide it, or one of us blocked the other).
    QDateTime lastSeen() const { return m_lastSeen; }
    bool isLastSeenHidden() const { return m_lastSeenHidden; }
    bool isMuted() const { return m_muted; }
    /// The other person of a direct chat; 0 for groups (or before the conversation is known).
    qint64 peerUserId() const { return m_peerUserId; }
    /// Direct chats: the other person's username (the title is their display name when they
    /// gave one); empty for groups.
    QString peerUsername() const { return m_peerUsername; }
    /// Direct chats: the other person's picture (Profiles::avatarSourceOf); empty when none.
    QString avatarSource() const { return m_avatarSource; }
    /// What is written in the composer and not sent (kept across switches and restarts).
    QString draft() const { return m_draft->text(); }
    qint64 timerSeconds() const { return m_timerSeconds; }
    QString timerText() const;
    bool canSetTimer() const { return m_canSetTimer; }
    QVariantList timerOptions() const;
    void setDraft(const QString &text) { m_draft->setText(text); }

    /// A text message; in a group, the members its "@username" words name are recorded in the
    /// content as mentions (Mentions).
    Q_INVOKABLE void sendText(const QString &text);
    /// A text message quoting entry `replyToSeq` of this conversation (mentions as sendText).
    Q_INVOKABLE void sendReply(qint64 replyToSeq, const QString &text);
    /// Puts (react) or takes back (unreact) my `emoji` on entry `seq`; toggleReaction does
    /// whichever undoes the current state. Refused (errorOccurred) for entries that are not
    /// readable messages, or are deleted.
    Q_INVOKABLE void react(qint64 seq, const QString &emoji);
    Q_INVOKABLE void unreact(qint64 seq, const QString &emoji);
    Q_INVOKABLE void toggleReaction(qint64 seq, const QString &emoji);
    /// Replaces the text of my own message `seq` for everyone; refused for anyone else's.
    Q_INVOKABLE void editMessage(qint64 seq, const QString &text);
    /// Deletes my own message `seq` for everyone; refused for anyone else's.
    Q_INVOKABLE void deleteMessage(qint64 seq);
    /// Retries a failed message, or a failed upload (its row's clientId).
    Q_INVOKABLE void retry(const QString &clientIdHex);
    /// Takes back a message that is not on its way (failed, or waiting for the server), or an
    /// upload that is not a message yet: it is never sent.
    Q_INVOKABLE void discard(const QString &clientIdHex);

    /// Sends the local `file` as a file message with an optional caption: it shows at once as
    /// my message with upload progress, is encrypted and uploaded, then sent like a text. An
    /// unreadable file, or one over the server's limit, is an errorOccurred (and a failed row
    /// that retry() starts again).
    Q_INVOKABLE void sendFile(const QUrl &file, const QString &caption = {});
    /// Takes back an upload that has not become a message yet (its row's clientId).
    Q_INVOKABLE void cancelUpload(const QString &clientIdHex);
    /// Downloads the file of entry `seq` into the downloads folder (never over another file);
    /// the row's attachmentState follows.
    Q_INVOKABLE void downloadAttachment(qint64 seq);
    /// Opens the downloaded (or sent) file of entry `seq` with the desktop's application.
    Q_INVOKABLE void openAttachment(qint64 seq);
    /// Saves a copy of the downloaded (or sent) file of entry `seq` as the local file `target`
    /// (a save dialog's choice: an existing file there is replaced); attachmentSaved() or
    /// errorOccurred() follows.
    Q_INVOKABLE void saveAttachment(qint64 seq, const QUrl &target);

    /// Searches this conversation in the local cache; searchFinished() delivers the hits
    /// (CacheSearch).
    Q_INVOKABLE void search(const QString &text);

    /// The members of a group an "@" followed by `prefix` may mention: a list of
    /// {userId, username, displayName} whose username starts with `prefix` (by username), then
    /// those with a word of their display name starting with it; me left out. Empty in direct
    /// chats.
    Q_INVOKABLE QVariantList mentionCandidates(const QString &prefix) const;

    Q_INVOKABLE void setTyping(bool typing);
    /// Everything shown is read: a read receipt, and its notification goes.
    Q_INVOKABLE void markRead();
    Q_INVOKABLE void setMuted(bool muted);

    Q_INVOKABLE void addMember(const QString &username);
    Q_INVOKABLE void removeMember(qint64 userId);
    /// Makes a member an admin or a member again; the owner's role is not given this way.
    Q_INVOKABLE void setRole(qint64 userId, Parley::States::MemberRole role);
    Q_INVOKABLE void rename(const QString &title);
    /// Sets the disappearing-message timer (one of timerOptions' seconds; a server for tests
    /// also takes 5).
    Q_INVOKABLE void setTimer(qint64 seconds);
    Q_INVOKABLE void leave();

    /// Reports the sender of entries `seqs` (numbers; at most 10, all theirs) to the server's
    /// admins: this device discloses those messages' text with the report, nothing else of the
    /// conversation. How it went: Client.reports (AbuseReporter::state, statusText).
    Q_INVOKABLE void report(const QVariantList &seqs, Parley::AbuseReporter::Reason reason,
                            const QString &comment);
    /// Reports member `userId` of this conversation, without any message text.
    Q_INVOKABLE void reportMember(qint64 userId, Parley::AbuseReporter::Reason reason,
                                  const QString &comment);

Q_SIGNALS:
    void titleChanged();
    void isGroupChanged();
    void typingTextChanged();
    void canSendChanged();
    void onlineChanged();
    void mutedChanged();
    void peerUserIdChanged();
    void peerProfileChanged();
    void draftChanged();
    void timerChanged();
    void searchFinished(const QString &text, const QVariantList &results);
    /// saveAttachment() wrote the file of entry `seq` to `path`.
    void attachmentSaved(qint64 seq, const QString &path);
    /// A verb failed; Client shows it (errorString, errorOccurred).
    void errorOccurred(const Parley::Error &error);
    /// A verb changed the conversation's summary in the cache (muted): Client reloads it.
    void summaryOutdated();

private:
    void applySummary();
    /// Lines saying a member's keys changed (SecurityNotices) go into the messages.
    void connectSecurityNotices();
    void updateTyping();
    void updateOnline();
    void onPresenceChanged(qint64 userId);
    void showTransfers();
    void connectAttachments();
    /// Sends a request whose reply is `ok`; a failure goes to errorOccurred.
    void request(FrameType type, const QCborMap &fields);
    enum class Annotating { AnyMessage, OwnMessage };
    /// Checks entry `seq` against the cache, then queues what `make` builds from it.
    void annotate(qint64 seq, Annotating who,
                  std::function<MessageContent(const StoredMessage &target)> make);
    /// A text message with the group members `text` mentions.
    MessageContent textContent(const QString &text, qint64 replyToSeq) const;
    /// An emoji I react with goes first among the picker's recently used.
    void rememberEmoji(const QString &emoji);

    qint64 m_conversationId;
    ChatParts m_parts;
    MessageListModel *m_messages;
    MemberListModel *m_members;
    QPointer<ConversationSecurity> m_security;
    Draft *m_draft;

    QString m_title;
    bool m_isGroup = false;
    QString m_typingText;
    bool m_canSend = true;
    bool m_online = false;
    QDateTime m_lastSeen;
    bool m_lastSeenHidden = false;
    bool m_muted = false;
    qint64 m_peerUserId = 0;
    QString m_peerUsername;
    QString m_avatarSource;
    qint64 m_timerSeconds = 0;
    bool m_canSetTimer = false;
};

} // namespace Parley
