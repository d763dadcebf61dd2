#pragma once

/// What every request handler on the router thread shares: the request being answered, and the
/// router's state and ways out (store, sessions, directory, delivery).

#include "ConversationDirectory.h"
#include "SessionRegistry.h"
#include "admin/Metrics.h"
#include "protocol/FrameCodec.h"
#include "protocol/Frames.h"
#include "session/Delivery.h"

namespace Parley {

class ClusterRelay;
class PresenceTracker;
class Store;
struct ServerConfig;

/// One request from an authenticated (or authenticating) session.
struct Request
{
    SessionAddress from;
    qint64 id = -1; ///< the frame's id; -1 when it had none
    qint64 userId = 0;
    qint64 deviceId = 0;
    QHostAddress peer;
};

class RouteContext
{
public:
    RouteContext(const ServerConfig &config, Store &store, QObject *thread)
        : config(config),
          store(store),
          thread(thread)
    {
    }

    const ServerConfig &config;
    Store &store;
    QObject *thread; ///< context for store callbacks: the Router, on the router thread
    Delivery *delivery = nullptr;
    SessionRegistry sessions;
    ConversationDirectory directory;
    PresenceTracker *presence = nullptr;
    Metrics *metrics = nullptr;
    ClusterRelay *cluster = nullptr; ///< set in cluster mode (--redis): pushes reach other nodes

    template<typename F>
    void reply(const Request &r, const F &frame) const
    {
        counted(F::Type);
        delivery->send(r.from, FrameCodec::encode(frame, r.id));
    }
    void ok(const Request &r) const { reply(r, OkFrame{}); }
    void fail(const Request &r, const Error &error) const
    {
        if (metrics)
            metrics->refused(error.code);
        counted(FrameType::Error);
        delivery->send(r.from, FrameCodec::encodeError(r.id, error.code, error.message));
    }
    void fail(const Request &r, ErrorCode code, const QString &message) const
    {
        fail(r, Error{code, message});
    }

    /// The frame, encoded once, to every online session of these users, but `except`.
    template<typename F>
    void push(const QList<qint64> &userIds, const F &frame, SessionAddress except = {}) const
    {
        counted(F::Type);
        push(userIds, FrameCodec::encode(frame), except);
    }
    /// The same bytes to every online session of these users on this node, but `except`.
    void pushLocal(const QList<qint64> &userIds, const QByteArray &frame,
                   SessionAddress except = {}) const;
    /// The same bytes to every online session of these users, but `except` (on every node).
    void push(const QList<qint64> &userIds, const QByteArray &frame,
              SessionAddress except = {}) const;
    /// The same bytes to every session of one device (on every node).
    void pushToDevice(qint64 deviceId, const QByteArray &frame) const;
    /// A log entry to these users' sessions but `except`: encoded once, and in a cluster kept
    /// in seq order per conversation on every node.
    void pushMessage(const Envelope &entry, const QList<qint64> &userIds,
                     SessionAddress except = {}) const;
    /// The conversation's current state to every online session of its members and `alsoUsers`;
    /// in a cluster every node's directory learns it too.
    void pushConversation(qint64 conversationId, const QList<qint64> &alsoUsers = {},
                          SessionAddress except = {}) const;

private:
    void counted(FrameType type) const
    {
        if (metrics)
            metrics->frameOut(type);
    }
};

} // namespace Parley
