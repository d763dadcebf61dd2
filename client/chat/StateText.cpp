#include "StateText.h"

#include "contacts/Profiles.h"

namespace Parley {

QString StateText::delivery(States::Delivery state)
{
    switch (state) {
    case States::Delivery::Queued:
        return tr("Waiting to send");
    case States::Delivery::Sent:
        return tr("Sent");
    case States::Delivery::Delivered:
        return tr("Delivered");
    case States::Delivery::Read:
        return tr("Read");
    case States::Delivery::Failed:
        return tr("Not sent");
    case States::Delivery::None:
        break;
    }
    return {};
}

QString StateText::waiting(bool serverReachable)
{
    return serverReachable ? tr("being sent") : tr("no connection to the server");
}

QString StateText::memberRole(States::MemberRole role)
{
    switch (role) {
    case States::MemberRole::Owner:
        return tr("Owner");
    case States::MemberRole::Admin:
        return tr("Admin");
    case States::MemberRole::Member:
        break;
    }
    return tr("Member");
}

QString StateText::failure(States::Failure failure)
{
    switch (failure) {
    case States::Failure::NotMember:
        return tr("you are no longer a member of this conversation");
    case States::Failure::Blocked:
        return tr("you cannot write to this person");
    case States::Failure::TooLarge:
        return tr("it is larger than the server accepts");
    case States::Failure::QuotaExceeded:
        return tr("your space for files on the server is used up");
    case States::Failure::NotAllowed:
        return tr("your role does not allow it");
    case States::Failure::Refused:
        return tr("the server refused it");
    case States::Failure::NoFailure:
        break;
    }
    return {};
}

QString StateText::connection(Client::State state)
{
    switch (state) {
    case Client::State::Online:
        return tr("Online");
    case Client::State::Connecting:
        return tr("Connecting…");
    case Client::State::Offline:
        return tr("Offline");
    case Client::State::SignedOut:
        return tr("Signed out");
    case Client::State::LoggedOut:
        break;
    }
    return tr("Logged out");
}

QString StateText::signOut(States::SignOut reason)
{
    switch (reason) {
    case States::SignOut::DeviceRemoved:
        return tr("Signed out: this device was removed by the server's admin (or from another of "
                  "your devices). Your history and unsent messages are kept on this computer.");
    case States::SignOut::AccountDisabled:
        return tr("Signed out: the account is disabled. Your history and unsent messages are kept "
                  "on this computer.");
    case States::SignOut::UnknownDevice:
        return tr("Signed out: the server does not know this device. Your history and unsent "
                  "messages are kept on this computer.");
    case States::SignOut::NotSignedOut:
        break;
    }
    return {};
}

QString StateText::typing(const QList<qint64> &userIds, const ConversationSummary *summary,
                          const Profiles *profiles)
{
    QStringList names;
    for (qint64 user : userIds) {
        const Member *member = summary ? summary->conversation.member(user) : nullptr;
        const QString username = member ? member->username : QString();
        const QString name = profiles ? profiles->nameOf(user, username) : username;
        names.append(name.isEmpty() ? tr("someone") : name);
    }
    names.sort();
    if (names.size() == 1)
        return tr("%1 is typing…").arg(names.first());
    if (names.size() == 2)
        return tr("%1 and %2 are typing…").arg(names.at(0), names.at(1));
    if (names.size() > 2)
        return tr("Several people are typing…");
    return {};
}

} // namespace Parley
