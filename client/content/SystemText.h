#pragma once

/// The line a conversation shows for a membership log entry, e.g. "alice added bob", and the
/// words for a disappearing-message timer.

#include "e2ee/ContactTrust.h"
#include "model/Conversation.h"

#include <QtCore/QString>

namespace Parley {

/// `actorName` names event.actorUserId (empty if unknown); `targetName` the person added,
/// removed or made admin (empty: event.targetUsername).
QString membershipText(const MembershipEvent &event, const QString &actorName,
                       const QString &targetName = {});

/// The line that says a contact's keys changed (SecurityNotices), naming them `name`, e.g.
/// "bob added a new device"; `verificationCleared`: it also says they are no longer verified.
QString keyChangeText(ContactTrust::Change change, const QString &name, bool verificationCleared);

/// A disappearing-message timer in words, e.g. "1 hour"; "Off" for 0.
QString timerText(qint64 seconds);

} // namespace Parley
