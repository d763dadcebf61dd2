#pragma once

/// The admin subcommands (`parleyd migrate`, `user …`, `backup …`): they run synchronously on
/// the main thread against the same database as the server, print to stdout (JSON with
/// --json), and return the process exit code (0 ok, 1 failed, 2 bad usage).

#include <QtCore/QString>

namespace Parley {

struct Invocation;

class AdminCommand
{
public:
    static int run(const Invocation &invocation);
    /// The list of subcommands for --help.
    static QString usage();
};

} // namespace Parley
