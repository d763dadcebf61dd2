#pragma once

/// Who is online: a user is online while any of their devices has an authenticated session
/// (sessions that stop answering heartbeats are dropped by their I/O thread). Changes are
/// coalesced for a short delay and then pushed, encoded once per user, to the online sessions
/// of everyone who shares a conversation with that user. In a cluster "online" means on any
/// node: each node reports its own sessions to Redis (NodePresence), and the node that sees a
/// user's first device arrive or last device leave cluster-wide tells the contacts. Router
/// thread only.

#include "model/Signals.h"

#include <QtCore/QHash>
#include <QtCore/QObject>
#include <QtCore/QSet>

class QTimer;

namespace Parley {

class RouteContext;

class PresenceTracker : public QObject
{
    Q_OBJECT
public:
    PresenceTracker(RouteContext &context, int delayMs, QObject *parent = nullptr);

    void load(const QHash<qint64, qint64> &lastSeen);
    /// A session of the user authenticated.
    void deviceOnline(qint64 userId);
    /// A session of the user closed; call after the registry forgot it.
    void deviceOffline(qint64 userId, qint64 nowMs);

    Presence presenceOf(qint64 userId) const;
    /// The presence of everyone who shares a conversation with the user.
    QList<Presence> presenceFor(qint64 viewerUserId) const;
    /// `newcomers` joined a conversation of `members` (a new conversation: both are all of
    /// them). People who did not share one before learn each other's presence now, not at their
    /// next sync or the other's next change. Blocks are respected as in flush().
    void introduce(const QList<qint64> &newcomers, const QList<qint64> &members);

    // Cluster mode.
    /// What another node announced (or Redis said): whether the user is online elsewhere.
    void learn(qint64 userId, bool onlineElsewhere, qint64 lastSeen);
    /// The user's last node died at `lastSeen`.
    void wentAway(qint64 userId, qint64 lastSeen);
    /// Reports every user this node has reported or has sessions of again (Redis lost them).
    void reportAll();

Q_SIGNALS:
    /// The user's last device went away at `when` (to be stored).
    void lastSeenChanged(qint64 userId, qint64 when);

private:
    void changed(qint64 userId);
    void flush();
    /// Tells the user's contacts (all nodes) the user's state now.
    void announce(qint64 userId);
    void report(qint64 userId);

    RouteContext &m_ctx;
    QTimer *m_timer;
    QHash<qint64, qint64> m_lastSeen;
    QHash<qint64, bool> m_published; ///< the online state last pushed per user
    QSet<qint64> m_changed;
    QSet<qint64> m_elsewhere; ///< cluster: users online on another node, as far as known here
};

} // namespace Parley
