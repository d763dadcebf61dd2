#pragma once

/// What the user wrote and the server has not acknowledged yet.
///
/// A message is committed to the cache's outbox table (state queued) before anything is sent,
/// then sent with its client id whenever the connection is ready: after reconnects and
/// restarts too, until the server acknowledges it. The server stores (device, client id) as
/// unique, so a resend after a lost ack returns the original seq. The ack (the `sent` reply)
/// ends the entry here: acknowledged() hands it on, with its seq, to become the log entry with
/// the same client id (SyncEngine::ingestOwnMessage), which deletes the outbox row in the same
/// transaction. An entry the log got another way (a sync after a lost ack) is dropped by
/// forget(). A refusal that retrying cannot fix (not_member,
/// body_too_large, …) marks it failed with the reason; retry() queues it again. The user may
/// discard() an entry that is not on its way (failed, or queued while the server is away).
/// Lives on the GUI thread.

#include "content/MessageContent.h"
#include "protocol/FrameCodec.h"
#include "store/StoreTypes.h"

#include <QtCore/QObject>
#include <QtCore/QSet>

class QTimer;

namespace Parley {

class Connection;
class ContentCipher;
class MessageStore;

class Outbox : public QObject
{
    Q_OBJECT

public:
    Outbox(Connection *connection, MessageStore *store, ContentCipher *cipher,
           QObject *parent = nullptr);
    ~Outbox() override;

    /// Reads the outbox table (entries left by an earlier run); loaded() follows.
    void load();
    bool isLoaded() const { return m_loaded; }
    void reset();
    /// Drops what the cipher made of each entry (kept in the cache too): the next send encrypts
    /// it again, e.g. as another device after a new login.
    void forgetBodies();
    /// Whose entries these are (the sender of the rows shown while pending). Another device of
    /// the same user drops the encrypted bodies: they are made again for the new device.
    void setIdentity(qint64 userId, qint64 deviceId);

    /// Stores a text message (queued) and sends it when possible; returns its client id.
    /// entryQueued() follows once the entry is committed.
    QByteArray sendText(qint64 conversationId, const QString &text);
    /// The same for any content (a reply, reaction, edit or delete: MessageContent). A file
    /// message takes its upload's id as `clientId`, so the upload and its message are one thing
    /// across restarts; a client id already queued is not queued twice.
    QByteArray send(qint64 conversationId, const MessageContent &content,
                    const QByteArray &clientId = {});
    /// Queues a failed entry again.
    bool retry(const QByteArray &clientId);
    /// Queues every failed entry again and, while the server is away, reconnects at once.
    void retryAll();
    /// Drops an entry that is not on its way to the server (failed, or queued and not sent);
    /// false if it is unknown or already sent (the server may store it).
    bool discard(const QByteArray &clientId);
    /// Sends every queued entry not in flight (called when the connection becomes ready).
    void flush();

    /// The pending entries of one conversation, oldest first, as rows to show.
    QList<StoredMessage> pendingMessages(qint64 conversationId) const;
    QList<OutboxEntry> entries() const { return m_entries; }
    bool contains(const QByteArray &clientId) const;
    /// Drops the entries the log now holds (SyncEngine::ownEntriesStored), if still here.
    void forget(const QList<QByteArray> &clientIds);

Q_SIGNALS:
    /// send() is about to queue `content` in `conversationId`: a receiver connected directly
    /// may queue something of its own first (ProfileSharing: my profile before my message).
    void aboutToQueue(qint64 conversationId, const Parley::MessageContent &content);
    void loaded();
    /// Committed to the cache; shown as queued.
    void entryQueued(const Parley::StoredMessage &message);
    /// State or failure reason changed (failed, or queued again by retry()).
    void entryChanged(const Parley::StoredMessage &message);
    /// The server acknowledged the entry: `message` carries its seq and server time and is to
    /// be stored as the log entry (SyncEngine::ingestOwnMessage). It left the outbox.
    void acknowledged(const Parley::StoredMessage &message);
    /// The user discarded the entry: it is gone from the cache and never sent.
    void discarded(qint64 conversationId, const QByteArray &clientId);
    /// The set of entries or a state changed (any of the above, a load, forget(), reset()).
    void changed();

private:
    void send(const QByteArray &clientId);
    void onSent(const QByteArray &clientId, const Result<RawFrame> &reply);
    OutboxEntry *find(const QByteArray &clientId);
    StoredMessage toMessage(const OutboxEntry &entry) const;

    Connection *m_connection;
    MessageStore *m_store;
    ContentCipher *m_cipher;
    qint64 m_userId = 0;
    qint64 m_deviceId = 0;
    QList<OutboxEntry> m_entries;
    QSet<QByteArray> m_inFlight;
    bool m_loaded = false;
    quint64 m_generation = 0;
    QTimer *m_retryTimer;
};

} // namespace Parley
