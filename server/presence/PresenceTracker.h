#pragma once

/// Who is online: a user is online while any of their devices has an authenticated session
/// (sessions that stop answering heartbeats are dropped by their I/O thread). Changes are
/// coalesced for a short delay and then pushed, encoded once per user, to the online sessions
/// of everyone who shares a conversation with that user. In a cluster "online" means on any
/// node: each node reports its own sessions to Redis (NodePresence), and the node that sees a
/// user's first device arrive or last device leave cluster-wide tells the contacts. A user may
/// hide when they were last seen: then nobody else is told the time, and (reciprocity) they are
/// told nobody's; online and offline stay visible. Router thread only.

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

    void load(const QHash<qint64, qint64> &lastSeen, const QSet<qint64> &lastSeenHidden);
    /// A session of the user authenticated.
    void deviceOnline(qint64 userId);
    /// A session of the user closed; call after the registry forgot it.
    void deviceOffline(qint64 userId, qint64 nowMs);

    Presence presenceOf(qint64 userId) const;
    /// The user's presence as `viewerUserId` may see it: without the time when either of the
    /// two hides their last seen (the user's own devices always see theirs).
    Presence presenceAs(qint64 userId, qint64 viewerUserId) const;
    /// The presence of everyone who shares a conversation with the user, as they may see it.
    QList<Presence> presenceFor(qint64 viewerUserId) const;

    bool hidesLastSeen(qint64 userId) const { return m_hidden.contains(userId); }
    /// The user changed their choice here: their online contacts get the user's presence as
    /// they may now see it, and the user's devices everyone else's.
    void setLastSeenHidden(qint64 userId, bool hidden);
    /// Another node changed it (cluster): that node told the contacts.
    void learnLastSeenHidden(qint64 userId, bool hidden);
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
    /// Whether `viewerUserId` is told the time `userId` was last seen.
    bool showsTime(qint64 userId, qint64 viewerUserId) const;
    /// Pushes the user's presence to `viewers` (none of them blocked by the user): one frame
    /// with the time and one without, each encoded once. With `nodesLearn` the other nodes of a
    /// cluster also learn the user's state from it (a change the node announces).
    void pushTo(qint64 userId, const QList<qint64> &viewers, bool nodesLearn);

    RouteContext &m_ctx;
    QTimer *m_timer;
    QHash<qint64, qint64> m_lastSeen;
    QHash<qint64, bool> m_published; ///< the online state last pushed per user
    QSet<qint64> m_changed;
    QSet<qint64> m_elsewhere; ///< cluster: users online on another node, as far as known here
    QSet<qint64> m_hidden; ///< users who hide when they were last seen
};

} // namespace Parley
