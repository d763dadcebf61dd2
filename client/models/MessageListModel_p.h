#pragma once

// Internal to MessageListModel (its three .cpp files): role groups and row helpers.

#include "MessageListModel.h"
#include "content/MessageContent.h"

#include <QtCore/QDateTime>

namespace Parley::MessageRows {

inline QDate localDate(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms).toLocalTime().date();
}

inline const QList<int> AllRowRoles = {
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
        MessageListModel::FormattedTextRole,
        MessageListModel::ThumbnailRole,
        MessageListModel::ImageWidthRole,
        MessageListModel::ImageHeightRole,
};

inline const QList<int> TransferRoles = {MessageListModel::AttachmentStateRole,
                                         MessageListModel::AttachmentProgressRole};

inline const QList<int> ReplyRoles = {MessageListModel::ReplySenderNameRole,
                                      MessageListModel::ReplySnippetRole};

inline QString deletedText()
{
    return MessageListModel::tr("This message was deleted");
}

/// What an outbox entry's content means for its row (the outbox gives body and text only):
/// whether it is no row of its own (a reaction, edit, delete or profile).
inline bool isAnnotation(const StoredMessage &m, qint64 *replyTo = nullptr)
{
    if (m.kind != MessageKind::Content)
        return false;
    const auto content = MessageContent::fromBytes(m.body);
    if (!content)
        return false;
    if (replyTo)
        *replyTo = content->replyTo();
    return content->isHiddenEntry();
}

} // namespace Parley::MessageRows
