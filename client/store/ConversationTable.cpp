#include "ConversationTable.h"

#include "StoreSql_p.h"
#include "content/MessageContent.h"
#include "content/SystemText.h"

#include <QtCore/QCoreApplication>
#include <QtSql/QSqlDatabase>

namespace Parley {

using namespace Qt::StringLiterals;
using StoreSql::exec;
using StoreSql::notNull;

void ConversationTable::upsert(const QList<Conversation> &conversations, qint64 selfUserId)
{
    m_db.transaction();
    QSqlQuery q(m_db);
    for (const Conversation &c : conversations) {
        q.prepare(u"INSERT INTO conversations (id, kind, title, last_seq, created_at, is_member,"
                  " timer) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET"
                  " kind = excluded.kind, title = excluded.title,"
                  " last_seq = max(last_seq, excluded.last_seq), created_at = excluded.created_at,"
                  " is_member = excluded.is_member, timer = excluded.timer"_s);
        q.addBindValue(c.id);
        q.addBindValue(int(c.kind));
        q.addBindValue(notNull(c.title));
        q.addBindValue(c.lastSeq);
        q.addBindValue(c.createdAt);
        q.addBindValue(c.member(selfUserId) != nullptr);
        q.addBindValue(c.timerSeconds);
        exec(q);
        q.prepare(u"UPDATE members SET active = 0 WHERE conv = ?"_s);
        q.addBindValue(c.id);
        exec(q);
        for (const Member &m : c.members) {
            q.prepare(u"INSERT INTO members (conv, user_id, username, role, delivered_up_to,"
                      " read_up_to, active) VALUES (?, ?, ?, ?, ?, ?, 1)"
                      " ON CONFLICT (conv, user_id)"
                      " DO UPDATE SET username = excluded.username, role = excluded.role,"
                      " delivered_up_to = max(delivered_up_to, excluded.delivered_up_to),"
                      " read_up_to = max(read_up_to, excluded.read_up_to), active = 1"_s);
            q.addBindValue(c.id);
            q.addBindValue(m.userId);
            q.addBindValue(notNull(m.username));
            q.addBindValue(int(m.role));
            q.addBindValue(m.deliveredUpTo);
            q.addBindValue(m.readUpTo);
            exec(q);
        }
    }
    m_db.commit();
}

// The summary's statements, prepared once for a whole list: with 500 conversations, preparing
// five statements per conversation cost more than running them.
struct ConversationTable::SummaryQueries
{
    explicit SummaryQueries(const QSqlDatabase &db)
        : conversation(db),
          members(db),
          lastMessage(db),
          outbox(db),
          unread(db)
    {
        conversation.prepare(u"SELECT id, kind, title, last_seq, created_at, is_member, muted,"
                             " timer FROM conversations WHERE id = ?"_s);
        members.prepare(u"SELECT user_id, username, role, delivered_up_to, read_up_to FROM members"
                        " WHERE conv = ? AND active = 1 ORDER BY role DESC, username"_s);
        // Like other apps, the list shows the last message itself: reactions, edits and
        // deletes change what it says (an edit's text, "deleted") but are not messages of
        // their own.
        lastMessage.prepare(u"SELECT kind, body, text, ts, deleted FROM messages"
                            " WHERE conv = ? AND hidden = 0 ORDER BY seq DESC LIMIT 1"_s);
        outbox.prepare(u"SELECT content, created_at FROM outbox WHERE conv = ? AND created_at >= ?"
                       " ORDER BY created_at DESC"_s);
        unread.prepare(u"SELECT COUNT(*) FROM messages WHERE conv = ? AND seq > ? AND sender != ?"
                       " AND kind = 0 AND hidden = 0"_s);
    }

