#include "MessageListModel.h"

#include "Logging.h"
#include "content/MessageContent.h"
#include "content/SystemText.h"
#include "outbox/Outbox.h"
#include "store/MessageStore.h"
#include "sync/SyncEngine.h"

#include <QtCore/QLocale>
#include <QtCore/QUrl>

namespace Parley {

using namespace Qt::StringLiterals;

namespace {

QDate localDate(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms).toLocalTime().date();
}

const QList<int> AllRowRoles = {
        MessageListModel::SeqRole,
        MessageListModel::ClientIdRole,
        MessageListModel::SenderIdRole,
        MessageListModel::SenderNameRole,
        MessageListModel::IsOwnRole,
        MessageListModel::TextRole,
        MessageListModel::TimestampRole,
        MessageListModel::DayLabelRole,
        MessageListModel::ShowDaySeparatorRole,
        MessageListModel::ShowSenderRole,
        MessageListModel::DeliveryStateRole,
        MessageListModel::FailureReasonRole,
        MessageListModel::IsSystemRole,
        MessageListModel::SystemTextRole,
        MessageListModel::ReplyToSeqRole,
        MessageListModel::ReplySenderNameRole,
        MessageListModel::ReplySnippetRole,
        MessageListModel::ReactionsRole,
        MessageListModel::EditedRole,
        MessageListModel::DeletedRole,
        MessageListModel::CanReplyRole,
        MessageListModel::CanEditRole,
        MessageListModel::AttachmentNameRole,
        MessageListModel::AttachmentSizeRole,
        MessageListModel::AttachmentMimeRole,
        MessageListModel::AttachmentStateRole,
        MessageListModel::AttachmentProgressRole,
        MessageListModel::AttachmentPathRole,
};

const QList<int> TransferRoles = {MessageListModel::AttachmentStateRole,
                                  MessageListModel::AttachmentProgressRole};

const QList<int> ReplyRoles = {MessageListModel::ReplySenderNameRole,
                               MessageListModel::ReplySnippetRole};

QString deletedText()
{
    return MessageListModel::tr("This message was deleted");
}

/// What an outbox entry's content means for its row (the outbox gives body and text only).
bool isAnnotation(const StoredMessage &m, qint64 *replyTo = nullptr)
{
    if (m.kind != MessageKind::Content)
        return false;
    const auto content = MessageContent::fromBytes(m.body);
    if (!content)
        return false;
    if (replyTo)
        *replyTo = content->replyTo();
    return content->isAnnotation();
}

} // namespace

MessageListModel::MessageListModel(qint64 conversationId, qint64 selfUserId, MessageStore *store,
                                   Outbox *outbox, SyncEngine *sync, QObject *parent)
    : QAbstractListModel(parent),
      m_conversationId(conversationId),
      m_selfUserId(selfUserId),
      m_store(store),
      m_outbox(outbox),
      m_sync(sync)
{
    loadFirstPage();
}

void MessageListModel::loadFirstPage()
{
    m_fetching = true;
    m_store->latestMessages(m_conversationId, PageSize)
            .then(this, [this](const QList<StoredMessage> &page) {
                QList<Row> rows;
                for (const StoredMessage &m : page)
                    rows.append(makeRow(m));
                insertLogRows(rows);
                m_cacheExhausted = page.size() < PageSize;
                for (const StoredMessage &pending : m_outbox->pendingMessages(m_conversationId))
                    addPending(pending);
                m_loaded = true;
                m_fetching = false;
                if (const qint64 seq = std::exchange(m_revealAfterLoad, 0))
                    reveal(seq);
                qCDebug(lcClientModels)
                        << "conversation" << m_conversationId << "shows" << m_rows.size() << "rows";
                Q_EMIT loaded();
            });
}

int MessageListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QHash<int, QByteArray> MessageListModel::roleNames() const
{
    return {{SeqRole, "seq"},
            {ClientIdRole, "clientId"},
            {SenderIdRole, "senderId"},
            {SenderNameRole, "senderName"},
            {IsOwnRole, "isOwn"},
            {TextRole, "text"},
            {TimestampRole, "timestamp"},
            {DayLabelRole, "dayLabel"},
            {ShowDaySeparatorRole, "showDaySeparator"},
            {ShowSenderRole, "showSender"},
            {DeliveryStateRole, "deliveryState"},
            {FailureReasonRole, "failureReason"},
            {IsSystemRole, "isSystem"},
            {SystemTextRole, "systemText"},
            {ReplyToSeqRole, "replyToSeq"},
            {ReplySenderNameRole, "replySenderName"},
            {ReplySnippetRole, "replySnippet"},
            {ReactionsRole, "reactions"},
            {EditedRole, "edited"},
            {DeletedRole, "deleted"},
            {CanReplyRole, "canReply"},
            {CanEditRole, "canEdit"},
            {AttachmentNameRole, "attachmentName"},
            {AttachmentSizeRole, "attachmentSize"},
            {AttachmentMimeRole, "attachmentMime"},
            {AttachmentStateRole, "attachmentState"},
            {AttachmentProgressRole, "attachmentProgress"},
            {AttachmentPathRole, "attachmentPath"}};
}

bool MessageListModel::sameDay(int a, int b) const
{
    return localDate(m_rows.at(a).message.timestamp) == localDate(m_rows.at(b).message.timestamp);
}

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
    case SenderNameRole:
        return m.senderName.isEmpty() ? m_names.value(m.senderId) : m.senderName;
    case IsOwnRole:
        return m.senderId == m_selfUserId;
    case Qt::DisplayRole:
    case TextRole:
        if (system)
            return r.systemText;
        if (m.undecryptable) // text: why it cannot be read, or empty while its key is on its way
            return m.text.isEmpty() ? tr("Waiting for this message…") : m.text;
        if (m.deleted)
            return deletedText();
        return shownText(r);
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
        return deliveryState(m);
    case FailureReasonRole:
        return m.failureReason;
    case IsSystemRole:
        return system;
    case SystemTextRole:
        return r.systemText;
    case ReplyToSeqRole:
        return m.replyTo;
    case ReplySenderNameRole:
        return m.replySenderName;
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
    default:
        return {};
    }
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

void MessageListModel::attachmentChanged(int row, const QList<int> &roles)
{
    if (row >= 0)
        Q_EMIT dataChanged(index(row), index(row), roles);
}

void MessageListModel::addUpload(const StoredMessage &message, double progress)
{
    if (indexOfClientId(message.clientId) >= 0)
        return;
    m_uploadProgress.insert(message.clientId, progress);
    Row r = makeRow(message);
    r.upload = true;
    const int row = int(m_rows.size());
    beginInsertRows({}, row, row);
    m_rows.append(r);
    endInsertRows();
}

void MessageListModel::setUploadProgress(const QByteArray &uploadId, double progress)
{
    if (!m_uploadProgress.contains(uploadId))
        return;
    m_uploadProgress.insert(uploadId, progress);
    attachmentChanged(indexOfClientId(uploadId), {AttachmentProgressRole});
}

void MessageListModel::setUploadFailed(const QByteArray &uploadId, const QString &reason)
{
    const int row = indexOfClientId(uploadId);
    if (row < 0 || !m_rows.at(row).upload)
        return;
    StoredMessage &m = m_rows[row].message;
    m.outboxState = reason.isEmpty() ? OutboxState::Queued : OutboxState::Failed;
    m.failureReason = reason;
    if (reason.isEmpty())
        m_uploadProgress.insert(uploadId, 0.0);
    attachmentChanged(
            row,
            {DeliveryStateRole, FailureReasonRole, AttachmentStateRole, AttachmentProgressRole});
}

void MessageListModel::removeUpload(const QByteArray &uploadId)
{
    const int row = indexOfClientId(uploadId);
    if (row < 0 || !m_rows.at(row).upload)
        return;
    m_uploadProgress.remove(uploadId);
    beginRemoveRows({}, row, row);
    m_rows.removeAt(row);
    endRemoveRows();
}

void MessageListModel::replaceUpload(const QByteArray &uploadId, const StoredMessage &message)
{
    const int row = indexOfClientId(uploadId);
    if (row < 0 || !m_rows.at(row).upload || indexOfClientId(message.clientId) >= 0) {
        addPending(message);
        return;
    }
    m_uploadProgress.remove(uploadId);
    Row r = makeRow(message);
    // The file I picked: kept through the acknowledgement (Attachments stores it then).
    r.message.attachmentPath = m_rows.at(row).message.attachmentPath;
    m_rows[row] = r;
    Q_EMIT dataChanged(index(row), index(row), AllRowRoles);
}

