#pragma once

/// The logging category of the test suites (`parley.test`): what a test prints to explain a
/// failure (a server's log, a model's rows) goes through it, so QT_LOGGING_RULES can quiet it.

#include <QtCore/QLoggingCategory>

namespace Parley {

Q_DECLARE_LOGGING_CATEGORY(lcTest) // parley.test

} // namespace Parley
