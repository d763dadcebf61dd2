// MessageListModel: what a row shows (the roles).
#include "MessageListModel.h"
#include "MessageListModel_p.h"

#include "Logging.h"
#include "chat/StateText.h"
#include "contacts/Profiles.h"
#include "content/MessageContent.h"
#include "content/SystemText.h"
#include "content/TextMarkup.h"
#include "content/Thumbnails.h"
#include "outbox/Outbox.h"
#include "store/MessageStore.h"
#include "sync/SyncEngine.h"

#include <QtCore/QLocale>
#include <QtCore/QUrl>

namespace Parley {

using namespace Qt::StringLiterals;
using namespace MessageRows;

QVariant MessageListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int row = index.row();
    const Row &r = m_rows.at(row);
    const StoredMessage &m = r.message;
    const bool system = m.kind == MessageKind::Membership;
    switch (role) {
    case SeqRole:
        return m.seq;
    case ClientIdRole:
        return QString::fromLatin1(m.clientId.toHex());
    case SenderIdRole:
        return m.senderId;
    case SenderNameRole: {
        const QString username = m.senderName.isEmpty() ? m_names.value(m.senderId) : m.senderName;
        return m_profiles ? m_profiles->nameOf(m.senderId, username) : username;
    }
    case SenderUsernameRole:
        return m.senderName.isEmpty() ? m_names.value(m.senderId) : m.senderName;
    case SenderAvatarRole:
        return m_profiles ? m_profiles->avatarSourceOf(m.senderId) : QString();
    case IsOwnRole:
        return m.senderId == m_selfUserId;
    case Qt::DisplayRole:
    case TextRole:
        if (system)
            return r.systemText;
        if (m.undecryptable) { // text: why it cannot be read, or empty while its key is on its way
            if (!m.text.isEmpty())
                return m.text;
            // The device asked the sender's device for the key by itself (PendingDecryptions).
            if (m.senderId == m_selfUserId)
                return tr("Waiting for the key to this message. Your device that sent it was asked "
                          "to send it again; the message appears here when it arrives.");
            if (const QString name = data(index, SenderNameRole).toString(); !name.isEmpty())
                return tr("Waiting for the key to this message. %1's device was asked to send it "
                          "again; the message appears here when it arrives.")
                        .arg(name);
            return tr("Waiting for the key to this message. The sender's device was asked to send "
                      "it again; the message appears here when it arrives.");
        }
        if (m.deleted)
            return deletedText();
        return shownText(r);
    case FormattedTextRole:
        // Only what the sender wrote is formatted; the app's own lines are escaped as they are.
        if (system || m.undecryptable || m.deleted)
            return TextMarkup::toPlainHtml(data(index, TextRole).toString());
        return TextMarkup::toHtml(shownText(r), mentionedNames(r));
    case TimestampRole:
        return QDateTime::fromMSecsSinceEpoch(m.timestamp);
    case DayLabelRole:
        return dayLabel(QDateTime::fromMSecsSinceEpoch(m.timestamp), QDate::currentDate());
    case ShowDaySeparatorRole:
        return row == 0 || !sameDay(row - 1, row);
    case ShowSenderRole: {
        if (!m_isGroup || system || m.senderId == m_selfUserId)
            return false;
        if (row == 0)
            return true;
        const StoredMessage &prev = m_rows.at(row - 1).message;
        return prev.kind == MessageKind::Membership || prev.senderId != m.senderId
                || !sameDay(row - 1, row);
    }
    case DeliveryStateRole:
        return int(deliveryState(m));
    case FailureReasonRole:
        return StateText::failure(States::failure(m.failureReason));
    case IsSystemRole:
        return system;
    case SystemTextRole:
        return r.systemText;
    case ReplyToSeqRole:
        return m.replyTo;
    case ReplySenderNameRole: {
        // The quoted person by the name they gave themselves, when the quoted entry is loaded.
        const int quoted = m_profiles && m.replyTo > 0 ? indexOfSeq(m.replyTo) : -1;
        return quoted >= 0
                ? m_profiles->nameOf(m_rows.at(quoted).message.senderId, m.replySenderName)
                : m.replySenderName;
    }
    case ReplySnippetRole:
        return replySnippet(m);
    case ReactionsRole:
        return reactions(m);
    case EditedRole:
        return m.edited && !m.deleted;
    case DeletedRole:
        return m.deleted;
    case CanReplyRole:
        return canReply(m);
    case CanEditRole:
        return canReply(m) && m.senderId == m_selfUserId;
    case AttachmentNameRole:
        return r.file.name;
    case AttachmentSizeRole:
        return r.file.size;
    case AttachmentMimeRole:
        return r.file.mime;
    case AttachmentStateRole:
        return attachmentState(r);
    case AttachmentProgressRole:
        return attachmentProgress(r);
    case AttachmentPathRole:
        return r.file.name.isEmpty() || m.attachmentPath.isEmpty()
                ? QUrl()
                : QUrl::fromLocalFile(m.attachmentPath);
    case ThumbnailRole:
        return thumbnailUrl(r);
    case ImageWidthRole:
        return r.file.image.width;
    case ImageHeightRole:
        return r.file.image.height;
    case MentionsMeRole:
        return !system && !m.deleted && m.senderId != m_selfUserId
                && r.mentions.contains(m_selfUserId);
    default:
        return {};
    }
}

