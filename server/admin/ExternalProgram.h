#pragma once

/// Runs a program an admin subcommand needs (tar, pg_dump, pg_restore) to its end.

#include "protocol/Result.h"

#include <QtCore/QProcessEnvironment>
#include <QtCore/QStringList>

namespace Parley {

class ExternalProgram
{
public:
    /// Runs `program arguments` with `environment` and waits for it to exit. Fails with
    /// StorageError (and the end of what it printed on stderr) if it cannot start or exits
    /// with a non-zero code.
    static Status
    run(const QString &program, const QStringList &arguments,
        const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment());
};

} // namespace Parley
