#include "Logging.h"

namespace Parley::Bench {

Q_LOGGING_CATEGORY(lcBench, "parley.bench", QtInfoMsg)
Q_LOGGING_CATEGORY(lcBenchClient, "parley.bench.client", QtWarningMsg)
Q_LOGGING_CATEGORY(lcBenchSetup, "parley.bench.setup", QtInfoMsg)

} // namespace Parley::Bench
