#pragma once

/// The router: owns everything that is shared between connections (who is online, the
/// conversation directory, presence) on one thread of its own, takes decoded frames from the
/// sessions, and hands each to the one class that owns its type. Replies and pushes leave
/// through Delivery, store work through Store; nothing here waits.

#include "session/RequestSink.h"

#include <QtCore/QObject>

#include <functional>
#include <memory>

namespace Parley {

class AbuseReports;
class Accounts;
class AttachmentTransfers;
class BlobStore;
class ClusterRelay;
class Conversations;
class Delivery;
class Inbox;
class KeyDirectory;
struct Metrics;
class LogExpiry;
class MessageLog;
class PresenceTracker;
class RevocationWatch;
class RouteContext;
class Store;
class TypingRelay;
struct Request;
struct ServerConfig;
class Status;

class Router : public QObject, public RequestSink
{
    Q_OBJECT
public:
    Router(const ServerConfig &config, Store &store, QObject *parent = nullptr);
    ~Router() override;

    /// Before any session opens; null (before the I/O threads go) drops all output.
    void setDelivery(Delivery *delivery);
    /// Before any session opens; may stay unset.
    void setMetrics(Metrics *metrics);
    /// Loads the directory from the store and starts the attachment files' thread (on the
    /// router's thread); `ready` runs on that thread.
    void load(std::function<void(Status)> ready);

    /// Calls `done` (on the router's thread) once every request received so far has been
    /// through the store and answered.
    void drain(std::function<void()> done);

    // RequestSink: thread-safe, each posts to the router's thread.
    void sessionOpened(SessionAddress session, const QHostAddress &peer) override;
    void frameReceived(SessionAddress session, RawFrame frame) override;
    void sessionClosed(SessionAddress session) override;

Q_SIGNALS:
    /// In cluster mode: Redis became reachable or unreachable (also emitted once by load()).
    void clusterAvailabilityChanged(bool up);

private:
    void dispatch(const Request &r, const RawFrame &raw);
    void close(SessionAddress session);

    std::unique_ptr<RouteContext> m_ctx;
    std::unique_ptr<Accounts> m_accounts;
    std::unique_ptr<Conversations> m_conversations;
    std::unique_ptr<MessageLog> m_log;
    std::unique_ptr<Inbox> m_inbox;
    std::unique_ptr<KeyDirectory> m_keys;
    std::unique_ptr<AbuseReports> m_reports;
    std::unique_ptr<BlobStore> m_blobs;
    AttachmentTransfers *m_attachments;
    PresenceTracker *m_presence;
    TypingRelay *m_typing;
    RevocationWatch *m_revocations;
    LogExpiry *m_expiry;
    ClusterRelay *m_cluster = nullptr;
};

} // namespace Parley
