#include "MessageStore.h"

#include "Annotations.h"
#include "Logging.h"
#include "Migrations.h"
#include "content/MessageContent.h"
#include "content/SystemText.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QPromise>
#include <QtCore/QThread>
#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlError>
#include <QtSql/QSqlQuery>

#include <atomic>

namespace Parley {

using namespace Qt::StringLiterals;

/// Lives on the store thread; owns the connection.
class MessageStore::Worker : public QObject
{
public:
    QSqlDatabase db;
    QString connectionName;

    void close()
    {
        if (connectionName.isEmpty())
            return;
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(connectionName);
        connectionName.clear();
    }
};

template<typename F>
auto MessageStore::run(F function)
{
    using T = std::invoke_result_t<F, QSqlDatabase &>;
    auto promise = std::make_shared<QPromise<T>>();
    QFuture<T> future = promise->future();
    promise->start();
    QMetaObject::invokeMethod(
            m_worker,
            [worker = m_worker, promise, function]() mutable {
                if constexpr (std::is_void_v<T>) {
                    if (worker->db.isOpen())
                        function(worker->db);
                } else {
                    if (worker->db.isOpen() || std::is_same_v<T, Status>)
                        promise->addResult(function(worker->db));
                    else
                        promise->addResult(T{});
                }
                promise->finish();
            },
            Qt::QueuedConnection);
    return future;
}

namespace {

std::atomic_int s_connectionCounter{0};

void logFailure(const QSqlQuery &query)
{
    qCWarning(lcClientStore) << "query failed:" << query.lastError().text();
}

/// A null QString binds as SQL NULL; text columns here are NOT NULL.
QString text(const QString &value)
{
    return value.isNull() ? QString(u""_s) : value;
}

bool exec(QSqlQuery &query)
{
    if (query.exec())
        return true;
    logFailure(query);
    return false;
}

StoredMessage readMessage(const QSqlQuery &q)
{
    // MessageColumns, in order.
    StoredMessage m;
    m.conversationId = q.value(0).toLongLong();
    m.seq = q.value(1).toLongLong();
    m.clientId = q.value(2).toByteArray();
    m.senderId = q.value(3).toLongLong();
    m.senderDeviceId = q.value(4).toLongLong();
    m.timestamp = q.value(5).toLongLong();
    m.kind = MessageKind(q.value(6).toInt());
    m.body = q.value(7).toByteArray();
    m.text = q.value(8).toString();
    m.undecryptable = q.value(9).toInt() != 0;
    m.senderName = q.value(10).toString();
    m.replyTo = q.value(11).toLongLong();
    m.edited = q.value(12).toLongLong() != 0;
    m.deleted = q.value(13).toBool();
    m.hidden = q.value(14).toBool();
    m.replyKnown = m.replyTo != 0 && !q.value(15).isNull();
    if (m.replyKnown) {
        m.replySenderName = q.value(15).toString();
        m.replyText = q.value(16).toInt() == 0 ? q.value(17).toString() : QString();
        m.replyDeleted = q.value(18).toBool();
    }
    m.attachmentPath = q.value(19).toString();
    return m;
}

// The quoted entry (r) of a reply comes with each row: its sender's name, whether it is
// readable, its shown text and whether it was deleted.
const QString MessageColumns =
        u"m.conv, m.seq, m.client_id, m.sender, m.sender_device, m.ts, m.kind, m.body, m.text,"
        " m.state, (SELECT username FROM members u WHERE u.conv = m.conv AND u.user_id = m.sender),"
        " m.reply_to, m.edited_seq, m.deleted, m.hidden,"
        " CASE WHEN r.seq IS NULL THEN NULL ELSE coalesce((SELECT username FROM members u"
        "   WHERE u.conv = r.conv AND u.user_id = r.sender), '') END,"
        " r.state, r.text, r.deleted, m.attachment_path"_s;
const QString MessageTables = u" FROM messages m LEFT JOIN messages r ON m.reply_to != 0"
                              " AND r.conv = m.conv AND r.seq = m.reply_to"_s;

/// Fills in the reactions of rows of one conversation (one query over their seq range).
void attachReactions(QSqlDatabase &db, QList<StoredMessage> &rows)
{
    if (rows.isEmpty())
        return;
    qint64 low = rows.first().seq, high = low;
    for (const StoredMessage &m : std::as_const(rows)) {
        low = std::min(low, m.seq);
        high = std::max(high, m.seq);
    }
    QSqlQuery q(db);
    q.prepare(u"SELECT target, user_id, emoji FROM reactions WHERE conv = ? AND target >= ?"
              " AND target <= ? AND removed = 0 ORDER BY seq"_s);
    q.addBindValue(rows.first().conversationId);
    q.addBindValue(low);
    q.addBindValue(high);
    if (!exec(q))
        return;
    QHash<qint64, qsizetype> index;
    for (qsizetype i = 0; i < rows.size(); ++i)
        index.insert(rows.at(i).seq, i);
    while (q.next()) {
        const auto it = index.constFind(q.value(0).toLongLong());
        if (it != index.cend())
            rows[*it].reactions.append(Reaction{q.value(2).toString(), q.value(1).toLongLong()});
    }
}

std::optional<StoredMessage> loadMessage(QSqlDatabase &db, qint64 conversationId, qint64 seq)
{
    QSqlQuery q(db);
    q.prepare(u"SELECT "_s + MessageColumns + MessageTables + u" WHERE m.conv = ? AND m.seq = ?"_s);
    q.addBindValue(conversationId);
    q.addBindValue(seq);
    if (!exec(q) || !q.next())
        return std::nullopt;
    QList<StoredMessage> one{readMessage(q)};
    attachReactions(db, one);
    return one.first();
}

/// Loads rows (conv, seq) as they are now, grouped in the order given.
QList<StoredMessage> loadMessages(QSqlDatabase &db, const QList<QPair<qint64, qint64>> &keys)
{
    QList<StoredMessage> rows;
    for (const auto &[conversationId, seq] : keys) {
        if (auto m = loadMessage(db, conversationId, seq))
            rows.append(std::move(*m));
    }
    return rows;
}

QList<Member> loadMembers(QSqlDatabase &db, qint64 conversationId)
{
    QList<Member> members;
    QSqlQuery q(db);
    q.prepare(u"SELECT user_id, username, role, delivered_up_to, read_up_to FROM members"
              " WHERE conv = ? AND active = 1 ORDER BY role DESC, username"_s);
    q.addBindValue(conversationId);
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

QString memberName(QSqlDatabase &db, qint64 conversationId, qint64 userId)
{
    QSqlQuery q(db);
    q.prepare(u"SELECT username FROM members WHERE conv = ? AND user_id = ?"_s);
    q.addBindValue(conversationId);
    q.addBindValue(userId);
    return exec(q) && q.next() ? q.value(0).toString() : QString();
}

QString deletedText()
{
    return QCoreApplication::translate("Parley::MessageStore", "This message was deleted");
}

QString previewOf(QSqlDatabase &db, qint64 conversationId, MessageKind kind, const QByteArray &body,
                  const QString &text)
{
    if (kind == MessageKind::Membership) {
        auto event = MembershipEvent::fromBytes(body);
        if (!event)
            return {};
        return membershipText(*event, memberName(db, conversationId, event->actorUserId));
    }
    return text;
}

std::optional<ConversationSummary> loadSummary(QSqlDatabase &db, qint64 conversationId,
                                               qint64 selfUserId)
{
    QSqlQuery q(db);
    q.prepare(u"SELECT id, kind, title, last_seq, created_at, is_member, muted FROM conversations"
              " WHERE id = ?"_s);
    q.addBindValue(conversationId);
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
    s.conversation.members = loadMembers(db, conversationId);
    s.lastActivity = s.conversation.createdAt;

    // Like other apps, the list shows the last message itself: reactions, edits and deletes
    // change what it says (an edit's text, "deleted") but are not messages of their own.
    q.prepare(u"SELECT kind, body, text, ts, deleted FROM messages WHERE conv = ? AND hidden = 0"
              " ORDER BY seq DESC LIMIT 1"_s);
    q.addBindValue(conversationId);
    if (exec(q) && q.next()) {
        s.lastPreview = q.value(4).toBool()
                ? deletedText()
                : previewOf(db, conversationId, MessageKind(q.value(0).toInt()),
                            q.value(1).toByteArray(), q.value(2).toString());
        s.lastActivity = std::max(s.lastActivity, q.value(3).toLongLong());
    }
    q.prepare(u"SELECT content, created_at FROM outbox WHERE conv = ? AND created_at >= ?"
              " ORDER BY created_at DESC"_s);
    q.addBindValue(conversationId);
    q.addBindValue(s.lastActivity);
    if (exec(q)) {
        while (q.next()) {
            const auto content = MessageContent::fromBytes(q.value(0).toByteArray());
            if (content && content->isAnnotation())
                continue;
            s.lastActivity = q.value(1).toLongLong();
            if (content)
                s.lastPreview = content->previewText();
            break;
        }
    }

    qint64 readUpTo = 0;
    for (const Member &m : std::as_const(s.conversation.members)) {
        if (m.userId == selfUserId)
            readUpTo = m.readUpTo;
    }
    q.prepare(
            u"SELECT COUNT(*) FROM messages WHERE conv = ? AND seq > ? AND sender != ? AND kind = 0"
            " AND hidden = 0"_s);
    q.addBindValue(conversationId);
    q.addBindValue(readUpTo);
    q.addBindValue(selfUserId);
    if (exec(q) && q.next())
        s.unreadCount = q.value(0).toInt();
    return s;
}

} // namespace

MessageStore::MessageStore(QObject *parent)
    : QObject(parent),
      m_thread(new QThread),
      m_worker(new Worker)
{
    m_thread->setObjectName(u"Cache (SQLite)"_s);
    m_worker->moveToThread(m_thread);
    m_thread->start();
}

MessageStore::~MessageStore()
{
    QMetaObject::invokeMethod(
            m_worker,
            [worker = m_worker, thread = m_thread] {
                worker->close();
                thread->quit();
            },
            Qt::QueuedConnection);
    m_thread->wait();
    delete m_worker;
    delete m_thread;
}

QFuture<Status> MessageStore::open(const QString &path)
{
    return run([worker = m_worker, path](QSqlDatabase &) -> Status {
        worker->close();
        worker->connectionName = u"parley-cache-%1"_s.arg(s_connectionCounter.fetch_add(1));
        worker->db = QSqlDatabase::addDatabase(u"QSQLITE"_s, worker->connectionName);
        if (!worker->db.isValid())
            return Error{ErrorCode::StorageError,
                         u"the Qt SQLite driver (QSQLITE) is missing: install libqt6sql6-sqlite"_s};
        worker->db.setDatabaseName(path);
        if (!worker->db.open())
            return Error{ErrorCode::StorageError, worker->db.lastError().text()};
        QSqlQuery q(worker->db);
        // WAL keeps readers and the writer apart; NORMAL is durable across an application
        // crash in WAL mode, which is what "never lose what was shown as queued" needs.
        for (const auto &pragma : {u"PRAGMA journal_mode = WAL"_s, u"PRAGMA synchronous = NORMAL"_s,
                                   u"PRAGMA foreign_keys = ON"_s,
                                   // A deleted message's text is overwritten, not just unlinked.
                                   u"PRAGMA secure_delete = ON"_s}) {
            if (!q.exec(pragma))
                return Error{ErrorCode::StorageError, q.lastError().text()};
        }
        Status migrated = migrate(worker->db);
        if (!migrated)
            worker->close();
        return migrated;
    });
}

QFuture<QVariant> MessageStore::setting(const QString &key)
{
    return run([key](QSqlDatabase &db) {
        QSqlQuery q(db);
        q.prepare(u"SELECT value FROM settings WHERE key = ?"_s);
        q.addBindValue(key);
        return exec(q) && q.next() ? q.value(0) : QVariant();
    });
}

QFuture<void> MessageStore::setSetting(const QString &key, const QVariant &value)
{
    return run([key, value](QSqlDatabase &db) {
        QSqlQuery q(db);
        q.prepare(u"INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)"_s);
        q.addBindValue(key);
        q.addBindValue(value);
        exec(q);
    });
}

QFuture<void> MessageStore::removeSetting(const QString &key)
{
    return run([key](QSqlDatabase &db) {
        QSqlQuery q(db);
        q.prepare(u"DELETE FROM settings WHERE key = ?"_s);
        q.addBindValue(key);
        exec(q);
    });
}

QFuture<QVariantMap> MessageStore::settings(const QString &prefix)
{
    return run([prefix](QSqlDatabase &db) {
        QVariantMap map;
        QSqlQuery q(db);
        q.prepare(u"SELECT key, value FROM settings WHERE substr(key, 1, ?) = ?"_s);
        q.addBindValue(prefix.size());
        q.addBindValue(prefix);
        if (exec(q)) {
            while (q.next())
                map.insert(q.value(0).toString().mid(prefix.size()), q.value(1));
        }
        return map;
    });
}

QFuture<void> MessageStore::wipeAccountData()
{
    return run([](QSqlDatabase &db) {
        db.transaction();
        QSqlQuery q(db);
        for (const auto &statement :
             {u"DELETE FROM conversations"_s, u"DELETE FROM members"_s, u"DELETE FROM messages"_s,
              u"DELETE FROM reactions"_s, u"DELETE FROM cursors"_s, u"DELETE FROM outbox"_s,
              u"DELETE FROM settings WHERE key NOT LIKE 'pin/%'"_s}) {
            if (!q.exec(statement))
                logFailure(q);
        }
        db.commit();
    });
}

QFuture<void> MessageStore::upsertConversations(const QList<Conversation> &conversations,
                                                qint64 selfUserId)
{
    return run([conversations, selfUserId](QSqlDatabase &db) {
        db.transaction();
        QSqlQuery q(db);
        for (const Conversation &c : conversations) {
            q.prepare(
                    u"INSERT INTO conversations (id, kind, title, last_seq, created_at, is_member)"
                    " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET kind = "
                    "excluded.kind,"
                    " title = excluded.title, last_seq = max(last_seq, excluded.last_seq),"
                    " created_at = excluded.created_at, is_member = excluded.is_member"_s);
            q.addBindValue(c.id);
            q.addBindValue(int(c.kind));
            q.addBindValue(text(c.title));
            q.addBindValue(c.lastSeq);
            q.addBindValue(c.createdAt);
            q.addBindValue(c.member(selfUserId) != nullptr);
            exec(q);
            q.prepare(u"UPDATE members SET active = 0 WHERE conv = ?"_s);
            q.addBindValue(c.id);
            exec(q);
            for (const Member &m : c.members) {
                q.prepare(u"INSERT INTO members (conv, user_id, username, role, delivered_up_to,"
                          " read_up_to, active) VALUES (?, ?, ?, ?, ?, ?, 1) ON CONFLICT (conv, "
                          "user_id)"
                          " DO UPDATE SET username = excluded.username, role = excluded.role,"
                          " delivered_up_to = max(delivered_up_to, excluded.delivered_up_to),"
                          " read_up_to = max(read_up_to, excluded.read_up_to), active = 1"_s);
                q.addBindValue(c.id);
                q.addBindValue(m.userId);
                q.addBindValue(text(m.username));
                q.addBindValue(int(m.role));
                q.addBindValue(m.deliveredUpTo);
                q.addBindValue(m.readUpTo);
                exec(q);
            }
        }
        db.commit();
    });
}

QFuture<QList<ConversationSummary>> MessageStore::conversationSummaries(qint64 selfUserId)
{
    return run([selfUserId](QSqlDatabase &db) {
        QList<ConversationSummary> list;
        QList<qint64> ids;
        QSqlQuery q(db);
        if (q.exec(u"SELECT id FROM conversations"_s)) {
            while (q.next())
                ids.append(q.value(0).toLongLong());
        }
        for (qint64 id : std::as_const(ids)) {
            if (auto s = loadSummary(db, id, selfUserId))
                list.append(std::move(*s));
        }
        return list;
    });
}

QFuture<std::optional<ConversationSummary>> MessageStore::conversationSummary(qint64 conversationId,
                                                                              qint64 selfUserId)
{
    return run([conversationId, selfUserId](QSqlDatabase &db) {
        return loadSummary(db, conversationId, selfUserId);
    });
}

QFuture<bool> MessageStore::applyReceipt(const Receipt &receipt)
{
    return run([receipt](QSqlDatabase &db) {
        QSqlQuery q(db);
        if (receipt.kind == ReceiptKind::Read) {
            // Reading implies receiving.
            q.prepare(
                    u"UPDATE members SET read_up_to = ?, delivered_up_to = max(delivered_up_to, ?)"
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
    });
}

QFuture<void> MessageStore::applyMembership(qint64 conversationId, const MembershipEvent &event,
                                            qint64 selfUserId)
{
    return run([conversationId, event, selfUserId](QSqlDatabase &db) {
        QSqlQuery q(db);
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
            q.prepare(
                    u"INSERT INTO members (conv, user_id, username, role, active) VALUES (?, ?, ?, "
                    u"?, 1)"
                    " ON CONFLICT (conv, user_id) DO UPDATE SET active = 1, role = excluded.role"_s);
            q.addBindValue(conversationId);
            q.addBindValue(event.targetUserId);
            q.addBindValue(text(event.targetUsername));
            q.addBindValue(int(event.role));
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
                q.addBindValue(text(event.title));
                q.addBindValue(conversationId);
                exec(q);
            }
            break;
        }
    });
}

QFuture<void> MessageStore::setMuted(qint64 conversationId, bool muted)
{
    return run([conversationId, muted](QSqlDatabase &db) {
        QSqlQuery q(db);
        q.prepare(u"UPDATE conversations SET muted = ? WHERE id = ?"_s);
        q.addBindValue(muted);
        q.addBindValue(conversationId);
        exec(q);
    });
}

QFuture<QList<LogCursor>> MessageStore::cursors()
{
    return run([](QSqlDatabase &db) {
        QList<LogCursor> list;
        QSqlQuery q(db);
        if (q.exec(u"SELECT conv, top, bottom FROM cursors"_s)) {
            while (q.next())
                list.append({q.value(0).toLongLong(), q.value(1).toLongLong(),
                             q.value(2).toLongLong()});
        }
        return list;
    });
}

QFuture<void> MessageStore::setCursor(const LogCursor &cursor)
{
    return run([cursor](QSqlDatabase &db) {
        QSqlQuery q(db);
        q.prepare(u"INSERT OR REPLACE INTO cursors (conv, top, bottom) VALUES (?, ?, ?)"_s);
        q.addBindValue(cursor.conversationId);
        q.addBindValue(cursor.top);
        q.addBindValue(cursor.bottom);
        exec(q);
    });
}

QFuture<StoredBatch> MessageStore::storeMessages(const QList<StoredMessage> &messages,
                                                 qint64 ownDeviceId)
{
    return run([this, messages, ownDeviceId](QSqlDatabase &db) {
        StoredBatch batch;
        db.transaction();
        Annotations annotations(db);
        QList<QPair<qint64, qint64>> inserted;
        QSqlQuery insert(db);
        insert.prepare(
                u"INSERT OR IGNORE INTO messages (conv, seq, client_id, sender, sender_device,"
                " ts, kind, body, text, state) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
        QSqlQuery outbox(db);
        for (StoredMessage m : messages) {
            const bool own =
                    ownDeviceId != 0 && m.senderDeviceId == ownDeviceId && !m.clientId.isEmpty();
            if (own) {
                // Our own entry: the outbox holds its content (the cipher may not be able to
                // decrypt what this device sent), and the entry acknowledges the outbox row.
                outbox.prepare(u"SELECT content FROM outbox WHERE client_id = ?"_s);
                outbox.addBindValue(m.clientId);
                if (exec(outbox) && outbox.next()) {
                    if (m.body.isEmpty() || m.undecryptable) {
                        m.body = outbox.value(0).toByteArray();
                        m.undecryptable = false;
                        if (auto content = MessageContent::fromBytes(m.body))
                            m.text = content->previewText();
                    }
                    outbox.prepare(u"DELETE FROM outbox WHERE client_id = ?"_s);
                    outbox.addBindValue(m.clientId);
                    exec(outbox);
                    batch.ownAcknowledged.append(m.clientId);
                }
            }
            insert.addBindValue(m.conversationId);
            insert.addBindValue(m.seq);
            insert.addBindValue(m.clientId.isEmpty() ? QVariant() : QVariant(m.clientId));
            insert.addBindValue(m.senderId);
            insert.addBindValue(m.senderDeviceId);
            insert.addBindValue(m.timestamp);
            insert.addBindValue(int(m.kind));
            insert.addBindValue(m.body);
            insert.addBindValue(m.text);
            insert.addBindValue(m.undecryptable ? 1 : 0);
            if (!exec(insert) || insert.numRowsAffected() == 0)
                continue;
            annotations.entryStored(m.conversationId, m.seq);
            inserted.append({m.conversationId, m.seq});
        }
        // Read back: replies, waiting edits and reactions are applied to the new rows too.
        batch.inserted = loadMessages(db, inserted);
        QList<QPair<qint64, qint64>> changed;
        for (const auto &key : annotations.changed()) {
            if (!inserted.contains(key))
                changed.append(key);
        }
        batch.changed = loadMessages(db, changed);
        db.commit();
        emitChanged(batch.changed);
        return batch;
    });
}

void MessageStore::emitChanged(const QList<StoredMessage> &rows)
{
    QList<qint64> order;
    QHash<qint64, QList<StoredMessage>> byConversation;
    for (const StoredMessage &m : rows) {
        if (!byConversation.contains(m.conversationId))
            order.append(m.conversationId);
        byConversation[m.conversationId].append(m);
    }
    for (qint64 conversationId : std::as_const(order))
        Q_EMIT messagesChanged(conversationId, byConversation.value(conversationId));
}

QFuture<QList<StoredMessage>> MessageStore::reconcile(qint64 conversationId,
                                                      const QList<qint64> &seqs)
{
    return run([this, conversationId, seqs](QSqlDatabase &db) {
        db.transaction();
        Annotations annotations(db);
        QList<QPair<qint64, qint64>> keys;
        for (qint64 seq : seqs) {
            annotations.entryStored(conversationId, seq);
            keys.append({conversationId, seq});
        }
        QList<QPair<qint64, qint64>> others;
        for (const auto &key : annotations.changed()) {
            if (!keys.contains(key))
                others.append(key);
        }
        QList<StoredMessage> rows = loadMessages(db, keys);
        const QList<StoredMessage> changed = loadMessages(db, others);
        db.commit();
        // The late entries and the rows they changed go to everyone (and the late ones to the
        // caller).
        emitChanged(changed + rows);
        return rows;
    });
}

QFuture<void> MessageStore::setAttachmentPath(qint64 conversationId, qint64 seq,
                                              const QString &path)
{
    return run([this, conversationId, seq, path](QSqlDatabase &db) {
        QSqlQuery q(db);
        q.prepare(u"UPDATE messages SET attachment_path = ? WHERE conv = ? AND seq = ?"_s);
        q.addBindValue(text(path));
        q.addBindValue(conversationId);
        q.addBindValue(seq);
        if (exec(q) && q.numRowsAffected() > 0)
            emitChanged(loadMessages(db, {{conversationId, seq}}));
    });
}

QFuture<std::optional<StoredMessage>> MessageStore::message(qint64 conversationId, qint64 seq)
{
    return run([conversationId, seq](QSqlDatabase &db) {
        return loadMessage(db, conversationId, seq);
    });
}

QFuture<QList<StoredMessage>> MessageStore::messagesBefore(qint64 conversationId, qint64 beforeSeq,
                                                           int limit)
{
    return run([conversationId, beforeSeq, limit](QSqlDatabase &db) {
        QList<StoredMessage> list;
        QSqlQuery q(db);
        q.prepare(u"SELECT "_s + MessageColumns + MessageTables
                  + u" WHERE m.conv = ? AND m.seq < ? AND m.hidden = 0"
                    " ORDER BY m.seq DESC LIMIT ?"_s);
        q.addBindValue(conversationId);
        q.addBindValue(beforeSeq);
        q.addBindValue(limit);
        if (!exec(q))
            return list;
        while (q.next())
            list.prepend(readMessage(q));
        attachReactions(db, list);
        return list;
    });
}

QFuture<QList<StoredMessage>> MessageStore::search(const QString &text, qint64 conversationId,
                                                   int limit)
{
    return run([text, conversationId, limit](QSqlDatabase &db) {
        QList<StoredMessage> list;
        QString pattern = text;
        pattern.replace(u'\\', u"\\\\"_s).replace(u'%', u"\\%"_s).replace(u'_', u"\\_"_s);
        QSqlQuery q(db);
        q.prepare(u"SELECT "_s + MessageColumns + MessageTables
                  + u" WHERE m.kind = 0 AND m.hidden = 0 AND m.deleted = 0 AND m.state = 0"
                    " AND m.text LIKE ? ESCAPE '\\'"
                    " AND (? = 0 OR m.conv = ?) ORDER BY m.ts DESC LIMIT ?"_s);
        q.addBindValue(QString(u'%' + pattern + u'%'));
        q.addBindValue(conversationId);
        q.addBindValue(conversationId);
        q.addBindValue(limit);
        if (!exec(q))
            return list;
        while (q.next())
            list.append(readMessage(q));
        return list;
    });
}

namespace {

/// The user's words as an FTS5 query: each one a quoted prefix ("lun"* finds "lunch"), all of
/// them required. Quoting keeps FTS5's operators (AND, NEAR, *, :) literal.
QString ftsQuery(const QString &text)
{
    QStringList terms;
    for (QString word : text.split(u' ', Qt::SkipEmptyParts)) {
        word = word.trimmed();
        if (word.isEmpty())
            continue;
        word.replace(u'"', u"\"\""_s);
        terms.append(u'"' + word + u"\"*"_s);
    }
    return terms.join(u' ');
}

} // namespace

QFuture<QList<SearchHit>> MessageStore::searchMessages(const QString &query, qint64 conversationId,
                                                       const SearchCursor &after, int limit)
{
    return run([query, conversationId, after, limit](QSqlDatabase &db) {
        QList<SearchHit> hits;
        const QString match = ftsQuery(query.simplified());
        if (match.isEmpty())
            return hits;
        QSqlQuery q(db);
        q.prepare(u"SELECT "_s + MessageColumns
                  + u", snippet(message_search, 0, char(2), char(3), '…', 12)"
                    " FROM message_search JOIN search_rows k ON k.id = message_search.rowid"
                    " JOIN messages m ON m.conv = k.conv AND m.seq = k.seq"
                    " LEFT JOIN messages r ON m.reply_to != 0 AND r.conv = m.conv"
                    "  AND r.seq = m.reply_to"
                    " WHERE message_search MATCH ? AND (? = 0 OR m.conv = ?)"
                    " AND (m.ts, m.conv, m.seq) < (?, ?, ?)"
                    " ORDER BY m.ts DESC, m.conv DESC, m.seq DESC LIMIT ?"_s);
        q.addBindValue(match);
        q.addBindValue(conversationId);
        q.addBindValue(conversationId);
        q.addBindValue(after.timestamp);
        q.addBindValue(after.conversationId);
        q.addBindValue(after.seq);
        q.addBindValue(limit);
        if (!exec(q))
            return hits;
        while (q.next())
            hits.append(SearchHit{readMessage(q), q.value(20).toString()});
        return hits;
    });
}

QFuture<void> MessageStore::enqueue(const OutboxEntry &entry)
{
    return run([entry](QSqlDatabase &db) {
        QSqlQuery q(db);
        q.prepare(
                u"INSERT OR IGNORE INTO outbox (client_id, conv, content, body, created_at, state,"
                " failure) VALUES (?, ?, ?, ?, ?, ?, ?)"_s);
        q.addBindValue(entry.clientId);
        q.addBindValue(entry.conversationId);
        q.addBindValue(entry.content);
        q.addBindValue(entry.body.isEmpty() ? QVariant() : QVariant(entry.body));
        q.addBindValue(entry.createdAt);
        q.addBindValue(int(entry.state));
        q.addBindValue(text(entry.failureReason));
        exec(q);
    });
}

QFuture<QList<OutboxEntry>> MessageStore::outbox()
{
    return run([](QSqlDatabase &db) {
        QList<OutboxEntry> list;
        QSqlQuery q(db);
        if (!q.exec(u"SELECT client_id, conv, content, body, created_at, state, failure FROM outbox"
                    " ORDER BY created_at, rowid"_s))
            return list;
        while (q.next()) {
            OutboxEntry e;
            e.clientId = q.value(0).toByteArray();
            e.conversationId = q.value(1).toLongLong();
            e.content = q.value(2).toByteArray();
            e.body = q.value(3).toByteArray();
            e.createdAt = q.value(4).toLongLong();
            e.state = OutboxState(q.value(5).toInt());
            e.failureReason = q.value(6).toString();
            list.append(e);
        }
        return list;
    });
}

QFuture<void> MessageStore::setOutboxBody(const QByteArray &clientId, const QByteArray &body)
{
    return run([clientId, body](QSqlDatabase &db) {
        QSqlQuery q(db);
        q.prepare(u"UPDATE outbox SET body = ? WHERE client_id = ?"_s);
        q.addBindValue(body);
        q.addBindValue(clientId);
        exec(q);
    });
}

QFuture<void> MessageStore::setOutboxState(const QByteArray &clientId, OutboxState state,
                                           const QString &failureReason)
{
    return run([clientId, state, failureReason](QSqlDatabase &db) {
        QSqlQuery q(db);
        q.prepare(u"UPDATE outbox SET state = ?, failure = ? WHERE client_id = ?"_s);
        q.addBindValue(int(state));
        q.addBindValue(text(failureReason));
        q.addBindValue(clientId);
        exec(q);
    });
}

QFuture<bool> MessageStore::runInTransaction(std::function<bool(const QString &)> work)
{
    return run([worker = m_worker, work = std::move(work)](QSqlDatabase &db) {
        if (!db.transaction()) {
            qCWarning(lcClientStore) << "cannot begin a transaction:" << db.lastError().text();
            return false;
        }
        if (!work(worker->connectionName)) {
            db.rollback();
            return false;
        }
        if (!db.commit()) {
            qCWarning(lcClientStore) << "commit failed:" << db.lastError().text();
            db.rollback();
            return false;
        }
        return true;
    });
}

} // namespace Parley
