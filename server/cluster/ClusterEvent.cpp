#include "ClusterEvent.h"

#include <QtCore/QCborArray>
#include <QtCore/QCborMap>
#include <QtCore/QCborValue>

namespace Parley {

namespace {
enum Key : int {
    KeyOrigin,
    KeyKind,
    KeyConversation,
    KeySeq,
    KeyUser,
    KeyOther,
    KeyFlag,
    KeyFrame,
    KeyState,
    KeySince
};
} // namespace

QByteArray ClusterEvent::encode() const
{
    QCborMap m;
    m.insert(KeyOrigin, origin);
    m.insert(KeyKind, int(kind));
    if (conversationId)
        m.insert(KeyConversation, conversationId);
    if (seq)
        m.insert(KeySeq, seq);
    if (userId)
        m.insert(KeyUser, userId);
    if (otherUserId)
        m.insert(KeyOther, otherUserId);
    if (flag)
        m.insert(KeyFlag, true);
    if (!frame.isEmpty())
        m.insert(KeyFrame, frame);
    if (conversation)
        m.insert(KeyState, conversation->toCbor());
    if (!roleSince.isEmpty()) {
        QCborArray since;
        for (auto it = roleSince.cbegin(); it != roleSince.cend(); ++it) {
            since.append(it.key());
            since.append(it.value());
        }
        m.insert(KeySince, since);
    }
    return m.toCborValue().toCbor();
}

std::optional<ClusterEvent> ClusterEvent::decode(const QByteArray &bytes)
{
    const QCborValue v = QCborValue::fromCbor(bytes);
    if (!v.isMap())
        return std::nullopt;
    const QCborMap m = v.toMap();
    ClusterEvent e;
    e.origin = m.value(KeyOrigin).toByteArray();
    const qint64 kind = m.value(KeyKind).toInteger(-1);
    if (kind < 0 || kind > int(Kind::Privacy))
        return std::nullopt;
    e.kind = ClusterEvent::Kind(kind);
    e.conversationId = m.value(KeyConversation).toInteger();
    e.seq = m.value(KeySeq).toInteger();
    e.userId = m.value(KeyUser).toInteger();
    e.otherUserId = m.value(KeyOther).toInteger();
    e.flag = m.value(KeyFlag).toBool();
    e.frame = m.value(KeyFrame).toByteArray();
    if (m.contains(KeyState)) {
        auto c = Conversation::fromCbor(m.value(KeyState).toMap());
        if (!c)
            return std::nullopt;
        e.conversation = *c;
    }
    const QCborArray since = m.value(KeySince).toArray();
    for (qsizetype i = 0; i + 1 < since.size(); i += 2)
        e.roleSince.insert(since.at(i).toInteger(), since.at(i + 1).toInteger());
    return e;
}

namespace ClusterChannel {

QByteArray user(qint64 userId)
{
    return "parley:u:" + QByteArray::number(userId);
}

QByteArray device(qint64 deviceId)
{
    return "parley:d:" + QByteArray::number(deviceId);
}

QByteArray directory()
{
    return QByteArrayLiteral("parley:directory");
}

qint64 idOf(const QByteArray &channel, bool *isDevice)
{
    *isDevice = channel.startsWith("parley:d:");
    if (!*isDevice && !channel.startsWith("parley:u:"))
        return 0;
    return channel.mid(9).toLongLong();
}

} // namespace ClusterChannel

} // namespace Parley
