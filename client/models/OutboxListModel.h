#pragma once

/// Every message not sent yet, across conversations (the outbox panel), oldest first: its
/// conversation, text, state and the reason in words, with retry, discard and retry all.

#include <QtCore/QAbstractListModel>
#include <QtQmlIntegration/qqmlintegration.h>

namespace Parley {

class Connection;
class ConversationListModel;
class Outbox;

class OutboxListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("OutboxListModel comes from Client.outbox")

    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(int failedCount READ failedCount NOTIFY countChanged)

public:
    enum Role {
        ClientIdRole = Qt::UserRole + 1, ///< hex, as MessageListModel's clientId
        ConversationIdRole,
        ConversationTitleRole,
        TextRole, ///< the message's preview text
        DeliveryStateRole, ///< States::Delivery: Queued or Failed
        ReasonRole, ///< why it is not sent yet, in words (StateText)
    };
    Q_ENUM(Role)

    OutboxListModel(Outbox *outbox, Connection *connection,
                    const ConversationListModel *conversations, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    int failedCount() const;

    /// Sends the entry again (a failed one is queued again).
    Q_INVOKABLE void retry(const QString &clientIdHex);
    /// Failed entries are queued again; while the server is away, it is tried again at once.
    Q_INVOKABLE void retryAll();
    /// The entry is never sent (refused while it is on its way to the server).
    Q_INVOKABLE void discard(const QString &clientIdHex);

Q_SIGNALS:
    void countChanged();

private:
    void reload();

    struct Row
    {
        QByteArray clientId;
        qint64 conversationId = 0;
        QString title;
        QString text;
        bool failed = false;
        QString failureReason; ///< the error code's name
    };

    Outbox *m_outbox;
    Connection *m_connection;
    const ConversationListModel *m_conversations;
    QList<Row> m_rows;
};

} // namespace Parley
