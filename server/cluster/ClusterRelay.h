#pragma once

/// What makes several nodes one server (docs/scaling.md): every push that routing makes is
/// also published over Redis to the channels of the users (or the device) it is for, and what
/// other nodes publish is pushed to this node's sessions. Each node subscribes to the channel
/// of every user and device connected to it, and to the directory channel (membership, blocks
/// and who hides their last seen, which every node keeps in memory). PostgreSQL stays the only truth: an event lost
/// while Redis is away only delays a push; when Redis is back, the node reloads its directory
/// from the database and tells its devices which conversations moved, and they catch up.
/// Router thread only.

#include "session/SessionAddress.h"

#include <QtCore/QByteArray>
#include <QtCore/QList>
#include <QtCore/QObject>
#include <QtCore/QSet>

#include <functional>

namespace Parley {

struct ClusterEvent;
class NodePresence;
class PushSequencer;
class RedisBus;
class RouteContext;
struct Conversation;
struct Metrics;
struct Presence;
struct RedisUrl;
struct Snapshot;

class ClusterRelay : public QObject
{
    Q_OBJECT
public:
    ClusterRelay(RouteContext &context, const RedisUrl &url, QObject *parent = nullptr);
    ~ClusterRelay() override;

    /// Connects to Redis (and keeps reconnecting); the node works without it meanwhile.
    void start();
    QByteArray nodeId() const { return m_nodeId; }
    bool isUp() const;

    // From routing, after the local push.
    void pushed(const QList<qint64> &userIds, const QByteArray &frame);
    void pushedToDevice(qint64 deviceId, const QByteArray &frame);
    /// A log entry: pushed here in order (through the sequencer) and published.
    void pushMessage(qint64 conversationId, qint64 seq, qint64 senderUserId,
                     const QList<qint64> &userIds, const QByteArray &frame, SessionAddress except);
    void conversationChanged(const Conversation &conversation);
    void blockChanged(qint64 userId, qint64 otherUserId, bool blocked);
    /// The user now hides (or shows) when they were last seen: every node withholds alike.
    void privacyChanged(qint64 userId, bool hidesLastSeen);
    void deviceRevoked(qint64 deviceId);
    /// A user's presence as pushed to `viewers` here: their nodes push it and learn it.
    void pushedPresence(const QList<qint64> &viewers, const Presence &presence,
                        const QByteArray &frame);
    /// See NodePresence::report() and query().
    void reportPresence(qint64 userId, bool online, std::function<void(bool, bool)> done);
    void queryOnline(const QList<qint64> &userIds, std::function<void(QSet<qint64>)> done);
    /// A session authenticated / closed (after the registry knows).
    void sessionAuthenticated(qint64 userId, qint64 deviceId);
    void sessionClosed(qint64 userId, qint64 deviceId);

Q_SIGNALS:
    /// Redis went away (false) or came back (true).
    void availabilityChanged(bool up);
    /// The directory was reloaded from the database after Redis came back.
    void resynced();

private:
    void received(const QByteArray &channel, const QByteArray &payload);
    void publish(const QByteArray &channel, const ClusterEvent &event);
    void deliver(qint64 userId, const QByteArray &frame, SessionAddress except);
    void busUp();
    void busDown();
    void resync();
    void applySnapshot(const Snapshot &snapshot);

    RouteContext &m_ctx;
    QByteArray m_nodeId;
    RedisBus *m_bus;
    PushSequencer *m_sequencer;
    NodePresence *m_nodePresence;
    bool m_everUp = false;
    bool m_wasDown = false;
    bool m_resyncing = false;
    bool m_resyncAgain = false;
};

} // namespace Parley
