#include "TestLogging.h"

namespace Parley {

Q_LOGGING_CATEGORY(lcTestSupport, "parley.test.support", QtInfoMsg)
Q_LOGGING_CATEGORY(lcTestServer, "parley.test.server", QtInfoMsg)
Q_LOGGING_CATEGORY(lcTestClient, "parley.test.client", QtInfoMsg)

} // namespace Parley
