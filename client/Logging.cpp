#include "Logging.h"

namespace Parley {

Q_LOGGING_CATEGORY(lcClient, "parley.client", QtInfoMsg)
Q_LOGGING_CATEGORY(lcClientNet, "parley.client.net", QtInfoMsg)
Q_LOGGING_CATEGORY(lcClientAccount, "parley.client.account", QtInfoMsg)
Q_LOGGING_CATEGORY(lcClientSync, "parley.client.sync", QtInfoMsg)
Q_LOGGING_CATEGORY(lcClientOutbox, "parley.client.outbox", QtInfoMsg)
Q_LOGGING_CATEGORY(lcClientStore, "parley.client.store", QtInfoMsg)
Q_LOGGING_CATEGORY(lcClientModels, "parley.client.models", QtInfoMsg)
Q_LOGGING_CATEGORY(lcClientPlatform, "parley.client.platform", QtInfoMsg)
Q_LOGGING_CATEGORY(lcClientE2ee, "parley.client.e2ee", QtInfoMsg)

} // namespace Parley
