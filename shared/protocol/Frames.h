#pragma once

/// The typed frames of the wire protocol, one struct per frame type (docs/protocol.md).
///
/// Each struct names its FrameType, writes its fields with toCbor() and reads them with
/// fromCbor(), which checks types and per-field limits. FrameCodec adds the "t" (type) and
/// "id" (request id) fields around them.

#include "FrameType.h"
#include "Result.h"
#include "model/Account.h"
#include "model/Conversation.h"
#include "model/Envelope.h"
#include "model/Keys.h"
#include "model/Report.h"
#include "model/Signals.h"

#include <QtCore/QCborMap>
#include <QtCore/QList>

namespace Parley {

/// A frame with no fields besides its type and id.
template<FrameType T>
struct EmptyFrame
{
    static constexpr FrameType Type = T;
    QCborMap toCbor() const { return {}; }
    static Result<EmptyFrame> fromCbor(const QCborMap &) { return EmptyFrame{}; }
    friend bool operator==(const EmptyFrame &, const EmptyFrame &) = default;
};

#define PARLEY_FRAME(Name)                                  \
  static constexpr FrameType Type = FrameType::Name;        \
  QCborMap toCbor() const;                                  \
  static Result<Name##Frame> fromCbor(const QCborMap &map); \
  friend bool operator==(const Name##Frame &, const Name##Frame &) = default;

// --- session -------------------------------------------------------------------------------

/// Client → server, first frame: the protocol versions the client speaks.
struct HelloFrame
{
    int minVersion = 1;
    int maxVersion = 1;
    QString client; ///< e.g. "parley/0.1.0"
    PARLEY_FRAME(Hello)
};

/// Server → client: the version chosen and how often to send a heartbeat.
struct WelcomeFrame
{
    int version = 1;
    QString server;
    int heartbeatSeconds = 30;
    bool registrationOpen = true;
    PARLEY_FRAME(Welcome)
};

/// Server → client: a request failed (with the request's id), or the connection is closing.
struct ErrorFrame
{
    ErrorCode code = ErrorCode::InternalError;
    QString message;
    PARLEY_FRAME(Error)
};

using OkFrame = EmptyFrame<FrameType::Ok>;
using PingFrame = EmptyFrame<FrameType::Ping>;
using PongFrame = EmptyFrame<FrameType::Pong>;

// --- accounts and devices --------------------------------------------------------------------

struct RegisterFrame
{
    QString username;
    QString password;
    QString deviceName;
    PARLEY_FRAME(Register)
};

struct LoginFrame
{
    QString username;
    QString password;
    QString deviceName;
    PARLEY_FRAME(Login)
};

/// Reconnect as an existing device with its token.
struct ResumeFrame
{
    QByteArray token;
    PARLEY_FRAME(Resume)
};

/// Server → client after register, login or resume; `token` only after register and login.
struct AuthenticatedFrame
{
    qint64 userId = 0;
    QString username;
    qint64 deviceId = 0;
    QByteArray token;
    PARLEY_FRAME(Authenticated)
};

using LogoutFrame = EmptyFrame<FrameType::Logout>;
using ListDevicesFrame = EmptyFrame<FrameType::ListDevices>;

struct DeviceListFrame
{
    QList<Device> devices;
    PARLEY_FRAME(DeviceList)
};

struct RevokeDeviceFrame
{
    qint64 deviceId = 0;
    PARLEY_FRAME(RevokeDevice)
};

struct ChangePasswordFrame
{
    QString oldPassword;
    QString newPassword;
    PARLEY_FRAME(ChangePassword)
};

struct FindUserFrame
{
    QString username;
    PARLEY_FRAME(FindUser)
};

struct UserFoundFrame
{
    User user;
    PARLEY_FRAME(UserFound)
};

/// Block (or unblock) a user: they can no longer open or write in a direct chat with you.
struct BlockFrame
{
    qint64 userId = 0;
    bool blocked = true;
    PARLEY_FRAME(Block)
};

// --- conversations ---------------------------------------------------------------------------

struct CreateDirectFrame
{
    qint64 userId = 0;
    PARLEY_FRAME(CreateDirect)
};

struct CreateGroupFrame
{
    QString title;
    QList<qint64> members; ///< user ids besides the creator
    PARLEY_FRAME(CreateGroup)
};

/// Server → client: a conversation's state, as a reply or pushed when it changes.
struct ConversationInfoFrame
{
    Conversation conversation;
    PARLEY_FRAME(ConversationInfo)
};

struct AddMemberFrame
{
    qint64 conversationId = 0;
    qint64 userId = 0;
    PARLEY_FRAME(AddMember)
};

struct RemoveMemberFrame
{
    qint64 conversationId = 0;
    qint64 userId = 0;
    PARLEY_FRAME(RemoveMember)
};

struct LeaveFrame
{
    qint64 conversationId = 0;
    PARLEY_FRAME(Leave)
};

struct SetRoleFrame
{
    qint64 conversationId = 0;
    qint64 userId = 0;
    Role role = Role::Member;
    PARLEY_FRAME(SetRole)
};

struct RenameFrame
{
    qint64 conversationId = 0;
    QString title;
    PARLEY_FRAME(Rename)
};

// --- the log ---------------------------------------------------------------------------------

struct SendFrame
{
    qint64 conversationId = 0;
    QByteArray clientId;
    QByteArray body;
    PARLEY_FRAME(Send)
};

/// Server → client: the message is stored (committed) with this seq.
struct SentFrame
{
    qint64 conversationId = 0;
    QByteArray clientId;
    qint64 seq = 0;
    qint64 serverTime = 0;
    qint64 expiresAt = 0; ///< disappearing messages: when it expires; 0: never
    PARLEY_FRAME(Sent)
};

/// A page of a conversation's log: before a seq (older) or after one (newer).
struct HistoryFrame
{
    qint64 conversationId = 0;
    qint64 beforeSeq = 0; ///< 0: not set
    qint64 afterSeq = 0; ///< used when beforeSeq is 0
    int limit = 50;
    PARLEY_FRAME(History)
};

struct MessagesFrame
{
    qint64 conversationId = 0;
    QList<Envelope> messages; ///< ascending seq
    bool more = false; ///< more entries exist in the asked direction
    PARLEY_FRAME(Messages)
};

struct SyncCursor
{
    qint64 conversationId = 0;
    qint64 seq = 0; ///< highest seq the device holds

    QCborMap toCbor() const;
    static Result<SyncCursor> fromCbor(const QCborMap &map);
    friend bool operator==(const SyncCursor &, const SyncCursor &) = default;
};

/// Catch up: the conversation list, and what was added after each cursor.
struct SyncFrame
{
    QList<SyncCursor> cursors;
    int limit = 100; ///< messages per conversation in this reply
    PARLEY_FRAME(Sync)
};

struct SyncedFrame
{
    QList<Conversation> conversations; ///< every conversation the user is in, with receipts
    QList<Envelope> messages; ///< after the cursors, ascending seq per conversation
    QList<Presence> presence; ///< of everyone who shares a conversation with the user
    bool more = false; ///< some conversation has more after what is here
    bool showLastSeen = true; ///< version 5: the user's own privacy choice (SetPrivacyFrame)
    PARLEY_FRAME(Synced)
};

/// Server → client push of one new log entry.
struct MessageFrame
{
    Envelope envelope;
    PARLEY_FRAME(Message)
};

// --- receipts and ephemeral signals ----------------------------------------------------------

struct ReceiptFrame
{
    Receipt receipt;
    PARLEY_FRAME(Receipt)
};

struct TypingFrame
{
    Typing typing;
    PARLEY_FRAME(Typing)
};

struct PresenceFrame
{
    Presence presence;
    PARLEY_FRAME(Presence)
};

// --- device inbox and keys -------------------------------------------------------------------

struct InboxSendFrame
{
    QList<InboxDelivery> items;
    PARLEY_FRAME(InboxSend)
};

struct InboxFetchFrame
{
    int limit = 100;
    PARLEY_FRAME(InboxFetch)
};

struct InboxItemsFrame
{
    QList<InboxItem> items;
    bool more = false;
    PARLEY_FRAME(InboxItems)
};

struct InboxAckFrame
{
    QList<qint64> itemIds;
    PARLEY_FRAME(InboxAck)
};

/// Server → client push: a new item arrived in this device's inbox.
struct InboxPushedFrame
{
    InboxItem item;
    PARLEY_FRAME(InboxPushed)
};

struct UploadKeysFrame
{
    qint64 registrationId = 0;
    QByteArray identityKey;
    SignedPreKey signedPreKey;
    QList<OneTimePreKey> preKeys;
    PARLEY_FRAME(UploadKeys)
};

struct FetchKeysFrame
{
    qint64 userId = 0;
    PARLEY_FRAME(FetchKeys)
};

struct KeyBundlesFrame
{
    qint64 userId = 0;
    QList<KeyBundle> bundles; ///< one per active device of the user
    PARLEY_FRAME(KeyBundles)
};

/// Server → client push: this device's stock of one-time pre-keys runs low.
struct KeysLowFrame
{
    int remaining = 0;
    PARLEY_FRAME(KeysLow)
};

// --- blocking --------------------------------------------------------------------------------

using ListBlockedFrame = EmptyFrame<FrameType::ListBlocked>;

/// Server → client: everyone the user blocks; the reply to listBlocked, and pushed to the user's
/// other devices after a block or unblock.
struct BlockListFrame
{
    QList<qint64> userIds; ///< ascending
    PARLEY_FRAME(BlockList)
};

// --- attachments -----------------------------------------------------------------------------

/// Begins an upload of `size` bytes of (client-encrypted) attachment for a conversation.
struct UploadStartFrame
{
    qint64 conversationId = 0;
    qint64 size = 0;
    PARLEY_FRAME(UploadStart)
};

/// The next piece of an upload: `data` goes at `offset`, which must be what the server holds.
struct UploadChunkFrame
{
    QByteArray uploadId;
    qint64 offset = 0;
    QByteArray data;
    PARLEY_FRAME(UploadChunk)
};

/// How much of an upload the server holds (to resume after a reconnect).
struct UploadStatusFrame
{
    QByteArray uploadId;
    PARLEY_FRAME(UploadStatus)
};

/// Every byte is sent: make the upload an attachment.
struct UploadFinishFrame
{
    QByteArray uploadId;
    PARLEY_FRAME(UploadFinish)
};

/// Server → client: the reply to uploadStart, uploadChunk and uploadStatus.
struct UploadProgressFrame
{
    QByteArray uploadId;
    qint64 size = 0; ///< as declared in uploadStart
    qint64 received = 0; ///< bytes the server holds; the next chunk's offset
    PARLEY_FRAME(UploadProgress)
};

/// Server → client: the upload is stored for good under `attachmentId`.
struct UploadFinishedFrame
{
    QByteArray uploadId;
    QByteArray attachmentId;
    qint64 size = 0;
    PARLEY_FRAME(UploadFinished)
};

/// Asks for the piece of an attachment that starts at `offset`.
struct DownloadFrame
{
    QByteArray attachmentId;
    qint64 offset = 0;
    PARLEY_FRAME(Download)
};

/// Server → client: up to MaxAttachmentChunkBytes of an attachment, from `offset`.
struct DownloadChunkFrame
{
    QByteArray attachmentId;
    qint64 offset = 0;
    qint64 size = 0; ///< of the whole attachment
    QByteArray data;
    PARLEY_FRAME(DownloadChunk)
};

// --- abuse reports (ReportFrames.cpp) ---------------------------------------------------------

/// Reports a user to the server's admins: why, optionally in which conversation, and the
/// messages the reporter chose to disclose with their plaintext.
struct ReportFrame
{
    qint64 userId = 0; ///< the reported user
    qint64 conversationId = 0; ///< 0: none (required when messages are disclosed)
    ReportReason reason = ReportReason::Other;
    QString comment;
    QList<ReportedMessage> messages; ///< at most MaxReportMessages
    PARLEY_FRAME(Report)
};

/// Server → client: the report is stored under `reportId`.
struct ReportedFrame
{
    qint64 reportId = 0;
    PARLEY_FRAME(Reported)
};

// --- disappearing messages (version 4) -------------------------------------------------------

/// Sets how long new messages of a conversation live (0: off); an admin's, or in a direct chat
/// either person's, choice among DisappearingTimers.
struct SetTimerFrame
{
    qint64 conversationId = 0;
    qint64 seconds = 0;
    PARLEY_FRAME(SetTimer)
};

// --- privacy (version 5) ---------------------------------------------------------------------

/// Whether the user's contacts may see when the user was last online. Whoever hides it is
/// also shown nobody else's time (docs/protocol.md, 6.10).
struct SetPrivacyFrame
{
    bool showLastSeen = true;
    PARLEY_FRAME(SetPrivacy)
};

/// Server → client push to the user's other devices: the choice changed on one of them.
struct PrivacyFrame
{
    bool showLastSeen = true;
    PARLEY_FRAME(Privacy)
};

#undef PARLEY_FRAME

} // namespace Parley
