#include "RedisBus.h"

namespace Parley {

using namespace Qt::StringLiterals;

namespace {
// Channels per SUBSCRIBE command when subscribing again after a reconnect.
constexpr qsizetype SubscribeChunk = 512;
} // namespace

RedisBus::RedisBus(const RedisUrl &url, QObject *parent)
    : QObject(parent),
      m_commands(new RedisConnection(url, u"commands"_s, this)),
      m_subscriber(new RedisConnection(url, u"subscriber"_s, this))
{
    connect(m_commands, &RedisConnection::connected, this, &RedisBus::update);
    connect(m_commands, &RedisConnection::disconnected, this, &RedisBus::update);
    connect(m_subscriber, &RedisConnection::connected, this, [this] {
        resubscribe();
        update();
    });
    connect(m_subscriber, &RedisConnection::disconnected, this, &RedisBus::update);
    connect(m_subscriber, &RedisConnection::messageReceived, this, &RedisBus::messageReceived);
}

void RedisBus::start()
{
    m_commands->start();
    m_subscriber->start();
}

void RedisBus::update()
{
    const bool up = m_commands->isConnected() && m_subscriber->isConnected();
    if (up == m_up)
        return;
    m_up = up;
    if (up)
        Q_EMIT this->up();
    else
        Q_EMIT down();
}

void RedisBus::resubscribe()
{
    QList<QByteArray> chunk;
    for (const QByteArray &channel : std::as_const(m_channels)) {
        chunk.append(channel);
        if (chunk.size() == SubscribeChunk) {
            m_subscriber->subscribe(chunk);
            chunk.clear();
        }
    }
    m_subscriber->subscribe(chunk);
}

void RedisBus::publish(const QByteArray &channel, const QByteArray &payload)
{
    m_commands->command({"PUBLISH", channel, payload});
}

void RedisBus::subscribe(const QByteArray &channel)
{
    if (m_channels.contains(channel))
        return;
    m_channels.insert(channel);
    m_subscriber->subscribe({channel}); // while down: done by resubscribe()
}

void RedisBus::unsubscribe(const QByteArray &channel)
{
    if (m_channels.remove(channel))
        m_subscriber->unsubscribe({channel});
}

bool RedisBus::command(const QList<QByteArray> &args, RedisConnection::Callback done)
{
    return m_commands->command(args, std::move(done));
}

} // namespace Parley
