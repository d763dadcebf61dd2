#include "AdminListener.h"

#include "HealthChecks.h"
#include "net/HttpUpgrade.h"

#include <QtCore/QTimer>
#include <QtNetwork/QTcpServer>
#include <QtNetwork/QTcpSocket>

namespace Parley {

namespace {

constexpr int RequestTimeoutMs = 10000;

} // namespace

AdminListener::AdminListener(MetricsText metrics, const HealthChecks *health, QObject *parent)
    : QObject(parent),
      m_metrics(std::move(metrics)),
      m_health(health),
      m_server(new QTcpServer(this))
{
    connect(m_server, &QTcpServer::newConnection, this, &AdminListener::accept);
}

AdminListener::~AdminListener() = default;

bool AdminListener::listen(const QHostAddress &address, quint16 port)
{
    return m_server->listen(address, port);
}

QString AdminListener::errorString() const
{
    return m_server->errorString();
}

quint16 AdminListener::port() const
{
    return m_server->serverPort();
}

void AdminListener::accept()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { answer(socket); });
        QTimer::singleShot(RequestTimeoutMs, socket, [socket] { socket->abort(); });
    }
}

void AdminListener::answer(QTcpSocket *socket)
{
    const QByteArray head = socket->peek(HttpUpgrade::MaxHeadBytes);
    if (!head.contains("\r\n\r\n") && head.size() < HttpUpgrade::MaxHeadBytes)
        return; // wait for the whole request head
    socket->disconnect(this);
    const QList<QByteArray> requestLine = head.left(head.indexOf("\r\n")).split(' ');
    const QByteArray method = requestLine.value(0);
    const QByteArray path = requestLine.value(1);
    QByteArray response;
    if (method != "GET")
        response =
                HttpUpgrade::errorResponse("405 Method Not Allowed", "only GET", "Allow: GET\r\n");
    else if (path == "/metrics")
        response = HttpUpgrade::okResponse("text/plain; version=0.0.4; charset=utf-8", m_metrics());
    else if (path == "/healthz")
        response = m_health->response();
    else
        response = HttpUpgrade::errorResponse("404 Not Found", "try /metrics or /healthz");
    socket->write(response);
    socket->disconnectFromHost();
}

} // namespace Parley
