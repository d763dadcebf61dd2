#include "NodePresence.h"

#include "Logging.h"
#include "RedisBus.h"

#include <QtCore/QDateTime>
#include <QtCore/QTimer>

namespace Parley {

namespace {

// KEYS: online:USER, nodeusers:NODE. ARGV: node, user, "1" (has sessions here) or "0".
// Returns {nodes before, nodes after}; nodes whose key expired do not count (and are dropped).
const QByteArray ReportScript = R"lua(
local before = 0
for _, node in ipairs(redis.call('SMEMBERS', KEYS[1])) do
  if redis.call('EXISTS', 'parley:node:' .. node) == 1 then
    before = before + 1
  else
    redis.call('SREM', KEYS[1], node)
  end
end
if ARGV[3] == '1' then
  redis.call('SADD', KEYS[1], ARGV[1])
  redis.call('SADD', KEYS[2], ARGV[2])
else
  redis.call('SREM', KEYS[1], ARGV[1])
  redis.call('SREM', KEYS[2], ARGV[2])
end
return {before, redis.call('SCARD', KEYS[1])}
)lua";

// ARGV: user ids. Returns 1 or 0 per user: online on a node whose key is alive.
const QByteArray QueryScript = R"lua(
local out = {}
for i, user in ipairs(ARGV) do
  out[i] = 0
  for _, node in ipairs(redis.call('SMEMBERS', 'parley:online:' .. user)) do
    if redis.call('EXISTS', 'parley:node:' .. node) == 1 then
      out[i] = 1
      break
    end
  end
end
return out
)lua";

// Takes every node whose key expired out of the registry. Returns {user, last seen, ...} for
// the users who are then online nowhere.
const QByteArray SweepScript = R"lua(
local gone = {}
for _, node in ipairs(redis.call('SMEMBERS', 'parley:nodes')) do
  if redis.call('EXISTS', 'parley:node:' .. node) == 0 then
    redis.call('SREM', 'parley:nodes', node)
    local seen = redis.call('HGET', 'parley:nodeseen', node) or '0'
    redis.call('HDEL', 'parley:nodeseen', node)
    for _, user in ipairs(redis.call('SMEMBERS', 'parley:nodeusers:' .. node)) do
      redis.call('SREM', 'parley:online:' .. user, node)
      if redis.call('SCARD', 'parley:online:' .. user) == 0 then
        table.insert(gone, user)
        table.insert(gone, seen)
      end
    end
    redis.call('DEL', 'parley:nodeusers:' .. node)
  end
end
return gone
)lua";

} // namespace

NodePresence::NodePresence(RedisBus &bus, QByteArray nodeId, int ttlMs, QObject *parent)
    : QObject(parent),
      m_bus(bus),
      m_nodeId(std::move(nodeId)),
      m_ttlMs(ttlMs),
      m_renew(new QTimer(this)),
      m_sweep(new QTimer(this))
{
    m_renew->setInterval(std::max(100, ttlMs / 3));
    m_sweep->setInterval(std::max(100, ttlMs / 2));
    connect(m_renew, &QTimer::timeout, this, &NodePresence::renew);
    connect(m_sweep, &QTimer::timeout, this, &NodePresence::sweep);
}

void NodePresence::start()
{
    m_renew->start();
    m_sweep->start();
    renew();
}

void NodePresence::renew()
{
    const QByteArray now = QByteArray::number(QDateTime::currentMSecsSinceEpoch());
    const bool sent = m_bus.command(
            {"SET", "parley:node:" + m_nodeId, now, "PX", QByteArray::number(m_ttlMs), "GET"},
            [this](const RedisReply &previous) {
                if (previous.type == RedisReply::Type::Nil)
                    Q_EMIT registrationLost();
            });
    if (!sent)
        return;
    m_bus.command({"HSET", "parley:nodeseen", m_nodeId, now});
    m_bus.command({"SADD", "parley:nodes", m_nodeId});
}

void NodePresence::report(qint64 userId, bool online, std::function<void(bool, bool)> done)
{
    const QByteArray user = QByteArray::number(userId);
    m_bus.command({"EVAL", ReportScript, "2", "parley:online:" + user,
                   "parley:nodeusers:" + m_nodeId, m_nodeId, user, online ? "1" : "0"},
                  [done = std::move(done)](const RedisReply &r) {
                      if (r.type != RedisReply::Type::Array || r.elements.size() != 2)
                          return; // Redis went away: reported again when it is back
                      done(r.elements[0].integer > 0, r.elements[1].integer > 0);
                  });
}

void NodePresence::query(const QList<qint64> &userIds, std::function<void(QSet<qint64>)> done)
{
    if (userIds.isEmpty()) {
        done({});
        return;
    }
    QList<QByteArray> args{"EVAL", QueryScript, "0"};
    for (qint64 u : userIds)
        args.append(QByteArray::number(u));
    auto shared = std::make_shared<std::function<void(QSet<qint64>)>>(std::move(done));
    const bool sent = m_bus.command(args, [shared, userIds](const RedisReply &r) {
        QSet<qint64> online;
        if (r.type == RedisReply::Type::Array && r.elements.size() == userIds.size()) {
            for (qsizetype i = 0; i < userIds.size(); ++i) {
                if (r.elements[i].integer)
                    online.insert(userIds[i]);
            }
        }
        (*shared)(online);
    });
    if (!sent)
        (*shared)({});
}

void NodePresence::sweep()
{
    m_bus.command({"EVAL", SweepScript, "0"}, [this](const RedisReply &r) {
        if (r.type != RedisReply::Type::Array)
            return;
        for (qsizetype i = 0; i + 1 < r.elements.size(); i += 2) {
            const qint64 user = r.elements[i].string.toLongLong();
            const qint64 seen = r.elements[i + 1].string.toLongLong();
            qCInfo(lcServerCluster) << "user" << user << "went away with a node that stopped";
            Q_EMIT wentAway(user, seen);
        }
    });
}

} // namespace Parley
