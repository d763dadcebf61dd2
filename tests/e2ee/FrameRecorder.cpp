#include "FrameRecorder.h"

#include <QtCore/QtEndian>
#include <QtNetwork/QHostAddress>
#include <QtNetwork/QTcpSocket>

namespace Parley {

using namespace Qt::StringLiterals;

FrameRecorder::FrameRecorder(quint16 serverPort, QObject *parent)
    : QObject(parent),
      m_serverPort(serverPort)
{
    connect(&m_listener, &QTcpServer::newConnection, this, &FrameRecorder::onNewConnection);
}

FrameRecorder::~FrameRecorder()
{
    for (const auto &pipe : m_pipes) {
        delete pipe->client;
        delete pipe->server;
    }
}

bool FrameRecorder::listen()
{
    return m_listener.listen(QHostAddress::LocalHost, 0);
}

QUrl FrameRecorder::url() const
{
    return QUrl(u"ws://127.0.0.1:%1"_s.arg(m_listener.serverPort()));
}

void FrameRecorder::Direction::feed(const QByteArray &bytes)
{
    buffer += bytes;
    if (!handshakeDone) {
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        buffer.remove(0, end + 4);
        handshakeDone = true;
    }
    // RFC 6455, section 5.2.
    while (buffer.size() >= 2) {
        const auto *b = reinterpret_cast<const uchar *>(buffer.constData());
        const bool fin = b[0] & 0x80;
        const int opcode = b[0] & 0x0f;
        const bool masked = b[1] & 0x80;
        quint64 length = b[1] & 0x7f;
        qsizetype header = 2;
        if (length == 126) {
            if (buffer.size() < 4)
                return;
            length = qFromBigEndian<quint16>(b + 2);
            header = 4;
        } else if (length == 127) {
            if (buffer.size() < 10)
                return;
            length = qFromBigEndian<quint64>(b + 2);
            header = 10;
        }
        const qsizetype maskAt = header;
        if (masked)
            header += 4;
        if (quint64(buffer.size()) < header + length)
            return;
        QByteArray payload = buffer.mid(header, qsizetype(length));
        if (masked) {
            for (qsizetype i = 0; i < payload.size(); ++i)
                payload[i] = char(payload[i] ^ buffer[maskAt + (i % 4)]);
        }
        buffer.remove(0, header + qsizetype(length));
        if (opcode >= 0x8) { // control frames: kept as they are
            out->append(payload);
            continue;
        }
        message += payload;
        if (fin)
            out->append(std::exchange(message, {}));
    }
}

void FrameRecorder::onNewConnection()
{
    while (QTcpSocket *client = m_listener.nextPendingConnection()) {
        auto pipe = std::make_unique<Pipe>();
        Pipe *p = pipe.get();
        p->client = client;
        client->setParent(nullptr);
        p->server = new QTcpSocket;
        p->up.out = &m_clientMessages;
        p->down.out = &m_serverMessages;
        connect(client, &QTcpSocket::readyRead, this, [this, p] {
            const QByteArray bytes = p->client->readAll();
            m_raw += bytes;
            p->up.feed(bytes);
            if (p->server->state() == QAbstractSocket::ConnectedState)
                p->server->write(bytes);
            else
                p->pendingToServer += bytes;
        });
        connect(p->server, &QTcpSocket::connected, this,
                [p] { p->server->write(std::exchange(p->pendingToServer, {})); });
        connect(p->server, &QTcpSocket::readyRead, this, [this, p] {
            const QByteArray bytes = p->server->readAll();
            m_raw += bytes;
            p->down.feed(bytes);
            p->client->write(bytes);
        });
        connect(client, &QTcpSocket::disconnected, this, [p] { p->server->disconnectFromHost(); });
        connect(p->server, &QTcpSocket::disconnected, this,
                [p] { p->client->disconnectFromHost(); });
        p->server->connectToHost(QHostAddress::LocalHost, m_serverPort);
        m_pipes.push_back(std::move(pipe));
    }
}

} // namespace Parley
