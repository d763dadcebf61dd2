#pragma once

/// Deletes disappearing messages from this device when they expire: their cache rows (the
/// full-text index follows), their reactions, and the attachment files this app downloaded for
/// them. One timer for the next expiry, not polling: rescheduled whenever an entry with an
/// earlier expiry is stored. The server never serves an expired entry again, and the cache never
/// stores or shows one, so what is deleted stays gone.

#include "store/StoreTypes.h"

#include <QtCore/QObject>

class QTimer;

namespace Parley {

class MessageStore;

class MessageExpiry : public QObject
{
    Q_OBJECT

public:
    MessageExpiry(MessageStore *store, QObject *parent = nullptr);

    /// Files under this folder (the app's downloads) are deleted with their message; a file
    /// the user sent from elsewhere is theirs and stays.
    void setDownloadsDir(const QString &dir) { m_downloadsDir = dir; }

    /// Deletes what already expired and schedules the next expiry (after login).
    void start();
    void stop();
    /// Entries were stored: the next expiry may come sooner.
    void messagesStored(const QList<StoredMessage> &messages);

Q_SIGNALS:
    /// These entries of a conversation are gone from the cache.
    void messagesExpired(qint64 conversationId, const QList<qint64> &seqs);

private:
    void sweep();
    void scheduleAt(qint64 when);

    MessageStore *m_store;
    QTimer *m_timer;
    QString m_downloadsDir;
    qint64 m_next = 0; ///< ms since the epoch the timer fires at; 0: not set
    bool m_running = false;
    bool m_sweeping = false;
    bool m_sweepAgain = false; ///< the timer fired during a sweep
};

} // namespace Parley
