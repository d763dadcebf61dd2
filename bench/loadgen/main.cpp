// parley-bench: the load generator (docs/performance.md). One binary, three modes: the
// coordinator of a pass (default), a load process (--worker), the report (--report).

#include "BenchOptions.h"
#include "Coordinator.h"
#include "Report.h"
#include "Worker.h"

#include <QtCore/QCoreApplication>

#include <cstdio>

using namespace Parley::Bench;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("parley-bench"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PARLEY_VERSION));

    const BenchMode mode = parseCommandLine(app);
    if (const auto *error = std::get_if<QString>(&mode)) {
        fprintf(stderr, "parley-bench: %s\n", qPrintable(*error));
        return 2;
    }
    if (const auto *report = std::get_if<ReportOptions>(&mode))
        return Report(*report).write();
    if (const auto *worker = std::get_if<WorkerOptions>(&mode)) {
        Worker w(*worker);
        if (!w.start())
            return 1;
        return app.exec();
    }
    Coordinator coordinator(std::get<CoordinatorOptions>(mode));
    coordinator.start();
    return app.exec();
}
