#include "PushSequencer.h"

#include "session/Session.h"

#include <QtCore/QTimer>

namespace Parley {

PushSequencer::PushSequencer(Deliver deliver, QObject *parent)
    : QObject(parent),
      m_deliver(std::move(deliver)),
      m_timer(new QTimer(this))
{
    m_timer->setInterval(HoldMs / 3);
    connect(m_timer, &QTimer::timeout, this, &PushSequencer::expire);
}

void PushSequencer::offer(qint64 conversationId, qint64 userId, qint64 seq, const QByteArray &frame,
                          SessionAddress except)
{
    qint64 &seen = m_seen[conversationId];
    const qint64 seenBefore = std::exchange(seen, std::max(seen, seq));
    auto &perUser = m_states[userId];
    auto it = perUser.find(conversationId);
    if (it == perUser.end()) {
        // The first entry for this user here: their device synced when it connected. The
        // highest entry this node has seen of the conversation is where that sync ended at the
        // latest; without one, this entry is taken as the next.
        const qint64 top = seenBefore ? std::min(seenBefore, seq - 1) : seq - 1;
        it = perUser.insert(conversationId, State{top, {}, 0});
    }
    State &state = *it;
    if (seq <= state.top || state.held.contains(seq))
        return;
    if (seq != state.top + 1) {
        state.held.insert(seq, Held{frame, except});
        if (!state.deadline)
            state.deadline = Session::monotonicMs() + HoldMs;
        if (!m_timer->isActive())
            m_timer->start();
        return;
    }
    m_deliver(userId, frame, except);
    state.top = seq;
    drain(userId, state, false);
}

void PushSequencer::drain(qint64 userId, State &state, bool force)
{
    while (!state.held.isEmpty()) {
        auto first = state.held.begin();
        if (!force && first.key() != state.top + 1)
            break;
        m_deliver(userId, first->frame, first->except);
        state.top = first.key();
        state.held.erase(first);
    }
    state.deadline = state.held.isEmpty() ? 0 : Session::monotonicMs() + HoldMs;
}

void PushSequencer::expire()
{
    const qint64 now = Session::monotonicMs();
    bool waiting = false;
    for (auto user = m_states.begin(); user != m_states.end(); ++user) {
        for (auto it = user->begin(); it != user->end(); ++it) {
            if (it->deadline && it->deadline <= now)
                drain(user.key(), *it, true);
            waiting = waiting || it->deadline;
        }
    }
    if (!waiting)
        m_timer->stop();
}

void PushSequencer::forgetUser(qint64 userId)
{
    m_states.remove(userId);
}

void PushSequencer::reset()
{
    m_states.clear();
    m_seen.clear();
}

} // namespace Parley