QStringList MessageListModel::mentionedNames(const Row &row) const
{
    QStringList names;
    for (const qint64 id : row.mentions) {
        const QString name = m_names.value(id);
        if (!name.isEmpty())
            names.append(name);
    }
    return names;
}

QString MessageListModel::shownText(const Row &row)
{
    const QString &text = row.message.text;
    if (row.file.name.isEmpty())
        return text;
    // MessageContent::previewText(): "📎 name", then the caption on the next line.
    const QString head = u"📎 "_s + row.file.name;
    if (!text.startsWith(head))
        return text;
    return text.mid(head.size() + 1);
}

QUrl MessageListModel::thumbnailUrl(const Row &r) const
{
    if (r.file.image.isNull())
        return {};
    // Handed out with its key: the provider finds it even if the table had dropped it.
    Thumbnails::keep(r.file.thumbnailKey, r.file.image.thumbnail);
    return QUrl(u"image://thumbnail/"_s + r.file.thumbnailKey);
}

QVariantMap MessageListModel::image(qint64 seq) const
{
    const int row = seq > 0 ? indexOfSeq(seq) : -1;
    if (row < 0 || m_rows.at(row).file.image.isNull())
        return {};
    const Row &r = m_rows.at(row);
    return {{u"seq"_s, seq},
            {u"name"_s, r.file.name},
            {u"size"_s, r.file.size},
            {u"width"_s, r.file.image.width},
            {u"height"_s, r.file.image.height},
            {u"thumbnail"_s, thumbnailUrl(r)},
            {u"state"_s, attachmentState(r)},
            {u"progress"_s, attachmentProgress(r)},
            {u"path"_s, data(index(row), AttachmentPathRole)}};
}

qint64 MessageListModel::adjacentImage(qint64 seq, int step) const
{
    const int from = indexOfSeq(seq);
    if (from < 0 || step == 0)
        return 0;
    const int direction = step > 0 ? 1 : -1;
    for (int row = from + direction; row >= 0 && row < m_rows.size(); row += direction) {
        const Row &r = m_rows.at(row);
        if (r.message.seq > 0 && !r.file.image.isNull())
            return r.message.seq;
    }
    return 0;
}

QString MessageListModel::attachmentState(const Row &r) const
{
    const StoredMessage &m = r.message;
    if (r.file.name.isEmpty())
        return u"none"_s;
    if (r.upload || m.pending) // a queued file message is still on its way
        return m.outboxState == OutboxState::Failed ? u"failed"_s : u"uploading"_s;
    if (m_downloadProgress.contains(m.seq))
        return u"downloading"_s;
    if (!m.attachmentPath.isEmpty())
        return u"downloaded"_s;
    if (m_downloadFailed.contains(m.seq))
        return u"failed"_s;
    return u"available"_s;
}

double MessageListModel::attachmentProgress(const Row &r) const
{
    const StoredMessage &m = r.message;
    if (r.file.name.isEmpty())
        return 0.0;
    if (r.upload)
        return m_uploadProgress.value(m.clientId);
    if (m.pending)
        return 1.0;
    if (const auto it = m_downloadProgress.constFind(m.seq); it != m_downloadProgress.cend())
        return *it;
    return m.attachmentPath.isEmpty() ? 0.0 : 1.0;
}

bool MessageListModel::canReply(const StoredMessage &m) const
{
    return m.kind == MessageKind::Content && m.seq > 0 && !m.pending && !m.undecryptable
            && !m.deleted;
}

QString MessageListModel::replySnippet(const StoredMessage &m) const
{
    if (m.replyTo == 0)
        return {};
    if (!m.replyKnown)
        return tr("An earlier message");
    if (m.replyDeleted)
        return deletedText();
    const QString firstLine = m.replyText.section(u'\n', 0, 0, QString::SectionSkipEmpty);
    constexpr qsizetype MaxSnippetChars = 120;
    if (firstLine.size() > MaxSnippetChars)
        return firstLine.left(MaxSnippetChars - 1) + u'…';
    return firstLine.isEmpty() ? tr("A message") : firstLine;
}

