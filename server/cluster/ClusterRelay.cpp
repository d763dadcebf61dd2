#include "ClusterRelay.h"

#include "ClusterEvent.h"
#include "Logging.h"
#include "NodePresence.h"
#include "PushSequencer.h"
#include "RedisBus.h"
#include "admin/ServerConfig.h"
#include "presence/PresenceTracker.h"
#include "routing/RouteContext.h"
#include "store/Store.h"

#include <QtCore/QRandomGenerator>

namespace Parley {

using namespace Qt::StringLiterals;

namespace {

QByteArray newNodeId()
{
    quint64 bytes[2];
    QRandomGenerator::system()->fillRange(bytes);
    return QByteArray(reinterpret_cast<const char *>(bytes), sizeof bytes).toHex().left(16);
}

/// Who is in it and what it is called: what a device must hear about when it changed.
bool sameShape(const Conversation &a, const Conversation &b)
{
    if (a.lastSeq != b.lastSeq || a.title != b.title || a.members.size() != b.members.size())
        return false;
    for (qsizetype i = 0; i < a.members.size(); ++i) {
        if (a.members[i].userId != b.members[i].userId || a.members[i].role != b.members[i].role)
            return false;
    }
    return true;
}

} // namespace

ClusterRelay::ClusterRelay(RouteContext &context, const RedisUrl &url, QObject *parent)
    : QObject(parent),
      m_ctx(context),
      m_nodeId(newNodeId()),
      m_bus(new RedisBus(url, this)),
      m_sequencer(new PushSequencer([this](qint64 user, const QByteArray &frame,
                                           SessionAddress except) { deliver(user, frame, except); },
                                    this)),
      // A node that dies takes its users offline within one heartbeat interval.
      m_nodePresence(
              new NodePresence(*m_bus, m_nodeId, context.config.heartbeatSeconds * 500, this))
{
    connect(m_nodePresence, &NodePresence::registrationLost, this,
            [this] { m_ctx.presence->reportAll(); });
    connect(m_nodePresence, &NodePresence::wentAway, this,
            [this](qint64 user, qint64 lastSeen) { m_ctx.presence->wentAway(user, lastSeen); });
    connect(m_bus, &RedisBus::messageReceived, this, &ClusterRelay::received);
    connect(m_bus, &RedisBus::up, this, &ClusterRelay::busUp);
    connect(m_bus, &RedisBus::down, this, &ClusterRelay::busDown);
    qCInfo(lcServerCluster).noquote()
            << "cluster mode: node" << m_nodeId << "- redis" << url.displayName();
}

ClusterRelay::~ClusterRelay() = default;

void ClusterRelay::start()
{
    m_bus->subscribe(ClusterChannel::directory());
    m_bus->start();
    m_nodePresence->start();
}

bool ClusterRelay::isUp() const
{
    return m_bus->isUp();
}

void ClusterRelay::publish(const QByteArray &channel, const ClusterEvent &event)
{
    if (m_bus->isUp())
        m_bus->publish(channel, event.encode());
}

void ClusterRelay::pushed(const QList<qint64> &userIds, const QByteArray &frame)
{
    if (!m_bus->isUp() || userIds.isEmpty())
        return;
    ClusterEvent e;
    e.origin = m_nodeId;
    e.kind = ClusterEvent::Kind::Push;
    e.frame = frame;
    const QByteArray bytes = e.encode(); // once for every channel
    for (qint64 user : userIds)
        m_bus->publish(ClusterChannel::user(user), bytes);
}

void ClusterRelay::pushedToDevice(qint64 deviceId, const QByteArray &frame)
{
    ClusterEvent e;
    e.origin = m_nodeId;
    e.kind = ClusterEvent::Kind::Push;
    e.frame = frame;
    publish(ClusterChannel::device(deviceId), e);
}

void ClusterRelay::pushMessage(qint64 conversationId, qint64 seq, qint64 senderUserId,
                               const QList<qint64> &userIds, const QByteArray &frame,
                               SessionAddress except)
{
    for (qint64 user : userIds) {
        if (m_ctx.sessions.isOnline(user))
            m_sequencer->offer(conversationId, user, seq, frame, except);
    }
    if (!m_bus->isUp())
        return;
    ClusterEvent e;
    e.origin = m_nodeId;
    e.kind = ClusterEvent::Kind::Message;
    e.conversationId = conversationId;
    e.seq = seq;
    e.userId = senderUserId;
    e.frame = frame;
    const QByteArray bytes = e.encode();
    for (qint64 user : userIds)
        m_bus->publish(ClusterChannel::user(user), bytes);
}

void ClusterRelay::conversationChanged(const Conversation &conversation)
{
    ClusterEvent e;
    e.origin = m_nodeId;
    e.kind = ClusterEvent::Kind::Conversation;
    e.conversation = conversation;
    for (const Member &m : conversation.members)
        e.roleSince.insert(m.userId, m_ctx.directory.roleSince(conversation.id, m.userId));
    publish(ClusterChannel::directory(), e);
}

void ClusterRelay::blockChanged(qint64 userId, qint64 otherUserId, bool blocked)
{
    ClusterEvent e;
    e.origin = m_nodeId;
    e.kind = ClusterEvent::Kind::Block;
    e.userId = userId;
    e.otherUserId = otherUserId;
    e.flag = blocked;
    publish(ClusterChannel::directory(), e);
}

void ClusterRelay::privacyChanged(qint64 userId, bool hidesLastSeen)
{
    ClusterEvent e;
    e.origin = m_nodeId;
    e.kind = ClusterEvent::Kind::Privacy;
    e.userId = userId;
    e.flag = hidesLastSeen;
    publish(ClusterChannel::directory(), e);
}

void ClusterRelay::deviceRevoked(qint64 deviceId)
{
    ClusterEvent e;
    e.origin = m_nodeId;
    e.kind = ClusterEvent::Kind::Revoke;
    publish(ClusterChannel::device(deviceId), e);
}

void ClusterRelay::pushedPresence(const QList<qint64> &viewers, const Presence &presence,
                                  const QByteArray &frame)
{
    if (!m_bus->isUp())
        return;
    ClusterEvent e;
    e.origin = m_nodeId;
    e.kind = ClusterEvent::Kind::Presence;
    e.userId = presence.userId;
    e.flag = presence.online;
    e.seq = presence.lastSeen;
    e.frame = frame;
    const QByteArray bytes = e.encode();
    for (qint64 viewer : viewers)
        m_bus->publish(ClusterChannel::user(viewer), bytes);
}

void ClusterRelay::reportPresence(qint64 userId, bool online, std::function<void(bool, bool)> done)
{
    if (m_bus->isUp())
        m_nodePresence->report(userId, online, std::move(done));
}

void ClusterRelay::queryOnline(const QList<qint64> &userIds, std::function<void(QSet<qint64>)> done)
{
    if (m_bus->isUp())
        m_nodePresence->query(userIds, std::move(done));
    else
        done({});
}

void ClusterRelay::sessionAuthenticated(qint64 userId, qint64 deviceId)
{
    m_bus->subscribe(ClusterChannel::user(userId));
    m_bus->subscribe(ClusterChannel::device(deviceId));
}

void ClusterRelay::sessionClosed(qint64 userId, qint64 deviceId)
{
    if (m_ctx.sessions.ofDevice(deviceId).isEmpty())
        m_bus->unsubscribe(ClusterChannel::device(deviceId));
    if (!m_ctx.sessions.isOnline(userId)) {
        m_bus->unsubscribe(ClusterChannel::user(userId));
        m_sequencer->forgetUser(userId);
    }
}

void ClusterRelay::deliver(qint64 userId, const QByteArray &frame, SessionAddress except)
{
    QList<SessionAddress> to;
    m_ctx.sessions.collect({userId}, except, to);
    if (!to.isEmpty())
        m_ctx.delivery->send(to, frame);
}

void ClusterRelay::received(const QByteArray &channel, const QByteArray &payload)
{
    const std::optional<ClusterEvent> e = ClusterEvent::decode(payload);
    if (!e) {
        qCWarning(lcServerCluster) << "unreadable cluster event on" << channel;
        return;
    }
    if (e->origin == m_nodeId)
        return; // pushed here already
    bool isDevice = false;
    const qint64 id = ClusterChannel::idOf(channel, &isDevice);
    switch (e->kind) {
    case ClusterEvent::Kind::Presence:
        m_ctx.presence->learn(e->userId, e->flag, e->seq);
        [[fallthrough]];
    case ClusterEvent::Kind::Push: {
        const QList<SessionAddress> to =
                isDevice ? m_ctx.sessions.ofDevice(id) : m_ctx.sessions.ofUser(id);
        if (!to.isEmpty())
            m_ctx.delivery->send(to, e->frame);
        return;
    }
    case ClusterEvent::Kind::Message:
        m_ctx.directory.setLastSeq(e->conversationId, e->seq);
        m_ctx.directory.noteSent(e->conversationId, e->userId, e->seq);
        if (!isDevice && m_ctx.sessions.isOnline(id))
            m_sequencer->offer(e->conversationId, id, e->seq, e->frame);
        return;
    case ClusterEvent::Kind::Conversation:
        if (e->conversation)
            m_ctx.directory.learn(*e->conversation, e->roleSince);
        return;
    case ClusterEvent::Kind::Block:
        m_ctx.directory.setBlocked(e->userId, e->otherUserId, e->flag);
        return;
    case ClusterEvent::Kind::Privacy:
        // The node where it changed told the contacts; here it only shapes what comes next.
        m_ctx.presence->learnLastSeenHidden(e->userId, e->flag);
        return;
    case ClusterEvent::Kind::Revoke: {
        const QList<SessionAddress> sessions = m_ctx.sessions.ofDevice(id);
        if (!isDevice || sessions.isEmpty())
            return;
        qCInfo(lcServerCluster) << "device" << id
                                << "was revoked on another node: closing its sessions";
        const QByteArray frame =
                FrameCodec::encodeError(-1, ErrorCode::InvalidToken, u"this device was revoked"_s);
        for (const SessionAddress &a : sessions)
            m_ctx.delivery->close(a, frame);
        return;
    }
    case ClusterEvent::Kind::Resync:
        resync();
        return;
    }
}

void ClusterRelay::busUp()
{
    Q_EMIT availabilityChanged(true);
    m_nodePresence->renew(); // after a Redis restart: registers this node and its users again
    const bool first = !m_everUp;
    m_everUp = true;
    if (first && !m_wasDown)
        return; // connected at start: the directory was just loaded
    m_wasDown = false;
    // What this node published while away was lost for the others, and the others' events for
    // it: everyone reloads.
    ClusterEvent e;
    e.origin = m_nodeId;
    e.kind = ClusterEvent::Kind::Resync;
    publish(ClusterChannel::directory(), e);
    resync();
}

void ClusterRelay::busDown()
{
    m_wasDown = true;
    Q_EMIT availabilityChanged(false);
}

void ClusterRelay::resync()
{
    if (m_resyncing) {
        m_resyncAgain = true;
        return;
    }
    m_resyncing = true;
    m_ctx.store.run<Snapshot>(
            m_ctx.thread, [](Database &db) { return db.snapshot().load(); },
            [this](Result<Snapshot> snapshot) {
                m_resyncing = false;
                if (snapshot)
                    applySnapshot(*snapshot);
                else
                    qCWarning(lcServerCluster) << "cluster resync failed; trying again";
                if (!snapshot || std::exchange(m_resyncAgain, false))
                    resync();
            });
}

void ClusterRelay::applySnapshot(const Snapshot &snapshot)
{
    QList<Conversation> changed;
    QHash<qint64, QList<qint64>> formerMembers;
    for (const Conversation &c : snapshot.conversations) {
        const Conversation *old = m_ctx.directory.find(c.id);
        if (old && sameShape(*old, c))
            continue;
        changed.append(c);
        if (old)
            formerMembers.insert(c.id, m_ctx.directory.memberIds(c.id));
    }
    m_ctx.directory.load(snapshot);
    m_ctx.presence->load(snapshot.lastSeen, snapshot.lastSeenHidden);
    m_sequencer->reset();
    // Each device here hears, for each of its conversations that moved meanwhile, its state
    // with the last seq: the client catches up from there (a `history` after its cursor).
    for (const Conversation &c : std::as_const(changed)) {
        QList<qint64> users = m_ctx.directory.memberIds(c.id);
        for (qint64 u : formerMembers.value(c.id)) {
            if (!users.contains(u))
                users.append(u);
        }
        QList<SessionAddress> to;
        m_ctx.sessions.collect(users, {}, to);
        if (!to.isEmpty())
            m_ctx.delivery->send(to, FrameCodec::encode(ConversationInfoFrame{c}));
    }
    qCInfo(lcServerCluster) << "cluster resync:" << changed.size()
                            << "conversations changed while redis was away";
    Q_EMIT resynced();
}

} // namespace Parley
