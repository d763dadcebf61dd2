#include "Annotations.h"

#include "Logging.h"
#include "ProfileTable.h"
#include "content/MessageContent.h"
#include "model/Envelope.h"

#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlError>
#include <QtSql/QSqlQuery>

namespace Parley {

using namespace Qt::StringLiterals;

namespace {

bool exec(QSqlQuery &query)
{
    if (query.exec())
        return true;
    qCWarning(lcClientStore) << "annotation query failed:" << query.lastError().text();
    return false;
}

/// The shown text of `body` after an edit to `text`: an edit of a file message changes its
/// caption, and the row still says which file it is (MessageContent::previewText()).
QString editedText(const QByteArray &body, const QString &text)
{
    const auto target = MessageContent::fromBytes(body);
    if (!target || target->type() != MessageContent::Type::File)
        return text;
    return target->withCaption(text).previewText();
}

} // namespace

bool Annotations::load(qint64 conversationId, qint64 seq, Entry &entry)
{
    QSqlQuery q(m_db);
    q.prepare(u"SELECT sender, kind, state, hidden, deleted, edited_seq, body FROM messages"
              " WHERE conv = ? AND seq = ?"_s);
    q.addBindValue(conversationId);
    q.addBindValue(seq);
    if (!exec(q) || !q.next())
        return false;
    entry.sender = q.value(0).toLongLong();
    entry.content = MessageKind(q.value(1).toInt()) == MessageKind::Content;
    entry.readable = q.value(2).toInt() == 0;
    entry.hidden = q.value(3).toBool();
    entry.deleted = q.value(4).toBool();
    entry.editedSeq = q.value(5).toLongLong();
    entry.body = q.value(6).toByteArray();
    return true;
}

void Annotations::markChanged(qint64 conversationId, qint64 seq)
{
    const QPair<qint64, qint64> key{conversationId, seq};
    if (!m_changed.contains(key))
        m_changed.append(key);
}

void Annotations::entryStored(qint64 conversationId, qint64 seq)
{
    Entry entry;
    if (!load(conversationId, seq, entry) || !entry.content || !entry.readable || entry.deleted)
        return;
    // Bodies that are not content (tests, older builds) keep their plain meaning.
    const auto content = MessageContent::fromBytes(entry.body);
    if (!content)
        return;
    QSqlQuery q(m_db);
    if (content->type() == MessageContent::Type::Profile) {
        q.prepare(u"UPDATE messages SET hidden = 1, text = '' WHERE conv = ? AND seq = ?"_s);
        q.addBindValue(conversationId);
        q.addBindValue(seq);
        exec(q);
        // The sender of the entry is whose profile it is: no one names someone else.
        const StoredProfile profile{entry.sender, content->displayName(), content->picture(),
                                    content->profileVersion()};
        if (ProfileTable(m_db).offer(profile) && !m_profiles.contains(entry.sender))
            m_profiles.append(entry.sender);
        return;
    }
    if (content->isAnnotation()) {
        q.prepare(u"UPDATE messages SET hidden = 1, annotates = ?, text = '' WHERE conv = ?"
                  " AND seq = ?"_s);
        q.addBindValue(content->target());
        q.addBindValue(conversationId);
        q.addBindValue(seq);
        exec(q);
        // Only earlier entries can be annotated: a target from the future is never applied.
        if (content->target() < seq && apply(conversationId, seq, entry.sender, *content))
            markChanged(conversationId, content->target());
        return;
    }
    // A readable entry (new, or decrypted late): its reply, then what waited for it. Edits are
    // applied again from scratch, as the late decryption put the original text back.
    q.prepare(u"UPDATE messages SET reply_to = ?, edited_seq = 0 WHERE conv = ? AND seq = ?"_s);
    q.addBindValue(content->replyTo() < seq ? content->replyTo() : 0);
    q.addBindValue(conversationId);
    q.addBindValue(seq);
    exec(q);
    applyWaiting(conversationId, seq);
}

bool Annotations::applyWaiting(qint64 conversationId, qint64 target)
{
    QSqlQuery q(m_db);
    q.prepare(u"SELECT seq, sender, body FROM messages WHERE conv = ? AND annotates = ?"
              " AND hidden = 1 AND state = 0 AND seq > ? ORDER BY seq"_s);
    q.addBindValue(conversationId);
    q.addBindValue(target);
    q.addBindValue(target);
    if (!exec(q))
        return false;
    struct Waiting
    {
        qint64 seq, sender;
        QByteArray body;
    };
    QList<Waiting> waiting;
    while (q.next())
        waiting.append(
                {q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toByteArray()});
    bool changed = false;
    for (const Waiting &w : std::as_const(waiting)) {
        const auto content = MessageContent::fromBytes(w.body);
        if (content && content->isAnnotation())
            changed = apply(conversationId, w.seq, w.sender, *content) || changed;
    }
    return changed;
}

bool Annotations::apply(qint64 conversationId, qint64 seq, qint64 sender,
                        const MessageContent &content)
{
    const qint64 target = content.target();
    Entry entry;
    // Not stored or not readable yet: the hidden row waits for it (applyWaiting).
    if (!load(conversationId, target, entry) || !entry.readable)
        return false;
    QSqlQuery q(m_db);
    if (entry.deleted) {
        // Whatever comes for a deleted entry (a late edit's text) is not kept either.
        q.prepare(u"UPDATE messages SET body = NULL WHERE conv = ? AND seq = ?"_s);
        q.addBindValue(conversationId);
        q.addBindValue(seq);
        exec(q);
        return false;
    }
    if (!entry.content || entry.hidden)
        return false;
    switch (content.type()) {
    case MessageContent::Type::Reaction:
        q.prepare(u"INSERT INTO reactions (conv, target, user_id, emoji, seq, removed)"
                  " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (conv, target, user_id, emoji)"
                  " DO UPDATE SET seq = excluded.seq, removed = excluded.removed"
                  " WHERE excluded.seq > reactions.seq"_s);
        q.addBindValue(conversationId);
        q.addBindValue(target);
        q.addBindValue(sender);
        q.addBindValue(content.emoji());
        q.addBindValue(seq);
        q.addBindValue(content.isRemoved() ? 1 : 0);
        return exec(q) && q.numRowsAffected() > 0;
    case MessageContent::Type::Edit:
    case MessageContent::Type::Delete:
        if (sender != entry.sender) {
            qCDebug(lcClientStore) << "ignoring entry" << seq << "of" << conversationId
                                   << ": only the sender may change entry" << target;
            return false;
        }
        if (content.type() == MessageContent::Type::Delete) {
            erase(conversationId, target);
            return true;
        }
        if (seq <= entry.editedSeq)
            return false;
        q.prepare(u"UPDATE messages SET text = ?, edited_seq = ? WHERE conv = ? AND seq = ?"_s);
        q.addBindValue(editedText(entry.body, content.text()));
        q.addBindValue(seq);
        q.addBindValue(conversationId);
        q.addBindValue(target);
        return exec(q);
    case MessageContent::Type::Text:
    case MessageContent::Type::File:
    case MessageContent::Type::Profile:
    case MessageContent::Type::Unknown:
        break;
    }
    return false;
}

void Annotations::erase(qint64 conversationId, qint64 target)
{
    // The text goes from the row and from every edit of it (secure_delete overwrites the
    // freed bytes); the annotation rows stay, empty, so the deletion itself is remembered.
    QSqlQuery q(m_db);
    q.prepare(u"UPDATE messages SET body = NULL, text = '', deleted = 1, edited_seq = 0"
              " WHERE conv = ? AND seq = ?"_s);
    q.addBindValue(conversationId);
    q.addBindValue(target);
    exec(q);
    q.prepare(u"UPDATE messages SET body = NULL WHERE conv = ? AND annotates = ? AND hidden = 1"_s);
    q.addBindValue(conversationId);
    q.addBindValue(target);
    exec(q);
    q.prepare(u"DELETE FROM reactions WHERE conv = ? AND target = ?"_s);
    q.addBindValue(conversationId);
    q.addBindValue(target);
    exec(q);
    // The search index's trigger removed the text, but FTS5 only marks its words deleted until
    // its segments are merged: merge now so they leave the file too (deletes are rare).
    q.prepare(u"INSERT INTO message_search (message_search) VALUES ('optimize')"_s);
    exec(q);
}

} // namespace Parley
