#include "Router.h"

#include "AbuseReports.h"
#include "Accounts.h"
#include "AttachmentTransfers.h"
#include "Conversations.h"
#include "Inbox.h"
#include "KeyDirectory.h"
#include "LogExpiry.h"
#include "Logging.h"
#include "MessageLog.h"
#include "RevocationWatch.h"
#include "RouteContext.h"
#include "admin/Metrics.h"
#include "admin/ServerConfig.h"
#include "attachments/BlobStore.h"
#include "cluster/ClusterRelay.h"
#include "cluster/RedisUrl.h"
#include "presence/PresenceTracker.h"
#include "presence/TypingRelay.h"
#include "store/Store.h"

#include <QtCore/QDateTime>

namespace Parley {

using namespace Qt::StringLiterals;

namespace {

/// Where replies go when there are no sessions any more (shutdown): nowhere.
class NoDelivery : public Delivery
{
public:
    void send(SessionAddress, const QByteArray &) override { }
    void send(const QList<SessionAddress> &, const QByteArray &) override { }
    void authenticated(SessionAddress, qint64, qint64, const QByteArray &) override { }
    void authenticationFailed(SessionAddress, const QByteArray &) override { }
    void close(SessionAddress, const QByteArray &) override { }
};

NoDelivery s_noDelivery;

// How soon a device revoked by an admin command loses its live sessions. In a cluster the
// admin commands reach no node directly, and every node polls: faster, to stay within 2 s.
constexpr int RevocationPollMs = 2000;
constexpr int ClusterRevocationPollMs = 1000;

/// Reads the typed frame and calls the handler, or answers the field error.
template<typename T, typename Handler, typename OnError>
void read(const RawFrame &raw, Handler &&handler, OnError &&onError)
{
    auto frame = FrameCodec::read<T>(raw);
    if (!frame)
        onError(frame.error());
    else
        handler(*frame);
}

} // namespace

Router::Router(const ServerConfig &config, Store &store, QObject *parent)
    : QObject(parent),
      m_ctx(std::make_unique<RouteContext>(config, store, this)),
      m_accounts(std::make_unique<Accounts>(*m_ctx)),
      m_conversations(std::make_unique<Conversations>(*m_ctx)),
      m_log(std::make_unique<MessageLog>(*m_ctx)),
      m_inbox(std::make_unique<Inbox>(*m_ctx)),
      m_keys(std::make_unique<KeyDirectory>(*m_ctx)),
      m_reports(std::make_unique<AbuseReports>(*m_ctx)),
      m_blobs(std::make_unique<BlobStore>(config.resolvedDataDir() + u"/attachments"_s)),
      m_attachments(new AttachmentTransfers(*m_ctx, *m_blobs, this)),
      m_presence(new PresenceTracker(*m_ctx, config.presenceDelayMs, this)),
      m_typing(new TypingRelay(*m_ctx, config.typingExpirySeconds, this)),
      m_revocations(new RevocationWatch(
              *m_ctx, config.redis.isEmpty() ? RevocationPollMs : ClusterRevocationPollMs, this)),
      m_expiry(new LogExpiry(*m_ctx, this))
{
    if (!config.redis.isEmpty()) {
        // The command line checked the URL.
        m_cluster = new ClusterRelay(*m_ctx, *RedisUrl::parse(config.redis), this);
        m_ctx->cluster = m_cluster;
        connect(m_cluster, &ClusterRelay::availabilityChanged, this, [this](bool up) {
            if (m_ctx->metrics)
                m_ctx->metrics->clusterDegraded.storeRelaxed(up ? 0 : 1);
            Q_EMIT clusterAvailabilityChanged(up);
        });
    }
    m_ctx->presence = m_presence;
    m_ctx->delivery = &s_noDelivery;
    connect(m_presence, &PresenceTracker::lastSeenChanged, this, [this](qint64 user, qint64 when) {
        m_ctx->store.runDetached(
                [user, when](Database &db) { return db.accounts().setUserLastSeen(user, when); });
    });
}

Router::~Router()
{
    // Before the members go: no blob callback may be queued to a half-destroyed router.
    m_blobs->stop();
}

void Router::setDelivery(Delivery *delivery)
{
    m_ctx->delivery = delivery ? delivery : &s_noDelivery;
}

void Router::setMetrics(Metrics *metrics)
{
    m_ctx->metrics = metrics;
    if (metrics && m_cluster)
        metrics->clusterDegraded.storeRelaxed(m_cluster->isUp() ? 0 : 1);
}

void Router::load(std::function<void(Status)> ready)
{
    m_ctx->store.run<Snapshot>(
            this, [](Database &db) { return db.snapshot().load(); },
            [this, ready = std::move(ready)](Result<Snapshot> snapshot) {
                if (!snapshot) {
                    ready(snapshot.error());
                    return;
                }
                if (Status s = m_blobs->start(); !s) {
                    ready(s);
                    return;
                }
                m_ctx->directory.load(*snapshot);
                m_presence->load(snapshot->lastSeen, snapshot->lastSeenHidden);
                m_attachments->load(snapshot->uploads);
                m_revocations->start();
                m_expiry->start();
                if (m_cluster) {
                    m_cluster->start();
                    Q_EMIT clusterAvailabilityChanged(m_cluster->isUp());
                }
                qCInfo(lcServerRouting)
                        << "loaded" << snapshot->conversations.size() << "conversations";
                ready(Status{});
            });
}

void Router::drain(std::function<void()> done)
{
    // The store runs jobs in order: when this one is through, so is everything before it.
    m_ctx->store.run<bool>(
            this, [](Database &) { return Result<bool>(true); },
            [done = std::move(done)](Result<bool>) { done(); });
}

void Router::sessionOpened(SessionAddress session, const QHostAddress &peer)
{
    QMetaObject::invokeMethod(
            this, [this, session, peer] { m_ctx->sessions.open(session, peer); },
            Qt::QueuedConnection);
}

void Router::frameReceived(SessionAddress session, RawFrame frame)
{
    if (m_ctx->metrics)
        m_ctx->metrics->frameIn(frame.type);
    QMetaObject::invokeMethod(
            this,
            [this, session, frame = std::move(frame)] {
                const SessionInfo *info = m_ctx->sessions.find(session);
                if (!info)
                    return; // closed meanwhile
                dispatch(Request{session, frame.id, info->userId, info->deviceId, info->peer},
                         frame);
            },
            Qt::QueuedConnection);
}

void Router::sessionClosed(SessionAddress session)
{
    QMetaObject::invokeMethod(
            this, [this, session] { close(session); }, Qt::QueuedConnection);
}

void Router::close(SessionAddress session)
{
    const SessionInfo info = m_ctx->sessions.close(session);
    if (!info.userId)
        return;
    if (m_cluster)
        m_cluster->sessionClosed(info.userId, info.deviceId);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    m_ctx->store.runDetached([device = info.deviceId, now](Database &db) {
        return db.accounts().touchDevice(device, now);
    });
    if (!m_ctx->sessions.isOnline(info.userId))
        m_typing->userWentAway(info.userId);
    m_presence->deviceOffline(info.userId, now);
}

void Router::dispatch(const Request &r, const RawFrame &raw)
{
    const auto fail = [this, &r](const Error &e) { m_ctx->fail(r, e); };
    const auto refuse = [this, &r](const Error &e) { m_accounts->refuse(r, e); };
    switch (raw.type) {
    // accounts and devices
    case FrameType::Register:
        return read<RegisterFrame>(
                raw, [&](const auto &f) { m_accounts->registerUser(r, f); }, refuse);
    case FrameType::Login:
        return read<LoginFrame>(
                raw, [&](const auto &f) { m_accounts->login(r, f); }, refuse);
    case FrameType::Resume:
        return read<ResumeFrame>(
                raw, [&](const auto &f) { m_accounts->resume(r, f); }, refuse);
    case FrameType::Logout:
        return m_accounts->logout(r);
    case FrameType::ListDevices:
        return m_accounts->listDevices(r);
    case FrameType::RevokeDevice:
        return read<RevokeDeviceFrame>(
                raw, [&](const auto &f) { m_accounts->revokeDevice(r, f); }, fail);
    case FrameType::ChangePassword:
        return read<ChangePasswordFrame>(
                raw, [&](const auto &f) { m_accounts->changePassword(r, f); }, fail);
    case FrameType::FindUser:
        return read<FindUserFrame>(
                raw, [&](const auto &f) { m_accounts->findUser(r, f); }, fail);
    case FrameType::Block:
        return read<BlockFrame>(
                raw, [&](const auto &f) { m_accounts->block(r, f); }, fail);
    case FrameType::ListBlocked:
        return m_accounts->listBlocked(r);
    case FrameType::SetPrivacy:
        return read<SetPrivacyFrame>(
                raw, [&](const auto &f) { m_accounts->setPrivacy(r, f); }, fail);
    // conversations
    case FrameType::CreateDirect:
        return read<CreateDirectFrame>(
                raw, [&](const auto &f) { m_conversations->createDirect(r, f); }, fail);
    case FrameType::CreateGroup:
        return read<CreateGroupFrame>(
                raw, [&](const auto &f) { m_conversations->createGroup(r, f); }, fail);
    case FrameType::AddMember:
        return read<AddMemberFrame>(
                raw, [&](const auto &f) { m_conversations->addMember(r, f); }, fail);
    case FrameType::RemoveMember:
        return read<RemoveMemberFrame>(
                raw, [&](const auto &f) { m_conversations->removeMember(r, f); }, fail);
    case FrameType::Leave:
        return read<LeaveFrame>(
                raw, [&](const auto &f) { m_conversations->leave(r, f); }, fail);
    case FrameType::SetRole:
        return read<SetRoleFrame>(
                raw, [&](const auto &f) { m_conversations->setRole(r, f); }, fail);
    case FrameType::Rename:
        return read<RenameFrame>(
                raw, [&](const auto &f) { m_conversations->rename(r, f); }, fail);
    case FrameType::SetTimer:
        return read<SetTimerFrame>(
                raw, [&](const auto &f) { m_conversations->setTimer(r, f); }, fail);
    // the log
    case FrameType::Send:
        return read<SendFrame>(
                raw, [&](const auto &f) { m_log->send(r, f); }, fail);
    case FrameType::History:
        return read<HistoryFrame>(
                raw, [&](const auto &f) { m_log->history(r, f); }, fail);
    case FrameType::Sync:
        return read<SyncFrame>(
                raw, [&](const auto &f) { m_log->sync(r, f); }, fail);
    case FrameType::Receipt:
        return read<ReceiptFrame>(
                raw, [&](const auto &f) { m_log->receipt(r, f); }, fail);
    case FrameType::Typing:
        return read<TypingFrame>(
                raw, [&](const auto &f) { m_typing->typing(r, f); }, [](const Error &) {});
    // device inbox and keys
    case FrameType::InboxSend:
        return read<InboxSendFrame>(
                raw, [&](const auto &f) { m_inbox->send(r, f); }, fail);
    case FrameType::InboxFetch:
        return read<InboxFetchFrame>(
                raw, [&](const auto &f) { m_inbox->fetch(r, f); }, fail);
    case FrameType::InboxAck:
        return read<InboxAckFrame>(
                raw, [&](const auto &f) { m_inbox->ack(r, f); }, fail);
    case FrameType::UploadKeys:
        return read<UploadKeysFrame>(
                raw, [&](const auto &f) { m_keys->upload(r, f); }, fail);
    case FrameType::FetchKeys:
        return read<FetchKeysFrame>(
                raw, [&](const auto &f) { m_keys->fetch(r, f); }, fail);
    // attachments
    case FrameType::UploadStart:
        return read<UploadStartFrame>(
                raw, [&](const auto &f) { m_attachments->start(r, f); }, fail);
    case FrameType::UploadChunk:
        return read<UploadChunkFrame>(
                raw, [&](const auto &f) { m_attachments->chunk(r, f); }, fail);
    case FrameType::UploadStatus:
        return read<UploadStatusFrame>(
                raw, [&](const auto &f) { m_attachments->status(r, f); }, fail);
    case FrameType::UploadFinish:
        return read<UploadFinishFrame>(
                raw, [&](const auto &f) { m_attachments->finish(r, f); }, fail);
    case FrameType::Download:
        return read<DownloadFrame>(
                raw, [&](const auto &f) { m_attachments->download(r, f); }, fail);
    // abuse reports
    case FrameType::Report:
        return read<ReportFrame>(
                raw, [&](const auto &f) { m_reports->report(r, f); }, fail);
    default:
        // Sessions only pass client requests on; anything else is a bug to report, not crash on.
        m_ctx->fail(r, ErrorCode::UnexpectedFrame, u"not a request"_s);
        return;
    }
}

} // namespace Parley
