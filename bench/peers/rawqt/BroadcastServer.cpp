#include "BroadcastServer.h"

#include <QtCore/QLoggingCategory>
#include <QtCore/QThread>
#include <QtCore/QtEndian>
#include <QtNetwork/QSslSocket>
#include <QtWebSockets/QWebSocket>
#include <QtWebSockets/QWebSocketServer>

namespace Parley::Bench {

Q_LOGGING_CATEGORY(lcBenchRawQt, "parley.bench.rawqt", QtWarningMsg)

using namespace Qt::StringLiterals;

namespace {
constexpr qint64 MaxMessageBytes = 64 * 1024;
}

BroadcastShard::BroadcastShard(const QSslConfiguration &tls, QObject *parent)
    : QObject(parent),
      m_tls(tls),
      m_upgrader(new QWebSocketServer(u"parley-rawqt"_s, QWebSocketServer::NonSecureMode, this))
{
    m_upgrader->setMaxPendingConnections(100000);
    connect(m_upgrader, &QWebSocketServer::newConnection, this, &BroadcastShard::upgraded);
}

void BroadcastShard::adopt(qintptr descriptor)
{
    if (m_tls.isNull()) {
        auto *socket = new QTcpSocket;
        socket->setSocketDescriptor(descriptor);
        socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        m_upgrader->handleConnection(socket);
        return;
    }
    // TLS first; the upgrade then runs over the encrypted socket like over a plain one.
    auto *socket = new QSslSocket;
    socket->setSocketDescriptor(descriptor);
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    socket->setSslConfiguration(m_tls);
    connect(socket, &QSslSocket::encrypted, this, [this, socket] {
        socket->disconnect(this);
        m_upgrader->handleConnection(socket);
    });
    connect(socket, &QAbstractSocket::disconnected, socket, &QObject::deleteLater);
    socket->startServerEncryption();
}

void BroadcastShard::upgraded()
{
    while (QWebSocket *socket = m_upgrader->nextPendingConnection()) {
        socket->setMaxAllowedIncomingFrameSize(MaxMessageBytes);
        socket->setMaxAllowedIncomingMessageSize(MaxMessageBytes);
        connect(socket, &QWebSocket::textMessageReceived, this,
                [this, socket](const QString &text) { textArrived(socket, text); });
        connect(socket, &QWebSocket::binaryMessageReceived, this,
                [this, socket](const QByteArray &bytes) { binaryArrived(socket, bytes); });
        connect(socket, &QWebSocket::disconnected, this, [this, socket] { closed(socket); });
    }
}

void BroadcastShard::textArrived(QWebSocket *socket, const QString &text)
{
    const QList<QStringView> words = QStringView(text).split(u' ', Qt::SkipEmptyParts);
    if (words.isEmpty() || words.first() != u"join")
        return;
    QList<quint32> &mine = m_memberships[socket];
    for (qsizetype i = 1; i < words.size(); ++i) {
        const quint32 room = words.at(i).toUInt();
        m_rooms[room].append(socket);
        mine.append(room);
    }
    socket->sendTextMessage(u"ok"_s);
}

void BroadcastShard::binaryArrived(QWebSocket *socket, const QByteArray &bytes)
{
    if (bytes.size() < 9 || bytes.front() != 'M')
        return;
    const quint32 room = qFromBigEndian<quint32>(bytes.constData() + 1);
    QByteArray ack(5, 'A');
    memcpy(ack.data() + 1, bytes.constData() + 5, 4);
    socket->sendBinaryMessage(ack);
    // Encoded once; the same bytes go to every member.
    QByteArray frame = bytes.left(5) + bytes.sliced(9);
    for (QWebSocket *member : m_rooms.value(room)) {
        if (member != socket)
            member->sendBinaryMessage(frame);
    }
    for (BroadcastShard *shard : std::as_const(m_shards)) {
        if (shard != this)
            QMetaObject::invokeMethod(shard, [shard, room, frame] { shard->deliver(room, frame); });
    }
}

void BroadcastShard::deliver(quint32 room, const QByteArray &frame)
{
    for (QWebSocket *member : m_rooms.value(room))
        member->sendBinaryMessage(frame);
}

void BroadcastShard::closed(QWebSocket *socket)
{
    for (quint32 room : m_memberships.take(socket)) {
        auto it = m_rooms.find(room);
        if (it != m_rooms.end()) {
            it->removeOne(socket);
            if (it->isEmpty())
                m_rooms.erase(it);
        }
    }
    socket->deleteLater();
}

BroadcastServer::BroadcastServer(int threads, const QSslConfiguration &tls, QObject *parent)
    : QTcpServer(parent)
{
    setListenBacklogSize(4096);
    setMaxPendingConnections(100000);
    for (int i = 0; i < threads; ++i)
        m_shards.append(new BroadcastShard(tls));
    for (int i = 0; i < threads; ++i) {
        BroadcastShard *shard = m_shards.at(i);
        shard->setShards(m_shards);
        auto *thread = new QThread(this);
        thread->setObjectName(u"rawqt-io-%1"_s.arg(i));
        shard->moveToThread(thread);
        connect(thread, &QThread::finished, shard, &QObject::deleteLater);
        thread->start();
        m_threads.append(thread);
    }
}

BroadcastServer::~BroadcastServer()
{
    for (QThread *thread : std::as_const(m_threads)) {
        thread->quit();
        thread->wait();
    }
}

void BroadcastServer::incomingConnection(qintptr descriptor)
{
    BroadcastShard *shard = m_shards.at(m_next++ % m_shards.size());
    QMetaObject::invokeMethod(shard, [shard, descriptor] { shard->adopt(descriptor); });
}

} // namespace Parley::Bench
