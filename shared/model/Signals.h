#pragma once

/// Receipts (stored pointers) and the ephemeral typing and presence signals.

#include "protocol/Result.h"

#include <QtCore/QCborMap>

namespace Parley {

enum class ReceiptKind : quint8 { Delivered, Read };

/// "This device received / this user read conversation C up to seq N".
struct Receipt
{
    qint64 conversationId = 0;
    qint64 userId = 0; ///< who; filled in by the server
    qint64 deviceId = 0; ///< which device, for Delivered; filled in by the server
    ReceiptKind kind = ReceiptKind::Delivered;
    qint64 seq = 0;

    QCborMap toCbor() const;
    static Result<Receipt> fromCbor(const QCborMap &map);
    friend bool operator==(const Receipt &, const Receipt &) = default;
};

/// A user started or stopped typing in a conversation; never stored, expires by itself.
struct Typing
{
    qint64 conversationId = 0;
    qint64 userId = 0; ///< filled in by the server
    bool typing = false;

    QCborMap toCbor() const;
    static Result<Typing> fromCbor(const QCborMap &map);
    friend bool operator==(const Typing &, const Typing &) = default;
};

/// A user's presence as people who share a conversation with them see it.
struct Presence
{
    qint64 userId = 0;
    bool online = false;
    qint64 lastSeen = 0; ///< ms since the epoch; 0 when never seen or withheld
    /// The user has been seen, but the time is withheld from this viewer (either of the two
    /// hides their last seen); `lastSeen` is 0 then. Only sent when true.
    bool lastSeenHidden = false;

    QCborMap toCbor() const;
    static Result<Presence> fromCbor(const QCborMap &map);
    friend bool operator==(const Presence &, const Presence &) = default;
};

} // namespace Parley
