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

void PresenceTracker::load(const QHash<qint64, qint64> &lastSeen,
                           const QSet<qint64> &lastSeenHidden)
{
    m_lastSeen = lastSeen;
    m_hidden = lastSeenHidden;
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

bool PresenceTracker::showsTime(qint64 userId, qint64 viewerUserId) const
{
    return userId == viewerUserId
            || (!m_hidden.contains(userId) && !m_hidden.contains(viewerUserId));
}

Presence PresenceTracker::presenceAs(qint64 userId, qint64 viewerUserId) const
{
    Presence p = presenceOf(userId);
    if (p.lastSeen != 0 && !showsTime(userId, viewerUserId)) {
        p.lastSeen = 0;
        p.lastSeenHidden = true;
    }
    return p;
}

QList<Presence> PresenceTracker::presenceFor(qint64 viewerUserId) const
{
    QList<Presence> list;
    const QSet<qint64> contacts = m_ctx.directory.contactsOf(viewerUserId);
    list.reserve(contacts.size());
    for (qint64 user : contacts) {
        // A user who blocked the viewer is left out: the viewer never learns when they are on.
        if (!m_ctx.directory.hasBlocked(user, viewerUserId))
            list.append(presenceAs(user, viewerUserId));
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
        pushTo(user, viewers, false);
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
    pushTo(userId, viewers, true);
}

void PresenceTracker::pushTo(qint64 userId, const QList<qint64> &viewers, bool nodesLearn)
{
    QList<qint64> withTime;
    QList<qint64> withoutTime;
    for (qint64 viewer : viewers)
        (showsTime(userId, viewer) ? withTime : withoutTime).append(viewer);
    const Presence p = presenceOf(userId);
    for (const QList<qint64> *group : {&withTime, &withoutTime}) {
        if (group->isEmpty())
            continue;
        const QByteArray frame =
                FrameCodec::encode(PresenceFrame{presenceAs(userId, group->first())});
        if (!nodesLearn || !m_ctx.cluster) {
            m_ctx.push(*group, frame); // on every node
            continue;
        }
        m_ctx.pushLocal(*group, frame);
        // The other nodes learn the real time (`p`), whatever the frame carries.
        m_ctx.cluster->pushedPresence(*group, p, frame);
    }
}

void PresenceTracker::setLastSeenHidden(qint64 userId, bool hidden)
{
    learnLastSeenHidden(userId, hidden);
    const QSet<qint64> contacts = m_ctx.directory.contactsOf(userId);
    // The contacts who are online hear the user's presence as they may now see it (not those
    // who hide their own: they saw no time before and see none now).
    QList<qint64> viewers;
    for (qint64 contact : contacts) {
        if (!m_ctx.directory.hasBlocked(userId, contact) && !m_hidden.contains(contact))
            viewers.append(contact);
    }
    const Presence own = presenceOf(userId);
    if (own.lastSeen != 0 || own.online)
        pushTo(userId, viewers, false);
    // The user's devices hear everyone else's, with or without the time now.
    for (qint64 contact : contacts) {
        if (m_ctx.directory.hasBlocked(contact, userId) || m_hidden.contains(contact))
            continue;
        const Presence p = presenceAs(contact, userId);
        if (p.lastSeen != 0 || p.lastSeenHidden)
            m_ctx.push({userId}, PresenceFrame{p});
    }
}

void PresenceTracker::learnLastSeenHidden(qint64 userId, bool hidden)
{
    if (hidden)
        m_hidden.insert(userId);
    else
        m_hidden.remove(userId);
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
