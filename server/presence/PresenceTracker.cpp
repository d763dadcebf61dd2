#include "PresenceTracker.h"

#include "Logging.h"
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
    changed(userId);
}

void PresenceTracker::deviceOffline(qint64 userId, qint64 nowMs)
{
    if (m_ctx.sessions.isOnline(userId))
        return;
    m_lastSeen.insert(userId, nowMs);
    Q_EMIT lastSeenChanged(userId, nowMs);
    changed(userId);
}

Presence PresenceTracker::presenceOf(qint64 userId) const
{
    return Presence{userId, m_ctx.sessions.isOnline(userId), m_lastSeen.value(userId, 0)};
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
        const Presence p = presenceOf(user);
        auto it = m_published.find(user);
        const bool before = it != m_published.end() && *it;
        if (it != m_published.end() && before == p.online)
            continue; // went away and came back within the delay: nothing to tell
        if (p.online)
            m_published.insert(user, true);
        else
            m_published.remove(user); // offline is the default: keeps the map to online users
        QList<qint64> viewers;
        for (qint64 contact : m_ctx.directory.contactsOf(user)) {
            if (!m_ctx.directory.hasBlocked(user, contact))
                viewers.append(contact);
        }
        if (viewers.isEmpty())
            continue;
        qCDebug(lcServerPresence) << "user" << user << (p.online ? "online" : "offline");
        m_ctx.push(viewers, FrameCodec::encode(PresenceFrame{p}));
    }
}

} // namespace Parley