    QSqlQuery conversation, members, lastMessage, outbox, unread;
};

QList<ConversationSummary> ConversationTable::summaries(qint64 selfUserId)
{
    QList<ConversationSummary> list;
    QList<qint64> ids;
    QSqlQuery q(m_db);
    if (q.exec(u"SELECT id FROM conversations"_s)) {
        while (q.next())
            ids.append(q.value(0).toLongLong());
    }
    SummaryQueries queries(m_db);
    for (qint64 id : std::as_const(ids)) {
        if (auto s = summary(queries, id, selfUserId))
            list.append(std::move(*s));
    }
    return list;
}

QList<Member> ConversationTable::readMembers(QSqlQuery &q)
{
    QList<Member> members;
    if (!exec(q))
        return members;
    while (q.next()) {
        Member m;
        m.userId = q.value(0).toLongLong();
        m.username = q.value(1).toString();
        m.role = Role(q.value(2).toInt());
        m.deliveredUpTo = q.value(3).toLongLong();
        m.readUpTo = q.value(4).toLongLong();
        members.append(m);
    }
    return members;
}

QList<Member> ConversationTable::members(qint64 conversationId)
{
    QSqlQuery q(m_db);
    q.prepare(u"SELECT user_id, username, role, delivered_up_to, read_up_to FROM members"
              " WHERE conv = ? AND active = 1 ORDER BY role DESC, username"_s);
    q.addBindValue(conversationId);
    return readMembers(q);
}

QString ConversationTable::memberName(qint64 conversationId, qint64 userId)
{
    QSqlQuery q(m_db);
    q.prepare(u"SELECT username FROM members WHERE conv = ? AND user_id = ?"_s);
    q.addBindValue(conversationId);
    q.addBindValue(userId);
    return exec(q) && q.next() ? q.value(0).toString() : QString();
}

QString ConversationTable::previewOf(qint64 conversationId, MessageKind kind,
                                     const QByteArray &body, const QString &text)
{
    if (kind == MessageKind::Membership) {
        auto event = MembershipEvent::fromBytes(body);
        if (!event)
            return {};
        return membershipText(*event, memberName(conversationId, event->actorUserId));
    }
    return text;
}

std::optional<ConversationSummary> ConversationTable::summary(qint64 conversationId,
                                                              qint64 selfUserId)
{
    SummaryQueries queries(m_db);
    return summary(queries, conversationId, selfUserId);
}

std::optional<ConversationSummary>
ConversationTable::summary(SummaryQueries &queries, qint64 conversationId, qint64 selfUserId)
{
    QSqlQuery &q = queries.conversation;
    q.bindValue(0, conversationId);
    if (!exec(q) || !q.next())
        return std::nullopt;
    ConversationSummary s;
    s.conversation.id = q.value(0).toLongLong();
    s.conversation.kind = ConversationKind(q.value(1).toInt());
    s.conversation.title = q.value(2).toString();
    s.conversation.lastSeq = q.value(3).toLongLong();
    s.conversation.createdAt = q.value(4).toLongLong();
    s.isMember = q.value(5).toBool();
    s.muted = q.value(6).toBool();
    s.conversation.timerSeconds = q.value(7).toLongLong();
    q.finish();
    queries.members.bindValue(0, conversationId);
    s.conversation.members = readMembers(queries.members);
    queries.members.finish();
    s.lastActivity = s.conversation.createdAt;

    QSqlQuery &last = queries.lastMessage;
    last.bindValue(0, conversationId);
    if (exec(last) && last.next()) {
        s.lastPreview = last.value(4).toBool()
                ? QCoreApplication::translate("Parley::MessageStore", "This message was deleted")
                : previewOf(conversationId, MessageKind(last.value(0).toInt()),
                            last.value(1).toByteArray(), last.value(2).toString());
        s.lastActivity = std::max(s.lastActivity, last.value(3).toLongLong());
    }
    last.finish();
    QSqlQuery &outbox = queries.outbox;
    outbox.bindValue(0, conversationId);
    outbox.bindValue(1, s.lastActivity);
    if (exec(outbox)) {
        while (outbox.next()) {
            const auto content = MessageContent::fromBytes(outbox.value(0).toByteArray());
            if (content && content->isHiddenEntry())
                continue;
            s.lastActivity = outbox.value(1).toLongLong();
            if (content)
                s.lastPreview = content->previewText();
            break;
        }
    }
    outbox.finish();

    qint64 readUpTo = 0;
    for (const Member &m : std::as_const(s.conversation.members)) {
        if (m.userId == selfUserId)
            readUpTo = m.readUpTo;
    }
    QSqlQuery &unread = queries.unread;
    unread.bindValue(0, conversationId);
    unread.bindValue(1, readUpTo);
    unread.bindValue(2, selfUserId);
    if (exec(unread) && unread.next())
        s.unreadCount = unread.value(0).toInt();
    unread.finish();
    return s;
}

bool ConversationTable::applyReceipt(const Receipt &receipt)
{
    QSqlQuery q(m_db);
    if (receipt.kind == ReceiptKind::Read) {
        // Reading implies receiving.
        q.prepare(u"UPDATE members SET read_up_to = ?, delivered_up_to = max(delivered_up_to, ?)"
                  " WHERE conv = ? AND user_id = ? AND read_up_to < ?"_s);
        q.addBindValue(receipt.seq);
        q.addBindValue(receipt.seq);
    } else {
        q.prepare(u"UPDATE members SET delivered_up_to = ?"
                  " WHERE conv = ? AND user_id = ? AND delivered_up_to < ?"_s);
        q.addBindValue(receipt.seq);
    }
    q.addBindValue(receipt.conversationId);
    q.addBindValue(receipt.userId);
    q.addBindValue(receipt.seq);
    return exec(q) && q.numRowsAffected() > 0;
}

void ConversationTable::applyMembership(qint64 conversationId, const MembershipEvent &event,
                                        qint64 selfUserId)
{
    QSqlQuery q(m_db);
    const qint64 target = event.targetUserId ? event.targetUserId : event.actorUserId;
    const bool joins = event.action == MembershipEvent::Action::Added;
    const bool goes = event.action == MembershipEvent::Action::Removed
            || event.action == MembershipEvent::Action::Left;
    if (target == selfUserId && (joins || goes)) {
        q.prepare(u"UPDATE conversations SET is_member = ? WHERE id = ?"_s);
        q.addBindValue(joins);
        q.addBindValue(conversationId);
        exec(q);
    }
    switch (event.action) {
    case MembershipEvent::Action::Added:
        q.prepare(u"INSERT INTO members (conv, user_id, username, role, active)"
                  " VALUES (?, ?, ?, ?, 1)"
                  " ON CONFLICT (conv, user_id) DO UPDATE SET active = 1, role = excluded.role"_s);
        q.addBindValue(conversationId);
        q.addBindValue(event.targetUserId);
        q.addBindValue(notNull(event.targetUsername));
        q.addBindValue(int(event.role));
        exec(q);
        // Someone new has not seen my profile: it goes with my next message there.
        q.prepare(u"UPDATE conversations SET profile_sent = 0 WHERE id = ?"_s);
        q.addBindValue(conversationId);
        exec(q);
        break;
    case MembershipEvent::Action::Removed:
    case MembershipEvent::Action::Left:
        q.prepare(u"UPDATE members SET active = 0 WHERE conv = ? AND user_id = ?"_s);
        q.addBindValue(conversationId);
        q.addBindValue(target);
        exec(q);
        break;
    case MembershipEvent::Action::RoleChanged:
        q.prepare(u"UPDATE members SET role = ? WHERE conv = ? AND user_id = ?"_s);
        q.addBindValue(int(event.role));
        q.addBindValue(conversationId);
        q.addBindValue(event.targetUserId);
        exec(q);
        break;
    case MembershipEvent::Action::Created:
    case MembershipEvent::Action::Renamed:
        if (!event.title.isEmpty()) {
            q.prepare(u"UPDATE conversations SET title = ? WHERE id = ?"_s);
            q.addBindValue(notNull(event.title));
            q.addBindValue(conversationId);
            exec(q);
        }
        break;
    case MembershipEvent::Action::TimerChanged:
        q.prepare(u"UPDATE conversations SET timer = ? WHERE id = ?"_s);
        q.addBindValue(event.timerSeconds);
        q.addBindValue(conversationId);
        exec(q);
        break;
    }
}

void ConversationTable::setMuted(qint64 conversationId, bool muted)
{
    QSqlQuery q(m_db);
    q.prepare(u"UPDATE conversations SET muted = ? WHERE id = ?"_s);
    q.addBindValue(muted);
    q.addBindValue(conversationId);
    exec(q);
}

} // namespace Parley
