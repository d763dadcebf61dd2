#pragma once

/// The logging categories of parley_client (`parley.client.*`, Info and above by default).
///
/// Log ids, sizes and error codes only: never message text, tokens or passwords.

#include <QtCore/QLoggingCategory>

namespace Parley {

Q_DECLARE_LOGGING_CATEGORY(lcClient) // parley.client
Q_DECLARE_LOGGING_CATEGORY(lcClientNet) // parley.client.net
Q_DECLARE_LOGGING_CATEGORY(lcClientAccount) // parley.client.account
Q_DECLARE_LOGGING_CATEGORY(lcClientSync) // parley.client.sync
Q_DECLARE_LOGGING_CATEGORY(lcClientOutbox) // parley.client.outbox
Q_DECLARE_LOGGING_CATEGORY(lcClientStore) // parley.client.store
Q_DECLARE_LOGGING_CATEGORY(lcClientModels) // parley.client.models
Q_DECLARE_LOGGING_CATEGORY(lcClientPlatform) // parley.client.platform
Q_DECLARE_LOGGING_CATEGORY(lcClientE2ee) // parley.client.e2ee

} // namespace Parley
