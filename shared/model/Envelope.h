#pragma once

/// One entry of a conversation's log: a message with its place (seq) and who sent it.

#include "protocol/Result.h"

#include <QtCore/QByteArray>
#include <QtCore/QCborMap>

namespace Parley {

enum class MessageKind : quint8 {
    Content = 0, ///< opaque, end-to-end encrypted bytes the server never reads
    Membership = 1, ///< a MembershipEvent written by the server
};

/// The log entry as stored and pushed; `body` is opaque to the server for Content.
struct Envelope
{
    qint64 conversationId = 0;
    qint64 seq = 0;
    qint64 senderUserId = 0;
    qint64 senderDeviceId = 0; ///< 0 for entries the server writes
    QByteArray clientId; ///< ClientIdBytes chosen by the sender; empty for server entries
    qint64 serverTime = 0; ///< ms since the epoch when the server stored it
    MessageKind kind = MessageKind::Content;
    QByteArray body;
    /// ms since the epoch after which nobody may see it (disappearing messages); 0: never
    qint64 expiresAt = 0;

    QCborMap toCbor() const;
    static Result<Envelope> fromCbor(const QCborMap &map);
    friend bool operator==(const Envelope &, const Envelope &) = default;
};

} // namespace Parley
