#pragma once

/// parley-bench's command line, parsed into one of its three modes.

#include "Coordinator.h"
#include "Report.h"
#include "Worker.h"

#include <variant>

class QCoreApplication;

namespace Parley::Bench {

/// A parsed command line: what to run, or an error message to print.
using BenchMode = std::variant<CoordinatorOptions, WorkerOptions, ReportOptions, QString>;

BenchMode parseCommandLine(const QCoreApplication &app);

} // namespace Parley::Bench
