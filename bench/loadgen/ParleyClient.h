#pragma once

/// A bench device speaking Parley's protocol (docs/protocol.md) through FrameCodec: hello,
/// resume (or register during setup), sync from its cursors, send with a client id, and
/// count each `message` push or synced entry once per (conversation, seq).

#include "ChatClient.h"

#include "protocol/FrameCodec.h"

#include <QtCore/QHash>

#include <functional>
#include <set>

namespace Parley {
struct AuthenticatedFrame;
struct Envelope;
} // namespace Parley

namespace Parley::Bench {

/// The seqs of one conversation a device holds: the highest gap-free one, and those above it.
class SeqTracker
{
public:
    /// True when the seq is new to this device.
    bool mark(qint64 seq);
    qint64 contiguous() const { return m_contiguous; }

private:
    qint64 m_contiguous = 0;
    std::set<qint64> m_above;
};

class ParleyClient : public ChatClient
{
    Q_OBJECT

public:
    using ChatClient::ChatClient;

    using Reply = std::function<void(const RawFrame &)>;

    /// Setup only: after authentication skip the sync, and report the account.
    void setSetupMode(std::function<void(const AuthenticatedFrame &)> authenticated);
    /// Setup only: sends a request frame and hands its reply (or error) to `reply`.
    template<typename T>
    void request(const T &frame, Reply reply)
    {
        const qint64 id = m_nextRequestId++;
        m_replies.insert(id, std::move(reply));
        sendBinary(FrameCodec::encode(frame, id));
    }
    /// Sends a ping so the server's idle timer sees the device alive.
    void heartbeat();

    /// Entries delivered a second time under a seq already held (push and sync overlapping).
    qint64 seqRedeliveries() const { return m_seqRedeliveries; }

protected:
    void started() override;
    void binaryReceived(const QByteArray &bytes) override;
    void transmit(int conversation, const Stamp &stamp) override;
    void connectionEnded() override;

private:
    void authenticated(const RawFrame &frame);
    void requestSync();
    void synced(const RawFrame &frame);
    void envelopeArrived(const Envelope &envelope);

    static constexpr qint64 ControlIds = qint64(1) << 31; ///< sends use their counter as id

    std::function<void(const AuthenticatedFrame &)> m_setupAuthenticated;
    QHash<qint64, Reply> m_replies;
    qint64 m_nextRequestId = ControlIds + 100;
    QHash<qint64, SeqTracker> m_seqs; ///< by conversation id
    qint64 m_syncId = -1;
    qint64 m_lastSyncProgress = -1;
    qint64 m_seqRedeliveries = 0;
};

} // namespace Parley::Bench
