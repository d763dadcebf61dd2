#pragma once

/// Every frame type of the wire protocol and its name on the wire.

#include <QtCore/QString>

namespace Parley {

enum class FrameType : quint8 {
    Unknown,
    // session
    Hello,
    Welcome,
    Error,
    Ok,
    Ping,
    Pong,
    // accounts and devices
    Register,
    Login,
    Resume,
    Authenticated,
    Logout,
    ListDevices,
    DeviceList,
    RevokeDevice,
    ChangePassword,
    FindUser,
    UserFound,
    Block,
    // conversations
    CreateDirect,
    CreateGroup,
    ConversationInfo,
    AddMember,
    RemoveMember,
    Leave,
    SetRole,
    Rename,
    // the log
    Send,
    Sent,
    History,
    Messages,
    Sync,
    Synced,
    Message,
    // receipts and ephemeral signals
    Receipt,
    Typing,
    Presence,
    // device inbox and keys
    InboxSend,
    InboxFetch,
    InboxItems,
    InboxAck,
    InboxPushed,
    UploadKeys,
    FetchKeys,
    KeyBundles,
    KeysLow,
    // blocking (added after the first release: kept last so older numbers stay)
    ListBlocked,
    BlockList,
    // attachments
    UploadStart,
    UploadChunk,
    UploadStatus,
    UploadFinish,
    UploadProgress,
    UploadFinished,
    Download,
    DownloadChunk,
    // abuse reports (version 3)
    Report,
    Reported,
    // disappearing messages (version 4)
    SetTimer,
    // privacy (version 5)
    SetPrivacy,
    Privacy,
};

/// The last frame type: for loops over every type.
inline constexpr FrameType LastFrameType = FrameType::Privacy;

/// The protocol version that introduced the frame type (1 … 5): a session that negotiated an
/// older version treats it as unknown.
int frameTypeSince(FrameType type);

/// The name used in a frame's "t" field, e.g. "send".
QLatin1StringView frameTypeName(FrameType type);
/// The type for a wire name; FrameType::Unknown if there is none.
FrameType frameTypeFromName(QStringView name);

} // namespace Parley
