#pragma once

/// The messages of one conversation for a ListView: ascending seq, newest last.
///
/// Holds only the pages the view asked for: it starts with the latest page from the cache
/// and fetchMore() prepends older pages (from the cache, then from the server). Pending
/// outbox messages follow the log entries; when one is acknowledged its row becomes the log
/// entry with the same client id (moved if needed, never shown twice). Delivery states follow
/// the other members' receipt pointers. Reactions, edits and deletes are not rows: they show
/// on the row they change (reactions as chips, "edited", "This message was deleted"), and a
/// reply carries a quote of the entry it answers. A file message shows its caption as text and
/// its attachment in the attachment roles, and an image its thumbnail (`thumbnail`, never the
/// image itself: big images stay out of memory until the viewer opens them); a file still uploading (Attachments) is a pending
/// row of mine until its message is queued. Owned by its Chat (Chat::messages), which feeds it.

#include "chat/States.h"
#include "content/ImagePreview.h"
#include "e2ee/SecurityNotices.h"
#include "store/StoreTypes.h"

#include <QtCore/QAbstractListModel>
#include <QtCore/QDateTime>
#include <QtCore/QSet>
#include <QtCore/QUrl>
#include <QtCore/QVariant>
#include <QtQmlIntegration/qqmlintegration.h>

namespace Parley {

class MessageContent;
class MessageStore;
class Outbox;
class Profiles;
class SyncEngine;

class MessageListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("MessageListModel comes from Chat.messages")

