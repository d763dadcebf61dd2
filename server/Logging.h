#pragma once

/// The server's logging categories; every server log line goes through one of them.
///
/// Never log passwords, tokens, message bodies or keys: log ids, sizes and error codes.

#include <QtCore/QLoggingCategory>

namespace Parley {

Q_DECLARE_LOGGING_CATEGORY(lcServer) // parley.server: start, stop, configuration
Q_DECLARE_LOGGING_CATEGORY(lcNet) // parley.server.net: listener, TLS, sockets
Q_DECLARE_LOGGING_CATEGORY(lcSession) // parley.server.session: per-connection protocol state
Q_DECLARE_LOGGING_CATEGORY(lcRouting) // parley.server.routing: requests, fan-out
Q_DECLARE_LOGGING_CATEGORY(lcStore) // parley.server.store: database, migrations
Q_DECLARE_LOGGING_CATEGORY(lcPresence) // parley.server.presence: presence and typing
Q_DECLARE_LOGGING_CATEGORY(lcAdmin) // parley.server.admin: subcommands

} // namespace Parley
