#pragma once

/// The logging categories of parley_client (`parley.client.*`, Info and above by default).
///
/// Log ids, sizes and error codes only: never message text, tokens or passwords.

#include <QtCore/QLoggingCategory>

namespace Parley {

Q_DECLARE_LOGGING_CATEGORY(lcClient) // parley.client
Q_DECLARE_LOGGING_CATEGORY(lcNet) // parley.client.net
Q_DECLARE_LOGGING_CATEGORY(lcAccount) // parley.client.account
Q_DECLARE_LOGGING_CATEGORY(lcSync) // parley.client.sync
Q_DECLARE_LOGGING_CATEGORY(lcOutbox) // parley.client.outbox
Q_DECLARE_LOGGING_CATEGORY(lcStore) // parley.client.store
Q_DECLARE_LOGGING_CATEGORY(lcModels) // parley.client.models
Q_DECLARE_LOGGING_CATEGORY(lcPlatform) // parley.client.platform
Q_DECLARE_LOGGING_CATEGORY(lcE2ee) // parley.client.e2ee

} // namespace Parley
