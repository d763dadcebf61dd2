#include "HistoryImport.h"

#include "attachments/WorkerFuture.h"
#include "content/MessageContent.h"
#include "store/MessageStore.h"

#include <QtConcurrent/QtConcurrentRun>

#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QHash>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>

namespace Parley {

using namespace Qt::StringLiterals;

namespace {

std::optional<MembershipEvent::Action> actionFromName(const QString &name)
{
    using A = MembershipEvent::Action;
    static const QHash<QString, A> actions{
            {u"created"_s, A::Created},           {u"added"_s, A::Added},
            {u"removed"_s, A::Removed},           {u"left"_s, A::Left},
            {u"role_changed"_s, A::RoleChanged},  {u"renamed"_s, A::Renamed},
            {u"timer_changed"_s, A::TimerChanged}};
    const auto it = actions.constFind(name);
    if (it == actions.cend())
        return std::nullopt;
    return *it;
}

std::optional<QByteArray> membershipBody(const QJsonObject &event)
{
    const auto action = actionFromName(event.value(u"action"_s).toString());
    if (!action)
        return std::nullopt;
    MembershipEvent e;
    e.action = *action;
    e.actorUserId = event.value(u"actorUserId"_s).toInteger();
    e.targetUserId = event.value(u"targetUserId"_s).toInteger();
    e.targetUsername = event.value(u"targetUsername"_s).toString();
    e.role = roleFromName(event.value(u"role"_s).toString()).value_or(Role::Member);
    e.title = event.value(u"title"_s).toString();
    e.timerSeconds = event.value(u"timerSeconds"_s).toInteger();
    return e.toBytes();
}

std::optional<MessageContent> fileContent(const QJsonObject &attachment, const QString &caption)
{
    AttachmentRef ref;
    ref.attachmentId = QByteArray::fromHex(attachment.value(u"id"_s).toString().toLatin1());
    ref.key = QByteArray::fromBase64(attachment.value(u"key"_s).toString().toLatin1());
    ref.size = attachment.value(u"size"_s).toInteger();
    ref.encryptedSize = attachment.value(u"encryptedSize"_s).toInteger();
    ImagePreview image;
    const QJsonObject preview = attachment.value(u"image"_s).toObject();
    if (!preview.isEmpty()) {
        image.thumbnail =
                QByteArray::fromBase64(preview.value(u"thumbnail"_s).toString().toLatin1());
        image.width = preview.value(u"width"_s).toInt();
        image.height = preview.value(u"height"_s).toInt();
    }
    const MessageContent content =
            MessageContent::file(ref, attachment.value(u"name"_s).toString(),
                                 attachment.value(u"mime"_s).toString(), caption, image);
    // What the reader would refuse is not stored either.
    if (!MessageContent::fromBytes(content.toBytes()))
        return std::nullopt;
    return content;
}

} // namespace

HistoryImport::HistoryImport(MessageStore *store, QObject *parent) : QObject(parent), m_store(store)
{
}

Conversation HistoryImport::conversationOf(const ConversationArchive &archive, qint64 selfUserId)
{
    const QJsonObject json = archive.conversation();
    Conversation c;
    c.id = json.value(u"id"_s).toInteger();
    c.kind = json.value(u"kind"_s).toString() == u"group"_s ? ConversationKind::Group
                                                            : ConversationKind::Direct;
    c.title = json.value(u"title"_s).toString();
    c.createdAt = json.value(u"createdAt"_s).toInteger();
    c.timerSeconds = json.value(u"timerSeconds"_s).toInteger();
    c.lastSeq = archive.lastSeq();
    const QJsonArray members = json.value(u"members"_s).toArray();
    for (const QJsonValue &v : members) {
        const QJsonObject m = v.toObject();
        Member member;
        member.userId = m.value(u"userId"_s).toInteger();
        member.username = m.value(u"username"_s).toString();
        member.role = roleFromName(m.value(u"role"_s).toString()).value_or(Role::Member);
        // What I exported I have read.
        if (member.userId == selfUserId) {
            member.deliveredUpTo = archive.lastSeq();
            member.readUpTo = archive.lastSeq();
        }
        if (member.userId > 0)
            c.members.append(member);
    }
    return c;
}

QList<StoredMessage> HistoryImport::entriesOf(const ConversationArchive &archive)
{
    const qint64 conversationId = archive.conversationId();
    QList<StoredMessage> entries;
    const auto add = [&](qint64 seq, qint64 sender, qint64 device, qint64 timestamp,
                         MessageKind kind, const QByteArray &body, const QString &text) {
        StoredMessage m;
        m.conversationId = conversationId;
        m.seq = seq;
        m.senderId = sender;
        m.senderDeviceId = device;
        m.timestamp = timestamp;
        m.kind = kind;
        m.body = body;
        m.text = text;
        entries.append(m);
    };
    const auto entry = [&](qint64 seq, qint64 sender, qint64 device, qint64 timestamp,
                           const MessageContent &content) {
        // What the cache's reader would refuse (a hand-edited file) is not stored.
        const QByteArray bytes = content.toBytes();
        if (MessageContent::fromBytes(bytes))
            add(seq, sender, device, timestamp, MessageKind::Content, bytes, content.previewText());
    };
    const QList<QJsonObject> messages = archive.messages();
    for (const QJsonObject &m : messages) {
        const qint64 seq = m.value(u"seq"_s).toInteger();
        const QJsonObject sender = m.value(u"sender"_s).toObject();
        const qint64 senderId = sender.value(u"userId"_s).toInteger();
        const qint64 deviceId = sender.value(u"deviceId"_s).toInteger();
        const qint64 timestamp = m.value(u"timestamp"_s).toInteger();
        const QString type = m.value(u"type"_s).toString();
        const QString original = m.contains(u"originalText"_s)
                ? m.value(u"originalText"_s).toString()
                : m.value(u"text"_s).toString();
        if (seq <= 0)
            continue;
        if (type == u"system"_s) {
            if (const auto body = membershipBody(m.value(u"event"_s).toObject()))
                add(seq, senderId, deviceId, timestamp, MessageKind::Membership, *body, {});
            continue;
        }
        if (type == u"deleted"_s) {
            // The message and its delete, so the cache remembers it as deleted.
            const qint64 deletedBy = m.value(u"deletedBy"_s).toInteger();
            if (deletedBy > seq) {
                entry(seq, senderId, deviceId, timestamp, MessageContent::text(QString()));
                entry(deletedBy, senderId, deviceId, timestamp, MessageContent::deletion(seq));
            }
            continue;
        }
        if (type == u"text"_s) {
            QList<qint64> mentions;
            const QJsonArray mentioned = m.value(u"mentions"_s).toArray();
            for (const QJsonValue &v : mentioned)
                mentions.append(v.toInteger());
            MessageContent content =
                    MessageContent::text(original, m.value(u"replyTo"_s).toInteger());
            if (!mentions.isEmpty())
                content = content.withMentions(mentions);
            entry(seq, senderId, deviceId, timestamp, content);
        } else if (type == u"file"_s) {
            const auto content = fileContent(m.value(u"attachment"_s).toObject(), original);
            if (!content)
                continue;
            entry(seq, senderId, deviceId, timestamp, *content);
        } else {
            continue; // undecryptable or unknown: nothing to bring back
        }
        const QJsonArray edits = m.value(u"edits"_s).toArray();
        for (const QJsonValue &v : edits) {
            const QJsonObject edit = v.toObject();
            entry(edit.value(u"seq"_s).toInteger(), senderId, deviceId,
                  edit.value(u"timestamp"_s).toInteger(),
                  MessageContent::edit(seq, edit.value(u"text"_s).toString()));
        }
        const QJsonArray reactions = m.value(u"reactions"_s).toArray();
        for (const QJsonValue &v : reactions) {
            const QJsonObject reaction = v.toObject();
            entry(reaction.value(u"seq"_s).toInteger(), reaction.value(u"userId"_s).toInteger(), 0,
                  reaction.value(u"timestamp"_s).toInteger(),
                  MessageContent::reaction(seq, reaction.value(u"emoji"_s).toString()));
        }
    }
    // Annotations come after what they annotate; a bad seq in a hand-edited file is dropped.
    entries.removeIf([](const StoredMessage &m) { return m.seq <= 0; });
    std::sort(entries.begin(), entries.end(),
              [](const StoredMessage &a, const StoredMessage &b) { return a.seq < b.seq; });
    return entries;
}

HistoryImport::Parsed HistoryImport::read(const QString &file, qint64 selfUserId)
{
    Parsed parsed;
    QList<ConversationArchive> archives;
    QFile in(file);
    const QJsonObject json = in.open(QIODevice::ReadOnly)
            ? QJsonDocument::fromJson(in.readAll()).object()
            : QJsonObject();
    if (json.value(u"format"_s) == u"parley-export"_s) {
        if (json.value(u"version"_s).toInt() != ConversationArchive::Version) {
            parsed.error = tr("This export is of a newer version of Parley.");
            return parsed;
        }
        const QDir dir = QFileInfo(file).absoluteDir();
        const QJsonArray listed = json.value(u"conversations"_s).toArray();
        for (const QJsonValue &v : listed) {
            // Only names inside the export's folder.
            const QString name = QFileInfo(v.toObject().value(u"json"_s).toString()).fileName();
            QFile conversation(dir.filePath(name));
            std::optional<ConversationArchive> archive;
            if (!name.isEmpty() && conversation.open(QIODevice::ReadOnly))
                archive = ConversationArchive::fromJson(
                        QJsonDocument::fromJson(conversation.readAll()).object());
            if (!archive) {
                parsed.error = tr("%1 is missing from the export or damaged.").arg(name);
                return parsed;
            }
            archives.append(*archive);
        }
    } else if (auto archive = ConversationArchive::fromJson(json)) {
        archives.append(*archive);
    } else {
        parsed.error = tr("%1 is not a Parley export (export.json or a conversation's JSON file).")
                               .arg(QFileInfo(file).fileName());
        return parsed;
    }
    for (const ConversationArchive &archive : std::as_const(archives)) {
        if (archive.conversationId() <= 0)
            continue;
        parsed.conversations.append(conversationOf(archive, selfUserId));
        parsed.entries += entriesOf(archive);
    }
    return parsed;
}

bool HistoryImport::start(const QString &file, qint64 selfUserId)
{
    if (m_running)
        return false;
    m_running = true;
    m_inserted.clear();
    // Files can be large: they are read and parsed on a worker thread.
    whenFinished(this, QtConcurrent::run([file, selfUserId] { return read(file, selfUserId); }),
                 [this, selfUserId](const Parsed &parsed) { store(parsed, selfUserId); });
    return true;
}

void HistoryImport::store(const Parsed &parsed, qint64 selfUserId)
{
    if (!parsed.error.isEmpty()) {
        finish(0, 0, parsed.error);
        return;
    }
    const QList<Conversation> &conversations = parsed.conversations;
    const QList<StoredMessage> &entries = parsed.entries;
    const int count = int(conversations.size());
    m_store->importHistory(conversations, entries, selfUserId)
            .then(this, [this, count](const StoredBatch &batch) {
                m_inserted = batch.inserted;
                const auto added = std::count_if(batch.inserted.cbegin(), batch.inserted.cend(),
                                                 [](const StoredMessage &m) { return !m.hidden; });
                finish(count, int(added), {});
            });
}

void HistoryImport::finish(int conversations, int newMessages, const QString &error)
{
    m_running = false;
    Q_EMIT finished(conversations, newMessages, error);
}

} // namespace Parley
