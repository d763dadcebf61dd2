#include "TypingRelay.h"

#include "routing/RouteContext.h"
#include "session/Session.h"

#include <QtCore/QTimer>

namespace Parley {

TypingRelay::TypingRelay(RouteContext &context, int expirySeconds, QObject *parent)
    : QObject(parent),
      m_ctx(context),
      m_expiryMs(expirySeconds * 1000LL),
      m_timer(new QTimer(this))
{
    m_timer->setInterval(std::min<qint64>(1000, m_expiryMs / 2 + 1));
    connect(m_timer, &QTimer::timeout, this, &TypingRelay::expire);
}

void TypingRelay::typing(const Request &r, const TypingFrame &f)
{
    const qint64 conversation = f.typing.conversationId;
    if (!m_ctx.directory.isMember(conversation, r.userId))
        return; // typing is never answered, not even with an error
    const auto key = qMakePair(conversation, r.userId);
    if (f.typing.typing) {
        // Every refresh is relayed: receivers expire a typing signal by themselves too.
        m_deadlines.insert(key, Session::monotonicMs() + m_expiryMs);
        if (!m_timer->isActive())
            m_timer->start();
    } else if (!m_deadlines.remove(key)) {
        return;
    }
    relay(conversation, r.userId, f.typing.typing);
}

void TypingRelay::relay(qint64 conversationId, qint64 userId, bool typing)
{
    QList<qint64> others = m_ctx.directory.memberIds(conversationId);
    // Not to oneself, and not across a block in either direction: a blocked user does not see
    // the blocker type, and the blocker's groups are not filled with the blocked user's typing.
    others.removeIf([this, userId](qint64 other) {
        return other == userId || m_ctx.directory.isBlockedBetween(userId, other);
    });
    m_ctx.push(others, FrameCodec::encode(TypingFrame{Typing{conversationId, userId, typing}}));
}

void TypingRelay::userWentAway(qint64 userId)
{
    for (auto it = m_deadlines.begin(); it != m_deadlines.end();) {
        if (it.key().second == userId) {
            relay(it.key().first, userId, false);
            it = m_deadlines.erase(it);
        } else {
            ++it;
        }
    }
}

void TypingRelay::expire()
{
    const qint64 now = Session::monotonicMs();
    for (auto it = m_deadlines.begin(); it != m_deadlines.end();) {
        if (it.value() <= now) {
            relay(it.key().first, it.key().second, false);
            it = m_deadlines.erase(it);
        } else {
            ++it;
        }
    }
    if (m_deadlines.isEmpty())
        m_timer->stop();
}

} // namespace Parley
