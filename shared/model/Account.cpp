#include "Account.h"

#include "protocol/FieldReader.h"
#include "protocol/Limits.h"

namespace Parley {

using namespace Qt::StringLiterals;

QCborMap User::toCbor() const
{
    return {{"user"_L1, userId}, {"name"_L1, username}};
}

Result<User> User::fromCbor(const QCborMap &map)
{
    User u;
    FieldReader r(map);
    r.id("user"_L1, u.userId).text("name"_L1, u.username, MaxUsernameChars);
    return r.finish(u);
}

QCborMap Device::toCbor() const
{
    return {{"device"_L1, deviceId},
            {"name"_L1, name},
            {"createdAt"_L1, createdAt},
            {"lastSeen"_L1, lastSeenAt},
            {"current"_L1, current}};
}

Result<Device> Device::fromCbor(const QCborMap &map)
{
    Device d;
    FieldReader r(map);
    r.id("device"_L1, d.deviceId)
            .text("name"_L1, d.name, MaxDeviceNameChars)
            .id("createdAt"_L1, d.createdAt)
            .id("lastSeen"_L1, d.lastSeenAt)
            .boolean("current"_L1, d.current);
    return r.finish(d);
}

} // namespace Parley