QVariantList MessageListModel::reactions(const StoredMessage &m) const
{
    struct Chip
    {
        QString emoji;
        int count = 0;
        bool mine = false;
    };
    QList<Chip> chips;
    for (const Reaction &reaction : m.reactions) {
        auto it = std::find_if(chips.begin(), chips.end(),
                               [&](const Chip &c) { return c.emoji == reaction.emoji; });
        if (it == chips.end())
            it = chips.insert(chips.end(), Chip{reaction.emoji});
        ++it->count;
        it->mine = it->mine || reaction.userId == m_selfUserId;
    }
    QVariantList list;
    for (const Chip &c : std::as_const(chips))
        list.append(QVariantMap{{u"emoji"_s, c.emoji}, {u"count"_s, c.count}, {u"mine"_s, c.mine}});
    return list;
}

QString MessageListModel::dayLabel(const QDateTime &time, const QDate &today)
{
    const QDate date = time.toLocalTime().date();
    if (date == today)
        return tr("Today");
    if (date == today.addDays(-1))
        return tr("Yesterday");
    const QLocale locale;
    if (date.year() == today.year())
        return locale.toString(date, u"d MMMM"_s);
    return locale.toString(date, QLocale::LongFormat);
}

States::Delivery MessageListModel::deliveryState(const StoredMessage &m) const
{
    using Delivery = States::Delivery;
    if (m.senderId != m_selfUserId || m.kind == MessageKind::Membership)
        return Delivery::None;
    if (m.pending)
        return m.outboxState == OutboxState::Failed ? Delivery::Failed : Delivery::Queued;
    if (m.seq <= m_readUpTo)
        return Delivery::Read;
    if (m.seq <= m_deliveredUpTo)
        return Delivery::Delivered;
    return Delivery::Sent;
}

MessageListModel::Row MessageListModel::makeRow(const StoredMessage &message) const
{
    Row row{message, {}, {}, false, {}, {}};
    if (message.kind == MessageKind::Content && !message.deleted && !message.undecryptable) {
        const auto content = MessageContent::fromBytes(message.body);
        if (content)
            row.mentions = content->mentions();
        if (content && content->type() == MessageContent::Type::File)
            row.file = FileInfo{content->fileName(), content->mimeType(),
                                content->attachment().size, content->image(),
                                content->image().isNull()
                                        ? QString()
                                        : Thumbnails::keyOf(content->image().thumbnail)};
    }
    if (message.pending && message.replyTo == 0) {
        // The outbox gives content only: the quote comes from the row it answers, if loaded.
        isAnnotation(message, &row.message.replyTo);
        const int quoted = row.message.replyTo > 0 ? indexOfSeq(row.message.replyTo) : -1;
        if (quoted >= 0) {
            const StoredMessage &q = m_rows.at(quoted).message;
            row.message.replyKnown = true;
            row.message.replySenderName =
                    q.senderName.isEmpty() ? m_names.value(q.senderId) : q.senderName;
            row.message.replyText = q.text;
            row.message.replyDeleted = q.deleted;
        }
    }
    if (message.kind == MessageKind::Membership)
        row.systemText = systemTextOf(row);
    return row;
}

QString MessageListModel::systemTextOf(const Row &row) const
{
    const StoredMessage &message = row.message;
    if (row.notice.id > 0) {
        const qint64 user = row.notice.userId;
        const QString username = m_names.value(user);
        return keyChangeText(row.notice.change,
                             m_profiles ? m_profiles->nameOf(user, username) : username,
                             row.notice.verificationCleared);
    }
    auto event = MembershipEvent::fromBytes(message.body);
    if (!event)
        return {};
    QString actor = m_names.value(event->actorUserId);
    if (actor.isEmpty() && event->actorUserId == message.senderId)
        actor = message.senderName;
    QString target = event->targetUsername;
    // People by the names they gave themselves, as everywhere else.
    if (m_profiles) {
        actor = m_profiles->nameOf(event->actorUserId, actor);
        if (event->targetUserId > 0)
            target = m_profiles->nameOf(event->targetUserId, target);
    }
    return membershipText(*event, actor, target);
}

bool MessageListModel::sameDay(int a, int b) const
{
    return localDate(m_rows.at(a).message.timestamp) == localDate(m_rows.at(b).message.timestamp);
}

} // namespace Parley
