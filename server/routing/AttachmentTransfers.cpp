#include "AttachmentTransfers.h"

#include "Logging.h"
#include "admin/ServerConfig.h"
#include "attachments/BlobStore.h"
#include "protocol/Limits.h"
#include "session/Session.h"
#include "store/Store.h"

#include <QtCore/QDateTime>
#include <QtCore/QRandomGenerator>
#include <QtCore/QTimer>

#include <limits>

namespace Parley {

using namespace Qt::StringLiterals;

namespace {

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

/// 128 bits from the system's CSPRNG: an id nobody can guess.
QByteArray randomId()
{
    QByteArray id(AttachmentIdBytes, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(id.data()),
                                          AttachmentIdBytes / sizeof(quint32));
    return id;
}

} // namespace

AttachmentTransfers::AttachmentTransfers(RouteContext &context, BlobStore &blobs, QObject *parent)
    : QObject(parent),
      m_ctx(context),
      m_blobs(blobs),
      m_expiryTimer(new QTimer(this)),
      m_nextExpiry(new QTimer(this))
{
    // Often enough that an upload is gone soon after it expired, rarely enough to cost nothing.
    qint64 expiryMs = qint64(m_ctx.config.uploadExpirySeconds) * 1000;
    if (m_ctx.config.attachmentRetentionSeconds > 0)
        expiryMs = std::min(expiryMs, qint64(m_ctx.config.attachmentRetentionSeconds) * 1000);
    // Tests watch a 5-second disappearing timer run out (as LogExpiry does for messages).
    if (m_ctx.config.allowTestTimers)
        expiryMs = std::min<qint64>(expiryMs, 4000);
    m_expiryTimer->setInterval(int(std::clamp<qint64>(expiryMs / 4, 250, 60000)));
    connect(m_expiryTimer, &QTimer::timeout, this, &AttachmentTransfers::expire);
    // Attachments finished on this node go when their timer runs out, not up to a sweep later;
    // the periodic sweep covers the others (another node's, or from before a restart).
    m_nextExpiry->setSingleShot(true);
    connect(m_nextExpiry, &QTimer::timeout, this, &AttachmentTransfers::deleteExpired);
}

AttachmentTransfers::~AttachmentTransfers() = default;

void AttachmentTransfers::load(const QList<PendingUpload> &uploads)
{
    for (const PendingUpload &u : uploads) {
        m_uploads.insert(u.uploadId,
                         Upload{u.userId, u.conversationId, u.size, u.createdAt, false});
        ++m_pendingPerUser[u.userId];
    }
    expire(); // also sweeps partial files without a row
    m_expiryTimer->start();
}

bool AttachmentTransfers::checkMember(const Request &r, qint64 conversationId)
{
    if (!m_ctx.directory.find(conversationId)) {
        m_ctx.fail(r, ErrorCode::NoSuchConversation, u"no such conversation"_s);
        return false;
    }
    if (!m_ctx.directory.isMember(conversationId, r.userId)) {
        m_ctx.fail(r, ErrorCode::NotMember, u"you are not a member of that conversation"_s);
        return false;
    }
    return true;
}

AttachmentTransfers::Upload *AttachmentTransfers::uploadOf(const Request &r,
                                                           const QByteArray &uploadId)
{
    auto it = m_uploads.find(uploadId);
    // Another user's upload is answered like an unknown one: ids are not confirmed to strangers.
    if (it == m_uploads.end() || it->userId != r.userId) {
        m_ctx.fail(r, ErrorCode::NoSuchAttachment, u"no such upload"_s);
        return nullptr;
    }
    return &*it;
}

void AttachmentTransfers::start(const Request &r, const UploadStartFrame &f)
{
    if (!checkMember(r, f.conversationId))
        return;
    if (f.size > m_ctx.config.maxAttachmentBytes) {
        m_ctx.fail(r, ErrorCode::AttachmentTooLarge,
                   u"an attachment is at most %1 bytes"_s.arg(m_ctx.config.maxAttachmentBytes));
        return;
    }
    int &pending = m_pendingPerUser[r.userId];
    if (pending >= m_ctx.config.maxPendingUploads) {
        m_ctx.fail(r, ErrorCode::UploadQuotaExceeded,
                   u"at most %1 unfinished uploads; finish one or wait for it to expire"_s.arg(
                           m_ctx.config.maxPendingUploads));
        return;
    }
    const double perMinute = m_ctx.config.uploadsPerMinute;
    auto budget = m_startBudget.find(r.userId);
    if (budget == m_startBudget.end())
        budget = m_startBudget.insert(r.userId, TokenBucket(perMinute / 60.0, perMinute));
    if (!budget->take(Session::monotonicMs())) {
        m_ctx.fail(r, ErrorCode::RateLimited, u"too many uploads started; try again later"_s);
        return;
    }
    ++pending; // reserved now, so concurrent starts cannot pass the quota together
    const PendingUpload upload{randomId(), r.userId, f.conversationId, f.size, nowMs()};
    m_ctx.store.run<bool>(
            m_ctx.thread,
            [upload, quota = m_ctx.config.attachmentQuotaBytes](Database &db) -> Result<bool> {
                // Jobs run one at a time on the store thread: nothing can slip in between the
                // sum and the insert.
                auto used = db.attachments().storedAttachmentBytes(upload.userId);
                if (!used)
                    return used.error();
                if (*used + upload.size > quota)
                    return Error{
                            ErrorCode::UploadQuotaExceeded,
                            u"your attachments take %1 of the %2 bytes you may store"_s.arg(*used)
                                    .arg(quota)};
                if (Status s = db.attachments().insertUpload(upload); !s)
                    return s.error();
                return true;
            },
            [this, r, upload](Result<bool> stored) {
                if (!stored) {
                    --m_pendingPerUser[r.userId];
                    m_ctx.fail(r, stored.error());
                    return;
                }
                m_uploads.insert(upload.uploadId,
                                 Upload{upload.userId, upload.conversationId, upload.size,
                                        upload.createdAt, false});
                qCDebug(lcServerRouting)
                        << "upload of" << upload.size << "bytes started by user" << r.userId;
                m_ctx.reply(r, UploadProgressFrame{upload.uploadId, upload.size, 0});
            });
}

void AttachmentTransfers::chunk(const Request &r, const UploadChunkFrame &f)
{
    Upload *upload = uploadOf(r, f.uploadId);
    if (!upload || !checkMember(r, upload->conversationId))
        return;
    if (upload->finishing) {
        m_ctx.fail(r, ErrorCode::WrongOffset, u"the upload is being finished"_s);
        return;
    }
    if (f.offset > upload->size || f.data.size() > upload->size - f.offset) {
        m_ctx.fail(r, ErrorCode::AttachmentTooLarge,
                   u"the chunk goes beyond the declared size of %1 bytes"_s.arg(upload->size));
        return;
    }
    m_blobs.append(f.uploadId, f.offset, f.data, m_ctx.thread,
                   [this, r, id = f.uploadId, size = upload->size,
                    bytes = f.data.size()](Result<qint64> received) {
                       if (!received) {
                           m_ctx.fail(r, received.error());
                           return;
                       }
                       if (m_ctx.metrics)
                           m_ctx.metrics->attachmentBytesIn.fetchAndAddRelaxed(quint64(bytes));
                       m_ctx.reply(r, UploadProgressFrame{id, size, *received});
                   });
}

void AttachmentTransfers::status(const Request &r, const UploadStatusFrame &f)
{
    Upload *upload = uploadOf(r, f.uploadId);
    if (!upload)
        return;
    m_blobs.received(f.uploadId, m_ctx.thread,
                     [this, r, id = f.uploadId, size = upload->size](Result<qint64> received) {
                         if (!received) {
                             m_ctx.fail(r, received.error());
                             return;
                         }
                         m_ctx.reply(r, UploadProgressFrame{id, size, *received});
                     });
}

void AttachmentTransfers::finish(const Request &r, const UploadFinishFrame &f)
{
    auto it = m_uploads.find(f.uploadId);
    if (it == m_uploads.end() || it->userId != r.userId) {
        // Finished already (a retry after a lost reply)? Then the same answer again.
        m_ctx.store.run<AttachmentRecord>(
                m_ctx.thread,
                [id = f.uploadId, user = r.userId](Database &db) {
                    return db.attachments().finishedUpload(id, user);
                },
                [this, r, id = f.uploadId](Result<AttachmentRecord> done) {
                    if (!done) {
                        m_ctx.fail(r, done.error());
                        return;
                    }
                    m_ctx.reply(r, UploadFinishedFrame{id, done->attachmentId, done->size});
                });
        return;
    }
    if (!checkMember(r, it->conversationId))
        return;
    if (it->finishing) {
        m_ctx.fail(r, ErrorCode::WrongOffset, u"the upload is being finished"_s);
        return;
    }
    it->finishing = true;
    const QByteArray uploadId = f.uploadId;
    const QByteArray attachmentId = randomId();
    const Upload upload = *it;
    m_blobs.finish(
            uploadId, attachmentId, upload.size, m_ctx.thread,
            [this, r, uploadId, attachmentId, upload](Status synced) {
                auto current = m_uploads.find(uploadId);
                if (!synced) {
                    if (current != m_uploads.end())
                        current->finishing = false;
                    m_ctx.fail(r, synced.error());
                    return;
                }
                m_ctx.store.run<qint64>(
                        m_ctx.thread,
                        [uploadId, attachmentId](Database &db) {
                            return db.attachments().finishUpload(uploadId, attachmentId, nowMs());
                        },
                        [this, r, uploadId, attachmentId, upload](Result<qint64> recorded) {
                            if (!recorded) {
                                m_blobs.unfinish(uploadId, attachmentId);
                                auto again = m_uploads.find(uploadId);
                                if (again != m_uploads.end())
                                    again->finishing = false;
                                m_ctx.fail(r, recorded.error());
                                return;
                            }
                            forget(uploadId);
                            const qint64 expiresAt = *recorded;
                            m_known.insert(
                                    attachmentId,
                                    new Known{upload.conversationId, upload.size, expiresAt});
                            if (expiresAt > 0) {
                                const qint64 in = std::max<qint64>(0, expiresAt - nowMs());
                                if (!m_nextExpiry->isActive() || in < m_nextExpiry->remainingTime())
                                    m_nextExpiry->start(int(std::min<qint64>(in, 86'400'000)));
                            }
                            qCDebug(lcServerRouting)
                                    << "attachment of" << upload.size << "bytes finished";
                            m_ctx.reply(r,
                                        UploadFinishedFrame{uploadId, attachmentId, upload.size});
                        });
            });
}

void AttachmentTransfers::download(const Request &r, const DownloadFrame &f)
{
    if (const Known *known = m_known.object(f.attachmentId)) {
        sendChunk(r, f.attachmentId, *known, f.offset);
        return;
    }
    m_ctx.store.run<AttachmentRecord>(
            m_ctx.thread,
            [id = f.attachmentId](Database &db) {
                return db.attachments().attachment(id, nowMs());
            },
            [this, r, f](Result<AttachmentRecord> found) {
                if (!found) {
                    m_ctx.fail(r, found.error());
                    return;
                }
                const Known known{found->conversationId, found->size, found->expiresAt};
                m_known.insert(f.attachmentId, new Known(known));
                sendChunk(r, f.attachmentId, known, f.offset);
            });
}

void AttachmentTransfers::sendChunk(const Request &r, const QByteArray &attachmentId,
                                    const Known &known, qint64 offset)
{
    // Membership is checked on every chunk: who leaves the conversation stops downloading.
    if (!checkMember(r, known.conversationId))
        return;
    if (known.expiresAt > 0 && nowMs() >= known.expiresAt) {
        m_known.remove(attachmentId);
        m_ctx.fail(r, ErrorCode::NoSuchAttachment, u"no such attachment"_s);
        return;
    }
    if (offset >= known.size) {
        m_ctx.fail(r, ErrorCode::WrongOffset, u"the attachment has %1 bytes"_s.arg(known.size));
        return;
    }
    m_blobs.read(attachmentId, offset, std::min(MaxAttachmentChunkBytes, known.size - offset),
                 m_ctx.thread, [this, r, attachmentId, known, offset](Result<QByteArray> data) {
                     if (!data) {
                         m_ctx.fail(r, data.error());
                         return;
                     }
                     if (m_ctx.metrics)
                         m_ctx.metrics->attachmentBytesOut.fetchAndAddRelaxed(
                                 quint64(data->size()));
                     m_ctx.reply(r, DownloadChunkFrame{attachmentId, offset, known.size, *data});
                 });
}

void AttachmentTransfers::forget(const QByteArray &uploadId)
{
    auto it = m_uploads.find(uploadId);
    if (it == m_uploads.end())
        return;
    auto count = m_pendingPerUser.find(it->userId);
    if (count != m_pendingPerUser.end() && --*count <= 0)
        m_pendingPerUser.erase(count);
    m_uploads.erase(it);
}

void AttachmentTransfers::expire()
{
    const qint64 deadline = nowMs() - qint64(m_ctx.config.uploadExpirySeconds) * 1000;
    QList<QByteArray> expired;
    for (auto it = m_uploads.cbegin(); it != m_uploads.cend(); ++it) {
        if (it->createdAt <= deadline && !it->finishing)
            expired.append(it.key());
    }
    for (const QByteArray &id : std::as_const(expired))
        forget(id);
    if (!expired.isEmpty()) {
        qCInfo(lcServerRouting) << "deleting" << expired.size() << "expired unfinished uploads";
        m_ctx.store.runDetached(
                [expired](Database &db) { return db.attachments().deleteUploads(expired); });
        m_blobs.discard(expired);
    }
    QSet<QByteArray> keep;
    keep.reserve(m_uploads.size());
    for (auto it = m_uploads.cbegin(); it != m_uploads.cend(); ++it)
        keep.insert(it.key());
    m_blobs.sweep(keep);
    if (m_ctx.config.attachmentRetentionSeconds > 0 || m_ctx.config.maxRetentionDays > 0)
        deletePastRetention();
    deleteExpired();
}

void AttachmentTransfers::deletePastRetention()
{
    if (m_deletingPastRetention)
        return;
    m_deletingPastRetention = true;
    qint64 retentionMs = std::numeric_limits<qint64>::max();
    if (m_ctx.config.attachmentRetentionSeconds > 0)
        retentionMs = qint64(m_ctx.config.attachmentRetentionSeconds) * 1000;
    if (m_ctx.config.maxRetentionDays > 0)
        retentionMs = std::min(retentionMs, qint64(m_ctx.config.maxRetentionDays) * 86'400'000);
    const qint64 before = nowMs() - retentionMs;
    // A bounded batch per sweep: a first sweep over years of attachments must not hold the
    // store thread (and every message commit behind it) for long.
    m_ctx.store.run<QList<QByteArray>>(
            m_ctx.thread,
            [before](Database &db) {
                return db.attachments().deleteAttachmentsFinishedBefore(before, 500);
            },
            [this](Result<QList<QByteArray>> deleted) {
                m_deletingPastRetention = false;
                if (deleted)
                    removeBlobs(*deleted, "past their retention");
            });
}

void AttachmentTransfers::deleteExpired()
{
    if (m_deletingExpired)
        return;
    m_deletingExpired = true;
    m_ctx.store.run<QList<QByteArray>>(
            m_ctx.thread,
            [now = nowMs()](Database &db) {
                return db.attachments().deleteExpiredAttachments(now, 500);
            },
            [this](Result<QList<QByteArray>> deleted) {
                m_deletingExpired = false;
                if (!deleted)
                    return;
                removeBlobs(*deleted, "whose disappearing-message timer ran out");
                if (deleted->size() >= 500)
                    QTimer::singleShot(0, this, &AttachmentTransfers::deleteExpired);
            });
}

void AttachmentTransfers::removeBlobs(const QList<QByteArray> &attachmentIds, const char *why)
{
    if (attachmentIds.isEmpty())
        return;
    // The rows went first: a crash in between leaves a file nobody can ask for, never a row
    // whose file is gone.
    qCInfo(lcServerRouting) << "deleting" << attachmentIds.size() << "attachments" << why;
    for (const QByteArray &id : attachmentIds)
        m_known.remove(id);
    m_blobs.remove(attachmentIds);
}

} // namespace Parley
