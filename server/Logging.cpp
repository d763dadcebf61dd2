#include "Logging.h"

namespace Parley {

Q_LOGGING_CATEGORY(lcServer, "parley.server", QtInfoMsg)
Q_LOGGING_CATEGORY(lcNet, "parley.server.net", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSession, "parley.server.session", QtInfoMsg)
Q_LOGGING_CATEGORY(lcRouting, "parley.server.routing", QtInfoMsg)
Q_LOGGING_CATEGORY(lcStore, "parley.server.store", QtInfoMsg)
Q_LOGGING_CATEGORY(lcPresence, "parley.server.presence", QtInfoMsg)
Q_LOGGING_CATEGORY(lcAdmin, "parley.server.admin", QtInfoMsg)

} // namespace Parley
