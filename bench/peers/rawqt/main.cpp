// parley-rawqt: the raw QWebSocketServer broadcast peer of the bench (see BroadcastServer.h).

#include "BroadcastServer.h"

#include <QtCore/QCommandLineParser>
#include <QtCore/QCoreApplication>
#include <QtCore/QFile>
#include <QtNetwork/QSslCertificate>
#include <QtNetwork/QSslKey>

#include <cstdio>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    p.setApplicationDescription(
            u"The raw Qt broadcast server the bench measures parleyd against."_s);
    p.addHelpOption();
    p.addOptions(
            {{u"listen"_s, u"host:port (port 0: any free port)."_s, u"address"_s, u"127.0.0.1:0"_s},
             {u"threads"_s, u"I/O threads."_s, u"n"_s, u"2"_s},
             {u"cert"_s, u"PEM certificate: serve wss:// with it."_s, u"file"_s},
             {u"key"_s, u"PEM private key of --cert."_s, u"file"_s}});
    p.process(app);

    const QString listen = p.value(u"listen"_s);
    const qsizetype colon = listen.lastIndexOf(u':');
    QSslConfiguration tls;
    if (p.isSet(u"cert"_s)) {
        QFile cert(p.value(u"cert"_s)), key(p.value(u"key"_s));
        if (!cert.open(QIODevice::ReadOnly) || !key.open(QIODevice::ReadOnly)) {
            fprintf(stderr, "parley-rawqt: cannot read --cert / --key\n");
            return 1;
        }
        tls = QSslConfiguration::defaultConfiguration();
        tls.setLocalCertificate(QSslCertificate(&cert, QSsl::Pem));
        tls.setPrivateKey(QSslKey(&key, QSsl::Ec, QSsl::Pem));
        tls.setPeerVerifyMode(QSslSocket::VerifyNone);
    }
    Parley::Bench::BroadcastServer server(std::max(1, p.value(u"threads"_s).toInt()), tls);
    if (!server.listen(QHostAddress(listen.left(colon)),
                       quint16(listen.sliced(colon + 1).toUInt()))) {
        fprintf(stderr, "parley-rawqt: cannot listen on %s: %s\n", qPrintable(listen),
                qPrintable(server.errorString()));
        return 1;
    }
    printf("parley-rawqt listening on %s://%s:%u\n", tls.isNull() ? "ws" : "wss",
           qPrintable(server.serverAddress().toString()), unsigned(server.serverPort()));
    fflush(stdout);
    return app.exec();
}
