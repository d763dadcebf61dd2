#pragma once

/// Finds a user's id by username (docs/protocol.md, `findUser`): for starting a chat, making a
/// group and adding a member.

#include "protocol/Result.h"

#include <QtCore/QFuture>
#include <QtCore/QString>

namespace Parley {

class Connection;

/// The id of `username` (trimmed, lower-cased), or the server's error (no_such_user, …).
QFuture<Result<qint64>> lookUpUser(Connection *connection, const QString &username);

} // namespace Parley
