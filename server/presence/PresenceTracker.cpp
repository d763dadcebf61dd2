#include "PresenceTracker.h"

#include "Logging.h"
#include "cluster/ClusterRelay.h"
#include "routing/RouteContext.h"

#include <QtCore/QTimer>

namespace Parley {

PresenceTracker::PresenceTracker(RouteContext &context, int delayMs, QObject *parent)
    : QObject(parent),
      m_ctx(context),
      m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    m_timer->setInterval(delayMs);
    connect(m_timer, &QTimer::timeout, this, &PresenceTracker::flush);
}

void PresenceTracker::load(const QHash<qint64, qint64> &lastSeen)
{
    m_lastSeen = lastSeen;
}

void PresenceTracker::deviceOnline(qint64 userId)
{
    if (m_ctx.cluster && !m_published.value(userId)) {
        // Told to Redis at once, not after the delay: a device of the user leaving another
        // node meanwhile must find this one there, or the contacts would see them flicker off.
        m_published.insert(userId, true);
        report(userId);
        return;
    }
    changed(userId);
}

void PresenceTracker::deviceOffline(qint64 userId, qint64 nowMs)
{
    if (m_ctx.sessions.isOnline(userId))
        return;
    // In a cluster the user may still be online elsewhere; the time is stored anyway (shown
    // only once they are offline everywhere, and stored again by the node they leave last).
    m_lastSeen.insert(userId, nowMs);
    Q_EMIT lastSeenChanged(userId, nowMs);
    changed(userId);
}

Presence PresenceTracker::presenceOf(qint64 userId) const
{
    const bool online = m_ctx.sessions.isOnline(userId) || m_elsewhere.contains(userId);
    return Presence{userId, online, m_lastSeen.value(userId, 0)};
}

QList<Presence> PresenceTracker::presenceFor(qint64 viewerUserId) const
{
    QList<Presence> list;
    const QSet<qint64> contacts = m_ctx.directory.contactsOf(viewerUserId);
    list.reserve(contacts.size());
    for (qint64 user : contacts) {
        // A user who blocked the viewer is left out: the viewer never learns when they are on.
        if (!m_ctx.directory.hasBlocked(user, viewerUserId))
            list.append(presenceOf(user));
    }
    std::sort(list.begin(), list.end(),
              [](const Presence &a, const Presence &b) { return a.userId < b.userId; });
    return list;
}

void PresenceTracker::introduce(const QList<qint64> &newcomers, const QList<qint64> &members)
{
    const auto tell = [this](qint64 user, const QList<qint64> &candidates) {
        const Presence p = presenceOf(user);
        if (!p.online && p.lastSeen == 0)
            return; // never seen: what a client assumes anyway
        QList<qint64> viewers;
        for (qint64 viewer : candidates) {
            if (viewer != user && !m_ctx.directory.hasBlocked(user, viewer))
                viewers.append(viewer);
        }
        if (!viewers.isEmpty())
            m_ctx.push(viewers, FrameCodec::encode(PresenceFrame{p}));
    };
    // One frame per person, encoded once: a newcomer is shown to every member, a member to the
    // newcomers.
    for (qint64 user : newcomers)
        tell(user, members);
    for (qint64 user : members) {
        if (!newcomers.contains(user))
            tell(user, newcomers);
    }
}

void PresenceTracker::changed(qint64 userId)
{
    m_changed.insert(userId);
    if (!m_timer->isActive())
        m_timer->start();
}

void PresenceTracker::flush()
{
    const QSet<qint64> changed = std::exchange(m_changed, {});
    for (qint64 user : changed) {
        // In a cluster: whether the user has sessions on this node.
        const bool online = m_ctx.sessions.isOnline(user);
        auto it = m_published.find(user);
        const bool before = it != m_published.end() && *it;
        if (it != m_published.end() && before == online)
            continue; // went away and came back within the delay: nothing to tell
        if (online)
            m_published.insert(user, true);
        else
            m_published.remove(user); // offline is the default: keeps the map to online users
        if (m_ctx.cluster)
            report(user);
        else
            announce(user);
    }
}

void PresenceTracker::report(qint64 userId)
{
    m_ctx.cluster->reportPresence(userId, m_ctx.sessions.isOnline(userId),
                                  [this, userId](bool before, bool after) {
                                      if (!after)
                                          m_elsewhere.remove(userId);
                                      if (before != after)
                                          announce(userId);
                                  });
}

void PresenceTracker::reportAll()
{
    QSet<qint64> users;
    for (auto it = m_published.cbegin(); it != m_published.cend(); ++it)
        users.insert(it.key());
    for (qint64 user : std::as_const(users))
        report(user);
}

void PresenceTracker::announce(qint64 userId)
{
    const Presence p = presenceOf(userId);
    QList<qint64> viewers;
    for (qint64 contact : m_ctx.directory.contactsOf(userId)) {
        if (!m_ctx.directory.hasBlocked(userId, contact))
            viewers.append(contact);
    }
    if (viewers.isEmpty())
        return;
    qCDebug(lcServerPresence) << "user" << userId << (p.online ? "online" : "offline");
    const QByteArray frame = FrameCodec::encode(PresenceFrame{p});
    m_ctx.pushLocal(viewers, frame);
    if (m_ctx.cluster)
        m_ctx.cluster->pushedPresence(viewers, p, frame);
}

void PresenceTracker::learn(qint64 userId, bool onlineElsewhere, qint64 lastSeen)
{
    if (onlineElsewhere)
        m_elsewhere.insert(userId);
    else
        m_elsewhere.remove(userId);
    if (lastSeen > m_lastSeen.value(userId, 0))
        m_lastSeen.insert(userId, lastSeen);
}

void PresenceTracker::wentAway(qint64 userId, qint64 lastSeen)
{
    m_elsewhere.remove(userId);
    if (m_ctx.sessions.isOnline(userId))
        return;
    m_lastSeen.insert(userId, lastSeen);
    Q_EMIT lastSeenChanged(userId, lastSeen);
    announce(userId);
}

} // namespace Parley
