#pragma once

/// Attachment blobs as files in the data folder, read and written on a thread of their own.
///
/// Layout (docs/server.md, "Attachments"): an upload grows in `partial/<upload id>.part`; when
/// it is finished the file is fsync'd and renamed to `<aa>/<attachment id>` (ids in hex, `aa`
/// their first byte), and the folders are fsync'd, so a finished blob survives a crash.
///
/// Why a thread of its own rather than the store thread or an I/O thread: chunk writes and the
/// fsync at the end of an upload can take milliseconds to seconds on a busy disk. On an I/O thread
/// they would stall every connection of that thread; on the store thread they would delay every
/// message commit queued behind them. Here they only delay other attachment work. Jobs run one
/// at a time in the order posted, so pipelined chunks of one upload are appended in order.
///
/// Every call may be made from any thread; `done` runs on `context`'s thread (queued). The
/// context must outlive the BlobStore (stop() or the destructor drains the thread).

#include "protocol/Result.h"

#include <QtCore/QByteArray>
#include <QtCore/QList>
#include <QtCore/QMutex>
#include <QtCore/QObject>
#include <QtCore/QSet>
#include <QtCore/QThread>

#include <functional>

namespace Parley {

class BlobStore : public QObject
{
    Q_OBJECT
public:
    explicit BlobStore(QString root, QObject *parent = nullptr);
    ~BlobStore() override;

    /// Creates the folders and starts the thread (caller's thread, before any other call).
    Status start();
    /// Runs what is queued and stops the thread (blocks the caller).
    void stop();

    /// Appends `data` to an upload's partial file if `offset` is its current size (else
    /// WrongOffset); the new size.
    void append(const QByteArray &uploadId, qint64 offset, const QByteArray &data, QObject *context,
                std::function<void(Result<qint64>)> done);
    /// The size of an upload's partial file (0 if nothing was written yet).
    void received(const QByteArray &uploadId, QObject *context,
                  std::function<void(Result<qint64>)> done);
    /// Makes the partial file the blob `attachmentId` if it holds exactly `size` bytes (else
    /// UploadIncomplete): fsync, rename, fsync of both folders.
    void finish(const QByteArray &uploadId, const QByteArray &attachmentId, qint64 size,
                QObject *context, std::function<void(Status)> done);
    /// Undoes finish() (the database refused the row): the blob becomes the partial file again.
    void unfinish(const QByteArray &uploadId, const QByteArray &attachmentId);
    /// Up to `maxBytes` of a blob from `offset`.
    void read(const QByteArray &attachmentId, qint64 offset, qint64 maxBytes, QObject *context,
              std::function<void(Result<QByteArray>)> done);
    /// Deletes these uploads' partial files.
    void discard(const QList<QByteArray> &uploadIds);
    /// Deletes these finished blobs.
    void remove(const QList<QByteArray> &attachmentIds);
    /// Deletes every partial file whose upload is not in `keep` (left over from a crash or an
    /// expiry that raced a chunk).
    void sweep(const QSet<QByteArray> &keep);

    /// Paths, for tests and docs: where an upload's partial file and a blob live.
    QString partialPath(const QByteArray &uploadId) const;
    QString blobPath(const QByteArray &attachmentId) const;

private:
    void post(std::function<void()> job);
    Result<qint64> appendNow(const QByteArray &uploadId, qint64 offset, const QByteArray &data);
    Status finishNow(const QByteArray &uploadId, const QByteArray &attachmentId, qint64 size);
    Result<QByteArray> readNow(const QByteArray &attachmentId, qint64 offset, qint64 maxBytes);

    QString m_root;
    QThread m_thread;
    QObject *m_worker = nullptr; ///< lives on m_thread; jobs are queued calls to it
    QMutex m_mutex; ///< guards m_worker: jobs are posted from several threads
};

} // namespace Parley
