#include "ConversationArchive.h"

#include "content/MessageContent.h"
#include "content/SystemText.h"

#include <QtCore/QDateTime>

namespace Parley {

using namespace Qt::StringLiterals;

namespace {

QString actionName(MembershipEvent::Action action)
{
    switch (action) {
    case MembershipEvent::Action::Created:
        return u"created"_s;
    case MembershipEvent::Action::Added:
        return u"added"_s;
    case MembershipEvent::Action::Removed:
        return u"removed"_s;
    case MembershipEvent::Action::Left:
        return u"left"_s;
    case MembershipEvent::Action::RoleChanged:
        return u"role_changed"_s;
    case MembershipEvent::Action::Renamed:
        return u"renamed"_s;
    case MembershipEvent::Action::TimerChanged:
        return u"timer_changed"_s;
    }
    return {};
}

QJsonObject eventJson(const MembershipEvent &event)
{
    return QJsonObject{
            {u"action"_s, actionName(event.action)},    {u"actorUserId"_s, event.actorUserId},
            {u"targetUserId"_s, event.targetUserId},    {u"targetUsername"_s, event.targetUsername},
            {u"role"_s, QString(roleName(event.role))}, {u"title"_s, event.title},
            {u"timerSeconds"_s, event.timerSeconds}};
}

QString isoTime(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

QJsonObject attachmentJson(const MessageContent &content, const QString &exportedFile)
{
    const AttachmentRef ref = content.attachment();
    QJsonObject a{{u"name"_s, content.fileName()},
                  {u"mime"_s, content.mimeType()},
                  {u"size"_s, ref.size},
                  {u"encryptedSize"_s, ref.encryptedSize},
                  {u"id"_s, QString::fromLatin1(ref.attachmentId.toHex())},
                  {u"key"_s, QString::fromLatin1(ref.key.toBase64())}};
    const ImagePreview image = content.image();
    if (!image.thumbnail.isEmpty()) {
        a.insert(u"image"_s,
                 QJsonObject{{u"width"_s, image.width},
                             {u"height"_s, image.height},
                             {u"thumbnail"_s, QString::fromLatin1(image.thumbnail.toBase64())}});
    }
    if (!exportedFile.isEmpty())
        a.insert(u"file"_s, exportedFile);
    return a;
}

} // namespace

QString ConversationArchive::messageId(qint64 conversationId, qint64 seq)
{
    return u"%1:%2"_s.arg(conversationId).arg(seq);
}

std::optional<ConversationArchive> ConversationArchive::fromJson(const QJsonObject &json)
{
    if (json.value(u"version"_s).toInt() != Version || !json.value(u"conversation"_s).isObject())
        return std::nullopt;
    ConversationArchive archive;
    archive.m_conversation = json.value(u"conversation"_s).toObject();
    archive.m_lastSeq = json.value(u"lastSeq"_s).toInteger();
    const QJsonArray messages = json.value(u"messages"_s).toArray();
    for (const QJsonValue &m : messages) {
        const QJsonObject message = m.toObject();
        const qint64 seq = message.value(u"seq"_s).toInteger();
        if (seq > 0)
            archive.m_messages.insert(seq, message);
    }
    return archive;
}

QJsonObject ConversationArchive::toJson() const
{
    QJsonArray messages;
    for (const QJsonObject &m : m_messages)
        messages.append(m);
    return QJsonObject{{u"format"_s, u"parley-conversation"_s},
                       {u"version"_s, Version},
                       {u"conversation"_s, m_conversation},
                       {u"lastSeq"_s, m_lastSeq},
                       {u"messages"_s, messages}};
}

qint64 ConversationArchive::conversationId() const
{
    return m_conversation.value(u"id"_s).toInteger();
}

void ConversationArchive::setConversation(const Conversation &conversation,
                                          const QHash<qint64, QString> &displayNames)
{
    QJsonArray members;
    for (const Member &m : conversation.members) {
        members.append(QJsonObject{{u"userId"_s, m.userId},
                                   {u"username"_s, m.username},
                                   {u"displayName"_s, displayNames.value(m.userId)},
                                   {u"role"_s, QString(roleName(m.role))}});
    }
    m_conversation = QJsonObject{{u"id"_s, conversation.id},
                                 {u"kind"_s, QString(conversationKindName(conversation.kind))},
                                 {u"title"_s, conversation.title},
                                 {u"createdAt"_s, conversation.createdAt},
                                 {u"timerSeconds"_s, conversation.timerSeconds},
                                 {u"members"_s, members}};
}

std::optional<QJsonObject> ConversationArchive::message(qint64 seq) const
{
    const auto it = m_messages.constFind(seq);
    if (it == m_messages.cend())
        return std::nullopt;
    return *it;
}

void ConversationArchive::add(const LogEntry &entry, const QString &exportedFile)
{
    const StoredMessage &row = entry.message;
    m_lastSeq = std::max(m_lastSeq, row.seq);
    // Disappearing messages are meant to go: an export does not keep them.
    if (row.expiresAt != 0)
        return;
    if (row.hidden)
        addHidden(entry);
    else
        addShown(row, exportedFile);
}

void ConversationArchive::addShown(const StoredMessage &row, const QString &exportedFile)
{
    QJsonObject m{{u"id"_s, messageId(row.conversationId, row.seq)},
                  {u"seq"_s, row.seq},
                  {u"sender"_s,
                   QJsonObject{{u"userId"_s, row.senderId},
                               {u"deviceId"_s, row.senderDeviceId},
                               {u"username"_s, row.senderName}}},
                  {u"timestamp"_s, row.timestamp},
                  {u"time"_s, isoTime(row.timestamp)}};
    if (row.kind == MessageKind::Membership) {
        const auto event = MembershipEvent::fromBytes(row.body);
        if (!event)
            return;
        m.insert(u"type"_s, u"system"_s);
        m.insert(u"event"_s, eventJson(*event));
        m.insert(u"text"_s, membershipText(*event, row.senderName));
    } else if (row.deleted) {
        m.insert(u"type"_s, u"deleted"_s);
    } else if (row.undecryptable) {
        m.insert(u"type"_s, u"undecryptable"_s);
    } else if (const auto content = MessageContent::fromBytes(row.body); !content) {
        m.insert(u"type"_s, u"unknown"_s);
    } else if (content->type() == MessageContent::Type::Text) {
        m.insert(u"type"_s, u"text"_s);
        m.insert(u"text"_s, content->text());
        if (content->replyTo() > 0)
            m.insert(u"replyTo"_s, content->replyTo());
        if (!content->mentions().isEmpty()) {
            QJsonArray mentions;
            for (qint64 userId : content->mentions())
                mentions.append(userId);
            m.insert(u"mentions"_s, mentions);
        }
    } else if (content->type() == MessageContent::Type::File) {
        m.insert(u"type"_s, u"file"_s);
        m.insert(u"text"_s, content->text());
        m.insert(u"attachment"_s, attachmentJson(*content, exportedFile));
    } else {
        m.insert(u"type"_s, u"unknown"_s);
        m.insert(u"text"_s, content->previewText());
    }
    m_messages.insert(row.seq, m);
}

void ConversationArchive::addHidden(const LogEntry &entry)
{
    const StoredMessage &row = entry.message;
    const auto target = m_messages.find(entry.annotates);
    if (entry.annotates <= 0 || entry.annotates >= row.seq || target == m_messages.end())
        return;
    QJsonObject &m = *target;
    const QString type = m.value(u"type"_s).toString();
    if (type != u"text"_s && type != u"file"_s && type != u"deleted"_s)
        return;
    const qint64 targetSender = m.value(u"sender"_s).toObject().value(u"userId"_s).toInteger();
    // A delete erases the bodies of every annotation of its message, its own too: an annotation
    // without a body, from the message's sender, is (or follows) the delete.
    if (row.body.isEmpty()) {
        if (row.senderId != targetSender)
            return;
        for (const auto &key : {u"text"_s, u"originalText"_s, u"replyTo"_s, u"mentions"_s,
                                u"edits"_s, u"reactions"_s, u"attachment"_s})
            m.remove(key);
        m.insert(u"type"_s, u"deleted"_s);
        m.insert(u"deletedBy"_s, row.seq);
        return;
    }
    const auto content = MessageContent::fromBytes(row.body);
    if (!content || type == u"deleted"_s)
        return;
    if (content->type() == MessageContent::Type::Edit) {
        if (row.senderId != targetSender)
            return;
        QJsonArray edits = m.value(u"edits"_s).toArray();
        if (edits.isEmpty())
            m.insert(u"originalText"_s, m.value(u"text"_s));
        edits.append(QJsonObject{{u"seq"_s, row.seq},
                                 {u"timestamp"_s, row.timestamp},
                                 {u"text"_s, content->text()}});
        m.insert(u"edits"_s, edits);
        m.insert(u"text"_s, content->text());
    } else if (content->type() == MessageContent::Type::Reaction) {
        QJsonArray reactions = m.value(u"reactions"_s).toArray();
        for (qsizetype i = 0; i < reactions.size(); ++i) {
            const QJsonObject r = reactions.at(i).toObject();
            if (r.value(u"userId"_s).toInteger() == row.senderId
                && r.value(u"emoji"_s).toString() == content->emoji()) {
                reactions.removeAt(i);
                break;
            }
        }
        if (!content->isRemoved()) {
            reactions.append(QJsonObject{{u"emoji"_s, content->emoji()},
                                         {u"userId"_s, row.senderId},
                                         {u"seq"_s, row.seq},
                                         {u"timestamp"_s, row.timestamp}});
        }
        if (reactions.isEmpty())
            m.remove(u"reactions"_s);
        else
            m.insert(u"reactions"_s, reactions);
    }
}

} // namespace Parley
