#pragma once

/// Users and their devices as the protocol shows them.

#include "protocol/Result.h"

#include <QtCore/QCborMap>
#include <QtCore/QString>

namespace Parley {

struct User
{
    qint64 userId = 0;
    QString username;

    QCborMap toCbor() const;
    static Result<User> fromCbor(const QCborMap &map);
    friend bool operator==(const User &, const User &) = default;
};

/// One logged-in device of the user (each login makes one).
struct Device
{
    qint64 deviceId = 0;
    QString name;
    qint64 createdAt = 0;  ///< ms since the epoch
    qint64 lastSeenAt = 0; ///< ms since the epoch
    bool current = false;  ///< the device asking

    QCborMap toCbor() const;
    static Result<Device> fromCbor(const QCborMap &map);
    friend bool operator==(const Device &, const Device &) = default;
};

} // namespace Parley
