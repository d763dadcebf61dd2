#pragma once

/// Keeps the cache in step with the server's conversation logs.
///
/// On every (re)connect it syncs from the stored cursors and pages the latest history of
/// conversations it has not seen. It owns the pushes of the log and its companions (message,
/// receipt, typing, presence, conversationInfo: PushDispatcher hands them over), fills seq
/// gaps in live pushes with history, applies membership entries, decrypts through the
/// ContentCipher, and sends delivered receipts for what it stored and read receipts on
/// markRead(). An own entry the server acknowledged comes from the Outbox
/// (ingestOwnMessage); ownEntriesStored() tells which other outbox entries the log now holds. Every
/// batch of log entries goes through one ordered pipeline (decrypt → store → signal), so the
/// cache and the signals see entries in arrival order. Lives on the GUI thread; all storage
/// goes through MessageStore futures.

#include "model/Signals.h"
#include "protocol/FrameCodec.h"
#include "protocol/Frames.h"
#include "store/StoreTypes.h"

#include <QtCore/QHash>
#include <QtCore/QObject>
#include <QtCore/QSet>

#include <deque>

class QTimer;

namespace Parley {

class Connection;
class ContentCipher;
class MessageStore;
class PushDispatcher;
class TypingTracker;

class SyncEngine : public QObject
{
    Q_OBJECT

public:
    /// Messages fetched for a conversation seen for the first time, and per history page.
    static constexpr int PageSize = 50;

    SyncEngine(Connection *connection, PushDispatcher *pushes, MessageStore *store,
               ContentCipher *cipher, QObject *parent = nullptr);
    ~SyncEngine() override;

    void setIdentity(qint64 userId, qint64 deviceId);
    qint64 userId() const { return m_userId; }
    qint64 deviceId() const { return m_deviceId; }

    /// Loads the cursors from the cache; syncing waits for this.
    void loadCursors();
    /// Forgets everything in memory (after a logout).
    void reset();

    TypingTracker *typing() const { return m_typing; }
    Presence presence(qint64 userId) const
    {
        return m_presence.value(userId, Presence{userId, false, 0});
    }
    bool isSynced() const { return m_synced; }

    /// Asks the server for the page before the oldest cached entry; olderMessagesStored()
    /// follows (possibly with an empty list when there is nothing older).
    void fetchOlder(qint64 conversationId);
    bool hasOlderOnServer(qint64 conversationId) const;
    /// Sends a read receipt up to the newest entry the cache holds.
    void markRead(qint64 conversationId);
    /// Rate-limited typing notifications; stops by itself after a few seconds.
    void setTyping(qint64 conversationId, bool typing);
    /// An own message the server acknowledged with this seq (Outbox::acknowledged): stored as
    /// the log entry, which takes the place of its outbox row. A message ends its sender's
    /// typing wherever it arrives, so if I am still typing there (the next message, begun before
    /// this one was stored), I say so again: after the ack, the server has pushed the message.
    void ingestOwnMessage(const StoredMessage &message);
    /// Applies a conversation the server returned (createDirect/createGroup replies).
    void applyConversation(const Conversation &conversation);

Q_SIGNALS:
    /// The first sync after a connect finished (conversations and presence are stored).
    void synced();
    /// A `synced` said whether the user shows when they were last seen (LastSeenPrivacy).
    void ownPrivacySynced(bool showLastSeen);
    /// New log entries were committed to the cache (ascending seq).
    void messagesStored(qint64 conversationId, const QList<Parley::StoredMessage> &messages);
    /// Entries older than the cache held were committed (ascending seq); `more` if the server
    /// has still older ones.
    void olderMessagesStored(qint64 conversationId, const QList<Parley::StoredMessage> &messages,
                             bool more);
    /// Own entries the log now holds by these client ids (their outbox rows are gone) that came
    /// another way than the Outbox's ack: a sync or history page after a lost ack.
    void ownEntriesStored(const QList<QByteArray> &clientIds);
    /// Title, members, receipts or membership of a conversation changed in the cache.
    void conversationChanged(qint64 conversationId);
    void presenceChanged(qint64 userId);

private:
    struct Batch
    {
        QList<Envelope> envelopes; ///< to decrypt
        QList<StoredMessage> ready; ///< own messages (content known)
        bool older = false; ///< a page before the cursor's bottom
        qint64 olderConversation = 0;
        bool olderMore = false;
        QHash<qint64, LogCursor> cursors; ///< cursor values to persist after the batch
    };

    void onAuthenticated();
    void reannounceTyping(qint64 conversationId);
    void onMessagePushed(const MessageFrame &message);
    void onReceiptPushed(const ReceiptFrame &receipt);
    void onTypingPushed(const TypingFrame &typing);
    void onPresencePushed(const PresenceFrame &presence);
    void onConversationPushed(const ConversationInfoFrame &info);
    void startSync();
    void applySynced(const SyncedFrame &synced);
    void acceptLive(const QList<Envelope> &envelopes, Batch &batch, QSet<qint64> &gaps);
    /// Like acceptLive for a page of history after the cursor, which has no gaps to fill.
    void acceptHistory(const QList<Envelope> &envelopes, Batch &batch);
    void catchUp(qint64 conversationId);
    void enqueue(Batch batch);
    void processNext();
    void finishBatch(const Batch &batch, const StoredBatch &stored);
    void sendDelivered(qint64 conversationId, qint64 seq);
    void setPresence(const Presence &presence);
    LogCursor &cursorFor(qint64 conversationId, qint64 lastSeq);

    Connection *m_connection;
    MessageStore *m_store;
    ContentCipher *m_cipher;
    TypingTracker *m_typing;

    qint64 m_userId = 0;
    qint64 m_deviceId = 0;
    bool m_cursorsLoaded = false;
    bool m_syncPending = false;
    bool m_synced = false;
    quint64 m_generation = 0; ///< bumped by reset(): late replies of an old session are dropped

    QHash<qint64, LogCursor> m_cursors;
    QSet<qint64> m_catchingUp;
    QSet<qint64> m_catchUpAgain;
    QSet<qint64> m_fetchingOlder;
    QHash<qint64, qint64> m_deliveredSent;
    QHash<qint64, qint64> m_readSent;
    QHash<qint64, Presence> m_presence;

    std::deque<Batch> m_queue;
    bool m_processing = false;

    QHash<qint64, qint64> m_typingSentAt; ///< conversation → ms of the last "typing" sent
    QHash<qint64, QTimer *> m_typingStop;
};

} // namespace Parley
