// The admin subcommands for support: `parleyd conversation list|show`. They show who is in a
// conversation and how far its log goes, never its content (the server has only ciphertext).
#include "AdminVerb.h"
#include "store/Database.h"

#include <QtCore/QJsonArray>
#include <QtCore/QJsonObject>

namespace Parley {

using namespace Qt::StringLiterals;

namespace {

QJsonObject conversationJson(const Conversation &c, bool withMembers)
{
    QJsonObject json{{u"id"_s, c.id},           {u"kind"_s, QString(conversationKindName(c.kind))},
                     {u"title"_s, c.title},     {u"memberCount"_s, c.members.size()},
                     {u"lastSeq"_s, c.lastSeq}, {u"createdAt"_s, adminTimeJson(c.createdAt)}};
    if (withMembers) {
        QJsonArray members;
        for (const Member &m : c.members)
            members.append(QJsonObject{{u"userId"_s, m.userId},
                                       {u"username"_s, m.username},
                                       {u"role"_s, QString(roleName(m.role))},
                                       {u"deliveredUpTo"_s, m.deliveredUpTo},
                                       {u"readUpTo"_s, m.readUpTo}});
        json.insert(u"members"_s, members);
    }
    return json;
}

Result<QList<Conversation>> conversations(AdminContext &c)
{
    auto db = c.database();
    if (!db)
        return db.error();
    auto snapshot = (*db)->snapshot().load();
    if (!snapshot)
        return snapshot.error();
    return snapshot->conversations;
}

Result<AdminReply> conversationList(AdminContext &c)
{
    auto all = conversations(c);
    if (!all)
        return all.error();
    AdminReply reply;
    QJsonArray list;
    for (const Conversation &conv : std::as_const(*all)) {
        QStringList names;
        for (const Member &m : conv.members)
            names.append(m.username);
        reply.text += u"%1\t%2\t%3\t%4\tlast seq %5\t%6\n"_s.arg(conv.id)
                              .arg(conversationKindName(conv.kind), conv.title, names.join(u','))
                              .arg(conv.lastSeq)
                              .arg(adminTimeText(conv.createdAt));
        list.append(conversationJson(conv, false));
    }
    reply.json = list;
    return reply;
}

Result<AdminReply> conversationShow(AdminContext &c)
{
    bool ok = false;
    const qint64 id = c.arguments.at(0).toLongLong(&ok);
    if (!ok)
        return Error{ErrorCode::InvalidArgument, u"a conversation id is a number"_s};
    auto all = conversations(c);
    if (!all)
        return all.error();
    for (const Conversation &conv : std::as_const(*all)) {
        if (conv.id != id)
            continue;
        QString text = u"conversation %1 (%2)%3\ncreated %4, last seq %5\nmembers:\n"_s.arg(id)
                               .arg(conversationKindName(conv.kind),
                                    conv.title.isEmpty() ? QString() : u" \""_s + conv.title + u'"',
                                    adminTimeText(conv.createdAt))
                               .arg(conv.lastSeq);
        for (const Member &m : conv.members)
            text += u"  %1\t%2\t%3\tdelivered up to %4\tread up to %5\n"_s.arg(m.userId)
                            .arg(m.username, roleName(m.role))
                            .arg(m.deliveredUpTo)
                            .arg(m.readUpTo);
        return AdminReply{text, conversationJson(conv, true)};
    }
    return Error{ErrorCode::NoSuchConversation, u"no conversation %1"_s.arg(id)};
}

} // namespace

QList<AdminVerb> conversationVerbs()
{
    return {
            {{u"conversation"_s, u"list"_s},
             QString(),
             u"list conversations: kind, title, members, last seq"_s,
             conversationList},
            {{u"conversation"_s, u"show"_s},
             u"ID"_s,
             u"one conversation's members and receipts (never its content)"_s,
             conversationShow},
    };
}

} // namespace Parley
