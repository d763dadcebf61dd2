#pragma once

/// Who is online: a user is online while any of their devices has an authenticated session
/// (sessions that stop answering heartbeats are dropped by their I/O thread). Changes are
/// coalesced for a short delay and then pushed, encoded once per user, to the online sessions
/// of everyone who shares a conversation with that user. Router thread only.

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

Q_SIGNALS:
    /// The user's last device went away at `when` (to be stored).
    void lastSeenChanged(qint64 userId, qint64 when);

private:
    void changed(qint64 userId);
    void flush();

    RouteContext &m_ctx;
    QTimer *m_timer;
    QHash<qint64, qint64> m_lastSeen;
    QHash<qint64, bool> m_published; ///< the online state last pushed per user
    QSet<qint64> m_changed;
};

} // namespace Parley
