#pragma once

/// Who is typing where, from typing pushes; every entry expires by itself after
/// ExpiryMs, so a lost "stopped typing" never leaves "bob is typing…" on screen.

#include <QtCore/QDeadlineTimer>
#include <QtCore/QHash>
#include <QtCore/QObject>

class QTimer;

namespace Parley {

class TypingTracker : public QObject
{
    Q_OBJECT

public:
    static constexpr int ExpiryMs = 6000;

    explicit TypingTracker(QObject *parent = nullptr);

    void apply(qint64 conversationId, qint64 userId, bool typing);
    /// The user stopped typing by sending a message (the message arrived).
    void clear(qint64 conversationId, qint64 userId) { apply(conversationId, userId, false); }
    void clearAll();
    QList<qint64> typingUsers(qint64 conversationId) const;

Q_SIGNALS:
    void typingChanged(qint64 conversationId);

private:
    void expire();

    QHash<qint64, QHash<qint64, QDeadlineTimer>> m_typing;
    QTimer *m_timer;
};

} // namespace Parley
