#include "Keys.h"

#include "protocol/FieldReader.h"
#include "protocol/Limits.h"

namespace Parley {

using namespace Qt::StringLiterals;

QCborMap SignedPreKey::toCbor() const
{
    return {{"id"_L1, id}, {"key"_L1, publicKey}, {"sig"_L1, signature}};
}

Result<SignedPreKey> SignedPreKey::fromCbor(const QCborMap &map)
{
    SignedPreKey k;
    FieldReader r(map);
    r.id("id"_L1, k.id)
            .bytes("key"_L1, k.publicKey, MaxKeyBytes)
            .bytes("sig"_L1, k.signature, MaxKeyBytes);
    return r.finish(k);
}

QCborMap OneTimePreKey::toCbor() const
{
    return {{"id"_L1, id}, {"key"_L1, publicKey}};
}

Result<OneTimePreKey> OneTimePreKey::fromCbor(const QCborMap &map)
{
    OneTimePreKey k;
    FieldReader r(map);
    r.id("id"_L1, k.id).bytes("key"_L1, k.publicKey, MaxKeyBytes);
    return r.finish(k);
}

QCborMap KeyBundle::toCbor() const
{
    QCborMap map{{"user"_L1, userId},
                 {"device"_L1, deviceId},
                 {"registrationId"_L1, registrationId},
                 {"identityKey"_L1, identityKey},
                 {"signedPreKey"_L1, signedPreKey.toCbor()}};
    if (oneTimePreKey)
        map.insert("preKey"_L1, oneTimePreKey->toCbor());
    return map;
}

Result<KeyBundle> KeyBundle::fromCbor(const QCborMap &map)
{
    KeyBundle b;
    FieldReader r(map);
    r.id("user"_L1, b.userId)
            .id("device"_L1, b.deviceId)
            .id("registrationId"_L1, b.registrationId)
            .bytes("identityKey"_L1, b.identityKey, MaxKeyBytes)
            .object("signedPreKey"_L1, b.signedPreKey)
            .optional()
            .object("preKey"_L1, b.oneTimePreKey);
    return r.finish(b);
}

QCborMap InboxItem::toCbor() const
{
    return {{"item"_L1, itemId},
            {"fromUser"_L1, fromUserId},
            {"fromDevice"_L1, fromDeviceId},
            {"ts"_L1, serverTime},
            {"body"_L1, body}};
}

Result<InboxItem> InboxItem::fromCbor(const QCborMap &map)
{
    InboxItem i;
    FieldReader r(map);
    r.id("item"_L1, i.itemId)
            .id("fromUser"_L1, i.fromUserId)
            .id("fromDevice"_L1, i.fromDeviceId)
            .id("ts"_L1, i.serverTime)
            .bytes("body"_L1, i.body, MaxInboxBodyBytes, ErrorCode::BodyTooLarge);
    return r.finish(i);
}

QCborMap InboxDelivery::toCbor() const
{
    return {{"user"_L1, userId}, {"device"_L1, deviceId}, {"body"_L1, body}};
}

Result<InboxDelivery> InboxDelivery::fromCbor(const QCborMap &map)
{
    InboxDelivery d;
    FieldReader r(map);
    r.id("user"_L1, d.userId)
            .id("device"_L1, d.deviceId)
            .bytes("body"_L1, d.body, MaxInboxBodyBytes, ErrorCode::BodyTooLarge);
    return r.finish(d);
}

} // namespace Parley
