#include "ConversationQueries.h"

#include "Database.h"
#include "PageLimits.h"
#include "SqlValues.h"

#include <QtSql/QSqlQuery>

#include <algorithm>

namespace Parley {

using namespace Qt::StringLiterals;
using namespace SqlValues;

namespace {

Envelope envelopeFrom(const QSqlQuery &q)
{
    // Columns: conversation_id, seq, sender_user_id, sender_device_id, client_id, server_time,
    // kind, body, expires_at
    Envelope e;
    e.conversationId = q.value(0).toLongLong();
    e.seq = q.value(1).toLongLong();
    e.senderUserId = q.value(2).toLongLong();
    e.senderDeviceId = q.value(3).toLongLong();
    e.clientId = q.value(4).toByteArray();
    e.serverTime = q.value(5).toLongLong();
    e.kind = q.value(6).toInt() == 1 ? MessageKind::Membership : MessageKind::Content;
    e.body = q.value(7).toByteArray();
    e.expiresAt = q.value(8).toLongLong(); // NULL: 0, never
    return e;
}

} // namespace

Result<Conversation> ConversationQueries::conversation(qint64 conversationId)
{
    QSqlQuery &q = m_db.prepared(
            "SELECT id, kind, title, created_at, last_seq, timer_seconds FROM conversations "
            "WHERE id = ?");
    q.bindValue(0, conversationId);
    if (!m_db.exec(q, "conversation lookup"))
        return m_db.storageError("look up the conversation");
    if (!q.next())
        return Error{ErrorCode::NoSuchConversation, u"no such conversation"_s};
    Conversation c;
    c.id = q.value(0).toLongLong();
    c.kind = q.value(1).toInt() == 1 ? ConversationKind::Group : ConversationKind::Direct;
    c.title = q.value(2).toString();
    c.createdAt = q.value(3).toLongLong();
    c.lastSeq = q.value(4).toLongLong();
    c.timerSeconds = q.value(5).toLongLong();
    q.finish();
    QSqlQuery &m =
            m_db.prepared("SELECT m.user_id, u.username, m.role, m.read_up_to, "
                          "(SELECT MAX(r.delivered_up_to) FROM device_receipts r JOIN devices d "
                          " ON d.id = r.device_id WHERE r.conversation_id = m.conversation_id "
                          " AND d.user_id = m.user_id) "
                          "FROM members m JOIN users u ON u.id = m.user_id "
                          "WHERE m.conversation_id = ? ORDER BY m.joined_at, m.user_id");
    m.bindValue(0, conversationId);
    if (!m_db.exec(m, "member list"))
        return m_db.storageError("list members");
    while (m.next()) {
        Member member;
        member.userId = m.value(0).toLongLong();
        member.username = m.value(1).toString();
        member.role = Role(std::clamp(m.value(2).toInt(), 0, 2));
        member.readUpTo = m.value(3).toLongLong();
        member.deliveredUpTo = m.value(4).toLongLong();
        c.members.append(member);
    }
    m.finish();
    return c;
}

Result<QPair<Conversation, std::optional<Envelope>>>
ConversationQueries::createConversation(ConversationKind kind, const QString &title,
                                        qint64 creatorUserId, const QList<qint64> &otherUserIds,
                                        qint64 now)
{
    using R = QPair<Conversation, std::optional<Envelope>>;
    return m_db.inTransaction<R>([&]() -> Result<R> {
        const bool direct = kind == ConversationKind::Direct;
        if (direct) {
            if (otherUserIds.size() != 1)
                return Error{ErrorCode::InvalidArgument, u"a direct chat has two members"_s};
            QSqlQuery &existing = m_db.prepared("SELECT conversation_id FROM direct_pairs "
                                                "WHERE user_low = ? AND user_high = ?");
            existing.bindValue(0, std::min(creatorUserId, otherUserIds.first()));
            existing.bindValue(1, std::max(creatorUserId, otherUserIds.first()));
            if (!m_db.exec(existing, "direct pair lookup"))
                return m_db.storageError("look up the direct chat");
            if (existing.next()) {
                const qint64 id = existing.value(0).toLongLong();
                existing.finish();
                auto c = conversation(id);
                if (!c)
                    return c.error();
                return R{std::move(c).value(), std::nullopt};
            }
        }
        for (qint64 user : otherUserIds) {
            auto record = m_db.accounts().userById(user);
            if (!record)
                return record.error();
            if (record->disabled)
                return Error{ErrorCode::NoSuchUser, u"no such user"_s};
        }
        QSqlQuery &insert =
                m_db.prepared("INSERT INTO conversations (kind, title, created_at, last_seq) "
                              "VALUES (?, ?, ?, 0) RETURNING id");
        insert.bindValue(0, direct ? 0 : 1);
        insert.bindValue(1, text(direct ? QString() : title));
        insert.bindValue(2, now);
        if (!m_db.exec(insert, "conversation insert") || !insert.next())
            return m_db.storageError("create the conversation");
        const qint64 id = insert.value(0).toLongLong();
        insert.finish();
        if (direct) {
            QSqlQuery &pair =
                    m_db.prepared("INSERT INTO direct_pairs (user_low, user_high, conversation_id) "
                                  "VALUES (?, ?, ?)");
            pair.bindValue(0, std::min(creatorUserId, otherUserIds.first()));
            pair.bindValue(1, std::max(creatorUserId, otherUserIds.first()));
            pair.bindValue(2, id);
            if (!m_db.exec(pair, "direct pair insert"))
                return m_db.storageError("create the direct chat");
        }
        QSqlQuery &member = m_db.prepared(
                "INSERT INTO members (conversation_id, user_id, role, joined_at, role_since) "
                "VALUES (?, ?, ?, ?, ?)");
        QList<qint64> all{creatorUserId};
        for (qint64 user : otherUserIds) {
            if (!all.contains(user))
                all.append(user);
        }
        for (qint64 user : std::as_const(all)) {
            const Role role = (!direct && user == creatorUserId) ? Role::Owner : Role::Member;
            member.bindValue(0, id);
            member.bindValue(1, user);
            member.bindValue(2, int(role));
            member.bindValue(3, now);
            member.bindValue(4, now);
            if (!m_db.exec(member, "member insert"))
                return m_db.storageError("add a member");
        }
        MembershipEvent event;
        event.action = MembershipEvent::Action::Created;
        event.actorUserId = creatorUserId;
        event.title = direct ? QString() : title;
        AppendRequest entry{id, creatorUserId, 0, {}, MessageKind::Membership, event.toBytes()};
        auto appended = append(entry, now);
        if (!appended)
            return appended.error();
        auto c = conversation(id);
        if (!c)
            return c.error();
        return R{std::move(c).value(), appended->envelope};
    });
}

Result<QList<Envelope>> ConversationQueries::applyMembership(const MembershipChange &change,
                                                             qint64 now)
{
    return m_db.inTransaction<QList<Envelope>>([&]() -> Result<QList<Envelope>> {
        using Op = MembershipChange::Op;
        switch (change.op) {
        case Op::AddMember: {
            QSqlQuery &q = m_db.prepared(
                    "INSERT INTO members (conversation_id, user_id, role, joined_at, role_since) "
                    "VALUES (?, ?, ?, ?, ?)");
            q.bindValue(0, change.conversationId);
            q.bindValue(1, change.userId);
            q.bindValue(2, int(change.role));
            q.bindValue(3, now);
            q.bindValue(4, now);
            if (!m_db.exec(q, "member insert"))
                return m_db.storageError("add the member");
            break;
        }
        case Op::RemoveMember: {
            QSqlQuery &q =
                    m_db.prepared("DELETE FROM members WHERE conversation_id = ? AND user_id = ?");
            q.bindValue(0, change.conversationId);
            q.bindValue(1, change.userId);
            if (!m_db.exec(q, "member delete"))
                return m_db.storageError("remove the member");
            break;
        }
        case Op::SetRole:
            if (Status s = setRole(change.conversationId, change.userId, change.role, now); !s)
                return s.error();
            break;
        case Op::SetTitle: {
            QSqlQuery &q = m_db.prepared("UPDATE conversations SET title = ? WHERE id = ?");
            q.bindValue(0, text(change.title));
            q.bindValue(1, change.conversationId);
            if (!m_db.exec(q, "title update"))
                return m_db.storageError("rename the conversation");
            break;
        }
        case Op::SetTimer: {
            QSqlQuery &q = m_db.prepared("UPDATE conversations SET timer_seconds = ? WHERE id = ?");
            q.bindValue(0, change.timerSeconds);
            q.bindValue(1, change.conversationId);
            if (!m_db.exec(q, "timer update"))
                return m_db.storageError("set the timer");
            break;
        }
        case Op::None:
            break;
        }
        QList<Envelope> entries;
        AppendRequest entry{change.conversationId,   change.event.actorUserId, 0, {},
                            MessageKind::Membership, change.event.toBytes()};
        auto appended = append(entry, now);
        if (!appended)
            return appended.error();
        entries.append(appended->envelope);
        if (change.handOver) {
            const auto &[heir, event] = *change.handOver;
            if (Status s = setRole(change.conversationId, heir, event.role, now); !s)
                return s.error();
            AppendRequest second{change.conversationId,   event.actorUserId, 0, {},
                                 MessageKind::Membership, event.toBytes()};
            auto more = append(second, now);
            if (!more)
                return more.error();
            entries.append(more->envelope);
        }
        return entries;
    });
}

Status ConversationQueries::setRole(qint64 conversationId, qint64 userId, Role role, qint64 now)
{
    QSqlQuery &q =
            m_db.prepared("UPDATE members SET role = ?, role_since = ? WHERE conversation_id = ? "
                          "AND user_id = ?");
    q.bindValue(0, int(role));
    q.bindValue(1, now);
    q.bindValue(2, conversationId);
    q.bindValue(3, userId);
    if (!m_db.exec(q, "role update"))
        return m_db.storageError("change the role");
    return {};
}

Result<AppendResult> ConversationQueries::append(const AppendRequest &request, qint64 now)
{
    if (!request.clientId.isEmpty()) {
        QSqlQuery &dup =
                m_db.prepared("SELECT conversation_id, seq, server_time, expires_at "
                              "FROM messages WHERE sender_device_id = ? AND client_id = ?");
        dup.bindValue(0, request.senderDeviceId);
        dup.bindValue(1, request.clientId);
        if (!m_db.exec(dup, "duplicate check"))
            return m_db.storageError("store the message");
        if (dup.next()) {
            AppendResult r;
            r.duplicate = true;
            r.envelope.conversationId = dup.value(0).toLongLong();
            r.envelope.seq = dup.value(1).toLongLong();
            r.envelope.serverTime = dup.value(2).toLongLong();
            r.envelope.senderUserId = request.senderUserId;
            r.envelope.senderDeviceId = request.senderDeviceId;
            r.envelope.clientId = request.clientId;
            r.envelope.kind = request.kind;
            r.envelope.expiresAt = dup.value(3).toLongLong();
            dup.finish();
            return r;
        }
    }
    // The row lock on the conversation makes seq gapless and ordered, also across nodes; the
    // timer read under the same lock is the one in force when the message is stored.
    QSqlQuery &next = m_db.prepared("UPDATE conversations SET last_seq = last_seq + 1 WHERE id = ? "
                                    "RETURNING last_seq, timer_seconds");
    next.bindValue(0, request.conversationId);
    if (!m_db.exec(next, "seq assignment"))
        return m_db.storageError("store the message");
    if (!next.next())
        return Error{ErrorCode::NoSuchConversation, u"no such conversation"_s};
    AppendResult r;
    r.envelope.conversationId = request.conversationId;
    r.envelope.seq = next.value(0).toLongLong();
    const qint64 timerSeconds = next.value(1).toLongLong();
    next.finish();
    // Only content disappears: membership entries are the conversation's own history.
    if (request.kind == MessageKind::Content && timerSeconds > 0)
        r.envelope.expiresAt = now + timerSeconds * 1000;
    r.envelope.senderUserId = request.senderUserId;
    r.envelope.senderDeviceId = request.senderDeviceId;
    r.envelope.clientId = request.clientId;
    r.envelope.serverTime = now;
    r.envelope.kind = request.kind;
    r.envelope.body = request.body;
    QSqlQuery &insert = m_db.prepared("INSERT INTO messages (conversation_id, seq, sender_user_id, "
                                      "sender_device_id, client_id, server_time, kind, body, "
                                      "expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    insert.bindValue(0, r.envelope.conversationId);
    insert.bindValue(1, r.envelope.seq);
    insert.bindValue(2, r.envelope.senderUserId);
    insert.bindValue(3, r.envelope.senderDeviceId);
    insert.bindValue(4, request.clientId.isEmpty() ? nullBlob() : QVariant(request.clientId));
    insert.bindValue(5, r.envelope.serverTime);
    insert.bindValue(6, int(r.envelope.kind));
    insert.bindValue(7, request.body.isNull() ? QVariant(QByteArray("")) : QVariant(request.body));
    insert.bindValue(8,
                     r.envelope.expiresAt > 0 ? QVariant(r.envelope.expiresAt)
                                              : QVariant(QMetaType::fromType<qint64>()));
    if (!m_db.exec(insert, "message insert"))
        return m_db.storageError("store the message");
    return r;
}

Result<HistoryPage> ConversationQueries::history(qint64 conversationId, qint64 beforeSeq,
                                                 qint64 afterSeq, int limit, qint64 now)
{
    HistoryPage page;
    QSqlQuery &q = beforeSeq > 0
            ? m_db.prepared(
                    "SELECT conversation_id, seq, sender_user_id, sender_device_id, client_id, "
                    "server_time, kind, body, expires_at FROM messages WHERE conversation_id = ? "
                    "AND seq < ? AND (expires_at IS NULL OR expires_at > ?) "
                    "ORDER BY seq DESC LIMIT ?")
            : m_db.prepared(
                    "SELECT conversation_id, seq, sender_user_id, sender_device_id, client_id, "
                    "server_time, kind, body, expires_at FROM messages WHERE conversation_id = ? "
                    "AND seq > ? AND (expires_at IS NULL OR expires_at > ?) "
                    "ORDER BY seq ASC LIMIT ?");
    q.bindValue(0, conversationId);
    q.bindValue(1, beforeSeq > 0 ? beforeSeq : afterSeq);
    q.bindValue(2, now);
    q.bindValue(3, limit + 1);
    if (!m_db.exec(q, "history"))
        return m_db.storageError("read the history");
    qsizetype bytes = 0;
    while (q.next()) {
        Envelope e = envelopeFrom(q);
        // Whole entries, nearest to the cursor first, until the page is full.
        if (page.messages.size() == limit
            || (!page.messages.isEmpty() && bytes + e.body.size() > MaxReplyBodyBytes)) {
            page.more = true;
            break;
        }
        bytes += e.body.size();
        page.messages.append(std::move(e));
    }
    q.finish();
    if (beforeSeq > 0)
        std::reverse(page.messages.begin(), page.messages.end());
    return page;
}

Result<int> ConversationQueries::deleteExpired(qint64 now, qint64 storedBefore, int limit)
{
    // By primary key in bounded batches: a first sweep over years of messages must not hold the
    // store thread (and every commit behind it) for long.
    QSqlQuery &q = m_db.prepared(
            "DELETE FROM messages WHERE (conversation_id, seq) IN ("
            " SELECT conversation_id, seq FROM messages WHERE expires_at <= ?"
            " UNION SELECT conversation_id, seq FROM messages WHERE kind = 0 AND server_time < ?"
            " LIMIT ?)");
    q.bindValue(0, now);
    q.bindValue(1, storedBefore);
    q.bindValue(2, limit);
    if (!m_db.exec(q, "expiry sweep"))
        return m_db.storageError("delete expired messages");
    return q.numRowsAffected();
}

Result<bool> ConversationQueries::setDelivered(qint64 conversationId, qint64 deviceId, qint64 seq)
{
    QSqlQuery &q = m_db.prepared(
            "INSERT INTO device_receipts (conversation_id, device_id, delivered_up_to) "
            "VALUES (?, ?, ?) ON CONFLICT (conversation_id, device_id) DO UPDATE "
            "SET delivered_up_to = excluded.delivered_up_to "
            "WHERE device_receipts.delivered_up_to < excluded.delivered_up_to");
    q.bindValue(0, conversationId);
    q.bindValue(1, deviceId);
    q.bindValue(2, seq);
    if (!m_db.exec(q, "delivered receipt"))
        return m_db.storageError("store the receipt");
    return q.numRowsAffected() > 0;
}

Result<bool> ConversationQueries::setRead(qint64 conversationId, qint64 userId, qint64 seq)
{
    QSqlQuery &q = m_db.prepared("UPDATE members SET read_up_to = ? "
                                 "WHERE conversation_id = ? AND user_id = ? AND read_up_to < ?");
    q.bindValue(0, seq);
    q.bindValue(1, conversationId);
    q.bindValue(2, userId);
    q.bindValue(3, seq);
    if (!m_db.exec(q, "read receipt"))
        return m_db.storageError("store the receipt");
    return q.numRowsAffected() > 0;
}

} // namespace Parley
