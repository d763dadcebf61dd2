#pragma once

/// The server's logging categories; every server log line goes through one of them.
///
/// Never log passwords, tokens, message bodies or keys: log ids, sizes and error codes.

#include <QtCore/QLoggingCategory>

namespace Parley {

Q_DECLARE_LOGGING_CATEGORY(lcServer) // parley.server: start, stop, configuration
Q_DECLARE_LOGGING_CATEGORY(lcServerNet) // parley.server.net: listener, TLS, sockets
Q_DECLARE_LOGGING_CATEGORY(lcServerSession) // parley.server.session: per-connection protocol state
Q_DECLARE_LOGGING_CATEGORY(lcServerRouting) // parley.server.routing: requests, fan-out
Q_DECLARE_LOGGING_CATEGORY(lcServerStore) // parley.server.store: database, migrations
Q_DECLARE_LOGGING_CATEGORY(lcServerPresence) // parley.server.presence: presence and typing
Q_DECLARE_LOGGING_CATEGORY(lcServerAdmin) // parley.server.admin: subcommands
Q_DECLARE_LOGGING_CATEGORY(lcServerCluster) // parley.server.cluster: Redis, events between nodes

} // namespace Parley
