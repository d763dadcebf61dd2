#pragma once

/// Stable error codes of the Parley wire protocol; numbers never change (docs/protocol.md).

#include <QtCore/QMetaType>
#include <QtCore/QString>

namespace Parley {

enum class ErrorCode : quint16 {
    None = 0,

    // 1xx: the frame itself is unusable
    MalformedFrame = 100,
    FrameTooLarge = 101,
    UnknownFrameType = 102,
    InvalidField = 103,
    LimitExceeded = 104,
    DuplicateKey = 105,
    InvalidUtf8 = 106,
    UnsupportedVersion = 107,
    HelloRequired = 108,
    UnexpectedFrame = 109,

    // 2xx: accounts, devices and authentication
    AuthRequired = 200,
    InvalidCredentials = 201,
    UsernameTaken = 202,
    RegistrationClosed = 203,
    AccountDisabled = 204,
    InvalidToken = 205,
    TooManyDevices = 206,
    WeakPassword = 207,
    InvalidUsername = 208,
    AuthTimeout = 209,
    SlowDown = 210,
    AlreadyAuthenticated = 211,

    // 3xx: who may do what where
    NotMember = 300,
    NotAllowed = 301,
    NoSuchConversation = 302,
    NoSuchUser = 303,
    NoSuchDevice = 304,
    GroupFull = 305,
    AlreadyMember = 306,
    Blocked = 307,
    InvalidArgument = 308,
    NoSuchAttachment = 309,
    NoSuchMessage = 310,

    // 4xx: rates and sizes
    RateLimited = 400,
    BodyTooLarge = 401,
    TooManyItems = 402,
    SlowReader = 403,
    AttachmentTooLarge = 404,
    UploadQuotaExceeded = 405,
    WrongOffset = 406,
    UploadIncomplete = 407,

    // 5xx: the server could not do it
    InternalError = 500,
    Unavailable = 501,
    StorageError = 502,
};

/// The documented name of a code, e.g. "malformed_frame"; "unknown" for numbers not listed.
QString errorCodeName(ErrorCode code);

/// The code for a number received on the wire; InternalError if the number is not known.
ErrorCode errorCodeFromNumber(qint64 number);

/// What went wrong: a stable code plus a human-readable message (never containing secrets).
struct Error
{
    ErrorCode code = ErrorCode::InternalError;
    QString message;

    friend bool operator==(const Error &, const Error &) = default;
};

} // namespace Parley
