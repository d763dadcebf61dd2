#include "ErrorCode.h"

#include <utility>

namespace Parley {

namespace {

using namespace Qt::StringLiterals;

constexpr std::pair<ErrorCode, const char *> Names[] = {
        {ErrorCode::None, "none"},
        {ErrorCode::MalformedFrame, "malformed_frame"},
        {ErrorCode::FrameTooLarge, "frame_too_large"},
        {ErrorCode::UnknownFrameType, "unknown_frame_type"},
        {ErrorCode::InvalidField, "invalid_field"},
        {ErrorCode::LimitExceeded, "limit_exceeded"},
        {ErrorCode::DuplicateKey, "duplicate_key"},
        {ErrorCode::InvalidUtf8, "invalid_utf8"},
        {ErrorCode::UnsupportedVersion, "unsupported_version"},
        {ErrorCode::HelloRequired, "hello_required"},
        {ErrorCode::UnexpectedFrame, "unexpected_frame"},
        {ErrorCode::AuthRequired, "auth_required"},
        {ErrorCode::InvalidCredentials, "invalid_credentials"},
        {ErrorCode::UsernameTaken, "username_taken"},
        {ErrorCode::RegistrationClosed, "registration_closed"},
        {ErrorCode::AccountDisabled, "account_disabled"},
        {ErrorCode::InvalidToken, "invalid_token"},
        {ErrorCode::TooManyDevices, "too_many_devices"},
        {ErrorCode::WeakPassword, "weak_password"},
        {ErrorCode::InvalidUsername, "invalid_username"},
        {ErrorCode::AuthTimeout, "auth_timeout"},
        {ErrorCode::SlowDown, "slow_down"},
        {ErrorCode::AlreadyAuthenticated, "already_authenticated"},
        {ErrorCode::NotMember, "not_member"},
        {ErrorCode::NotAllowed, "not_allowed"},
        {ErrorCode::NoSuchConversation, "no_such_conversation"},
        {ErrorCode::NoSuchUser, "no_such_user"},
        {ErrorCode::NoSuchDevice, "no_such_device"},
        {ErrorCode::GroupFull, "group_full"},
        {ErrorCode::AlreadyMember, "already_member"},
        {ErrorCode::Blocked, "blocked"},
        {ErrorCode::InvalidArgument, "invalid_argument"},
        {ErrorCode::NoSuchAttachment, "no_such_attachment"},
        {ErrorCode::NoSuchMessage, "no_such_message"},
        {ErrorCode::RateLimited, "rate_limited"},
        {ErrorCode::BodyTooLarge, "body_too_large"},
        {ErrorCode::TooManyItems, "too_many_items"},
        {ErrorCode::SlowReader, "slow_reader"},
        {ErrorCode::AttachmentTooLarge, "attachment_too_large"},
        {ErrorCode::UploadQuotaExceeded, "upload_quota_exceeded"},
        {ErrorCode::WrongOffset, "wrong_offset"},
        {ErrorCode::UploadIncomplete, "upload_incomplete"},
        {ErrorCode::InternalError, "internal_error"},
        {ErrorCode::Unavailable, "unavailable"},
        {ErrorCode::StorageError, "storage_error"},
};

} // namespace

QString errorCodeName(ErrorCode code)
{
    for (const auto &[c, name] : Names) {
        if (c == code)
            return QString::fromLatin1(name);
    }
    return u"unknown"_s;
}

ErrorCode errorCodeFromNumber(qint64 number)
{
    for (const auto &[c, name] : Names) {
        if (static_cast<qint64>(c) == number)
            return c;
    }
    return ErrorCode::InternalError;
}

} // namespace Parley
