#include "ParleyClient.h"

#include "Logging.h"

#include "protocol/Frames.h"
#include "protocol/Limits.h"

#include <QtCore/QtEndian>

namespace Parley::Bench {

using namespace Qt::StringLiterals;

namespace {
constexpr qint64 HelloId = (qint64(1) << 31) + 1;
constexpr qint64 AuthId = (qint64(1) << 31) + 2;
constexpr int SyncPage = MaxPageMessages;
} // namespace

bool SeqTracker::mark(qint64 seq)
{
    if (seq <= m_contiguous)
        return false;
    if (seq == m_contiguous + 1) {
        ++m_contiguous;
        while (!m_above.empty() && *m_above.begin() == m_contiguous + 1) {
            m_above.erase(m_above.begin());
            ++m_contiguous;
        }
        return true;
    }
    return m_above.insert(seq).second;
}

void ParleyClient::setSetupMode(std::function<void(const AuthenticatedFrame &)> authenticated)
{
    m_setupAuthenticated = std::move(authenticated);
}

void ParleyClient::started()
{
    sendBinary(FrameCodec::encode(HelloFrame{ProtocolVersion, ProtocolVersion, u"parley-bench"_s},
                                  HelloId));
}

void ParleyClient::heartbeat()
{
    if (isReady())
        sendBinary(FrameCodec::encode(PingFrame{}, m_nextRequestId++));
}

void ParleyClient::connectionEnded()
{
    m_replies.clear();
    m_syncId = -1;
}

void ParleyClient::binaryReceived(const QByteArray &bytes)
{
    auto decoded = FrameCodec::decode(bytes, FrameLimits::fromServer());
    if (!decoded) {
        fail(u"undecodable frame: "_s + decoded.error().message);
        return;
    }
    const RawFrame &frame = *decoded;
    switch (frame.type) {
    case FrameType::Message: {
        auto m = FrameCodec::read<MessageFrame>(frame);
        if (m)
            envelopeArrived(m->envelope);
        return;
    }
    case FrameType::Sent: {
        auto s = FrameCodec::read<SentFrame>(frame);
        if (!s)
            return;
        m_seqs[s->conversationId].mark(s->seq);
        if (frame.id >= 0 && frame.id < ControlIds)
            acknowledge(quint32(frame.id));
        return;
    }
    case FrameType::Welcome: {
        if (m_setupAuthenticated && m_plan.users.at(m_user).token.isEmpty()) {
            const PlanUser &u = m_plan.users.at(m_user);
            sendBinary(FrameCodec::encode(RegisterFrame{u.name, u.password, u"bench"_s}, AuthId));
        } else {
            sendBinary(FrameCodec::encode(ResumeFrame{m_plan.users.at(m_user).token}, AuthId));
        }
        return;
    }
    case FrameType::Authenticated:
        authenticated(frame);
        return;
    case FrameType::Synced:
        synced(frame);
        return;
    case FrameType::Ping:
        sendBinary(FrameCodec::encode(PongFrame{}, frame.id));
        return;
    case FrameType::Error: {
        auto e = FrameCodec::read<ErrorFrame>(frame);
        const QString why = e ? u"%1 %2"_s.arg(errorCodeName(e->code), e->message) : u"error"_s;
        if (frame.id >= 0 && frame.id < ControlIds) {
            reject(quint32(frame.id), why);
            return;
        }
        if (frame.id == AuthId && e && e->code == ErrorCode::UsernameTaken
            && m_setupAuthenticated) {
            // An earlier attempt registered the account but lost its connection before the
            // reply: log in to it instead (a new device).
            const PlanUser &u = m_plan.users.at(m_user);
            sendBinary(FrameCodec::encode(LoginFrame{u.name, u.password, u"bench"_s}, AuthId));
            return;
        }
        if (frame.id == HelloId || frame.id == AuthId || !frame.hasId()) {
            fail(why);
            return;
        }
        break; // a setup request's error: its reply handler decides
    }
    default:
        break;
    }
    if (frame.hasId()) {
        if (auto reply = m_replies.take(frame.id))
            reply(frame);
    }
}

void ParleyClient::authenticated(const RawFrame &frame)
{
    auto a = FrameCodec::read<AuthenticatedFrame>(frame);
    if (!a) {
        fail(u"bad authenticated frame"_s);
        return;
    }
    if (m_setupAuthenticated) {
        m_setupAuthenticated(*a);
        markReady();
        return;
    }
    markReady();
    requestSync();
}

void ParleyClient::requestSync()
{
    SyncFrame sync;
    sync.limit = SyncPage;
    for (int c : m_plan.conversationsOf(m_user)) {
        const qint64 id = m_plan.conversations.at(c).address.toLongLong();
        sync.cursors.append(SyncCursor{id, m_seqs.value(id).contiguous()});
    }
    m_syncId = m_nextRequestId++;
    sendBinary(FrameCodec::encode(sync, m_syncId));
}

void ParleyClient::synced(const RawFrame &frame)
{
    if (frame.id != m_syncId)
        return;
    auto s = FrameCodec::read<SyncedFrame>(frame);
    if (!s) {
        fail(u"bad synced frame: "_s + s.error().message);
        return;
    }
    for (const Envelope &e : s->messages)
        envelopeArrived(e);
    qint64 progress = 0;
    for (const auto &t : std::as_const(m_seqs))
        progress += t.contiguous();
    if (s->more && progress != m_lastSyncProgress) {
        m_lastSyncProgress = progress;
        requestSync();
        return;
    }
    if (s->more)
        qCWarning(lcBenchClient) << "client" << m_user << "sync made no progress; stopping";
    m_syncId = -1;
    markCaughtUp();
}

void ParleyClient::envelopeArrived(const Envelope &e)
{
    if (!m_seqs[e.conversationId].mark(e.seq)) {
        ++m_seqRedeliveries;
        return;
    }
    if (e.kind != MessageKind::Content)
        return; // membership entries the server wrote
    if (auto stamp = Stamp::fromBinary(e.body))
        deliver(*stamp);
}

void ParleyClient::transmit(int conversation, const Stamp &stamp)
{
    // The same client id on every resend: the server stores (device, client id) once.
    QByteArray clientId(ClientIdBytes, '\0');
    qToBigEndian(stamp.sender, clientId.data());
    qToBigEndian(stamp.counter, clientId.data() + 4);
    SendFrame frame{m_plan.conversations.at(conversation).address.toLongLong(), clientId,
                    stamp.toBinary(m_plan.bodyBytes)};
    sendBinary(FrameCodec::encode(frame, stamp.counter));
}

} // namespace Parley::Bench
