// parley: the desktop chat client. All behaviour is in parley_client; this file parses the
// command line into ClientOptions, makes the Client and shows the QML window.

#include "Client.h"
#include "ClientOptions.h"
#include "MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QQmlApplicationEngine>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    Parley::setApplicationMetadata();

    QCommandLineParser parser;
    parser.setApplicationDescription(u"Parley: end-to-end encrypted chat."_s);
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption profile(
            u"profile"_s, u"Keep a separate local cache and keychain entries under <name>."_s,
            u"name"_s);
    const QCommandLineOption server(
            u"server"_s, u"The server to sign in to, e.g. wss://chat.example.org:7443."_s,
            u"url"_s);
    const QCommandLineOption demoLogin(
            u"demo-login"_s,
            u"Log in as <user:password>, registering first if needed (demos and tests)."_s,
            u"user:password"_s);
    parser.addOptions({profile, server, demoLogin});
    parser.process(app);

    Parley::ClientOptions options;
    if (parser.isSet(profile))
        options.profile = parser.value(profile);
    options.serverUrl = parser.value(server);
    options.demoLogin = parser.value(demoLogin);

    Parley::Client client(options);
    QQmlApplicationEngine engine;
    if (!Parley::loadMainWindow(engine, &client))
        return 1;
    return app.exec();
}