    Q_PROPERTY(qint64 conversationId READ conversationId CONSTANT)

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
        DeliveryStateRole, ///< States::Delivery
        FailureReasonRole, ///< why it was not sent, in words (StateText::failure)
        IsSystemRole,
        SystemTextRole,
        ReplyToSeqRole, ///< the entry this one replies to (0: not a reply)
        ReplySenderNameRole,
        ReplySnippetRole, ///< the quoted entry's first line, or why it cannot be shown
        ReactionsRole, ///< a list of {emoji, count, mine}, in the order first used
        EditedRole,
        DeletedRole,
        CanReplyRole, ///< reply and react are offered (a readable, sent, not deleted message)
        CanEditRole, ///< edit and delete are offered (the same, and my own)
        AttachmentNameRole, ///< a file message's file name (empty for other rows)
        AttachmentSizeRole, ///< bytes
        AttachmentMimeRole,
        /// "none", "uploading", "available" (on the server), "downloading", "downloaded"
        /// (on this device: attachmentPath), "failed" (the upload or the last download)
        AttachmentStateRole,
        AttachmentProgressRole, ///< 0..1 of the running upload or download
        AttachmentPathRole, ///< file URL of the attachment on this device, or empty
        /// `text` as restricted rich text (TextMarkup): *bold*, _italic_, `code`, "> " quotes,
        /// http/https/mailto links and the mentioned members' "@name" in bold; everything else
        /// escaped
        FormattedTextRole,
        /// An image file's thumbnail (image://thumbnail/…, served by C++ from the content), or
        /// an empty URL: no preview, the file shows as a chip
        ThumbnailRole,
        ImageWidthRole, ///< the original image's size in pixels (0 without a preview)
        ImageHeightRole,
        MentionsMeRole, ///< someone else's message whose content mentions me
        SenderAvatarRole, ///< the sender's picture (Profiles::avatarSourceOf); empty: none
        SenderUsernameRole, ///< the sender's username (senderName is their display name)
    };
    Q_ENUM(Role)

    static constexpr int PageSize = 50;

    MessageListModel(qint64 conversationId, qint64 selfUserId, MessageStore *store, Outbox *outbox,
                     SyncEngine *sync, QObject *parent = nullptr);

    qint64 conversationId() const { return m_conversationId; }
    /// True once the first page is shown.
    bool isLoaded() const { return m_loaded; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    /// The row showing log entry `seq`, or -1 if it is not loaded.
    Q_INVOKABLE int rowOfSeq(qint64 seq) const;
    /// Loads entry `seq` from the cache if it is older than the loaded rows (up to
    /// MaxRevealRows rows at once), then emits revealed() with its row; nothing if the cache
    /// does not hold it.
    Q_INVOKABLE void reveal(qint64 seq);
    static constexpr int MaxRevealRows = 2000;
    /// My newest message that can be edited, as {seq, text}; empty if there is none loaded.
    Q_INVOKABLE QVariantMap lastEditable() const;
    /// The image message `seq` as the image viewer shows it: {seq, name, size, width, height,
    /// thumbnail, state, progress, path} (the roles' values); empty if it is not a loaded
    /// message with an image preview.
    Q_INVOKABLE QVariantMap image(qint64 seq) const;
    /// The loaded image message after (`step` > 0) or before (`step` < 0) entry `seq`: its
    /// seq, or 0 if there is none. Only messages in the log (seq > 0) count.
    Q_INVOKABLE qint64 adjacentImage(qint64 seq, int step) const;
    /// Whether I have put `emoji` on entry `seq` (false if it is not loaded).
    bool hasOwnReaction(qint64 seq, const QString &emoji) const;

    // --- fed by its Chat ---
    /// Senders are named by their display name when known, and shown with their picture.
    void setProfiles(const Profiles *profiles);
    /// Member names, whether senders are shown (groups), and the receipt pointers.
    void setConversation(const ConversationSummary &summary);
    void addMessages(const QList<StoredMessage> &messages);
    void addOlderMessages(const QList<StoredMessage> &messages, bool more);
    void addPending(const StoredMessage &message);
    void updatePending(const StoredMessage &message);
    /// The pending message was discarded (Outbox::discard): its row goes.
    void removePending(const QByteArray &clientId);
    /// Disappearing messages that expired (MessageExpiry): their rows go.
    void removeMessages(const QList<qint64> &seqs);
    /// A log entry already shown got its content later (its sender key arrived) or a line
    /// saying why it cannot be read: replaces its body, text and undecryptable flag.
    void updateContent(const StoredMessage &message);
    /// Rows whose shown state changed in the cache (MessageStore::messagesChanged, reconcile):
    /// replaced as they are now; a row that turned out to be a reaction, edit or delete goes.
    void updateMessages(const QList<StoredMessage> &messages);
    /// Lines saying a member's keys changed (SecurityNotices): each shows once, as a system
    /// row after the last loaded entry that is not newer; one older than every loaded entry
    /// waits for older entries.
    void addNotices(const QList<SecurityNotice> &notices);
    /// The server may have older entries again (after a reconnect).
    void setServerReachable();
    /// A file still uploading (Attachments): shown as my pending file message, `progress` 0..1.
    void addUpload(const StoredMessage &message, double progress);
    void setUploadProgress(const QByteArray &uploadId, double progress);
    /// The upload stopped (`reason`: the error code's name, shown in words; retry offered); an
    /// empty reason: it runs again.
    void setUploadFailed(const QByteArray &uploadId, const QString &reason);
    void removeUpload(const QByteArray &uploadId);
    /// The upload's picture has its thumbnail now: `message` is its row with it.
    void showUploadPreview(const QByteArray &uploadId, const StoredMessage &message);
    /// The upload is done and its file message is the outbox entry `message`: the same row.
    void replaceUpload(const QByteArray &uploadId, const StoredMessage &message);
    /// Download progress (0..1) of entry `seq`'s attachment; negative: no download runs.
    void setDownloadProgress(qint64 seq, double progress);
    void setDownloadFailed(qint64 seq);

    /// The day label for a timestamp: "Today", "Yesterday", or a date in the locale's format.
    static QString dayLabel(const QDateTime &time, const QDate &today);

Q_SIGNALS:
    /// The first page is shown.
    void loaded();
    /// reveal() found the entry: it is at `row` now.
    void revealed(int row);

private:
    /// What a file message's content says about its file (empty name for other rows).
    struct FileInfo
    {
        QString name;
        QString mime;
        qint64 size = 0;
        ImagePreview image; ///< an image's thumbnail and size, or null
        QString thumbnailKey; ///< Thumbnails::keyOf(image.thumbnail)
    };
    struct Row
    {
        StoredMessage message;
        QString systemText;
        FileInfo file;
        bool upload = false; ///< an Attachments upload, not in the outbox yet
        QList<qint64> mentions; ///< the user ids the content mentions
        SecurityNotice notice; ///< a key-change line (notice.id > 0); seq: the entry before it
    };

    void loadFirstPage();
    void insertLogRows(QList<Row> rows);
    int logRowCount() const;
    int indexOfClientId(const QByteArray &clientId) const;
    int indexOfSeq(qint64 seq) const;
    Row makeRow(const StoredMessage &message) const;
    /// The line a membership entry or key-change row shows, naming people by their display
    /// names.
    QString systemTextOf(const Row &row) const;
    /// Inserts the notices not shown yet that have an entry before them.
    void placeNotices();
    States::Delivery deliveryState(const StoredMessage &message) const;
    QString replySnippet(const StoredMessage &message) const;
    QVariantList reactions(const StoredMessage &message) const;
    bool canReply(const StoredMessage &message) const;
    /// The caption of a file row (its text without the "📎 name" line), else the text.
    static QString shownText(const Row &row);
    /// The usernames of the members row's content mentions (those this model knows).
    QStringList mentionedNames(const Row &row) const;
    QString attachmentState(const Row &row) const;
    QUrl thumbnailUrl(const Row &row) const;
    double attachmentProgress(const Row &row) const;
    void attachmentChanged(int row, const QList<int> &roles);
    /// Shows a queued reaction, edit or delete of mine on its target row.
    void applyPendingAnnotation(const MessageContent &content);
    /// Rows quoting entry `seq` show its current text.
    void quotedChanged(const StoredMessage &quoted);
    void neighboursChanged(int first, int last);
    void receiptsChanged(qint64 oldDelivered, qint64 oldRead);
    bool sameDay(int a, int b) const;

    qint64 m_conversationId;
    qint64 m_selfUserId;
    MessageStore *m_store;
    Outbox *m_outbox;
    SyncEngine *m_sync;

    QList<Row> m_rows;
    bool m_isGroup = false;
    QHash<qint64, QString> m_names;
    const Profiles *m_profiles = nullptr;
    qint64 m_deliveredUpTo = 0; ///< every other member received up to here
    qint64 m_readUpTo = 0; ///< every other member read up to here
    bool m_loaded = false;
    bool m_fetching = false;
    bool m_cacheExhausted = false; ///< the cache has nothing older than the first row
    bool m_serverHasOlder = true;
    qint64 m_revealAfterLoad = 0; ///< reveal() asked before the first page was shown
    QHash<QByteArray, double> m_uploadProgress; ///< by upload id (the row's client id)
    QHash<qint64, double> m_downloadProgress; ///< by seq
    QSet<qint64> m_downloadFailed;
    QList<SecurityNotice> m_notices; ///< given, by id
    QSet<qint64> m_shownNotices; ///< ids with a row
};

} // namespace Parley
