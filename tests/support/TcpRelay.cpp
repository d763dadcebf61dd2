#include "TcpRelay.h"

#include "TestLogging.h"

#include <QtNetwork/QTcpSocket>

namespace Parley {

using namespace Qt::StringLiterals;

TcpRelay::TcpRelay(const QHostAddress &source, const QHostAddress &targetHost, quint16 targetPort,
                   QObject *parent)
    : QObject(parent),
      m_source(source),
      m_targetHost(targetHost),
      m_targetPort(targetPort)
{
    connect(&m_server, &QTcpServer::newConnection, this, &TcpRelay::accept);
}

bool TcpRelay::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

QUrl TcpRelay::url() const
{
    return QUrl(u"wss://127.0.0.1:%1"_s.arg(port()));
}

void TcpRelay::accept()
{
    // The sockets stay children of the relay (of its server) until it goes: a test is short.
    while (QTcpSocket *inbound = m_server.nextPendingConnection()) {
        auto *outbound = new QTcpSocket(inbound);
        if (!outbound->bind(m_source)) {
            qCWarning(lcTestSupport, "TcpRelay: cannot bind %s", qPrintable(m_source.toString()));
            inbound->abort();
            continue;
        }
        // What the client sends before the outgoing leg is up waits in its socket's buffer.
        const auto pump = [](QTcpSocket *from, QTcpSocket *to) {
            if (to->state() == QAbstractSocket::ConnectedState)
                to->write(from->readAll());
        };
        connect(outbound, &QTcpSocket::connected, inbound, [this, inbound, outbound, pump] {
            ++m_relayed;
            pump(inbound, outbound);
        });
        connect(inbound, &QTcpSocket::readyRead, outbound,
                [inbound, outbound, pump] { pump(inbound, outbound); });
        connect(outbound, &QTcpSocket::readyRead, inbound,
                [inbound, outbound, pump] { pump(outbound, inbound); });
        // One side gone (or never reached): the other closes after what it still has to write.
        connect(inbound, &QTcpSocket::disconnected, outbound,
                [outbound] { outbound->disconnectFromHost(); });
        connect(outbound, &QTcpSocket::disconnected, inbound,
                [inbound] { inbound->disconnectFromHost(); });
        connect(outbound, &QAbstractSocket::errorOccurred, inbound, [inbound, outbound] {
            if (outbound->state() != QAbstractSocket::ConnectedState)
                inbound->disconnectFromHost();
        });
        outbound->connectToHost(m_targetHost, m_targetPort);
    }
}

} // namespace Parley
