#include "DeviceMessage.h"

#include "protocol/CborPreflight.h"

#include <QtCore/QCborArray>
#include <QtCore/QCborMap>
#include <QtCore/QCborValue>

namespace Parley {

using namespace Qt::StringLiterals;

namespace {

constexpr int Version = 1;

QCborArray idArray(const QList<qint64> &ids)
{
    QCborArray array;
    for (qint64 id : ids)
        array.append(id);
    return array;
}

bool readIds(const QCborValue &value, QList<qint64> &out)
{
    if (value.isUndefined())
        return true;
    if (!value.isArray())
        return false;
    for (const QCborValue &id : value.toArray()) {
        if (!id.isInteger() || id.toInteger() <= 0)
            return false;
        out.append(id.toInteger());
    }
    return true;
}

} // namespace

QByteArray DeviceMessage::encode() const
{
    QCborMap map{{"v"_L1, Version}};
    if (!senderKeys.isEmpty()) {
        QCborArray keys;
        for (const SenderKey &key : senderKeys)
            keys.append(QCborMap{{"conv"_L1, key.conversationId}, {"key"_L1, key.distribution}});
        map.insert("keys"_L1, keys);
    }
    if (!keyRequests.isEmpty())
        map.insert("want"_L1, idArray(keyRequests));
    if (!revokedDevices.isEmpty())
        map.insert("revoked"_L1, idArray(revokedDevices));
    return map.toCborValue().toCbor();
}

std::optional<DeviceMessage> DeviceMessage::decode(const QByteArray &bytes)
{
    if (!cborLengthsFit(bytes))
        return std::nullopt;
    QCborParserError error;
    const QCborValue value = QCborValue::fromCbor(bytes, &error);
    if (error.error != QCborError::NoError || !value.isMap())
        return std::nullopt;
    const QCborMap map = value.toMap();
    // isInteger() first: toInteger() of a huge double is undefined behaviour in Qt.
    const QCborValue version = map.value("v"_L1);
    if (!version.isInteger() || version.toInteger() != Version)
        return std::nullopt;
    DeviceMessage message;
    const QCborValue keys = map.value("keys"_L1);
    if (!keys.isUndefined()) {
        if (!keys.isArray())
            return std::nullopt;
        for (const QCborValue &entry : keys.toArray()) {
            const QCborMap key = entry.toMap();
            const QCborValue conversation = key.value("conv"_L1);
            const QCborValue distribution = key.value("key"_L1);
            if (!conversation.isInteger() || conversation.toInteger() <= 0
                || !distribution.isByteArray())
                return std::nullopt;
            message.senderKeys.append({conversation.toInteger(), distribution.toByteArray()});
        }
    }
    if (!readIds(map.value("want"_L1), message.keyRequests)
        || !readIds(map.value("revoked"_L1), message.revokedDevices))
        return std::nullopt;
    return message;
}

} // namespace Parley
