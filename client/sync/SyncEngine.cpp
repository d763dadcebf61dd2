#include "SyncEngine.h"

#include "Logging.h"
#include "TypingTracker.h"
#include "content/ContentCipher.h"
#include "content/MessageContent.h"
#include "net/Connection.h"
#include "net/PushDispatcher.h"
#include "store/MessageStore.h"

#include <QtCore/QFuture>
#include <QtCore/QTimer>

namespace Parley {

using namespace Qt::StringLiterals;

namespace {

constexpr int CatchUpPageSize = 100;

StoredMessage fromEnvelope(const Envelope &e)
{
    StoredMessage m;
    m.conversationId = e.conversationId;
    m.seq = e.seq;
    m.clientId = e.clientId;
    m.senderId = e.senderUserId;
    m.senderDeviceId = e.senderDeviceId;
    m.timestamp = e.serverTime;
    m.kind = e.kind;
    m.expiresAt = e.expiresAt;
    if (e.kind == MessageKind::Membership)
        m.body = e.body;
    return m;
}

} // namespace

SyncEngine::SyncEngine(Connection *connection, PushDispatcher *pushes, MessageStore *store,
                       ContentCipher *cipher, QObject *parent)
    : QObject(parent),
      m_connection(connection),
      m_store(store),
      m_cipher(cipher),
      m_typing(new TypingTracker(this))
{
    connect(m_connection, &Connection::authenticated, this, &SyncEngine::onAuthenticated);
    pushes->route(this, &SyncEngine::onMessagePushed);
    pushes->route(this, &SyncEngine::onReceiptPushed);
    pushes->route(this, &SyncEngine::onTypingPushed);
    pushes->route(this, &SyncEngine::onPresencePushed);
    pushes->route(this, &SyncEngine::onConversationPushed);
    connect(m_connection, &Connection::stateChanged, this, [this](Connection::State state) {
        if (state != Connection::State::Ready) {
            m_synced = false;
            m_typing->clearAll();
        }
    });
}

SyncEngine::~SyncEngine() = default;

void SyncEngine::setIdentity(qint64 userId, qint64 deviceId)
{
    m_userId = userId;
    m_deviceId = deviceId;
}

void SyncEngine::reset()
{
    ++m_generation;
    m_cursorsLoaded = false;
    m_syncPending = false;
    m_synced = false;
    m_cursors.clear();
    m_catchingUp.clear();
    m_catchUpAgain.clear();
    m_fetchingOlder.clear();
    m_deliveredSent.clear();
    m_readSent.clear();
    m_presence.clear();
    m_queue.clear();
    m_processing = false;
    m_typingSentAt.clear();
    qDeleteAll(m_typingStop);
    m_typingStop.clear();
    m_typing->clearAll();
    m_userId = 0;
    m_deviceId = 0;
}

void SyncEngine::loadCursors()
{
    const quint64 generation = m_generation;
    m_store->cursors().then(this, [this, generation](const QList<LogCursor> &cursors) {
        if (generation != m_generation)
            return;
        for (const LogCursor &c : cursors) {
            if (!m_cursors.contains(c.conversationId))
                m_cursors.insert(c.conversationId, c);
        }
        m_cursorsLoaded = true;
        qCDebug(lcClientSync) << "loaded" << cursors.size() << "cursors";
        if (std::exchange(m_syncPending, false))
            startSync();
    });
}

void SyncEngine::onAuthenticated()
{
    if (!m_cursorsLoaded) {
        m_syncPending = true;
        return;
    }
    startSync();
}

void SyncEngine::startSync()
{
    SyncFrame frame;
    frame.limit = CatchUpPageSize;
    for (const LogCursor &c : std::as_const(m_cursors)) {
        if (c.top > 0)
            frame.cursors.append({c.conversationId, c.top});
    }
    qCInfo(lcClientSync) << "syncing from" << frame.cursors.size() << "cursors";
    const quint64 generation = m_generation;
    m_connection->request(frame).then(this, [this, generation](const Result<RawFrame> &reply) {
        if (generation != m_generation)
            return;
        auto synced =
                reply ? FrameCodec::read<SyncedFrame>(*reply) : Result<SyncedFrame>(reply.error());
        if (!synced) {
            qCWarning(lcClientSync) << "sync failed:" << errorCodeName(synced.error().code);
            return;
        }
        applySynced(*synced);
    });
}

LogCursor &SyncEngine::cursorFor(qint64 conversationId, qint64 initialTop)
{
    auto it = m_cursors.find(conversationId);
    if (it == m_cursors.end()) {
        const qint64 top = std::max<qint64>(0, initialTop);
        it = m_cursors.insert(conversationId, LogCursor{conversationId, top, top + 1});
    }
    return *it;
}

void SyncEngine::applySynced(const SyncedFrame &frame)
{
    qCInfo(lcClientSync) << "synced:" << frame.conversations.size() << "conversations,"
                         << frame.messages.size() << "messages";
    const quint64 generation = m_generation;
    QList<qint64> ids;
    for (const Conversation &c : frame.conversations)
        ids.append(c.id);
    m_store->upsertConversations(frame.conversations, m_userId).then(this, [this, ids, generation] {
        if (generation != m_generation)
            return;
        for (qint64 id : ids)
            Q_EMIT conversationChanged(id);
        m_synced = true;
        Q_EMIT synced();
    });
    for (const Presence &p : frame.presence)
        setPresence(p);
    Q_EMIT ownPrivacySynced(frame.showLastSeen);

    for (const Conversation &c : frame.conversations)
        cursorFor(c.id, c.lastSeq - PageSize);
    Batch batch;
    QSet<qint64> gaps;
    acceptLive(frame.messages, batch, gaps);
    if (!batch.envelopes.isEmpty())
        enqueue(std::move(batch));
    for (const Conversation &c : frame.conversations) {
        if (c.lastSeq > m_cursors.value(c.id).top || gaps.contains(c.id))
            catchUp(c.id);
    }
    // Read receipts given while offline.
    QList<qint64> unsentReads;
    for (auto it = m_readSent.cbegin(); it != m_readSent.cend(); ++it) {
        if (it.value() < 0)
            unsentReads.append(it.key());
    }
    for (qint64 id : std::as_const(unsentReads))
        markRead(id);
}

void SyncEngine::acceptLive(const QList<Envelope> &envelopes, Batch &batch, QSet<qint64> &gaps)
{
    for (const Envelope &e : envelopes) {
        LogCursor &c = cursorFor(e.conversationId, e.seq - 1);
        if (e.seq <= c.top)
            continue; // already held
        if (e.seq != c.top + 1) {
            gaps.insert(e.conversationId);
            continue; // a gap: history fills it, this entry included
        }
        c.top = e.seq;
        batch.envelopes.append(e);
        batch.cursors.insert(c.conversationId, c);
    }
}

void SyncEngine::acceptHistory(const QList<Envelope> &envelopes, Batch &batch)
{
    // A history page is everything the server holds after the asked seq, in order: a seq it
    // skips is not in its log (a restore moved its numbering on past entries that were lost),
    // so the cursor moves over it instead of waiting for entries that never come.
    for (const Envelope &e : envelopes) {
        LogCursor &c = cursorFor(e.conversationId, e.seq - 1);
        if (e.seq <= c.top)
            continue; // already held
        if (e.seq != c.top + 1)
            qCInfo(lcClientSync) << "the log of" << e.conversationId << "goes on at" << e.seq
                                 << "after" << c.top << "(the server was restored)";
        c.top = e.seq;
        batch.envelopes.append(e);
        batch.cursors.insert(c.conversationId, c);
    }
}

void SyncEngine::catchUp(qint64 conversationId)
{
    if (!m_connection->isReady())
        return;
    if (m_catchingUp.contains(conversationId)) {
        m_catchUpAgain.insert(conversationId);
        return;
    }
    m_catchingUp.insert(conversationId);
    HistoryFrame frame;
    frame.conversationId = conversationId;
    frame.afterSeq = m_cursors.value(conversationId).top;
    frame.limit = CatchUpPageSize;
    qCDebug(lcClientSync) << "catching up conversation" << conversationId << "after"
                          << frame.afterSeq;
    const quint64 generation = m_generation;
    m_connection->request(frame).then(
            this, [this, conversationId, generation](const Result<RawFrame> &reply) {
                if (generation != m_generation)
                    return;
                m_catchingUp.remove(conversationId);
                const bool again = m_catchUpAgain.remove(conversationId);
                auto page = reply ? FrameCodec::read<MessagesFrame>(*reply)
                                  : Result<MessagesFrame>(reply.error());
                if (!page) {
                    qCWarning(lcClientSync) << "history of" << conversationId
                                            << "failed:" << errorCodeName(page.error().code);
                    return;
                }
                const qint64 before = m_cursors.value(conversationId).top;
                Batch batch;
                acceptHistory(page->messages, batch);
                const bool progressed = m_cursors.value(conversationId).top > before;
                if (!batch.envelopes.isEmpty())
                    enqueue(std::move(batch));
                if ((page->more && progressed) || again)
                    catchUp(conversationId);
            });
}

void SyncEngine::fetchOlder(qint64 conversationId)
{
    const auto it = m_cursors.constFind(conversationId);
    if (it == m_cursors.cend() || it->bottom <= 1 || !m_connection->isReady()) {
        Batch batch;
        batch.older = true;
        batch.olderConversation = conversationId;
        batch.olderMore = it != m_cursors.cend() && it->bottom > 1;
        enqueue(std::move(batch));
        return;
    }
    if (m_fetchingOlder.contains(conversationId))
        return;
    m_fetchingOlder.insert(conversationId);
    HistoryFrame frame;
    frame.conversationId = conversationId;
    frame.beforeSeq = it->bottom;
    frame.limit = PageSize;
    const quint64 generation = m_generation;
    m_connection->request(frame).then(
            this, [this, conversationId, generation](const Result<RawFrame> &reply) {
                if (generation != m_generation)
                    return;
                m_fetchingOlder.remove(conversationId);
                auto page = reply ? FrameCodec::read<MessagesFrame>(*reply)
                                  : Result<MessagesFrame>(reply.error());
                Batch batch;
                batch.older = true;
                batch.olderConversation = conversationId;
                if (!page) {
                    qCWarning(lcClientSync) << "older history of" << conversationId
                                            << "failed:" << errorCodeName(page.error().code);
                    batch.olderMore = false;
                    enqueue(std::move(batch));
                    return;
                }
                LogCursor &c = cursorFor(conversationId, 0);
                const qint64 bottom = c.bottom;
                for (const Envelope &e : std::as_const(page->messages)) {
                    if (e.seq < bottom) {
                        batch.envelopes.append(e);
                        c.bottom = std::min(c.bottom, e.seq);
                    }
                }
                if (!page->more)
                    c.bottom = std::min<qint64>(c.bottom, 1);
                batch.olderMore = c.bottom > 1;
                batch.cursors.insert(conversationId, c);
                enqueue(std::move(batch));
            });
}

bool SyncEngine::hasOlderOnServer(qint64 conversationId) const
{
    const auto it = m_cursors.constFind(conversationId);
    return it != m_cursors.cend() && it->bottom > 1;
}

void SyncEngine::ingestOwnMessage(const StoredMessage &message)
{
    LogCursor &c = cursorFor(message.conversationId, message.seq - 1);
    Batch batch;
    batch.ready.append(message);
    bool gap = false;
    if (message.seq == c.top + 1) {
        c.top = message.seq;
        batch.cursors.insert(c.conversationId, c);
    } else if (message.seq > c.top + 1) {
        gap = true; // stored now so it stays visible; history fills what is before it
    }
    enqueue(std::move(batch));
    if (gap)
        catchUp(message.conversationId);
    reannounceTyping(message.conversationId);
}

void SyncEngine::applyConversation(const Conversation &conversation)
{
    const quint64 generation = m_generation;
    const qint64 id = conversation.id;
    m_store->upsertConversations({conversation}, m_userId).then(this, [this, id, generation] {
        if (generation == m_generation)
            Q_EMIT conversationChanged(id);
    });
    const LogCursor &c = cursorFor(id, conversation.lastSeq - PageSize);
    if (conversation.lastSeq > c.top)
        catchUp(id);
}

void SyncEngine::enqueue(Batch batch)
{
    m_queue.push_back(std::move(batch));
    processNext();
}

void SyncEngine::processNext()
{
    if (m_processing || m_queue.empty())
        return;
    m_processing = true;
    Batch batch = std::move(m_queue.front());
    m_queue.pop_front();
    const quint64 generation = m_generation;

    QList<QFuture<Result<QByteArray>>> decrypted;
    for (const Envelope &e : std::as_const(batch.envelopes)) {
        if (e.kind == MessageKind::Content)
            decrypted.append(m_cipher->decrypt(e));
    }
    auto store = [this, generation](Batch done, const QList<QFuture<Result<QByteArray>>> &results) {
        if (generation != m_generation)
            return;
        QList<StoredMessage> messages;
        qsizetype next = 0;
        for (const Envelope &e : std::as_const(done.envelopes)) {
            StoredMessage m = fromEnvelope(e);
            if (e.kind == MessageKind::Content) {
                const QFuture<Result<QByteArray>> &f = results.at(next++);
                const Result<QByteArray> plain = f.isValid() && f.resultCount() > 0
                        ? f.result()
                        : Result<QByteArray>(ErrorCode::InternalError, u"cipher gave no result"_s);
                auto content = plain ? MessageContent::fromBytes(*plain)
                                     : Result<MessageContent>(plain.error());
                if (content) {
                    m.body = *plain;
                    m.text = content->previewText();
                } else {
                    qCWarning(lcClientSync)
                            << "cannot read entry" << e.seq << "of" << e.conversationId << ":"
                            << errorCodeName(content.error().code);
                    m.undecryptable = true;
                }
            }
            messages.append(m);
        }
        messages.append(done.ready);
        m_store->storeMessages(messages, m_deviceId)
                .then(this, [this, done, generation](const StoredBatch &stored) {
                    if (generation != m_generation)
                        return;
                    finishBatch(done, stored);
                    m_processing = false;
                    processNext();
                });
        for (const LogCursor &c : std::as_const(done.cursors))
            m_store->setCursor(c);
    };
    if (decrypted.isEmpty()) {
        store(std::move(batch), {});
        return;
    }
    QtFuture::whenAll(decrypted.begin(), decrypted.end())
            .then(this, [store, batch](const QList<QFuture<Result<QByteArray>>> &results) mutable {
                store(std::move(batch), results);
            });
}

void SyncEngine::finishBatch(const Batch &batch, const StoredBatch &stored)
{
    // The Outbox already let go of what it acknowledged itself (batch.ready); it hears only of
    // own entries that came another way, so the ack never returns to it.
    QList<QByteArray> settledElsewhere = stored.ownAcknowledged;
    for (const StoredMessage &m : batch.ready)
        settledElsewhere.removeAll(m.clientId);
    if (!settledElsewhere.isEmpty())
        Q_EMIT ownEntriesStored(settledElsewhere);

    // Group by conversation, keeping order.
    QList<qint64> order;
    QHash<qint64, QList<StoredMessage>> byConversation;
    for (const StoredMessage &m : stored.inserted) {
        if (!byConversation.contains(m.conversationId))
            order.append(m.conversationId);
        byConversation[m.conversationId].append(m);
    }
    if (batch.older && !byConversation.contains(batch.olderConversation))
        order.append(batch.olderConversation);

    for (qint64 conversationId : std::as_const(order)) {
        const QList<StoredMessage> list = byConversation.value(conversationId);
        qint64 newestFromOthers = 0;
        bool membershipChanged = false;
        for (const StoredMessage &m : list) {
            if (m.senderId != m_userId)
                newestFromOthers = std::max(newestFromOthers, m.seq);
            if (m.kind == MessageKind::Membership && !batch.older) {
                if (auto event = MembershipEvent::fromBytes(m.body)) {
                    m_store->applyMembership(conversationId, *event, m_userId);
                    membershipChanged = true;
                }
            }
        }
        if (batch.older)
            Q_EMIT olderMessagesStored(conversationId, list, batch.olderMore);
        else
            Q_EMIT messagesStored(conversationId, list);
        if (membershipChanged) {
            const quint64 generation = m_generation;
            m_store->conversationSummary(conversationId, m_userId)
                    .then(this,
                          [this, conversationId,
                           generation](const std::optional<ConversationSummary> &) {
                              if (generation == m_generation)
                                  Q_EMIT conversationChanged(conversationId);
                          });
        }
        if (newestFromOthers > 0)
            sendDelivered(conversationId, newestFromOthers);
    }
}

void SyncEngine::onMessagePushed(const MessageFrame &message)
{
    // Sending a message ends its sender's typing. Done here, in the order frames arrive,
    // not once the entry is decrypted and stored: by then the sender may be typing again.
    const Envelope &e = message.envelope;
    if (e.kind == MessageKind::Content && e.senderUserId != m_userId)
        m_typing->clear(e.conversationId, e.senderUserId);
    Batch batch;
    QSet<qint64> gaps;
    acceptLive({message.envelope}, batch, gaps);
    if (!batch.envelopes.isEmpty())
        enqueue(std::move(batch));
    for (qint64 id : std::as_const(gaps))
        catchUp(id);
}

void SyncEngine::onReceiptPushed(const ReceiptFrame &receipt)
{
    const qint64 id = receipt.receipt.conversationId;
    const quint64 generation = m_generation;
    m_store->applyReceipt(receipt.receipt).then(this, [this, id, generation](bool changed) {
        if (changed && generation == m_generation)
            Q_EMIT conversationChanged(id);
    });
}

void SyncEngine::onTypingPushed(const TypingFrame &typing)
{
    if (typing.typing.userId != m_userId)
        m_typing->apply(typing.typing.conversationId, typing.typing.userId, typing.typing.typing);
}

void SyncEngine::onPresencePushed(const PresenceFrame &presence)
{
    setPresence(presence.presence);
}

void SyncEngine::onConversationPushed(const ConversationInfoFrame &info)
{
    applyConversation(info.conversation);
}

} // namespace Parley
