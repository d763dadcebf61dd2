#include "TypingTracker.h"

#include <QtCore/QTimer>

namespace Parley {

TypingTracker::TypingTracker(QObject *parent) : QObject(parent), m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &TypingTracker::expire);
}

void TypingTracker::apply(qint64 conversationId, qint64 userId, bool typing)
{
    auto &users = m_typing[conversationId];
    bool changed = false;
    if (typing) {
        changed = !users.contains(userId);
        users.insert(userId, QDeadlineTimer(ExpiryMs));
    } else {
        changed = users.remove(userId) > 0;
    }
    if (users.isEmpty())
        m_typing.remove(conversationId);
    expire();
    if (changed)
        Q_EMIT typingChanged(conversationId);
}

void TypingTracker::clearAll()
{
    const auto conversations = m_typing.keys();
    m_typing.clear();
    m_timer->stop();
    for (qint64 id : conversations)
        Q_EMIT typingChanged(id);
}

QList<qint64> TypingTracker::typingUsers(qint64 conversationId) const
{
    return m_typing.value(conversationId).keys();
}

void TypingTracker::expire()
{
    QList<qint64> changed;
    qint64 next = -1;
    for (auto conv = m_typing.begin(); conv != m_typing.end();) {
        bool removed = false;
        for (auto user = conv->begin(); user != conv->end();) {
            if (user->hasExpired()) {
                user = conv->erase(user);
                removed = true;
            } else {
                const qint64 left = user->remainingTime();
                next = next < 0 ? left : std::min(next, left);
                ++user;
            }
        }
        if (removed)
            changed.append(conv.key());
        if (conv->isEmpty())
            conv = m_typing.erase(conv);
        else
            ++conv;
    }
    if (next >= 0)
        m_timer->start(int(next) + 1);
    else
        m_timer->stop();
    for (qint64 id : std::as_const(changed))
        Q_EMIT typingChanged(id);
}

} // namespace Parley
