#pragma once

/// Publish/subscribe between parleyd nodes over Redis: one connection for commands and
/// PUBLISH, one for SUBSCRIBE (Redis gives a subscribed connection no other commands). It
/// remembers its channels and subscribes them again after every reconnect. Lives on the
/// router thread; nothing here blocks.

#include "RedisConnection.h"

#include <QtCore/QSet>

namespace Parley {

class RedisBus : public QObject
{
    Q_OBJECT
public:
    explicit RedisBus(const RedisUrl &url, QObject *parent = nullptr);

    void start();
    /// Both connections are up (messages published now reach the other nodes).
    bool isUp() const { return m_up; }

    /// Fire and forget: dropped while Redis is away (nodes then catch up from the database).
    void publish(const QByteArray &channel, const QByteArray &payload);
    /// Idempotent; kept across reconnects.
    void subscribe(const QByteArray &channel);
    void unsubscribe(const QByteArray &channel);
    /// Any other command, on the command connection; false while it is down.
    bool command(const QList<QByteArray> &args, RedisConnection::Callback done = {});

Q_SIGNALS:
    /// Both connections are up again and every channel is subscribed.
    void up();
    /// A connection dropped: what is published meanwhile is lost.
    void down();
    void messageReceived(const QByteArray &channel, const QByteArray &payload);

private:
    void update();
    void resubscribe();

    RedisConnection *m_commands;
    RedisConnection *m_subscriber;
    QSet<QByteArray> m_channels;
    bool m_up = false;
};

} // namespace Parley
