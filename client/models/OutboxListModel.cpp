#include "OutboxListModel.h"

#include "chat/StateText.h"
#include "content/MessageContent.h"
#include "models/ConversationListModel.h"
#include "net/Connection.h"
#include "outbox/Outbox.h"

namespace Parley {

OutboxListModel::OutboxListModel(Outbox *outbox, Connection *connection,
                                 const ConversationListModel *conversations, QObject *parent)
    : QAbstractListModel(parent),
      m_outbox(outbox),
      m_connection(connection),
      m_conversations(conversations)
{
    connect(m_outbox, &Outbox::changed, this, &OutboxListModel::reload);
    // A queued entry's reason says whether the server is there.
    connect(m_connection, &Connection::stateChanged, this, [this] {
        if (!m_rows.isEmpty())
            Q_EMIT dataChanged(index(0), index(int(m_rows.size()) - 1), {ReasonRole});
    });
    // Titles come from the list, which may load after the outbox.
    connect(m_conversations, &QAbstractItemModel::modelReset, this, &OutboxListModel::reload);
    reload();
}

int OutboxListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int OutboxListModel::failedCount() const
{
    return int(
            std::count_if(m_rows.cbegin(), m_rows.cend(), [](const Row &r) { return r.failed; }));
}

QVariant OutboxListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case ClientIdRole:
        return QString::fromLatin1(row.clientId.toHex());
    case ConversationIdRole:
        return row.conversationId;
    case ConversationTitleRole:
        return row.title;
    case TextRole:
        return row.text;
    case DeliveryStateRole:
        return QVariant::fromValue(row.failed ? States::Delivery::Failed
                                              : States::Delivery::Queued);
    case ReasonRole:
        return row.failed ? StateText::failure(States::failure(row.failureReason))
                          : StateText::waiting(m_connection->isReady());
    default:
        return {};
    }
}

QHash<int, QByteArray> OutboxListModel::roleNames() const
{
    return {
            {ClientIdRole, "clientId"},
            {ConversationIdRole, "conversationId"},
            {ConversationTitleRole, "conversationTitle"},
            {TextRole, "text"},
            {DeliveryStateRole, "deliveryState"},
            {ReasonRole, "reason"},
    };
}

void OutboxListModel::retry(const QString &clientIdHex)
{
    m_outbox->retry(QByteArray::fromHex(clientIdHex.toLatin1()));
    // A queued entry waits for the server: the user asked not to wait for the backoff.
    m_connection->reconnectNow();
}

void OutboxListModel::retryAll()
{
    m_outbox->retryAll();
}

void OutboxListModel::discard(const QString &clientIdHex)
{
    m_outbox->discard(QByteArray::fromHex(clientIdHex.toLatin1()));
}

void OutboxListModel::reload()
{
    QList<Row> rows;
    for (const OutboxEntry &entry : m_outbox->entries()) {
        Row row;
        row.clientId = entry.clientId;
        row.conversationId = entry.conversationId;
        const ConversationSummary *summary = m_conversations->summary(entry.conversationId);
        row.title = summary ? m_conversations->titleOf(*summary) : QString();
        if (auto content = MessageContent::fromBytes(entry.content))
            row.text = content->type() == MessageContent::Type::Profile ? tr("Your profile")
                                                                        : content->previewText();
        row.failed = entry.state == OutboxState::Failed;
        row.failureReason = entry.failureReason;
        rows.append(row);
    }
    beginResetModel();
    m_rows = rows;
    endResetModel();
    Q_EMIT countChanged();
}

} // namespace Parley
