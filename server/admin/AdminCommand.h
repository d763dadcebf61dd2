#pragma once

/// The admin subcommands (`parleyd migrate`, `user …`, `device …`): they run synchronously on
/// the main thread against the same database as the server, print to stdout, and return the
/// process exit code (0 ok, 1 failed, 2 bad usage).

namespace Parley {

struct Invocation;

class AdminCommand
{
public:
    static int run(const Invocation &invocation);
};

} // namespace Parley
