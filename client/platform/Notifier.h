#pragma once

/// Shows desktop notifications through the freedesktop notification service over D-Bus
/// (org.freedesktop.Notifications.Notify), and says when the user clicked one (its
/// ActionInvoked signal); silently does nothing without a session bus.

#include <QtCore/QHash>
#include <QtCore/QObject>
#include <QtCore/QSet>

namespace Parley {

class Notifier : public QObject
{
    Q_OBJECT

public:
    explicit Notifier(QObject *parent = nullptr);

    /// One notification per conversation: a newer one replaces the older.
    void notify(qint64 conversationId, const QString &title, const QString &body);
    /// Withdraws a conversation's notification (it was read).
    void withdraw(qint64 conversationId);

    /// How many Notify calls were sent (tests check what was and was not shown).
    int sentCount() const { return m_sent; }

    /// The user clicked the conversation's notification: emits activated(). The desktop's
    /// ActionInvoked signal ends here; so does anything else that shows notifications.
    void activate(qint64 conversationId);

Q_SIGNALS:
    /// A Notify call was sent for the conversation, with what it shows.
    void notified(qint64 conversationId, const QString &title, const QString &body);
    /// The conversation's notification is taken back (withdraw() after notify()).
    void withdrawn(qint64 conversationId);
    /// The user clicked a notification of the conversation (activate()).
    void activated(qint64 conversationId);

private Q_SLOTS:
    /// org.freedesktop.Notifications.ActionInvoked: `id` is one of ours if it is in m_ids.
    void actionInvoked(uint id, const QString &actionKey);

private:
    QHash<qint64, uint> m_ids; ///< conversation → the server's notification id
    QSet<qint64> m_showing; ///< conversations notified, not yet withdrawn or clicked
    int m_sent = 0;
};

} // namespace Parley
