#pragma once

/// Who is online on any node, kept in Redis. Each node keeps a key `parley:node:ID` alive
/// (a TTL of half a heartbeat interval, renewed three times per TTL) and, per user, adds
/// itself to `parley:online:USER` while one of its sessions is that user. Changes run as Lua
/// scripts, so exactly one node sees a user go from nobody to somebody (and back) and tells
/// the user's contacts. A node that dies stops renewing its key; within the next sweep
/// (every TTL/2, by whichever node gets there first) its users are taken off, and those left
/// on no node go offline with the dead node's last renewal as their last-seen time.
/// Router thread only.

#include <QtCore/QHash>
#include <QtCore/QObject>
#include <QtCore/QSet>

#include <functional>

class QTimer;

namespace Parley {

class RedisBus;

class NodePresence : public QObject
{
    Q_OBJECT
public:
    NodePresence(RedisBus &bus, QByteArray nodeId, int ttlMs, QObject *parent = nullptr);

    /// Starts renewing and sweeping (each does nothing while Redis is away).
    void start();
    /// Renews this node's key now (after Redis came back).
    void renew();

    /// The user has sessions here (`online`) or none any more. `done(before, after)`: whether
    /// the user was online on any node before and after; not called if Redis is away.
    void report(qint64 userId, bool online, std::function<void(bool, bool)> done);
    /// Which of these users are online on some node; `done` gets nothing while Redis is away.
    void query(const QList<qint64> &userIds, std::function<void(QSet<qint64>)> done);

Q_SIGNALS:
    /// This node's key had expired (Redis restarted, or a sweep took it for dead): its users
    /// must be reported again.
    void registrationLost();
    /// The user's last node died; `lastSeen` is when that node last renewed its key.
    void wentAway(qint64 userId, qint64 lastSeen);

private:
    void sweep();

    RedisBus &m_bus;
    QByteArray m_nodeId;
    int m_ttlMs;
    QTimer *m_renew;
    QTimer *m_sweep;
};

} // namespace Parley
