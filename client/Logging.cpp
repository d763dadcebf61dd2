#include "Logging.h"

namespace Parley {

Q_LOGGING_CATEGORY(lcClient, "parley.client", QtInfoMsg)
Q_LOGGING_CATEGORY(lcNet, "parley.client.net", QtInfoMsg)
Q_LOGGING_CATEGORY(lcAccount, "parley.client.account", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSync, "parley.client.sync", QtInfoMsg)
Q_LOGGING_CATEGORY(lcOutbox, "parley.client.outbox", QtInfoMsg)
Q_LOGGING_CATEGORY(lcStore, "parley.client.store", QtInfoMsg)
Q_LOGGING_CATEGORY(lcModels, "parley.client.models", QtInfoMsg)
Q_LOGGING_CATEGORY(lcPlatform, "parley.client.platform", QtInfoMsg)
Q_LOGGING_CATEGORY(lcE2ee, "parley.client.e2ee", QtInfoMsg)

} // namespace Parley
