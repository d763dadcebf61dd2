#include "TestLogging.h"

namespace Parley {

Q_LOGGING_CATEGORY(lcTest, "parley.test", QtInfoMsg)

} // namespace Parley
