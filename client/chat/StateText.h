#pragma once

/// The words people read for the typed states (States, Client::State): the one place that
/// says them. QML reaches it as the singleton `StateText` (`StateText.delivery(state)`).

#include "Client.h"
#include "chat/States.h"
#include "store/StoreTypes.h"

#include <QtCore/QObject>
#include <QtQmlIntegration/qqmlintegration.h>

namespace Parley {

class StateText : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    /// "Waiting to send", "Sent", "Delivered", "Read", "Not sent"; empty for None.
    Q_INVOKABLE static QString delivery(Parley::States::Delivery state);
    /// Why a queued message is not sent yet: the server is away, or it is on its way.
    static QString waiting(bool serverReachable);
    /// "Member", "Admin", "Owner".
    Q_INVOKABLE static QString memberRole(Parley::States::MemberRole role);
    /// A sentence saying why a message was not sent; empty for NoFailure.
    Q_INVOKABLE static QString failure(Parley::States::Failure failure);
    /// "Online", "Connecting…", "Offline", "Signed out", "Logged out".
    Q_INVOKABLE static QString connection(Parley::Client::State state);
    /// A sentence saying why the account is signed out; empty for NotSignedOut.
    Q_INVOKABLE static QString signOut(Parley::States::SignOut reason);
    /// "bob is typing…", "bob and carol are typing…", "Several people are typing…"; empty when
    /// nobody is. Names come from the conversation's members ("someone" if not known).
    /// Who is typing, by display name when `profiles` knows one.
    static QString typing(const QList<qint64> &userIds, const ConversationSummary *summary,
                          const Profiles *profiles = nullptr);
};

} // namespace Parley
