// SyncEngine: what this device tells the others (delivered, read, typing, presence).
#include "SyncEngine.h"

#include "Logging.h"
#include "net/Connection.h"
#include "store/MessageStore.h"

#include <QtCore/QDateTime>
#include <QtCore/QTimer>

namespace Parley {

namespace {

constexpr int TypingResendMs = 3000;
constexpr int TypingStopMs = 5000;

} // namespace

void SyncEngine::sendDelivered(qint64 conversationId, qint64 seq)
{
    if (!m_connection->isReady() || seq <= m_deliveredSent.value(conversationId, 0))
        return;
    m_deliveredSent.insert(conversationId, seq);
    ReceiptFrame frame{Receipt{conversationId, 0, 0, ReceiptKind::Delivered, seq}};
    m_connection->request(frame).then(
            this, [this, conversationId, seq](const Result<RawFrame> &reply) {
                if (!reply && m_deliveredSent.value(conversationId) == seq)
                    m_deliveredSent.remove(conversationId);
            });
}

void SyncEngine::markRead(qint64 conversationId)
{
    const auto it = m_cursors.constFind(conversationId);
    if (it == m_cursors.cend() || it->top <= 0)
        return;
    const qint64 seq = it->top;
    const qint64 sent = m_readSent.value(conversationId, 0);
    if (std::abs(sent) >= seq && sent > 0)
        return;
    // Locally at once (the unread count drops even offline); to the server when connected.
    const quint64 generation = m_generation;
    m_store->applyReceipt(Receipt{conversationId, m_userId, m_deviceId, ReceiptKind::Read, seq})
            .then(this, [this, conversationId, generation](bool changed) {
                if (changed && generation == m_generation)
                    Q_EMIT conversationChanged(conversationId);
            });
    if (!m_connection->isReady()) {
        m_readSent.insert(conversationId, -seq); // negative: still to send
        return;
    }
    m_readSent.insert(conversationId, seq);
    ReceiptFrame frame{Receipt{conversationId, 0, 0, ReceiptKind::Read, seq}};
    m_connection->request(frame).then(this,
                                      [this, conversationId, seq](const Result<RawFrame> &reply) {
                                          if (!reply && m_readSent.value(conversationId) == seq)
                                              m_readSent.insert(conversationId, -seq);
                                      });
}

void SyncEngine::setTyping(qint64 conversationId, bool typing)
{
    if (!m_connection->isReady())
        return;
    QTimer *&stop = m_typingStop[conversationId];
    if (!stop) {
        stop = new QTimer(this);
        stop->setSingleShot(true);
        connect(stop, &QTimer::timeout, this,
                [this, conversationId] { setTyping(conversationId, false); });
    }
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (typing) {
        if (now - m_typingSentAt.value(conversationId, 0) >= TypingResendMs) {
            m_typingSentAt.insert(conversationId, now);
            m_connection->post(TypingFrame{Typing{conversationId, 0, true}});
        }
        stop->start(TypingStopMs);
    } else if (m_typingSentAt.remove(conversationId)) {
        stop->stop();
        m_connection->post(TypingFrame{Typing{conversationId, 0, false}});
    }
}

void SyncEngine::reannounceTyping(qint64 conversationId)
{
    const QTimer *stop = m_typingStop.value(conversationId);
    if (!m_connection->isReady() || !stop || !stop->isActive()
        || !m_typingSentAt.contains(conversationId))
        return;
    m_typingSentAt.insert(conversationId, QDateTime::currentMSecsSinceEpoch());
    m_connection->post(TypingFrame{Typing{conversationId, 0, true}});
}

void SyncEngine::setPresence(const Presence &presence)
{
    if (m_presence.value(presence.userId) == presence)
        return;
    m_presence.insert(presence.userId, presence);
    Q_EMIT presenceChanged(presence.userId);
}

} // namespace Parley
