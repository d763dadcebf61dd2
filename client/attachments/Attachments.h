#pragma once

/// The account's file transfers: files on their way to becoming file messages, and received
/// attachments on their way into the downloads folder.
///
/// sendFile(): checks the file (an image gets a thumbnail, ImagePreview), shows it at once as an upload row (a pending file message of
/// mine, with progress), uploads it (AttachmentTransfer) and only then queues the file message
/// in the Outbox under the upload's id as its client id: the message needs the attachment id and
/// key the upload gives. Every upload is kept in the cache (PendingUpload) with its encrypted copy
/// in the uploads folder, so one cut short by quitting goes on after the next start (load()) from
/// what the server already holds.
/// download(): decrypts entry `seq`'s attachment into the downloads folder under a name no
/// other file has, and remembers the path in the cache (MessageStore::setAttachmentPath), so it
/// survives restarts. What I sent from this device is remembered the same way once it has a
/// seq, so I can open it without downloading. Lives on the GUI thread; owned by Client.

#include "attachments/AttachmentRef.h"
#include "content/ImagePreview.h"
#include "protocol/Result.h"
#include "store/StoreTypes.h"

#include <QtCore/QHash>
#include <QtCore/QObject>
#include <QtCore/QSet>

#include <optional>

namespace Parley {

class AttachmentTransfer;
class Connection;
class MessageContent;
class MessageStore;
class Outbox;

class Attachments : public QObject
{
    Q_OBJECT
public:
    Attachments(Connection *connection, MessageStore *store, Outbox *outbox,
                QObject *parent = nullptr);
    ~Attachments() override;

    /// Where downloads go (created when the first one starts).
    void setDownloadsDir(const QString &dir) { m_downloadsDir = dir; }
    QString downloadsDir() const { return m_downloadsDir; }
    /// Where encrypted copies of files being uploaded wait (the profile's data folder/uploads);
    /// empty: in temporary files, and an upload cut short starts again from the file.
    void setUploadsDir(const QString &dir) { m_uploadsDir = dir; }

    /// Takes up the uploads an earlier run left unfinished (their rows show at once, pending);
    /// uploadsLoaded() follows.
    void load();

    /// Starts uploading `filePath` for a file message in `conversationId` from `senderId`.
    /// The result is the upload row to show (pending, its clientId the upload's id), or why
    /// the file cannot be sent (unreadable, not a file).
    Result<StoredMessage> sendFile(qint64 conversationId, const QString &filePath,
                                   const QString &caption, qint64 senderId);
    /// Starts the failed upload `uploadId` again from the file; false if there is none.
    bool retryUpload(const QByteArray &uploadId);
    /// Forgets the upload `uploadId` (stops it if it runs); false if there is none.
    bool discardUpload(const QByteArray &uploadId);
    /// The upload rows of a conversation, oldest first, with their progress (0..1).
    QList<StoredMessage> uploads(qint64 conversationId) const;
    double uploadProgress(const QByteArray &uploadId) const;

    /// Downloads the attachment of `message` (a file message's log entry); a second call while
    /// it runs does nothing. Errors go to downloadFailed().
    void download(const StoredMessage &message, const MessageContent &content);
    bool isDownloading(qint64 conversationId, qint64 seq) const;
    /// Progress (0..1) of each running download of a conversation, by seq.
    QHash<qint64, double> downloads(qint64 conversationId) const;

    /// Rows of mine that just got their seq: those sent from this device point at the file
    /// I picked (remembered in the cache).
    void ownEntriesStored(const QList<StoredMessage> &messages);
    /// Stops everything (logout); the cache keeps unfinished uploads for load().
    void reset();
    /// Removes every encrypted copy of a file being uploaded (the account's data was erased).
    void eraseUploadCopies();

Q_SIGNALS:
    /// load() is done: uploads() holds what an earlier run left.
    void uploadsLoaded();
    /// The message of upload `uploadId` is queued in the outbox: `message` takes its row.
    void uploadQueued(const QByteArray &uploadId, const Parley::StoredMessage &message);
    void uploadProgressChanged(qint64 conversationId, const QByteArray &uploadId, double progress);
    void uploadFailed(qint64 conversationId, const QByteArray &uploadId,
                      const Parley::Error &error);
    void downloadProgressChanged(qint64 conversationId, qint64 seq, double progress);
    /// The file is in place and its path in the cache (messagesChanged carried the row).
    void downloadFinished(qint64 conversationId, qint64 seq, const QString &path);
    void downloadFailed(qint64 conversationId, qint64 seq, const Parley::Error &error);
    /// The picture of upload `uploadId` has its thumbnail now: `row` shows it.
    void uploadPreviewReady(qint64 conversationId, const QByteArray &uploadId,
                            const Parley::StoredMessage &row);

private:
    struct Upload
    {
        StoredMessage row;
        PendingUpload saved; ///< as the cache keeps it
        /// An image's thumbnail and size, made from the file (not kept in the cache: made
        /// again after a restart)
        ImagePreview image;
        bool previewing = false; ///< the thumbnail is being made on a worker thread
        std::optional<AttachmentRef> uploaded; ///< the file is on the server; the message waits
        double progress = 0;
        AttachmentTransfer *transfer = nullptr;
    };
    struct Download
    {
        qint64 conversationId = 0;
        qint64 seq = 0;
        QString target;
        double progress = 0;
        AttachmentTransfer *transfer = nullptr;
    };

    static StoredMessage rowOf(const PendingUpload &upload, const ImagePreview &image);
    /// The file message of `upload` once uploaded as `ref`; its image preview only if it fits.
    static MessageContent contentOf(const Upload &upload, const AttachmentRef &ref);
    /// Starts (or, with `resume`, goes on with) the transfer of `upload`.
    void startUpload(Upload &upload, bool resume);
    void makePreview(Upload &upload);
    /// Sends the file message of an upload that is on the server (once its preview is made).
    void queueMessage(const QByteArray &uploadId);
    void uploadDone(const QByteArray &uploadId);
    void forgetUpload(const Upload &upload);
    static Error explained(const Error &error, const QString &name);

    Connection *m_connection;
    MessageStore *m_store;
    Outbox *m_outbox;
    QString m_downloadsDir;
    QString m_uploadsDir;
    QHash<QByteArray, Upload> m_uploads; ///< by upload id (the row's and message's client id)
    QList<QByteArray> m_uploadOrder;
    QSet<QByteArray> m_queued; ///< uploads done whose message the outbox is committing
    quint64 m_generation = 0; ///< load() results of before a reset() are dropped
    QHash<QByteArray, QString> m_sentFiles; ///< outbox client id → the file I picked
    QHash<QPair<qint64, qint64>, Download> m_downloads; ///< by (conversation, seq)
};

} // namespace Parley
