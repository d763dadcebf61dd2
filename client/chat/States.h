#pragma once

/// The typed states the UI shows: a message's delivery, why it failed, a member's role, why the
/// account is signed out.
///
/// Models give them in their roles and QML compares them by name (`States.Read`,
/// `States.Admin`); wire strings stay below the models. Their words for people are in
/// StateText. The connection's state is Client::State.

#include "model/Conversation.h"

#include <QtCore/QObject>
#include <QtCore/QStringView>

namespace Parley {

class States : public QObject
{
    Q_OBJECT

public:
    /// Where an own message is on its way; None for other people's messages and system rows.
    enum class Delivery { None, Queued, Sent, Delivered, Read, Failed };
    Q_ENUM(Delivery)

    /// A member's role in a conversation (the same order as the protocol's Role).
    enum class MemberRole { Member, Admin, Owner };
    Q_ENUM(MemberRole)

    /// Why an own message (or upload) was not sent; NoFailure while it was not refused.
    enum class Failure {
        NoFailure,
        NotMember, ///< I am no longer a member of the conversation
        Blocked, ///< the other person blocked me
        TooLarge, ///< the message or file is over the server's limit
        QuotaExceeded, ///< my upload allowance is used up
        NotAllowed, ///< my role does not allow it
        Refused, ///< any other refusal
    };
    Q_ENUM(Failure)

    /// Why the server no longer accepts this device while its history, keys and outbox stay on
    /// this computer (Client.State SignedOut); NotSignedOut otherwise.
    enum class SignOut {
        NotSignedOut,
        DeviceRemoved, ///< the server ended the live session: the device was revoked
        AccountDisabled, ///< the server's admin disabled the account
        UnknownDevice, ///< the server refused the remembered token (revoked while away, restored)
    };
    Q_ENUM(SignOut)

    static MemberRole memberRole(Role role);
    static Role protocolRole(MemberRole role);
    /// The failure a stored reason (a protocol error code name, e.g. "not_member") stands for.
    static Failure failure(QStringView errorCodeName);
};

} // namespace Parley
