#include "Logging.h"

namespace Parley {

Q_LOGGING_CATEGORY(lcServer, "parley.server", QtInfoMsg)
Q_LOGGING_CATEGORY(lcServerNet, "parley.server.net", QtInfoMsg)
Q_LOGGING_CATEGORY(lcServerSession, "parley.server.session", QtInfoMsg)
Q_LOGGING_CATEGORY(lcServerRouting, "parley.server.routing", QtInfoMsg)
Q_LOGGING_CATEGORY(lcServerStore, "parley.server.store", QtInfoMsg)
Q_LOGGING_CATEGORY(lcServerPresence, "parley.server.presence", QtInfoMsg)
Q_LOGGING_CATEGORY(lcServerAdmin, "parley.server.admin", QtInfoMsg)
Q_LOGGING_CATEGORY(lcServerCluster, "parley.server.cluster", QtInfoMsg)

} // namespace Parley
