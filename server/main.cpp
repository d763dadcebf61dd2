// parleyd: the Parley chat server (docs/server.md).
#include "JournalLog.h"
#include "Server.h"
#include "admin/AdminCommand.h"
#include "admin/CommandLine.h"
#include "admin/UnixSignalNotifier.h"

#include <QtCore/QCoreApplication>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("parleyd"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PARLEY_VERSION));
    auto invocation = Parley::CommandLine::parse(QCoreApplication::arguments());
    if (!invocation) {
        std::fprintf(stderr, "parleyd: %s\n", qPrintable(invocation.error().message));
        return 2;
    }
    Parley::JournalLog::install(invocation->config.logLevel);
    if (!invocation->command.isEmpty())
        return Parley::AdminCommand::run(*invocation);

    Parley::Server server(invocation->config);
    Parley::UnixSignalNotifier unixSignals;
    QObject::connect(&unixSignals, &Parley::UnixSignalNotifier::terminateRequested, &server,
                     &Parley::Server::stop);
    QObject::connect(&unixSignals, &Parley::UnixSignalNotifier::reloadRequested, &server,
                     &Parley::Server::reloadCertificates);
    QObject::connect(&server, &Parley::Server::failed, &app, [] { QCoreApplication::exit(1); });
    QObject::connect(&server, &Parley::Server::stopped, &app, [] { QCoreApplication::exit(0); });
    server.start();
    return app.exec();
}
