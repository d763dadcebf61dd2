#pragma once

/// The line a conversation shows for a membership log entry, e.g. "alice added bob".

#include "model/Conversation.h"

#include <QtCore/QString>

namespace Parley {

/// `actorName` is the username of event.actorUserId (empty if unknown).
QString membershipText(const MembershipEvent &event, const QString &actorName);

} // namespace Parley
