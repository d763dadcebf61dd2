#pragma once

/// Keeps the pushes of each conversation in seq order for each user on this node.
///
/// In a cluster a node pushes log entries it committed itself and entries other nodes committed
/// (over Redis), and two of those can arrive the wrong way round. Per (conversation, user) it
/// remembers the last seq pushed: an older or repeated seq is dropped, the next one goes out at
/// once, and one after a gap waits up to HoldMs for the missing ones, then goes out anyway (the
/// client sees the gap and fetches it with `history`, as after any lost push). So a device
/// never gets a conversation's entries out of order or twice from one node. Router thread only.

#include "session/SessionAddress.h"

#include <QtCore/QByteArray>
#include <QtCore/QHash>
#include <QtCore/QMap>
#include <QtCore/QObject>

#include <functional>

class QTimer;

namespace Parley {

class PushSequencer : public QObject
{
    Q_OBJECT
public:
    static constexpr int HoldMs = 300;
    /// Pushes `frame` to the user's sessions on this node but `except`.
    using Deliver =
            std::function<void(qint64 userId, const QByteArray &frame, SessionAddress except)>;

    explicit PushSequencer(Deliver deliver, QObject *parent = nullptr);

    /// Entry `seq` of the conversation for `userId`'s sessions here.
    void offer(qint64 conversationId, qint64 userId, qint64 seq, const QByteArray &frame,
               SessionAddress except = {});
    /// The user has no session here any more: what is known about them goes.
    void forgetUser(qint64 userId);
    /// Everything goes (after an outage: every device is told to catch up instead).
    void reset();

private:
    struct Held
    {
        QByteArray frame;
        SessionAddress except;
    };
    struct State
    {
        qint64 top = 0;
        QMap<qint64, Held> held;
        qint64 deadline = 0; ///< monotonic ms; 0 while nothing is held
    };
    void drain(qint64 userId, State &state, bool force);
    void expire();

    Deliver m_deliver;
    QHash<qint64, QHash<qint64, State>> m_states; ///< user → conversation → state
    QHash<qint64, qint64> m_seen; ///< conversation → the highest seq offered here
    QTimer *m_timer;
};

} // namespace Parley
