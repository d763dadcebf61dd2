#include "Outbox.h"

#include "Logging.h"
#include "content/ContentCipher.h"
#include "content/MessageContent.h"
#include "net/Connection.h"
#include "store/MessageStore.h"

#include <QtCore/QDateTime>
#include <QtCore/QRandomGenerator>
#include <QtCore/QTimer>

namespace Parley {

using namespace Qt::StringLiterals;

namespace {

constexpr int RetryDelayMs = 5000;

/// Errors a resend can get past (the server or the network was busy); anything else is final.
bool isTransient(ErrorCode code)
{
    switch (code) {
    case ErrorCode::Unavailable:
    case ErrorCode::RateLimited:
    case ErrorCode::SlowDown:
    case ErrorCode::SlowReader:
    case ErrorCode::InternalError:
    case ErrorCode::StorageError:
    case ErrorCode::AuthRequired:
        return true;
    default:
        return false;
    }
}

QByteArray newClientId()
{
    QByteArray id(ClientIdBytes, Qt::Uninitialized);
    QRandomGenerator::system()->generate(reinterpret_cast<quint32 *>(id.data()),
                                         reinterpret_cast<quint32 *>(id.data() + id.size()));
    return id;
}

} // namespace

Outbox::Outbox(Connection *connection, MessageStore *store, ContentCipher *cipher, QObject *parent)
    : QObject(parent),
      m_connection(connection),
      m_store(store),
      m_cipher(cipher),
      m_retryTimer(new QTimer(this))
{
    m_retryTimer->setSingleShot(true);
    connect(m_retryTimer, &QTimer::timeout, this, &Outbox::flush);
    connect(m_connection, &Connection::authenticated, this, &Outbox::flush);
}

Outbox::~Outbox() = default;

void Outbox::load()
{
    const quint64 generation = m_generation;
    m_store->outbox().then(this, [this, generation](const QList<OutboxEntry> &entries) {
        if (generation != m_generation)
            return;
        // Entries queued before the load finished are newer than the stored ones.
        QList<OutboxEntry> merged = entries;
        for (const OutboxEntry &e : std::as_const(m_entries)) {
            if (!std::any_of(merged.cbegin(), merged.cend(),
                             [&e](const OutboxEntry &s) { return s.clientId == e.clientId; }))
                merged.append(e);
        }
        m_entries = merged;
        m_loaded = true;
        qCInfo(lcClientOutbox) << "outbox holds" << m_entries.size() << "entries";
        Q_EMIT loaded();
        Q_EMIT changed();
        flush();
    });
}

void Outbox::setIdentity(qint64 userId, qint64 deviceId)
{
    // The same person on a new device (a login after being signed out): what the old device
    // encrypted is readable only with its keys, and the server keys retries by device, so every
    // entry is encrypted again by this device when it is sent.
    if (userId == m_userId && m_deviceId != 0 && deviceId != 0 && deviceId != m_deviceId)
        forgetBodies();
    m_userId = userId;
    m_deviceId = deviceId;
}

void Outbox::forgetBodies()
{
    for (OutboxEntry &e : m_entries) {
        if (e.body.isEmpty())
            continue;
        e.body.clear();
        m_store->setOutboxBody(e.clientId, {});
    }
}

void Outbox::reset()
{
    ++m_generation;
    m_entries.clear();
    m_inFlight.clear();
    m_loaded = false;
    m_retryTimer->stop();
    Q_EMIT changed();
}

QByteArray Outbox::sendText(qint64 conversationId, const QString &text)
{
    return send(conversationId, MessageContent::text(text));
}

QByteArray Outbox::send(qint64 conversationId, const MessageContent &content,
                        const QByteArray &clientId)
{
    if (!clientId.isEmpty() && find(clientId))
        return clientId;
    Q_EMIT aboutToQueue(conversationId, content);
    OutboxEntry entry;
    entry.conversationId = conversationId;
    entry.clientId = clientId.isEmpty() ? newClientId() : clientId;
    entry.content = content.toBytes();
    entry.createdAt = QDateTime::currentMSecsSinceEpoch();
    entry.state = OutboxState::Queued;
    m_entries.append(entry);
    m_inFlight.insert(entry.clientId); // not sendable before the commit
    qCDebug(lcClientOutbox) << "queued" << entry.clientId.toHex() << "in" << conversationId
                            << entry.content.size() << "bytes";
    const quint64 generation = m_generation;
    m_store->enqueue(entry).then(this, [this, entry, generation] {
        if (generation != m_generation)
            return;
        m_inFlight.remove(entry.clientId);
        Q_EMIT entryQueued(toMessage(entry));
        Q_EMIT changed();
        flush();
    });
    return entry.clientId;
}

bool Outbox::retry(const QByteArray &clientId)
{
    OutboxEntry *entry = find(clientId);
    if (!entry || entry->state != OutboxState::Failed)
        return false;
    entry->state = OutboxState::Queued;
    entry->failureReason.clear();
    m_store->setOutboxState(clientId, OutboxState::Queued, {});
    Q_EMIT entryChanged(toMessage(*entry));
    Q_EMIT changed();
    flush();
    return true;
}

void Outbox::retryAll()
{
    QList<QByteArray> failed;
    for (const OutboxEntry &e : std::as_const(m_entries)) {
        if (e.state == OutboxState::Failed)
            failed.append(e.clientId);
    }
    for (const QByteArray &id : std::as_const(failed))
        retry(id);
    // Queued entries wait for the connection: the user asked not to wait for the backoff.
    if (!m_connection->isReady())
        m_connection->reconnectNow();
    flush();
}

bool Outbox::discard(const QByteArray &clientId)
{
    OutboxEntry *entry = find(clientId);
    // An entry in flight may already be stored by the server; its ack decides.
    if (!entry || m_inFlight.contains(clientId))
        return false;
    const qint64 conversationId = entry->conversationId;
    m_entries.removeIf([&clientId](const OutboxEntry &e) { return e.clientId == clientId; });
    m_store->removeFromOutbox(clientId);
    qCInfo(lcClientOutbox) << "discarded" << clientId.toHex();
    Q_EMIT discarded(conversationId, clientId);
    Q_EMIT changed();
    return true;
}

void Outbox::flush()
{
    if (!m_loaded || !m_connection->isReady())
        return;
    QList<QByteArray> toSend;
    for (const OutboxEntry &e : std::as_const(m_entries)) {
        if (e.state == OutboxState::Queued && !m_inFlight.contains(e.clientId))
            toSend.append(e.clientId);
    }
    for (const QByteArray &id : std::as_const(toSend))
        send(id);
}

void Outbox::send(const QByteArray &clientId)
{
    OutboxEntry *entry = find(clientId);
    if (!entry)
        return;
    m_inFlight.insert(clientId);
    const quint64 generation = m_generation;
    auto transmit = [this, clientId, generation] {
        if (generation != m_generation)
            return;
        OutboxEntry *e = find(clientId);
        if (!e) {
            m_inFlight.remove(clientId);
            return;
        }
        qCDebug(lcClientOutbox) << "sending" << clientId.toHex();
        m_connection->request(SendFrame{e->conversationId, e->clientId, e->body})
                .then(this, [this, clientId, generation](const Result<RawFrame> &reply) {
                    if (generation == m_generation)
                        onSent(clientId, reply);
                });
    };
    if (!entry->body.isEmpty()) {
        transmit();
        return;
    }
    // Encrypt once and keep the result: a resend carries the same body.
    m_cipher->encrypt(entry->conversationId, entry->content)
            .then(this, [this, clientId, generation, transmit](const Result<QByteArray> &body) {
                if (generation != m_generation)
                    return;
                OutboxEntry *e = find(clientId);
                if (!e) {
                    m_inFlight.remove(clientId);
                    return;
                }
                if (!body) {
                    onSent(clientId, body.error());
                    return;
                }
                e->body = *body;
                m_store->setOutboxBody(clientId, *body);
                transmit();
            });
}

void Outbox::onSent(const QByteArray &clientId, const Result<RawFrame> &reply)
{
    m_inFlight.remove(clientId);
    OutboxEntry *entry = find(clientId);
    if (!entry)
        return;
    auto sent = reply ? FrameCodec::read<SentFrame>(*reply) : Result<SentFrame>(reply.error());
    if (sent) {
        qCDebug(lcClientOutbox) << "acknowledged" << clientId.toHex() << "as seq" << sent->seq;
        StoredMessage m = toMessage(*entry);
        m.seq = sent->seq;
        m.timestamp = sent->serverTime;
        m.expiresAt = sent->expiresAt;
        m.pending = false;
        m_entries.removeIf([&clientId](const OutboxEntry &e) { return e.clientId == clientId; });
        Q_EMIT acknowledged(m);
        Q_EMIT changed();
        return;
    }
    const Error &error = sent.error();
    if (isTransient(error.code)) {
        qCInfo(lcClientOutbox) << "send of" << clientId.toHex()
                               << "will be retried:" << errorCodeName(error.code);
        if (m_connection->isReady())
            m_retryTimer->start(RetryDelayMs);
        return;
    }
    qCWarning(lcClientOutbox) << "send of" << clientId.toHex()
                              << "failed:" << errorCodeName(error.code);
    entry->state = OutboxState::Failed;
    entry->failureReason = errorCodeName(error.code);
    m_store->setOutboxState(clientId, OutboxState::Failed, entry->failureReason);
    Q_EMIT entryChanged(toMessage(*entry));
    Q_EMIT changed();
}

void Outbox::forget(const QList<QByteArray> &clientIds)
{
    for (const QByteArray &id : clientIds) {
        m_entries.removeIf([&id](const OutboxEntry &e) { return e.clientId == id; });
        m_inFlight.remove(id);
    }
    Q_EMIT changed();
}

QList<StoredMessage> Outbox::pendingMessages(qint64 conversationId) const
{
    QList<StoredMessage> list;
    for (const OutboxEntry &e : m_entries) {
        if (e.conversationId == conversationId)
            list.append(toMessage(e));
    }
    return list;
}

bool Outbox::contains(const QByteArray &clientId) const
{
    return std::any_of(m_entries.cbegin(), m_entries.cend(),
                       [&clientId](const OutboxEntry &e) { return e.clientId == clientId; });
}

OutboxEntry *Outbox::find(const QByteArray &clientId)
{
    for (OutboxEntry &e : m_entries) {
        if (e.clientId == clientId)
            return &e;
    }
    return nullptr;
}

StoredMessage Outbox::toMessage(const OutboxEntry &entry) const
{
    StoredMessage m;
    m.conversationId = entry.conversationId;
    m.clientId = entry.clientId;
    m.senderId = m_userId;
    m.senderDeviceId = m_deviceId;
    m.timestamp = entry.createdAt;
    m.kind = MessageKind::Content;
    m.body = entry.content;
    if (auto content = MessageContent::fromBytes(entry.content))
        m.text = content->previewText();
    m.pending = true;
    m.outboxState = entry.state;
    m.failureReason = entry.failureReason;
    return m;
}

} // namespace Parley
