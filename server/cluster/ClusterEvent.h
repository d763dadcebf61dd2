#pragma once

/// One event between nodes, as it travels over Redis pub/sub: a small CBOR map naming the node
/// it comes from, what it is, and the already encoded frame to push where that applies (the
/// receiving node forwards those bytes as they are: one encoding for the whole cluster).

#include "model/Conversation.h"

#include <QtCore/QByteArray>
#include <QtCore/QHash>

#include <optional>

namespace Parley {

struct ClusterEvent
{
    enum class Kind : quint8 {
        Push = 0, ///< `frame` to the sessions of the channel's user or device
        Message = 1, ///< a log entry (`conversationId`, `seq`, by `userId`): `frame`, in order
        Conversation = 2, ///< a conversation's new state (members, roles): every node's directory
        Block = 3, ///< `userId` blocked (`flag`) or unblocked `otherUserId`
        Revoke = 4, ///< the channel's device was revoked: close its sessions
        Resync = 5, ///< a node lost Redis for a while: everyone reloads from the database
        Presence = 6, ///< `userId` is online (`flag`) or not, last seen `seq`: `frame` as Push
        Privacy = 7, ///< `userId` hides (`flag`) or shows when they were last seen
    };

    QByteArray origin; ///< the publishing node's id
    Kind kind = Kind::Push;
    qint64 conversationId = 0;
    qint64 seq = 0;
    qint64 userId = 0;
    qint64 otherUserId = 0;
    bool flag = false;
    QByteArray frame;
    std::optional<Conversation> conversation;
    QHash<qint64, qint64> roleSince; ///< member → since when (with Conversation)

    QByteArray encode() const;
    static std::optional<ClusterEvent> decode(const QByteArray &bytes);
};

/// The channels: per user, per device, and one every node listens to for the directory.
namespace ClusterChannel {
QByteArray user(qint64 userId);
QByteArray device(qint64 deviceId);
QByteArray directory();
/// The id in a user or device channel's name, 0 if it is neither.
qint64 idOf(const QByteArray &channel, bool *isDevice);
} // namespace ClusterChannel

} // namespace Parley
