#include "FaultyLink.h"

#include <QtCore/QRandomGenerator>
#include <QtCore/QTimer>
#include <QtNetwork/QTcpSocket>

#include <sys/socket.h>

#include <algorithm>

namespace Parley {

FaultyLink::FaultyLink(quint16 targetPort, QObject *parent)
    : QObject(parent),
      m_targetPort(targetPort),
      m_flushTimer(new QTimer(this))
{
    m_clock.start();
    m_flushTimer->setInterval(5);
    connect(m_flushTimer, &QTimer::timeout, this, &FaultyLink::flush);
    connect(&m_server, &QTcpServer::newConnection, this, &FaultyLink::accept);
}

FaultyLink::~FaultyLink()
{
    while (!m_pipes.empty())
        close(m_pipes.back().get(), false);
}

bool FaultyLink::listen()
{
    if (!m_server.listen(QHostAddress::LocalHost, 0))
        return false;
    m_flushTimer->start();
    return true;
}

QUrl FaultyLink::url(QUrl serverUrl) const
{
    serverUrl.setPort(port());
    return serverUrl;
}

void FaultyLink::setDelay(int delayMs, int jitterMs)
{
    m_delayMs = delayMs;
    m_jitterMs = jitterMs;
}

void FaultyLink::setLoss(int percent, int stallMs)
{
    m_lossPercent = percent;
    m_stallMs = stallMs;
}

void FaultyLink::resetAll()
{
    while (!m_pipes.empty())
        close(m_pipes.back().get(), true);
}

void FaultyLink::setSilent(bool silent)
{
    if (m_silent == silent)
        return;
    m_silent = silent;
    if (silent) {
        for (auto &pipe : m_pipes)
            pipe->silenced = true;
        return;
    }
    // The peers sent into a void meanwhile: their connections are dead, as TCP would find.
    std::vector<Pipe *> stale;
    for (auto &pipe : m_pipes) {
        if (pipe->silenced)
            stale.push_back(pipe.get());
    }
    for (Pipe *pipe : stale)
        close(pipe, true);
    // Bytes that arrived on the listening side while silent are read now.
    for (auto &pipe : m_pipes) {
        read(pipe.get(), pipe->client);
        read(pipe.get(), pipe->server);
    }
}

void FaultyLink::accept()
{
    while (QTcpSocket *client = m_server.nextPendingConnection()) {
        ++m_accepted;
        auto pipe = std::make_unique<Pipe>();
        Pipe *p = pipe.get();
        p->client = client;
        p->silenced = m_silent;
        p->server = new QTcpSocket(this);
        client->setParent(this);
        for (QTcpSocket *socket : {p->client, p->server}) {
            connect(socket, &QTcpSocket::readyRead, this, [this, p, socket] { read(p, socket); });
            connect(socket, &QTcpSocket::disconnected, this, [this, p] {
                // A silent link carries no FIN either.
                if (!m_silent)
                    close(p, false);
            });
        }
        connect(p->server, &QTcpSocket::connected, this, &FaultyLink::flush);
        p->server->connectToHost(QHostAddress::LocalHost, m_targetPort);
        m_pipes.push_back(std::move(pipe));
    }
}

qint64 FaultyLink::dueFor(const std::deque<Chunk> &queue)
{
    auto *random = QRandomGenerator::global();
    qint64 due = m_clock.elapsed() + m_delayMs + (m_jitterMs ? random->bounded(m_jitterMs + 1) : 0);
    if (m_lossPercent && int(random->bounded(100)) < m_lossPercent)
        due += m_stallMs;
    // TCP keeps the order: never before the chunk ahead of it.
    if (!queue.empty())
        due = std::max(due, queue.back().dueMs);
    return due;
}

void FaultyLink::read(Pipe *pipe, QTcpSocket *from)
{
    // Silent: leave the bytes in the kernel, as a dead path leaves them unacknowledged.
    if (m_silent || !from)
        return;
    const QByteArray bytes = from->readAll();
    if (bytes.isEmpty())
        return;
    std::deque<Chunk> &queue = from == pipe->client ? pipe->toServer : pipe->toClient;
    queue.push_back({dueFor(queue), bytes});
}

void FaultyLink::flush()
{
    if (m_silent)
        return;
    const qint64 now = m_clock.elapsed();
    for (auto &pipe : m_pipes) {
        const auto send = [now](std::deque<Chunk> &queue, QTcpSocket *to) {
            if (to->state() != QAbstractSocket::ConnectedState)
                return;
            while (!queue.empty() && queue.front().dueMs <= now) {
                to->write(queue.front().bytes);
                queue.pop_front();
            }
        };
        send(pipe->toServer, pipe->server);
        send(pipe->toClient, pipe->client);
    }
}

void FaultyLink::close(Pipe *pipe, bool reset)
{
    auto it = std::find_if(m_pipes.begin(), m_pipes.end(),
                           [pipe](const auto &p) { return p.get() == pipe; });
    if (it == m_pipes.end())
        return;
    std::unique_ptr<Pipe> owned = std::move(*it);
    m_pipes.erase(it);
    for (QTcpSocket *socket : {owned->client, owned->server}) {
        socket->disconnect(this);
        if (reset && socket->socketDescriptor() >= 0) {
            // Linger 0: close() sends RST instead of FIN.
            const linger hard{1, 0};
            ::setsockopt(int(socket->socketDescriptor()), SOL_SOCKET, SO_LINGER, &hard,
                         sizeof hard);
        }
        socket->abort();
        socket->deleteLater();
    }
}

} // namespace Parley
