#pragma once

/// The load generator's logging categories; every bench log line goes through one of them.
///
/// Never log passwords or tokens: log client indices, counts and error codes.

#include <QtCore/QLoggingCategory>

namespace Parley::Bench {

Q_DECLARE_LOGGING_CATEGORY(lcBench) // parley.bench: phases, results
Q_DECLARE_LOGGING_CATEGORY(lcBenchClient) // parley.bench.client: connections, protocol errors
Q_DECLARE_LOGGING_CATEGORY(lcBenchSetup) // parley.bench.setup: accounts and conversations

} // namespace Parley::Bench
