#pragma once

/// Attachment uploads and downloads (docs/protocol.md, "Attachments"): who may upload into which
/// conversation and download from it, the size limit, the per-user quota and rate of uploads,
/// and the expiry of unfinished ones. Metadata goes through the Store, bytes through the
/// BlobStore; nothing here waits on either. Router thread only.

#include "RouteContext.h"
#include "session/TokenBucket.h"

#include <QtCore/QCache>
#include <QtCore/QHash>
#include <QtCore/QObject>

class QTimer;

namespace Parley {

class BlobStore;
struct PendingUpload;

class AttachmentTransfers : public QObject
{
    Q_OBJECT
public:
    AttachmentTransfers(RouteContext &context, BlobStore &blobs, QObject *parent = nullptr);
    ~AttachmentTransfers() override;

    /// The unfinished uploads stored before a restart; starts the expiry timer.
    void load(const QList<PendingUpload> &uploads);

    void start(const Request &r, const UploadStartFrame &f);
    void chunk(const Request &r, const UploadChunkFrame &f);
    void status(const Request &r, const UploadStatusFrame &f);
    void finish(const Request &r, const UploadFinishFrame &f);
    void download(const Request &r, const DownloadFrame &f);

private:
    struct Upload
    {
        qint64 userId = 0;
        qint64 conversationId = 0;
        qint64 size = 0;
        qint64 createdAt = 0;
        bool finishing = false; ///< between uploadFinish and its commit: no more chunks
    };
    struct Known
    {
        qint64 conversationId = 0;
        qint64 size = 0;
        qint64 expiresAt = 0; ///< disappearing messages: not served from then on (0: never)
    };

    /// The user's unfinished upload with this id, or null after failing the request.
    Upload *uploadOf(const Request &r, const QByteArray &uploadId);
    /// Fails the request unless the user is (still) in the conversation.
    bool checkMember(const Request &r, qint64 conversationId);
    void sendChunk(const Request &r, const QByteArray &attachmentId, const Known &known,
                   qint64 offset);
    void forget(const QByteArray &uploadId);
    void expire();
    /// Deletes a batch of finished attachments older than the configured retention (the
    /// attachment retention or the server's max-retention, whichever is shorter).
    void deletePastRetention();
    /// Deletes a batch of attachments whose disappearing-message timer ran out.
    void deleteExpired();
    /// Removes deleted attachments' blobs (their rows are gone already).
    void removeBlobs(const QList<QByteArray> &attachmentIds, const char *why);

    RouteContext &m_ctx;
    BlobStore &m_blobs;
    QTimer *m_expiryTimer;
    QTimer *m_nextExpiry; ///< fires when the soonest attachment finished here expires
    bool m_deletingPastRetention = false;
    bool m_deletingExpired = false;
    QHash<QByteArray, Upload> m_uploads;
    QHash<qint64, int> m_pendingPerUser; ///< unfinished uploads, and starts not yet stored
    QHash<qint64, TokenBucket> m_startBudget; ///< per user
    /// Finished attachments looked up lately: a download is many requests for the same id.
    QCache<QByteArray, Known> m_known{4096};
};

} // namespace Parley
