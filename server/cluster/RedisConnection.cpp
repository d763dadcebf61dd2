#include "RedisConnection.h"

#include "Logging.h"

#include <QtCore/QSocketNotifier>
#include <QtCore/QTimer>

#include <hiredis/async.h>
#include <hiredis/hiredis.h>

#include <vector>

namespace Parley {

using namespace Qt::StringLiterals;

namespace {

/// hiredis' event hooks on two QSocketNotifiers (what adapters/qt.h does, in Qt 6 terms).
/// hiredis may drop a notifier from inside that notifier's own activation (a read that finds
/// the connection closed), so notifiers are disabled there and deleted later.
class EventHooks
{
public:
    explicit EventHooks(redisAsyncContext *ac) : m_ac(ac)
    {
        ac->ev.data = this;
        ac->ev.addRead = [](void *p) { static_cast<EventHooks *>(p)->add(QSocketNotifier::Read); };
        ac->ev.delRead = [](void *p) {
            static_cast<EventHooks *>(p)->remove(QSocketNotifier::Read);
        };
        ac->ev.addWrite = [](void *p) {
            static_cast<EventHooks *>(p)->add(QSocketNotifier::Write);
        };
        ac->ev.delWrite = [](void *p) {
            static_cast<EventHooks *>(p)->remove(QSocketNotifier::Write);
        };
        ac->ev.cleanup = [](void *p) { delete static_cast<EventHooks *>(p); };
    }
    ~EventHooks()
    {
        remove(QSocketNotifier::Read);
        remove(QSocketNotifier::Write);
    }

private:
    QSocketNotifier *&slot(QSocketNotifier::Type type)
    {
        return type == QSocketNotifier::Read ? m_read : m_write;
    }
    void add(QSocketNotifier::Type type)
    {
        QSocketNotifier *&n = slot(type);
        if (n)
            return;
        n = new QSocketNotifier(m_ac->c.fd, type);
        redisAsyncContext *ac = m_ac;
        QObject::connect(n, &QSocketNotifier::activated, n, [ac, type] {
            if (type == QSocketNotifier::Read)
                redisAsyncHandleRead(ac);
            else
                redisAsyncHandleWrite(ac);
        });
    }
    void remove(QSocketNotifier::Type type)
    {
        QSocketNotifier *&n = slot(type);
        if (!n)
            return;
        n->setEnabled(false);
        QObject::disconnect(n, nullptr, nullptr, nullptr);
        n->deleteLater();
        n = nullptr;
    }

