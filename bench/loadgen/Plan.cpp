#include "Plan.h"

#include <QtCore/QJsonArray>

#include <algorithm>

namespace Parley::Bench {

using namespace Qt::StringLiterals;

QString peerKindName(PeerKind kind)
{
    switch (kind) {
    case PeerKind::Parley:
        return u"parley"_s;
    case PeerKind::RawQt:
        return u"rawqt"_s;
    case PeerKind::SocketIo:
        return u"socketio"_s;
    case PeerKind::Xmpp:
        return u"xmpp"_s;
    }
    return {};
}

std::optional<PeerKind> peerKindFromName(QStringView name)
{
    for (PeerKind kind : {PeerKind::Parley, PeerKind::RawQt, PeerKind::SocketIo, PeerKind::Xmpp}) {
        if (name == peerKindName(kind))
            return kind;
    }
    return std::nullopt;
}

Plan Plan::layout(PeerKind peer, const QUrl &url, int users, int pairs, int groups, int groupSize,
                  int groupSenders)
{
    Plan plan;
    plan.peer = peer;
    plan.url = url;
    plan.pairs = pairs;
    plan.groups = groups;
    plan.groupSize = groupSize;
    plan.groupSenders = std::min(groupSenders, groupSize);
    const int loadUsers = std::max({users, 2 * pairs, groups * groupSize});
    for (int i = 0; i < loadUsers + 2; ++i)
        plan.users.append(PlanUser{u"user%1"_s.arg(i), u"bench-password-%1"_s.arg(i), {}, 0});
    for (int k = 0; k < pairs; ++k)
        plan.conversations.append(PlanConversation{false, {2 * k, 2 * k + 1}, u"p%1"_s.arg(k)});
    for (int g = 0; g < groups; ++g) {
        PlanConversation c{true, {}, u"g%1"_s.arg(g)};
        for (int m = 0; m < groupSize; ++m)
            c.members.append(g * groupSize + m);
        plan.conversations.append(c);
    }
    plan.conversations.append(PlanConversation{false, {loadUsers, loadUsers + 1}, u"c0"_s});
    if (peer == PeerKind::Xmpp) {
        for (int g = 0; g < groups; ++g)
            plan.conversations[pairs + g].address =
                    u"g%1@conference.%2"_s.arg(g).arg(plan.xmppDomain);
    }
    return plan;
}

QList<int> Plan::conversationsOf(int user) const
{
    QList<int> out;
    if (const int p = pairConversation(user); p >= 0)
        out.append(p);
    if (const int g = groupConversation(user); g >= 0)
        out.append(g);
    if (user >= catchUpSender())
        out.append(catchUpConversation());
    return out;
}

QJsonObject Plan::toJson() const
{
    QJsonArray jsonUsers;
    for (const PlanUser &u : users) {
        jsonUsers.append(QJsonObject{{u"name"_s, u.name},
                                     {u"password"_s, u.password},
                                     {u"token"_s, QString::fromLatin1(u.token.toBase64())},
                                     {u"id"_s, u.userId}});
    }
    QJsonArray jsonConversations;
    for (const PlanConversation &c : conversations) {
        QJsonArray members;
        for (int m : c.members)
            members.append(m);
        jsonConversations.append(QJsonObject{
                {u"group"_s, c.group}, {u"members"_s, members}, {u"address"_s, c.address}});
    }
    return {{u"peer"_s, peerKindName(peer)},
            {u"url"_s, url.toString()},
            {u"xmppDomain"_s, xmppDomain},
            {u"bodyBytes"_s, bodyBytes},
            {u"pairs"_s, pairs},
            {u"groups"_s, groups},
            {u"groupSize"_s, groupSize},
            {u"groupSenders"_s, groupSenders},
            {u"users"_s, jsonUsers},
            {u"conversations"_s, jsonConversations}};
}

Plan Plan::fromJson(const QJsonObject &json)
{
    Plan plan;
    plan.peer = peerKindFromName(json.value(u"peer"_s).toString()).value_or(PeerKind::Parley);
    plan.url = QUrl(json.value(u"url"_s).toString());
    plan.xmppDomain = json.value(u"xmppDomain"_s).toString();
    plan.bodyBytes = json.value(u"bodyBytes"_s).toInt(64);
    plan.pairs = json.value(u"pairs"_s).toInt();
    plan.groups = json.value(u"groups"_s).toInt();
    plan.groupSize = json.value(u"groupSize"_s).toInt();
    plan.groupSenders = json.value(u"groupSenders"_s).toInt();
    for (const QJsonValue &v : json.value(u"users"_s).toArray()) {
        const QJsonObject u = v.toObject();
        plan.users.append(
                PlanUser{u.value(u"name"_s).toString(), u.value(u"password"_s).toString(),
                         QByteArray::fromBase64(u.value(u"token"_s).toString().toLatin1()),
                         u.value(u"id"_s).toInteger()});
    }
    for (const QJsonValue &v : json.value(u"conversations"_s).toArray()) {
        const QJsonObject c = v.toObject();
        PlanConversation conv{c.value(u"group"_s).toBool(), {}, c.value(u"address"_s).toString()};
        for (const QJsonValue &m : c.value(u"members"_s).toArray())
            conv.members.append(m.toInt());
        plan.conversations.append(conv);
    }
    return plan;
}

} // namespace Parley::Bench
