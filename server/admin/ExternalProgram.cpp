#include "ExternalProgram.h"

#include <QtCore/QProcess>

namespace Parley {

using namespace Qt::StringLiterals;

Status ExternalProgram::run(const QString &program, const QStringList &arguments,
                            const QProcessEnvironment &environment)
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.setProcessChannelMode(QProcess::SeparateChannels);
    process.setStandardOutputFile(QProcess::nullDevice());
    process.start(program, arguments);
    // The admin subcommands run on the main thread without an event loop and have nothing
    // else to do meanwhile: waiting here is what the command is. The server never calls this.
    if (!process.waitForStarted(-1))
        return Error{ErrorCode::StorageError,
                     u"cannot run %1: %2"_s.arg(program, process.errorString())};
    process.waitForFinished(-1);
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        const QString said = QString::fromLocal8Bit(process.readAllStandardError()).trimmed();
        return Error{ErrorCode::StorageError,
                     u"%1 failed (exit code %2)%3"_s.arg(program)
                             .arg(process.exitCode())
                             .arg(said.isEmpty() ? QString() : u": "_s + said.right(2000))};
    }
    return {};
}

} // namespace Parley
