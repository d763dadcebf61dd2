#include "OutboxSender.h"

namespace Parley {

OutboxSender::OutboxSender(TestClient *client, qint64 conversation, int inFlight)
    : m_client(client),
      m_conversation(conversation),
      m_inFlight(inFlight)
{
    connect(client, &TestClient::frameArrived, this, &OutboxSender::collect);
}

void OutboxSender::pump()
{
    if (!m_client->isOpen())
        return;
    while (m_keepSending && m_pending.size() < m_inFlight) {
        const QByteArray clientId = TestClient::newClientId();
        m_outbox.insert(clientId, "body " + QByteArray::number(++m_made));
        transmit(clientId);
    }
}

void OutboxSender::resendAll()
{
    m_pending.clear();
    for (auto it = m_outbox.cbegin(); it != m_outbox.cend(); ++it)
        transmit(it.key());
}

void OutboxSender::transmit(const QByteArray &clientId)
{
    const qint64 id = m_client->send(SendFrame{m_conversation, clientId, m_outbox.value(clientId)});
    m_pending.insert(id, clientId);
}

void OutboxSender::collect()
{
    // Replies to sends, and pushes (dropped: the tests read the log at the end); other
    // replies (hello, resume) stay for whoever waits for them.
    const QList<RawFrame> frames = m_client->takeAll(
            [this](const RawFrame &f) { return !f.hasId() || m_pending.contains(f.id); });
    for (const RawFrame &f : frames) {
        if (!f.hasId())
            continue;
        const QByteArray clientId = m_pending.take(f.id);
        if (f.type != FrameType::Sent)
            continue; // an error (e.g. shutting down): it stays in the outbox
        const auto sent = FrameCodec::read<SentFrame>(f);
        if (!sent || sent->clientId != clientId)
            continue;
        const auto known = m_acked.constFind(clientId);
        if (known != m_acked.cend() && *known != sent->seq)
            m_conflicts.append(clientId); // acked twice with different seqs: a duplicate
        m_acked.insert(clientId, sent->seq);
        m_outbox.remove(clientId);
    }
    pump();
}

} // namespace Parley
