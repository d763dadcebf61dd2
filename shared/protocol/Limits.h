#pragma once

/// Protocol version and the size limits both sides enforce (docs/protocol.md, "Limits").

#include <QtCore/QtGlobal>

namespace Parley {

/// Version 2 added blocking lists and attachments, version 3 abuse reports, version 4
/// disappearing messages, version 5 the privacy of "last seen" (docs/protocol.md, section 3).
inline constexpr int ProtocolVersion = 5;
inline constexpr int MinProtocolVersion = 1;

/// Limits on what one side accepts from the other; checked before any handler sees a frame.
struct FrameLimits
{
    qsizetype maxFrameBytes;
    qsizetype maxStringBytes;
    qsizetype maxBytesBytes;
    qsizetype maxArrayItems;
    qsizetype maxMapEntries;
    int maxDepth;

    /// What a server accepts from a client.
    static constexpr FrameLimits fromClient() { return {256 * 1024, 4096, 96 * 1024, 1000, 64, 8}; }
    /// What a client accepts from a server (pages of history are bigger).
    static constexpr FrameLimits fromServer()
    {
        return {16 * 1024 * 1024, 4096, 96 * 1024, 5000, 64, 10};
    }
};

inline constexpr qsizetype MaxBodyBytes = 64 * 1024; ///< one message's opaque body
inline constexpr qsizetype MaxInboxBodyBytes = 16 * 1024; ///< one device-inbox item
inline constexpr qsizetype ClientIdBytes = 16; ///< a message's client-chosen id
inline constexpr qsizetype MaxUsernameChars = 32;
inline constexpr qsizetype MinPasswordChars = 8;
inline constexpr qsizetype MaxPasswordBytes = 1024;
inline constexpr qsizetype MaxTitleChars = 128;
inline constexpr qsizetype MaxDeviceNameChars = 64;
inline constexpr qsizetype MaxKeyBytes = 256; ///< a public key or signature
inline constexpr int MaxGroupMembers = 500;
inline constexpr int MaxPageMessages = 200; ///< messages in one history page
inline constexpr int MaxPreKeysPerUpload = 200;
inline constexpr int MaxInboxItemsPerSend = 1000;
inline constexpr int MaxBlockedUsers = 1000; ///< users one user may block
/// Attachment and upload ids: 128 random bits, unguessable (docs/protocol.md, "Attachments").
inline constexpr qsizetype AttachmentIdBytes = 16;
/// Data in one uploadChunk or downloadChunk: well under both sides' byte-string limit.
inline constexpr qsizetype MaxAttachmentChunkBytes = 64 * 1024;
/// Messages one abuse report may disclose.
inline constexpr int MaxReportMessages = 10;
/// One disclosed message's text, and a report's comment: 1 000 UTF-16 code units are at most
/// 3 000 bytes of UTF-8, within the frame's text limit of 4 096 bytes.
inline constexpr qsizetype MaxReportTextChars = 1000;
inline constexpr qsizetype MaxReportCommentChars = 1000;
/// The disappearing-message timers a conversation may have, in seconds (0: off): 5 minutes,
/// 1 hour, 1 day, 1 week, 4 weeks.
inline constexpr qint64 DisappearingTimers[] = {0, 300, 3600, 86400, 7 * 86400, 28 * 86400};
/// A timer only a server started with allow-test-timers accepts, so tests need not wait minutes.
inline constexpr qint64 TestTimerSeconds = 5;
inline constexpr qint64 MaxTimerSeconds = 28 * 86400;

} // namespace Parley
