// MessageListModel: the outbox and upload feeds (pending rows, transfers).
#include "MessageListModel.h"
#include "MessageListModel_p.h"

#include "Logging.h"
#include "chat/StateText.h"
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

void MessageListModel::showUploadPreview(const QByteArray &uploadId, const StoredMessage &message)
{
    const int row = indexOfClientId(uploadId);
    if (row < 0 || !m_rows.at(row).upload)
        return;
    Row r = makeRow(message);
    r.upload = true;
    r.message.outboxState = m_rows.at(row).message.outboxState;
    r.message.failureReason = m_rows.at(row).message.failureReason;
    m_rows[row] = r;
    Q_EMIT dataChanged(index(row), index(row), AllRowRoles);
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
    // The message has the upload's id as its client id: another row with it is a copy.
    const int existing = indexOfClientId(message.clientId);
    if (row < 0 || !m_rows.at(row).upload || (existing >= 0 && existing != row)) {
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

void MessageListModel::addPending(const StoredMessage &message)
{
    if (indexOfClientId(message.clientId) >= 0)
        return;
    if (isAnnotation(message)) {
        // A queued reaction, edit or delete is not a row: it shows on its target at once, as
        // the cache will apply it once the server has it (messagesChanged then replaces the
        // row with what the cache says).
        if (const auto content = MessageContent::fromBytes(message.body);
            content && content->isAnnotation())
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
            m.text = file->withCaption(content.text()).previewText();
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
    case MessageContent::Type::Profile:
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

void MessageListModel::removePending(const QByteArray &clientId)
{
    const int row = indexOfClientId(clientId);
    if (row < 0 || !m_rows.at(row).message.pending || m_rows.at(row).upload)
        return;
    beginRemoveRows({}, row, row);
    m_rows.removeAt(row);
    endRemoveRows();
}

void MessageListModel::removeMessages(const QList<qint64> &seqs)
{
    for (qint64 seq : seqs) {
        const int row = indexOfSeq(seq);
        if (row < 0)
            continue;
        beginRemoveRows({}, row, row);
        m_rows.removeAt(row);
        endRemoveRows();
        neighboursChanged(row - 1, row - 1); // the row after it now follows another one
    }
}

} // namespace Parley
