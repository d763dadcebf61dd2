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
    /// The same bytes to every online session of these users, but `except`.
    void push(const QList<qint64> &userIds, const QByteArray &frame,
              SessionAddress except = {}) const
    {
        QList<SessionAddress> to;
        sessions.collect(userIds, except, to);
        if (!to.isEmpty())
            delivery->send(to, frame);
    }
    /// The conversation's current state to every online session of its members and `alsoUsers`.
    void pushConversation(qint64 conversationId, const QList<qint64> &alsoUsers = {},
                          SessionAddress except = {}) const
    {
        const Conversation *c = directory.find(conversationId);
        if (!c)
            return;
        QList<qint64> users = directory.memberIds(conversationId);
        for (qint64 u : alsoUsers) {
            if (!users.contains(u))
                users.append(u);
        }
        push(users, ConversationInfoFrame{*c}, except);
    }

private:
    void counted(FrameType type) const
    {
        if (metrics)
            metrics->frameOut(type);
    }
};

} // namespace Parley
