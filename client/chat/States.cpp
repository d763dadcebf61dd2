#include "States.h"

#include "protocol/ErrorCode.h"

namespace Parley {

States::MemberRole States::memberRole(Role role)
{
    switch (role) {
    case Role::Owner:
        return MemberRole::Owner;
    case Role::Admin:
        return MemberRole::Admin;
    case Role::Member:
        break;
    }
    return MemberRole::Member;
}

Role States::protocolRole(MemberRole role)
{
    switch (role) {
    case MemberRole::Owner:
        return Role::Owner;
    case MemberRole::Admin:
        return Role::Admin;
    case MemberRole::Member:
        break;
    }
    return Role::Member;
}

States::Failure States::failure(QStringView errorCodeName)
{
    if (errorCodeName.isEmpty())
        return Failure::NoFailure;
    struct Known
    {
        ErrorCode code;
        Failure failure;
    };
    static constexpr Known known[] = {
            {ErrorCode::NotMember, Failure::NotMember},
            {ErrorCode::NoSuchConversation, Failure::NotMember},
            {ErrorCode::Blocked, Failure::Blocked},
            {ErrorCode::BodyTooLarge, Failure::TooLarge},
            {ErrorCode::AttachmentTooLarge, Failure::TooLarge},
            {ErrorCode::UploadQuotaExceeded, Failure::QuotaExceeded},
            {ErrorCode::NotAllowed, Failure::NotAllowed},
    };
    for (const Known &k : known) {
        if (Parley::errorCodeName(k.code) == errorCodeName)
            return k.failure;
    }
    return Failure::Refused;
}

} // namespace Parley
