#pragma once

/// The logging categories of the test support library and the test suites; tests log through
/// these (enable them with QT_LOGGING_RULES="parley.test.*=true" when a run needs more).

#include <QtCore/QLoggingCategory>

namespace Parley {

Q_DECLARE_LOGGING_CATEGORY(lcTestSupport) // parley.test.support: parleyd processes, databases
Q_DECLARE_LOGGING_CATEGORY(lcTestServer) // parley.test.server: the server suites, parleyd logs
Q_DECLARE_LOGGING_CATEGORY(lcTestClient) // parley.test.client: the client and UI suites

} // namespace Parley