    redisAsyncContext *m_ac;
    QSocketNotifier *m_read = nullptr;
    QSocketNotifier *m_write = nullptr;
};

RedisReply copy(const redisReply *r)
{
    RedisReply out;
    if (!r)
        return out;
    switch (r->type) {
    case REDIS_REPLY_INTEGER:
        out.type = RedisReply::Type::Integer;
        out.integer = r->integer;
        break;
    case REDIS_REPLY_STRING:
    case REDIS_REPLY_STATUS:
    case REDIS_REPLY_ERROR:
        out.type = r->type == REDIS_REPLY_STRING ? RedisReply::Type::String
                : r->type == REDIS_REPLY_STATUS  ? RedisReply::Type::Status
                                                 : RedisReply::Type::Error;
        out.string = QByteArray(r->str, qsizetype(r->len));
        break;
    case REDIS_REPLY_ARRAY:
        out.type = RedisReply::Type::Array;
        out.elements.reserve(qsizetype(r->elements));
        for (size_t i = 0; i < r->elements; ++i)
            out.elements.append(copy(r->element[i]));
        break;
    default:
        break;
    }
    return out;
}

struct Pending
{
    RedisConnection *connection;
    RedisConnection::Callback done;
};

} // namespace

RedisConnection::RedisConnection(RedisUrl url, const QString &name, QObject *parent)
    : QObject(parent),
      m_url(std::move(url)),
      m_name(name),
      m_retry(new QTimer(this))
{
    m_retry->setSingleShot(true);
    m_retry->setInterval(ReconnectMs);
    connect(m_retry, &QTimer::timeout, this, &RedisConnection::connectNow);
}

RedisConnection::~RedisConnection()
{
    m_closing = true;
    if (m_ctx)
        redisAsyncFree(m_ctx); // pending callbacks run now, and see m_closing
}

void RedisConnection::start()
{
    connectNow();
}

void RedisConnection::connectNow()
{
    if (m_ctx || m_closing)
        return;
    redisAsyncContext *ac = redisAsyncConnect(m_url.host.toUtf8().constData(), m_url.port);
    if (!ac || ac->err) {
        if (ac)
            redisAsyncFree(ac);
        m_retry->start();
        return;
    }
    ac->data = this;
    new EventHooks(ac); // owned by the context: freed by its cleanup hook
    redisAsyncSetConnectCallback(ac, &RedisConnection::onConnect);
    redisAsyncSetDisconnectCallback(ac, &RedisConnection::onDisconnect);
    m_ctx = ac;
}

void RedisConnection::onConnect(const redisAsyncContext *ac, int status)
{
    auto *self = static_cast<RedisConnection *>(ac->data);
    if (!self || self->m_closing)
        return;
    if (status != REDIS_OK) {
        // hiredis frees the context after this returns.
        self->m_ctx = nullptr;
        self->m_retry->start();
        return;
    }
    redisEnableKeepAlive(const_cast<redisContext *>(&ac->c));
    if (self->m_url.database != 0)
        self->command({"SELECT", QByteArray::number(self->m_url.database)});
    self->m_connected = true;
    if (!self->m_everConnected)
        qCInfo(lcServerCluster).noquote() << "redis" << self->m_name << "connection up";
    else
        qCInfo(lcServerCluster).noquote() << "redis" << self->m_name << "connection back";
    self->m_everConnected = true;
    Q_EMIT self->connected();
}

void RedisConnection::onDisconnect(const redisAsyncContext *ac, int)
{
    auto *self = static_cast<RedisConnection *>(ac->data);
    if (!self)
        return;
    self->m_ctx = nullptr; // hiredis frees it after this returns
    if (self->m_closing)
        return;
    self->lost();
}

void RedisConnection::lost()
{
    const bool was = std::exchange(m_connected, false);
    if (was) {
        qCWarning(lcServerCluster).noquote() << "redis" << m_name << "connection lost; retrying";
        Q_EMIT disconnected();
    }
    m_retry->start();
}

void RedisConnection::onReply(redisAsyncContext *, void *reply, void *privdata)
{
    auto *pending = static_cast<Pending *>(privdata);
    if (!pending->connection->m_closing && pending->done) {
        if (reply) {
            pending->done(copy(static_cast<redisReply *>(reply)));
        } else {
            RedisReply error;
            error.type = RedisReply::Type::Error;
            error.string = "connection lost";
            pending->done(error);
        }
    }
    delete pending;
}

void RedisConnection::onMessage(redisAsyncContext *ac, void *reply, void *)
{
    auto *self = static_cast<RedisConnection *>(ac->data);
    auto *r = static_cast<redisReply *>(reply);
    if (!self || self->m_closing || !r || r->type != REDIS_REPLY_ARRAY || r->elements != 3)
        return;
    if (qstrncmp(r->element[0]->str, "message", r->element[0]->len) != 0 || r->element[0]->len != 7)
        return; // a (un)subscribe confirmation
    Q_EMIT self->messageReceived(QByteArray(r->element[1]->str, qsizetype(r->element[1]->len)),
                                 QByteArray(r->element[2]->str, qsizetype(r->element[2]->len)));
}

bool RedisConnection::sendArgv(const char *verb, const QList<QByteArray> &args, bool forMessages,
                               Callback done)
{
    if (!m_connected || !m_ctx)
        return false;
    std::vector<const char *> argv;
    std::vector<size_t> lengths;
    argv.reserve(size_t(args.size()) + 1);
    lengths.reserve(size_t(args.size()) + 1);
    if (verb) {
        argv.push_back(verb);
        lengths.push_back(qstrlen(verb));
    }
    for (const QByteArray &a : args) {
        argv.push_back(a.constData());
        lengths.push_back(size_t(a.size()));
    }
    int rc;
    if (forMessages) {
        rc = redisAsyncCommandArgv(m_ctx, &RedisConnection::onMessage, nullptr, int(argv.size()),
                                   argv.data(), lengths.data());
    } else if (!done) {
        rc = redisAsyncCommandArgv(m_ctx, nullptr, nullptr, int(argv.size()), argv.data(),
                                   lengths.data());
    } else {
        auto *pending = new Pending{this, std::move(done)};
        rc = redisAsyncCommandArgv(m_ctx, &RedisConnection::onReply, pending, int(argv.size()),
                                   argv.data(), lengths.data());
        if (rc != REDIS_OK)
            delete pending;
    }
    return rc == REDIS_OK;
}

bool RedisConnection::command(const QList<QByteArray> &args, Callback done)
{
    return sendArgv(nullptr, args, false, std::move(done));
}

bool RedisConnection::subscribe(const QList<QByteArray> &channels)
{
    return channels.isEmpty() || sendArgv("SUBSCRIBE", channels, true, {});
}

bool RedisConnection::unsubscribe(const QList<QByteArray> &channels)
{
    return channels.isEmpty() || sendArgv("UNSUBSCRIBE", channels, true, {});
}

} // namespace Parley
