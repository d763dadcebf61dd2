#include "RouteContext.h"

#include "cluster/ClusterRelay.h"

namespace Parley {

void RouteContext::pushLocal(const QList<qint64> &userIds, const QByteArray &frame,
                             SessionAddress except) const
{
    QList<SessionAddress> to;
    sessions.collect(userIds, except, to);
    if (!to.isEmpty())
        delivery->send(to, frame);
}

void RouteContext::push(const QList<qint64> &userIds, const QByteArray &frame,
                        SessionAddress except) const
{
    pushLocal(userIds, frame, except);
    if (cluster)
        cluster->pushed(userIds, frame);
}

void RouteContext::pushToDevice(qint64 deviceId, const QByteArray &frame) const
{
    const QList<SessionAddress> to = sessions.ofDevice(deviceId);
    if (!to.isEmpty())
        delivery->send(to, frame);
    if (cluster)
        cluster->pushedToDevice(deviceId, frame);
}

void RouteContext::pushMessage(const Envelope &entry, const QList<qint64> &userIds,
                               SessionAddress except) const
{
    counted(FrameType::Message);
    const QByteArray frame = FrameCodec::encode(MessageFrame{entry});
    if (!cluster) {
        // One node: the store commits in seq order and calls back in that order.
        pushLocal(userIds, frame, except);
        return;
    }
    cluster->pushMessage(entry.conversationId, entry.seq, entry.senderUserId, userIds, frame,
                         except);
}

void RouteContext::pushConversation(qint64 conversationId, const QList<qint64> &alsoUsers,
                                    SessionAddress except) const
{
    const Conversation *c = directory.find(conversationId);
    if (!c)
        return;
    if (cluster)
        cluster->conversationChanged(*c); // before the push: other nodes' checks see it first
    QList<qint64> users = directory.memberIds(conversationId);
    for (qint64 u : alsoUsers) {
        if (!users.contains(u))
            users.append(u);
    }
    push(users, ConversationInfoFrame{*c}, except);
}

} // namespace Parley
