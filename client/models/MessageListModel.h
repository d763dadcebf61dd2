#pragma once

/// The messages of one conversation for a ListView: ascending seq, newest last.
///
/// Holds only the pages the view asked for: it starts with the latest page from the cache
/// and fetchMore() prepends older pages (from the cache, then from the server). Pending
/// outbox messages follow the log entries; when one is acknowledged its row becomes the log
/// entry with the same client id (moved if needed, never shown twice). Delivery states follow
/// the other members' receipt pointers. Owned by Client (Client::messages()).

#include "store/StoreTypes.h"

#include <QtCore/QAbstractListModel>
#include <QtCore/QDateTime>
#include <QtQmlIntegration/qqmlintegration.h>

namespace Parley {

class MessageStore;
class Outbox;
class SyncEngine;

class MessageListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("MessageListModel comes from Client.messages(conversationId)")

    Q_PROPERTY(qint64 conversationId READ conversationId CONSTANT)
    Q_PROPERTY(QString title READ title NOTIFY titleChanged)
    Q_PROPERTY(bool isGroup READ isGroup NOTIFY isGroupChanged)
    Q_PROPERTY(QString typingText READ typingText NOTIFY typingTextChanged)
    Q_PROPERTY(bool canSend READ canSend NOTIFY canSendChanged)
    Q_PROPERTY(bool online READ isOnline NOTIFY onlineChanged)
    Q_PROPERTY(bool muted READ isMuted NOTIFY mutedChanged)

public:
    enum Role {
        SeqRole = Qt::UserRole + 1,
        ClientIdRole,
        SenderIdRole,
        SenderNameRole,
        IsOwnRole,
        TextRole,
        TimestampRole,
        DayLabelRole,
        ShowDaySeparatorRole,
        ShowSenderRole,
        DeliveryStateRole,
        FailureReasonRole,
        IsSystemRole,
        SystemTextRole,
    };
    Q_ENUM(Role)

    static constexpr int PageSize = 50;

    MessageListModel(qint64 conversationId, qint64 selfUserId, MessageStore *store, Outbox *outbox,
                     SyncEngine *sync, QObject *parent = nullptr);

    qint64 conversationId() const { return m_conversationId; }
    QString title() const { return m_title; }
    bool isGroup() const { return m_isGroup; }
    QString typingText() const { return m_typingText; }
    bool canSend() const { return m_canSend; }
    /// Direct chats: the other person is online (always false in groups).
    bool isOnline() const { return m_online; }
    bool isMuted() const { return m_muted; }
    /// The other person of a direct chat; 0 for groups (or before the conversation is known).
    qint64 peerUserId() const { return m_peerUserId; }
    /// True once the first page is shown.
    bool isLoaded() const { return m_loaded; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    // --- fed by Client ---
    void setConversation(const ConversationSummary &summary);
    void setTypingText(const QString &text);
    void setOnline(bool online);
    void addMessages(const QList<StoredMessage> &messages);
    void addOlderMessages(const QList<StoredMessage> &messages, bool more);
    void addPending(const StoredMessage &message);
    void updatePending(const StoredMessage &message);
    /// A log entry already shown got its content later (its sender key arrived) or a line
    /// saying why it cannot be read: replaces its body, text and undecryptable flag.
    void updateContent(const StoredMessage &message);
    /// The server may have older entries again (after a reconnect).
    void setServerReachable();

    /// The day label for a timestamp: "Today", "Yesterday", or a date in the locale's format.
    static QString dayLabel(const QDateTime &time, const QDate &today);

Q_SIGNALS:
    void titleChanged();
    void isGroupChanged();
    void typingTextChanged();
    void canSendChanged();
    void onlineChanged();
    void mutedChanged();
    /// The first page is shown.
    void loaded();

private:
    struct Row
    {
        StoredMessage message;
        QString systemText;
    };

    void loadFirstPage();
    void insertLogRows(QList<Row> rows);
    int logRowCount() const;
    int indexOfClientId(const QByteArray &clientId) const;
    int indexOfSeq(qint64 seq) const;
    Row makeRow(const StoredMessage &message) const;
    QString deliveryState(const StoredMessage &message) const;
    void neighboursChanged(int first, int last);
    void receiptsChanged(qint64 oldDelivered, qint64 oldRead);
    bool sameDay(int a, int b) const;

    qint64 m_conversationId;
    qint64 m_selfUserId;
    MessageStore *m_store;
    Outbox *m_outbox;
    SyncEngine *m_sync;

    QList<Row> m_rows;
    QString m_title;
    bool m_isGroup = false;
    bool m_canSend = true;
    bool m_online = false;
    bool m_muted = false;
    qint64 m_peerUserId = 0;
    QString m_typingText;
    QHash<qint64, QString> m_names;
    qint64 m_deliveredUpTo = 0; ///< every other member received up to here
    qint64 m_readUpTo = 0; ///< every other member read up to here
    bool m_loaded = false;
    bool m_fetching = false;
    bool m_cacheExhausted = false; ///< the cache has nothing older than the first row
    bool m_serverHasOlder = true;
};

} // namespace Parley
