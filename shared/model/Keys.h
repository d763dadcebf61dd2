#pragma once

/// Public key material (pre-key bundles) and device-inbox items, as they travel.

#include "protocol/Result.h"

#include <QtCore/QByteArray>
#include <QtCore/QCborMap>
#include <QtCore/QList>

#include <optional>

namespace Parley {

struct SignedPreKey
{
    qint64 id = 0;
    QByteArray publicKey;
    QByteArray signature;

    QCborMap toCbor() const;
    static Result<SignedPreKey> fromCbor(const QCborMap &map);
    friend bool operator==(const SignedPreKey &, const SignedPreKey &) = default;
};

struct OneTimePreKey
{
    qint64 id = 0;
    QByteArray publicKey;

    QCborMap toCbor() const;
    static Result<OneTimePreKey> fromCbor(const QCborMap &map);
    friend bool operator==(const OneTimePreKey &, const OneTimePreKey &) = default;
};

/// What a sender needs to open a pairwise session with one device; the one-time pre-key is
/// handed out once and may be absent when the device's stock is empty.
struct KeyBundle
{
    qint64 userId = 0;
    qint64 deviceId = 0;
    qint64 registrationId = 0;
    QByteArray identityKey;
    SignedPreKey signedPreKey;
    std::optional<OneTimePreKey> oneTimePreKey;

    QCborMap toCbor() const;
    static Result<KeyBundle> fromCbor(const QCborMap &map);
    friend bool operator==(const KeyBundle &, const KeyBundle &) = default;
};

/// One item waiting in a device's inbox (sender keys, device-to-device control).
struct InboxItem
{
    qint64 itemId = 0;
    qint64 fromUserId = 0;
    qint64 fromDeviceId = 0;
    qint64 serverTime = 0;
    QByteArray body;

    QCborMap toCbor() const;
    static Result<InboxItem> fromCbor(const QCborMap &map);
    friend bool operator==(const InboxItem &, const InboxItem &) = default;
};

/// Where an inbox item should go.
struct InboxDelivery
{
    qint64 userId = 0;
    qint64 deviceId = 0;
    QByteArray body;

    QCborMap toCbor() const;
    static Result<InboxDelivery> fromCbor(const QCborMap &map);
    friend bool operator==(const InboxDelivery &, const InboxDelivery &) = default;
};

} // namespace Parley
