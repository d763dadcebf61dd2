#pragma once

/// One conversation as an export holds it: the JSON document of docs/export.md, built by folding
/// the cache's log entries into it in seq order.
///
/// Folding is the only way messages get in, for a full export (from an empty archive) and an
/// incremental one (from the archive the last export wrote, with the entries after it), so both
/// give the same document. The rules follow the cache's (Annotations): an edit applies only to
/// its sender's own message, the newest wins; a reaction's latest state per (user, emoji) wins;
/// a delete erases the message's text, edits and reactions. Disappearing messages are left out
/// (they are meant to go), and so are profiles (they are not messages).

#include "model/Conversation.h"
#include "store/StoreTypes.h"

#include <QtCore/QHash>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonObject>
#include <QtCore/QMap>

namespace Parley {

class ConversationArchive
{
public:
    static constexpr int Version = 1;

    ConversationArchive() = default;
    /// Reads a conversation file written by toJson(); nullopt if it is not one (or a newer
    /// version).
    static std::optional<ConversationArchive> fromJson(const QJsonObject &json);
    QJsonObject toJson() const;

    /// Sets the conversation's header (kind, title, members with their display names).
    void setConversation(const Conversation &conversation,
                         const QHash<qint64, QString> &displayNames);
    QJsonObject conversation() const { return m_conversation; }
    qint64 conversationId() const;

    /// Folds one log entry in (entries must come in ascending seq). `exportedFile` is where the
    /// export puts a file message's attachment (relative to the export folder), empty when this
    /// device does not have it.
    void add(const LogEntry &entry, const QString &exportedFile = {});

    /// The highest seq folded in (hidden entries too): where an incremental export goes on.
    qint64 lastSeq() const { return m_lastSeq; }
    /// The messages, ascending seq.
    QList<QJsonObject> messages() const { return m_messages.values(); }
    std::optional<QJsonObject> message(qint64 seq) const;

    /// "conversationId:seq", a message's id in every export from one server.
    static QString messageId(qint64 conversationId, qint64 seq);

private:
    void addShown(const StoredMessage &row, const QString &exportedFile);
    void addHidden(const LogEntry &entry);

    QJsonObject m_conversation;
    QMap<qint64, QJsonObject> m_messages;
    qint64 m_lastSeq = 0;
};

} // namespace Parley
