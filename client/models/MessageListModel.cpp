// MessageListModel: the rows, paging and the log feed (the cache and the sync engine).
#include "MessageListModel.h"
#include "MessageListModel_p.h"

#include "Logging.h"
#include "chat/StateText.h"
#include "contacts/Profiles.h"
#include "content/MessageContent.h"
#include "content/SystemText.h"
#include "outbox/Outbox.h"
#include "store/MessageStore.h"
#include "sync/SyncEngine.h"

#include <QtCore/QLocale>
#include <QtCore/QUrl>

namespace Parley {

using namespace Qt::StringLiterals;
using namespace MessageRows;

MessageListModel::MessageListModel(qint64 conversationId, qint64 selfUserId, MessageStore *store,
                                   Outbox *outbox, SyncEngine *sync, QObject *parent)
    : QAbstractListModel(parent),
      m_conversationId(conversationId),
      m_selfUserId(selfUserId),
      m_store(store),
      m_outbox(outbox),
      m_sync(sync)
{
    // Started from the event loop, never inside the constructor: a cache answer that is
    // already there would otherwise insert rows and say loaded() before anyone could listen.
    QMetaObject::invokeMethod(this, &MessageListModel::loadFirstPage, Qt::QueuedConnection);
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
                placeNotices();
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
            {AttachmentPathRole, "attachmentPath"},
            {ThumbnailRole, "thumbnail"},
            {ImageWidthRole, "imageWidth"},
            {ImageHeightRole, "imageHeight"},
            {FormattedTextRole, "formattedText"},
            {MentionsMeRole, "mentionsMe"},
            {SenderAvatarRole, "senderAvatar"},
            {SenderUsernameRole, "senderUsername"}};
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
                placeNotices();
                m_fetching = false;
            });
}

void MessageListModel::setProfiles(const Profiles *profiles)
{
    m_profiles = profiles;
    connect(profiles, &Profiles::changed, this, [this](qint64 userId) {
        for (int i = 0; i < int(m_rows.size()); ++i) {
            Row &row = m_rows[i];
            if (row.message.senderId == userId)
                Q_EMIT dataChanged(index(i), index(i), {SenderNameRole, SenderAvatarRole});
            if (row.message.replyTo > 0)
                Q_EMIT dataChanged(index(i), index(i), {ReplySenderNameRole});
            if (row.message.kind == MessageKind::Membership) {
                const QString text = systemTextOf(row);
                if (text != row.systemText) {
                    row.systemText = text;
                    Q_EMIT dataChanged(index(i), index(i),
                                       {Qt::DisplayRole, TextRole, SystemTextRole});
                }
            }
        }
    });
}

void MessageListModel::setConversation(const ConversationSummary &summary)
{
    const Conversation &c = summary.conversation;
    qint64 delivered = -1, read = -1;
    for (const Member &m : c.members) {
        m_names.insert(m.userId, m.username);
        if (m.userId == m_selfUserId)
            continue;
        const qint64 received = std::max(m.deliveredUpTo, m.readUpTo); // read implies received
        delivered = delivered < 0 ? received : std::min(delivered, received);
        read = read < 0 ? m.readUpTo : std::min(read, m.readUpTo);
    }
    const bool group = c.kind == ConversationKind::Group;
    if (group != m_isGroup) {
        m_isGroup = group;
        if (!m_rows.isEmpty())
            Q_EMIT dataChanged(index(0), index(int(m_rows.size()) - 1), {ShowSenderRole});
    }
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
                const States::Delivery before = deliveryState(m);
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
    placeNotices();
}

void MessageListModel::addNotices(const QList<SecurityNotice> &notices)
{
    for (const SecurityNotice &notice : notices) {
        const bool known = std::any_of(m_notices.cbegin(), m_notices.cend(),
                                       [&](const SecurityNotice &n) { return n.id == notice.id; });
        if (!known && notice.id > 0)
            m_notices.append(notice);
    }
    placeNotices();
}

void MessageListModel::placeNotices()
{
    if (!m_loaded)
        return;
    for (const SecurityNotice &notice : std::as_const(m_notices)) {
        if (m_shownNotices.contains(notice.id))
            continue;
        // After the last log row (or notice) that is not newer; log rows stay sorted by seq
        // because the notice takes the seq of the row before it.
        const int logCount = logRowCount();
        int after = -1;
        for (int i = 0; i < logCount; ++i) {
            if (m_rows.at(i).message.timestamp <= notice.at)
                after = i;
        }
        if (after < 0)
            continue; // older than everything loaded: waits for older entries
        StoredMessage message;
        message.conversationId = m_conversationId;
        message.seq = m_rows.at(after).message.seq;
        message.senderId = notice.userId;
        message.timestamp = notice.at;
        message.kind = MessageKind::Membership;
        Row row{message, {}, {}, false, {}, notice};
        row.systemText = systemTextOf(row);
        beginInsertRows({}, after + 1, after + 1);
        m_rows.insert(after + 1, row);
        endInsertRows();
        m_shownNotices.insert(notice.id);
        neighboursChanged(after + 1, after + 1);
    }
}

void MessageListModel::addOlderMessages(const QList<StoredMessage> &messages, bool more)
{
    m_serverHasOlder = more;
    addMessages(messages);
    m_fetching = false;
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
