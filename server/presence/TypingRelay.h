#pragma once

/// Typing signals: checked against membership, filled in with the user, pushed (encoded once) to
/// the other members' online sessions and never stored. A "typing" not followed by a stop within
/// the expiry is ended by the server with a stop push. Router thread only.

#include <QtCore/QHash>
#include <QtCore/QObject>

class QTimer;

namespace Parley {

class RouteContext;
struct Request;
struct TypingFrame;

class TypingRelay : public QObject
{
    Q_OBJECT
public:
    TypingRelay(RouteContext &context, int expirySeconds, QObject *parent = nullptr);

    void typing(const Request &r, const TypingFrame &f);
    /// The user's last session closed: whatever they were typing ends.
    void userWentAway(qint64 userId);

private:
    void relay(qint64 conversationId, qint64 userId, bool typing);
    void expire();

    RouteContext &m_ctx;
    qint64 m_expiryMs;
    QTimer *m_timer;
    QHash<QPair<qint64, qint64>, qint64> m_deadlines; ///< (conversation, user) → monotonic ms
};

} // namespace Parley
