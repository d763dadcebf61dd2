#pragma once

/// The rows the cache hands out: plain values, copied across the store thread's boundary.

#include "model/Conversation.h"
#include "model/Envelope.h"

#include <QtCore/QByteArray>
#include <QtCore/QList>
#include <QtCore/QString>

#include <limits>

namespace Parley {

/// Where an outgoing message is; log entries from others are always Sent-or-later.
enum class OutboxState : quint8 {
    Queued = 0, ///< stored locally, not yet acknowledged by the server
    Failed = 1, ///< the server refused it for good (see failureReason); retry() re-queues it
};

/// One emoji that one user put on an entry.
struct Reaction
{
    QString emoji;
    qint64 userId = 0;

    friend bool operator==(const Reaction &, const Reaction &) = default;
};

/// One row of a conversation as the UI shows it: a log entry (seq > 0) or a pending outbox
/// message (seq == 0, clientId set).
struct StoredMessage
{
    qint64 conversationId = 0;
    qint64 seq = 0; ///< 0 while pending in the outbox
    QByteArray clientId;
    qint64 senderId = 0;
    qint64 senderDeviceId = 0;
    QString senderName;
    qint64 timestamp = 0; ///< ms since the epoch: server time, or creation time while pending
    MessageKind kind = MessageKind::Content;
    QByteArray body; ///< content bytes (MessageContent) or a MembershipEvent
    QString text; ///< the shown text: the latest edit's, empty once deleted (also searched)
    bool undecryptable = false;
    bool hidden = false; ///< a reaction, edit or delete: it changes another row, never shown
    bool edited = false; ///< text is an edit's
    bool deleted = false; ///< deleted for everyone: body and text are erased
    QList<Reaction> reactions; ///< in the order they were made
    qint64 replyTo = 0; ///< the entry this one replies to (0: none)
    bool replyKnown = false; ///< the cache holds replyTo (the fields below are set)
    QString replySenderName;
    QString replyText; ///< the quoted entry's shown text (empty if deleted)
    bool replyDeleted = false;
    bool pending = false; ///< in the outbox
    OutboxState outboxState = OutboxState::Queued;
    QString failureReason;
    /// A file message's attachment on this device (downloaded, or the file I sent); empty if
    /// it is only on the server.
    QString attachmentPath;
    /// Disappearing messages: ms since the epoch when the row is deleted everywhere; 0: never.
    qint64 expiresAt = 0;

    friend bool operator==(const StoredMessage &, const StoredMessage &) = default;
};

/// A conversation with what its list row shows.
struct ConversationSummary
{
    Conversation conversation; ///< active members only
    bool isMember = true; ///< false after leaving or being removed
    bool muted = false;
    QString lastPreview; ///< text of the last message, or a system line
    qint64 lastActivity = 0; ///< ms since the epoch
    int unreadCount = 0;

    friend bool operator==(const ConversationSummary &, const ConversationSummary &) = default;
};

/// How much of a conversation's log the cache holds: every seq in [bottom, top] (none if
/// top < bottom). The sync engine asks the server for what is after top; scrolling up asks for
/// what is before bottom.
struct LogCursor
{
    qint64 conversationId = 0;
    qint64 top = 0;
    qint64 bottom = 1;

    friend bool operator==(const LogCursor &, const LogCursor &) = default;
};

/// A message waiting in the outbox (stored before it is sent, deleted when acknowledged).
struct OutboxEntry
{
    qint64 conversationId = 0;
    QByteArray clientId;
    QByteArray content; ///< MessageContent bytes
    QByteArray body; ///< what the cipher made of it; empty until first encrypted
    qint64 createdAt = 0; ///< ms since the epoch
    OutboxState state = OutboxState::Queued;
    QString failureReason; ///< an error name, e.g. "not_member"

    friend bool operator==(const OutboxEntry &, const OutboxEntry &) = default;
};

/// A file on its way to the server as the cache keeps it, so that an upload cut short by quitting
/// goes on after the next start (Attachments). Its row is shown as a pending file message.
struct PendingUpload
{
    QByteArray clientId; ///< the upload's id, and the client id its file message will have
    qint64 conversationId = 0;
    qint64 senderId = 0;
    qint64 createdAt = 0; ///< ms since the epoch
    QString filePath; ///< the file the user picked
    QString name;
    QString mime;
    QString caption;
    qint64 size = 0; ///< plaintext bytes
    /// Set once the file is encrypted into `cipherPath`: the attachment key and encrypted size.
    QByteArray key;
    qint64 encryptedSize = 0;
    QString cipherPath;
    QByteArray serverUploadId; ///< set once the server started the upload
    bool failed = false;
    QString failureReason; ///< an error name, as the outbox keeps it

    friend bool operator==(const PendingUpload &, const PendingUpload &) = default;
};

/// One hit of a full-text search, with the text around the match.
struct SearchHit
{
    /// Marks around each matched word in `snippet` (control characters never typed in text).
    static constexpr QChar MatchStart = QChar(0x02);
    static constexpr QChar MatchEnd = QChar(0x03);

    StoredMessage message;
    QString snippet; ///< a few words around the match, matched words between the marks

    friend bool operator==(const SearchHit &, const SearchHit &) = default;
};

/// Where the next page of search hits starts: after this hit (newest first).
struct SearchCursor
{
    qint64 timestamp = std::numeric_limits<qint64>::max();
    qint64 conversationId = 0;
    qint64 seq = 0;
};

/// What a sweep of expired messages deleted, and when the next one is due.
struct ExpiredMessages
{
    QList<StoredMessage> deleted; ///< as they were (attachmentPath: a cached file to delete)
    qint64 nextExpiry = 0; ///< ms since the epoch of the next row to expire; 0: none

    friend bool operator==(const ExpiredMessages &, const ExpiredMessages &) = default;
};

/// A user's display name and picture as the cache keeps them (the newest `profile` content of
/// theirs, or my own as I saved it).
struct StoredProfile
{
    qint64 userId = 0;
    QString displayName; ///< empty: none
    QByteArray picture; ///< JPEG (ProfilePicture); empty: none
    qint64 version = 0; ///< ms since the epoch when its owner saved it

    friend bool operator==(const StoredProfile &, const StoredProfile &) = default;
};

/// A log entry as an export reads it: the row (hidden ones too: reactions, edits, deletes,
/// profiles) and the entry it annotates (0: none).
struct LogEntry
{
    StoredMessage message;
    qint64 annotates = 0;

    friend bool operator==(const LogEntry &, const LogEntry &) = default;
};

/// What storing a batch of log entries did.
struct StoredBatch
{
    QList<StoredMessage> inserted; ///< new rows, ascending seq per conversation
    QList<QByteArray> ownAcknowledged; ///< outbox client ids that these entries acknowledged
    /// Rows stored before whose shown state these entries changed (edited, deleted, reacted
    /// to; replies quoting them are not listed). MessageStore::messagesChanged carries them.
    QList<StoredMessage> changed;
    /// Users whose profile these entries changed (MessageStore::profilesChanged carries them).
    QList<qint64> profiles;
};

} // namespace Parley