void MessageListModel::setDownloadProgress(qint64 seq, double progress)
{
    if (progress < 0) {
        if (!m_downloadProgress.remove(seq))
            return;
    } else {
        m_downloadProgress.insert(seq, progress);
        m_downloadFailed.remove(seq);
    }
    attachmentChanged(indexOfSeq(seq), TransferRoles);
}

void MessageListModel::setDownloadFailed(qint64 seq)
{
    m_downloadProgress.remove(seq);
    m_downloadFailed.insert(seq);
    attachmentChanged(indexOfSeq(seq), TransferRoles);
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

int MessageListModel::rowOfSeq(qint64 seq) const
{
    return seq > 0 ? indexOfSeq(seq) : -1;
}

void MessageListModel::reveal(qint64 seq)
{
    if (seq <= 0)
        return;
    if (!m_loaded) {
        m_revealAfterLoad = seq;
        return;
    }
    if (const int row = indexOfSeq(seq); row >= 0) {
        Q_EMIT revealed(row);
        return;
    }
    const int logCount = logRowCount();
    const qint64 oldest = logCount > 0 ? m_rows.first().message.seq : 0;
    if (oldest == 0 || seq > oldest || m_fetching)
        return;
    // Everything between the entry and the loaded rows, plus a little context above it.
    const int limit = int(std::min<qint64>(oldest - seq + 10, MaxRevealRows));
    m_fetching = true;
    m_store->messagesBefore(m_conversationId, oldest, limit)
            .then(this, [this, seq, limit](const QList<StoredMessage> &page) {
                if (page.size() < limit)
                    m_cacheExhausted = true;
                QList<Row> rows;
                for (const StoredMessage &m : page)
                    rows.append(makeRow(m));
                insertLogRows(rows);
                m_fetching = false;
                if (const int row = indexOfSeq(seq); row >= 0)
                    Q_EMIT revealed(row);
            });
}

QVariantMap MessageListModel::lastEditable() const
{
    for (qsizetype i = m_rows.size() - 1; i >= 0; --i) {
        const StoredMessage &m = m_rows.at(i).message;
        if (m.senderId == m_selfUserId && canReply(m))
            return {{u"seq"_s, m.seq}, {u"text"_s, shownText(m_rows.at(i))}};
    }
    return {};
}

bool MessageListModel::hasOwnReaction(qint64 seq, const QString &emoji) const
{
    const int row = indexOfSeq(seq);
    if (row < 0)
        return false;
    const auto &list = m_rows.at(row).message.reactions;
    return std::any_of(list.cbegin(), list.cend(), [&](const Reaction &r) {
        return r.userId == m_selfUserId && r.emoji == emoji;
    });
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

QString MessageListModel::deliveryState(const StoredMessage &m) const
{
    if (m.senderId != m_selfUserId || m.kind == MessageKind::Membership)
        return {};
    if (m.pending)
        return m.outboxState == OutboxState::Failed ? u"failed"_s : u"queued"_s;
    if (m.seq <= m_readUpTo)
        return u"read"_s;
    if (m.seq <= m_deliveredUpTo)
        return u"delivered"_s;
    return u"sent"_s;
}

bool MessageListModel::canFetchMore(const QModelIndex &parent) const
{
    if (parent.isValid() || !m_loaded || m_fetching || m_rows.isEmpty())
        return false;
    const StoredMessage &first = m_rows.first().message;
    if (first.pending || first.seq <= 1)
        return false;
    return !m_cacheExhausted || (m_serverHasOlder && m_sync->hasOlderOnServer(m_conversationId));
}

void MessageListModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    m_fetching = true;
    const qint64 oldest = m_rows.first().message.seq;
    if (m_cacheExhausted) {
        m_sync->fetchOlder(m_conversationId); // answered by addOlderMessages()
        return;
    }
    m_store->messagesBefore(m_conversationId, oldest, PageSize)
            .then(this, [this](const QList<StoredMessage> &page) {
                if (page.size() < PageSize)
                    m_cacheExhausted = true;
                QList<Row> rows;
                for (const StoredMessage &m : page)
                    rows.append(makeRow(m));
                // Still "fetching" while rows go in: views (and QAbstractItemModelTester) call
                // fetchMore() from rowsInserted, before the new first row is in place.
                insertLogRows(rows);
                m_fetching = false;
            });
}

void MessageListModel::setConversation(const ConversationSummary &summary)
{
    const Conversation &c = summary.conversation;
    for (const Member &m : c.members)
        m_names.insert(m.userId, m.username);
    QString title = c.title;
    qint64 delivered = -1, read = -1;
    qint64 peer = 0;
    for (const Member &m : c.members) {
        if (m.userId == m_selfUserId)
            continue;
        if (c.kind == ConversationKind::Direct) {
            peer = m.userId;
            if (title.isEmpty())
                title = m.username;
        }
        const qint64 received = std::max(m.deliveredUpTo, m.readUpTo); // read implies received
        delivered = delivered < 0 ? received : std::min(delivered, received);
        read = read < 0 ? m.readUpTo : std::min(read, m.readUpTo);
    }
    if (title != m_title) {
        m_title = title;
        Q_EMIT titleChanged();
    }
    const bool group = c.kind == ConversationKind::Group;
    if (group != m_isGroup) {
        m_isGroup = group;
        Q_EMIT isGroupChanged();
        if (!m_rows.isEmpty())
            Q_EMIT dataChanged(index(0), index(int(m_rows.size()) - 1), {ShowSenderRole});
    }
    if (summary.isMember != m_canSend) {
        m_canSend = summary.isMember;
        Q_EMIT canSendChanged();
    }
    if (summary.muted != m_muted) {
        m_muted = summary.muted;
        Q_EMIT mutedChanged();
    }
    if (peer != m_peerUserId) {
        m_peerUserId = peer;
        Q_EMIT peerUserIdChanged();
    }
    if (!peer)
        setOnline(false);
    const qint64 oldDelivered = m_deliveredUpTo, oldRead = m_readUpTo;
    m_deliveredUpTo = std::max<qint64>(0, delivered);
    m_readUpTo = std::max<qint64>(0, read);
    if (oldDelivered != m_deliveredUpTo || oldRead != m_readUpTo)
        receiptsChanged(oldDelivered, oldRead);
}

void MessageListModel::receiptsChanged(qint64 oldDelivered, qint64 oldRead)
{
    const qint64 newDelivered = m_deliveredUpTo, newRead = m_readUpTo;
    int first = -1;
    for (int i = 0; i <= int(m_rows.size()); ++i) {
        bool differs = false;
        if (i < int(m_rows.size())) {
            const StoredMessage &m = m_rows.at(i).message;
            if (m.senderId == m_selfUserId && !m.pending && m.seq > 0) {
                m_deliveredUpTo = oldDelivered;
                m_readUpTo = oldRead;
                const QString before = deliveryState(m);
                m_deliveredUpTo = newDelivered;
                m_readUpTo = newRead;
                differs = before != deliveryState(m);
            }
        }
        if (differs && first < 0)
            first = i;
        if (!differs && first >= 0) {
            Q_EMIT dataChanged(index(first), index(i - 1), {DeliveryStateRole});
            first = -1;
        }
    }
}

void MessageListModel::setOnline(bool online)
{
    if (online == m_online)
        return;
    m_online = online;
    Q_EMIT onlineChanged();
}

void MessageListModel::setTypingText(const QString &text)
{
    if (text == m_typingText)
        return;
    m_typingText = text;
    Q_EMIT typingTextChanged();
}

MessageListModel::Row MessageListModel::makeRow(const StoredMessage &message) const
{
    Row row{message, {}, {}, false};
    if (message.kind == MessageKind::Content && !message.deleted && !message.undecryptable) {
        if (const auto content = MessageContent::fromBytes(message.body);
            content && content->type() == MessageContent::Type::File)
            row.file =
                    FileInfo{content->fileName(), content->mimeType(), content->attachment().size};
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
    if (message.kind == MessageKind::Membership) {
        if (auto event = MembershipEvent::fromBytes(message.body)) {
            QString actor = m_names.value(event->actorUserId);
            if (actor.isEmpty() && event->actorUserId == message.senderId)
                actor = message.senderName;
            row.systemText = membershipText(*event, actor);
        }
    }
    return row;
}

int MessageListModel::logRowCount() const
{
    int n = 0;
    while (n < int(m_rows.size()) && !m_rows.at(n).message.pending)
        ++n;
    return n;
}

int MessageListModel::indexOfClientId(const QByteArray &clientId) const
{
    if (clientId.isEmpty())
        return -1;
    for (int i = int(m_rows.size()) - 1; i >= 0; --i) {
        if (m_rows.at(i).message.clientId == clientId)
            return i;
    }
    return -1;
}

int MessageListModel::indexOfSeq(qint64 seq) const
{
    // Log rows are sorted by seq: binary search over them.
    const int count = logRowCount();
    auto begin = m_rows.cbegin(), end = m_rows.cbegin() + count;
    auto it = std::lower_bound(begin, end, seq,
                               [](const Row &r, qint64 s) { return r.message.seq < s; });
    return it != end && it->message.seq == seq ? int(it - begin) : -1;
}

void MessageListModel::neighboursChanged(int first, int last)
{
    Q_UNUSED(first);
    if (last + 1 < int(m_rows.size()))
        Q_EMIT dataChanged(index(last + 1), index(last + 1),
                           {ShowDaySeparatorRole, ShowSenderRole});
}

void MessageListModel::insertLogRows(QList<Row> incoming)
{
    int i = 0;
    while (i < int(incoming.size())) {
        const Row &r = incoming.at(i);
        if (r.message.seq <= 0 || indexOfSeq(r.message.seq) >= 0) {
            ++i;
            continue;
        }
        const int pending = indexOfClientId(r.message.clientId);
        const int logCount = logRowCount();
        auto insertAt = [this, logCount](qint64 seq) {
            auto end = m_rows.cbegin() + logCount;
            auto it = std::upper_bound(m_rows.cbegin(), end, seq, [](qint64 s, const Row &row) {
                return s < row.message.seq;
            });
            return int(it - m_rows.cbegin());
        };
        const int target = insertAt(r.message.seq);
        if (pending >= 0) {
            // The outbox entry became this log entry: the same row, now with a seq.
            if (pending != target) {
                beginMoveRows({}, pending, pending, {}, target);
                m_rows.move(pending, target);
                endMoveRows();
                neighboursChanged(pending, pending);
            }
            Row merged = r;
            if (merged.message.text.isEmpty())
                merged.message.text = m_rows.at(target).message.text;
            if (merged.message.attachmentPath.isEmpty())
                merged.message.attachmentPath = m_rows.at(target).message.attachmentPath;
            m_rows[target] = merged;
            Q_EMIT dataChanged(index(target), index(target), AllRowRoles);
            neighboursChanged(target, target);
            ++i;
            continue;
        }
        // A block of consecutive entries that all go to the same place.
        int j = i + 1;
        while (j < int(incoming.size())) {
            const StoredMessage &n = incoming.at(j).message;
            if (n.seq <= incoming.at(j - 1).message.seq || indexOfSeq(n.seq) >= 0
                || indexOfClientId(n.clientId) >= 0)
                break;
            if (target < logCount && m_rows.at(target).message.seq < n.seq)
                break;
            ++j;
        }
        beginInsertRows({}, target, target + (j - i) - 1);
        for (int k = i; k < j; ++k)
            m_rows.insert(target + (k - i), incoming.at(k));
        endInsertRows();
        neighboursChanged(target, target + (j - i) - 1);
        i = j;
    }
}

void MessageListModel::addMessages(const QList<StoredMessage> &messages)
{
    QList<Row> rows;
    for (const StoredMessage &m : messages) {
        if (!m.hidden)
            rows.append(makeRow(m));
    }
    insertLogRows(rows);
}

void MessageListModel::addOlderMessages(const QList<StoredMessage> &messages, bool more)
{
    m_serverHasOlder = more;
    addMessages(messages);
    m_fetching = false;
}

void MessageListModel::addPending(const StoredMessage &message)
{
    if (indexOfClientId(message.clientId) >= 0)
        return;
    if (isAnnotation(message)) {
        // A queued reaction, edit or delete is not a row: it shows on its target at once, as
        // the cache will apply it once the server has it (messagesChanged then replaces the
        // row with what the cache says).
        if (const auto content = MessageContent::fromBytes(message.body))
            applyPendingAnnotation(*content);
        return;
    }
    const int row = int(m_rows.size());
    beginInsertRows({}, row, row);
    m_rows.append(makeRow(message));
    endInsertRows();
}

void MessageListModel::applyPendingAnnotation(const MessageContent &content)
{
    const int row = indexOfSeq(content.target());
    if (row < 0)
        return;
    StoredMessage &m = m_rows[row].message;
    if (m.deleted
        || (content.type() != MessageContent::Type::Reaction && m.senderId != m_selfUserId))
        return;
    switch (content.type()) {
    case MessageContent::Type::Reaction: {
        const auto mine = [&](const Reaction &r) {
            return r.userId == m_selfUserId && r.emoji == content.emoji();
        };
        if (content.isRemoved())
            m.reactions.removeIf(mine);
        else if (std::none_of(m.reactions.cbegin(), m.reactions.cend(), mine))
            m.reactions.append(Reaction{content.emoji(), m_selfUserId});
        break;
    }
    case MessageContent::Type::Edit:
        m.text = content.text();
        // A file message's edit changes its caption; the row stays the file's.
        if (const auto file = MessageContent::fromBytes(m.body);
            file && file->type() == MessageContent::Type::File)
            m.text = MessageContent::file(file->attachment(), file->fileName(), file->mimeType(),
                                          content.text())
                             .previewText();
        m.edited = true;
        break;
    case MessageContent::Type::Delete:
        m.deleted = true;
        m.edited = false;
        m.text.clear();
        m.body.clear();
        m.reactions.clear();
        m_rows[row].file = {};
        break;
    case MessageContent::Type::Text:
    case MessageContent::Type::File:
    case MessageContent::Type::Unknown:
        return;
    }
    Q_EMIT dataChanged(index(row), index(row), AllRowRoles);
    quotedChanged(m);
}

void MessageListModel::updatePending(const StoredMessage &message)
{
    const int row = indexOfClientId(message.clientId);
    if (row < 0 || !m_rows.at(row).message.pending)
        return;
    m_rows[row].message = message;
    Q_EMIT dataChanged(index(row), index(row), {DeliveryStateRole, FailureReasonRole});
}

void MessageListModel::updateContent(const StoredMessage &message)
{
    const int row = indexOfSeq(message.seq);
    if (row < 0)
        return;
    StoredMessage &m = m_rows[row].message;
    m.body = message.body;
    m.text = message.text;
    m.undecryptable = message.undecryptable;
    m_rows[row].file = makeRow(m).file;
    Q_EMIT dataChanged(index(row), index(row), AllRowRoles);
}

void MessageListModel::updateMessages(const QList<StoredMessage> &messages)
{
    for (const StoredMessage &message : messages) {
        const int row = indexOfSeq(message.seq);
        if (row < 0)
            continue;
        if (message.hidden) {
            beginRemoveRows({}, row, row);
            m_rows.removeAt(row);
            endRemoveRows();
            if (row < int(m_rows.size()))
                Q_EMIT dataChanged(index(row), index(row), {ShowDaySeparatorRole, ShowSenderRole});
            continue;
        }
        StoredMessage merged = message;
        if (merged.senderName.isEmpty())
            merged.senderName = m_rows.at(row).message.senderName;
        m_rows[row] = makeRow(merged);
        Q_EMIT dataChanged(index(row), index(row), AllRowRoles);
        quotedChanged(merged);
    }
}

void MessageListModel::quotedChanged(const StoredMessage &quoted)
{
    for (int i = 0; i < int(m_rows.size()); ++i) {
        StoredMessage &m = m_rows[i].message;
        if (m.replyTo != quoted.seq || quoted.seq <= 0)
            continue;
        m.replyKnown = true;
        m.replyText = quoted.text;
        m.replyDeleted = quoted.deleted;
        m.replySenderName = quoted.senderName;
        Q_EMIT dataChanged(index(i), index(i), ReplyRoles);
    }
}

void MessageListModel::setServerReachable()
{
    m_serverHasOlder = true;
}

} // namespace Parley
