#include "FrameRecorder.h"

#include "protocol/FrameCodec.h"
#include "protocol/Frames.h"

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

void FrameRecorder::damageNextInboxItem(qint64 fromUserId, qint64 fromDeviceId, qint64 toDeviceId)
{
    m_damages.append({fromUserId, fromDeviceId, toDeviceId});
}

QByteArray FrameRecorder::Direction::feed(const QByteArray &bytes)
{
    buffer += bytes;
    QByteArray complete;
    if (!handshakeDone) {
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return complete;
        complete = buffer.left(end + 4);
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
                break;
            length = qFromBigEndian<quint16>(b + 2);
            header = 4;
        } else if (length == 127) {
            if (buffer.size() < 10)
                break;
            length = qFromBigEndian<quint64>(b + 2);
            header = 10;
        }
        const qsizetype maskAt = header;
        if (masked)
            header += 4;
        if (quint64(buffer.size()) < header + length)
            break;
        QByteArray frame = buffer.left(header + qsizetype(length));
        buffer.remove(0, frame.size());
        QByteArray payload = frame.mid(header);
        if (masked) {
            for (qsizetype i = 0; i < payload.size(); ++i)
                payload[i] = char(payload[i] ^ frame[maskAt + (i % 4)]);
        }
        if (opcode >= 0x8) { // control frames: kept as they are
            out->append(payload);
        } else {
            message += payload;
            if (fin)
                out->append(message);
            // A whole message in one frame, in clear: it may be changed on its way.
            if (fin && message == payload && !masked && inspect) {
                inspect(payload);
                frame.replace(header, payload.size(), payload);
            }
            if (fin)
                message.clear();
        }
        complete += frame;
    }
    return complete;
}

void FrameRecorder::inspectFromServer(Pipe *pipe, QByteArray &message)
{
    const auto raw = FrameCodec::decode(message, FrameLimits::fromServer());
    if (!raw)
        return;
    QList<InboxItem> items;
    if (raw->type == FrameType::Authenticated) {
        if (const auto authenticated = FrameCodec::read<AuthenticatedFrame>(*raw))
            pipe->deviceId = authenticated->deviceId;
    } else if (raw->type == FrameType::InboxPushed) {
        if (const auto pushed = FrameCodec::read<InboxPushedFrame>(*raw))
            items.append(pushed->item);
    } else if (raw->type == FrameType::InboxItems) {
        if (const auto page = FrameCodec::read<InboxItemsFrame>(*raw))
            items = page->items;
    }
    for (const InboxItem &item : std::as_const(items)) {
        if (!m_damagedItems.contains(item.itemId)) {
            const auto armed =
                    std::find_if(m_damages.begin(), m_damages.end(), [&](const Damage &d) {
                        return d.toDeviceId == pipe->deviceId && d.fromUserId == item.fromUserId
                                && d.fromDeviceId == item.fromDeviceId;
                    });
            if (armed == m_damages.end())
                continue;
            m_damages.erase(armed);
            m_damagedItems.append(item.itemId);
        }
        const qsizetype at = message.indexOf(item.body);
        if (item.body.isEmpty() || at < 0)
            continue;
        // The last byte: in a session's message part of its MAC, in a session's first message
        // the id of the signed pre-key it used. Either way the device cannot decrypt it.
        const qsizetype last = at + item.body.size() - 1;
        message[last] = char(message.at(last) ^ 0x5a);
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
        p->down.inspect = [this, p](QByteArray &message) { inspectFromServer(p, message); };
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
            // Passed on a whole frame at a time, so that one can be changed first.
            p->client->write(p->down.feed(bytes));
        });
        connect(client, &QTcpSocket::disconnected, this, [p] { p->server->disconnectFromHost(); });
        connect(p->server, &QTcpSocket::disconnected, this,
                [p] { p->client->disconnectFromHost(); });
        p->server->connectToHost(QHostAddress::LocalHost, m_serverPort);
        m_pipes.push_back(std::move(pipe));
    }
}

} // namespace Parley
