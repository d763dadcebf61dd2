#pragma once

/// One asynchronous hiredis connection, driven by the Qt event loop of the thread it lives on,
/// that connects again by itself (every ReconnectMs) whenever it drops.
///
/// Debian 12's hiredis 0.14 ships adapters/qt.h, but it connects QSocketNotifier::activated(int),
/// a signal Qt 6 no longer has, by its string name (and needs moc on a system header): the few
/// lines of the same event hooks live in RedisConnection.cpp instead.

#include "RedisUrl.h"

#include <QtCore/QByteArray>
#include <QtCore/QList>
#include <QtCore/QObject>

#include <functional>

struct redisAsyncContext;
class QTimer;

namespace Parley {

/// One reply, copied out of hiredis.
struct RedisReply
{
    enum class Type : quint8 { Nil, Integer, String, Status, Error, Array };
    Type type = Type::Nil;
    qint64 integer = 0;
    QByteArray string; ///< String, Status and Error
    QList<RedisReply> elements;

    bool isError() const { return type == Type::Error; }
};

class RedisConnection : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(const RedisReply &)>;
    static constexpr int ReconnectMs = 500;

    RedisConnection(RedisUrl url, const QString &name, QObject *parent = nullptr);
    ~RedisConnection() override;

    /// Connects (asynchronously) and keeps connecting after every loss.
    void start();
    bool isConnected() const { return m_connected; }

    /// Sends a command; false (and nothing sent) while disconnected. `done` gets the reply, or
    /// an Error reply if the connection drops first; it runs on this object's thread.
    bool command(const QList<QByteArray> &args, Callback done = {});
    /// SUBSCRIBE / UNSUBSCRIBE (this connection then carries only those); messages arrive as
    /// messageReceived().
    bool subscribe(const QList<QByteArray> &channels);
    bool unsubscribe(const QList<QByteArray> &channels);

Q_SIGNALS:
    void connected();
    void disconnected();
    void messageReceived(const QByteArray &channel, const QByteArray &payload);

private:
    static void onConnect(const redisAsyncContext *ac, int status);
    static void onDisconnect(const redisAsyncContext *ac, int status);
    static void onReply(redisAsyncContext *ac, void *reply, void *privdata);
    static void onMessage(redisAsyncContext *ac, void *reply, void *privdata);
    void connectNow();
    void lost();
    bool sendArgv(const char *verb, const QList<QByteArray> &args, bool forMessages, Callback done);

    RedisUrl m_url;
    QString m_name;
    redisAsyncContext *m_ctx = nullptr;
    QTimer *m_retry;
    bool m_connected = false;
    bool m_closing = false;
    bool m_everConnected = false;
};

} // namespace Parley
