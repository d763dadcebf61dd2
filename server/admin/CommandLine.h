#pragma once

/// Parses parleyd's command line (and the INI file it names) into a ServerConfig and, for the
/// admin subcommands, the words that follow: `parleyd user add alice --password …`.

#include "ServerConfig.h"
#include "protocol/Result.h"

#include <QtCore/QStringList>

#include <optional>

namespace Parley {

struct Invocation
{
    ServerConfig config;
    QStringList command; ///< empty: serve; else e.g. {"user", "add", "alice"}
    std::optional<QString> password; ///< --password, for user add / reset-password
    QString configFile; ///< --config, as given (a backup takes a copy)
    bool json = false; ///< --json: subcommands answer in JSON
    bool force = false; ///< --force: restore over a database that holds data
    bool allReports = false; ///< --all: report list shows resolved reports too (--open: not)
    std::optional<QString> note; ///< --note, for report resolve
    bool disableUser = false; ///< --disable-user: report resolve disables the reported account
};

class CommandLine
{
public:
    /// Applies, in order: built-in defaults, the --config file, the other options.
    static Result<Invocation> parse(const QStringList &arguments);
};

} // namespace Parley
