#include "Attachments.h"

#include "AttachmentCipher.h"
#include "AttachmentTransfer.h"
#include "Logging.h"
#include "WorkerFuture.h"
#include "content/MessageContent.h"
#include "net/Connection.h"
#include "outbox/Outbox.h"
#include "platform/ProfilePaths.h"
#include "store/MessageStore.h"

#include <QtConcurrent/QtConcurrentRun>
#include <QtCore/QDateTime>
#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QMimeDatabase>
#include <QtCore/QRandomGenerator>

namespace Parley {

using namespace Qt::StringLiterals;

namespace {

QByteArray newUploadId()
{
    QByteArray id(16, Qt::Uninitialized);
    QRandomGenerator::system()->generate(reinterpret_cast<quint32 *>(id.data()),
                                         reinterpret_cast<quint32 *>(id.data() + id.size()));
    return id;
}

double fraction(qint64 done, qint64 total)
{
    return total > 0 ? std::clamp(double(done) / double(total), 0.0, 1.0) : 0.0;
}

} // namespace

Attachments::Attachments(Connection *connection, MessageStore *store, Outbox *outbox,
                         QObject *parent)
    : QObject(parent),
      m_connection(connection),
      m_store(store),
      m_outbox(outbox)
{
    // An upload's message is committed to the outbox: it takes the upload's row.
    connect(m_outbox, &Outbox::entryQueued, this, [this](const StoredMessage &message) {
        if (m_queued.remove(message.clientId))
            Q_EMIT uploadQueued(message.clientId, message);
    });
}

Attachments::~Attachments() = default;

Error Attachments::explained(const Error &error, const QString &name)
{
    switch (error.code) {
    case ErrorCode::AttachmentTooLarge: // the server's limit, in its message
        return Error{error.code, tr("\"%1\" is too large to send: %2.").arg(name, error.message)};
    case ErrorCode::UploadQuotaExceeded: // too many at once, or the storage quota: the server says
        return Error{error.code, tr("\"%1\" was not sent: %2.").arg(name, error.message)};
    case ErrorCode::NoSuchAttachment:
        return Error{error.code, tr("\"%1\" is no longer on the server.").arg(name)};
    case ErrorCode::NotMember:
        return Error{
                error.code,
                tr("\"%1\" cannot be transferred: you are not a member of this chat.").arg(name)};
    default:
        return Error{error.code,
                     tr("\"%1\" could not be transferred: %2").arg(name, error.message)};
    }
}

StoredMessage Attachments::rowOf(const PendingUpload &upload, const ImagePreview &image)
{
    // The row shows the message as it will be; its reference is a placeholder of the right
    // shape (the upload makes the real id and key), never sent.
    const AttachmentRef placeholder{QByteArray(16, '\0'),
                                    QByteArray(AttachmentCipher::KeyBytes, '\0'), upload.size,
                                    AttachmentCipher::encryptedSize(upload.size)};
    StoredMessage row;
    row.conversationId = upload.conversationId;
    row.clientId = upload.clientId;
    row.senderId = upload.senderId;
    row.timestamp = upload.createdAt;
    row.kind = MessageKind::Content;
    const MessageContent content =
            MessageContent::file(placeholder, upload.name, upload.mime, upload.caption, image);
    row.body = content.toBytes();
    row.text = content.previewText();
    row.pending = true;
    row.attachmentPath = upload.filePath;
    row.outboxState = upload.failed ? OutboxState::Failed : OutboxState::Queued;
    row.failureReason = upload.failureReason;
    return row;
}

Result<StoredMessage> Attachments::sendFile(qint64 conversationId, const QString &filePath,
                                            const QString &caption, qint64 senderId)
{
    const QFileInfo info(filePath);
    if (!info.exists() || !info.isFile())
        return Error{ErrorCode::InvalidArgument, tr("\"%1\" is not a file.").arg(filePath)};
    QFile probe(filePath);
    if (!probe.open(QIODevice::ReadOnly))
        return Error{ErrorCode::InvalidArgument,
                     tr("\"%1\" cannot be read: %2").arg(info.fileName(), probe.errorString())};
    probe.close();

    Upload upload;
    PendingUpload &saved = upload.saved;
    saved.clientId = newUploadId();
    saved.conversationId = conversationId;
    saved.senderId = senderId;
    saved.createdAt = QDateTime::currentMSecsSinceEpoch();
    saved.filePath = info.absoluteFilePath();
    saved.name = info.fileName();
    saved.mime = QMimeDatabase().mimeTypeForFile(info).name();
    saved.caption = caption;
    saved.size = info.size();
    if (!m_uploadsDir.isEmpty() && QDir().mkpath(m_uploadsDir))
        saved.cipherPath =
                QDir(m_uploadsDir)
                        .filePath(QString::fromLatin1(saved.clientId.toHex()) + u".enc"_s);
    upload.row = rowOf(saved, upload.image);

    const QByteArray id = saved.clientId;
    m_uploads.insert(id, upload);
    m_uploadOrder.append(id);
    m_store->saveUpload(saved);
    makePreview(m_uploads[id]);
    qCInfo(lcClient) << "upload" << id.toHex() << "of" << saved.size << "bytes to"
                     << conversationId;
    startUpload(m_uploads[id], false);
    return upload.row;
}

void Attachments::load()
{
    const quint64 generation = m_generation;
    m_store->pendingUploads().then(this, [this, generation](const QList<PendingUpload> &left) {
        if (generation != m_generation)
            return;
        QSet<QString> kept;
        for (const Upload &u : std::as_const(m_uploads))
            kept.insert(u.saved.cipherPath);
        for (const PendingUpload &saved : left) {
            kept.insert(saved.cipherPath);
            if (m_uploads.contains(saved.clientId))
                continue;
            Upload upload;
            upload.saved = saved;
            upload.row = rowOf(saved, upload.image);
            m_uploads.insert(saved.clientId, upload);
            m_uploadOrder.append(saved.clientId);
            makePreview(m_uploads[saved.clientId]);
            qCInfo(lcClient) << "upload" << saved.clientId.toHex() << "left by an earlier run"
                             << (saved.failed ? "failed" : "goes on");
            if (!saved.failed)
                startUpload(m_uploads[saved.clientId], true);
        }
        // Encrypted copies no upload names any more (an erased account, a crash) go.
        if (!m_uploadsDir.isEmpty()) {
            const QDir dir(m_uploadsDir);
            for (const QString &name : dir.entryList({u"*.enc"_s}, QDir::Files)) {
                if (!kept.contains(dir.filePath(name)))
                    QFile::remove(dir.filePath(name));
            }
        }
        Q_EMIT uploadsLoaded();
    });
}

void Attachments::startUpload(Upload &upload, bool resume)
{
    const QByteArray id = upload.row.clientId;
    const qint64 conversationId = upload.row.conversationId;
    if (upload.transfer)
        upload.transfer->deleteLater(); // a failed one, asked to go again
    upload.transfer = new AttachmentTransfer(m_connection, this);
    upload.progress = 0;
    upload.row.outboxState = OutboxState::Queued;
    upload.row.failureReason.clear();
    if (upload.saved.failed) {
        upload.saved.failed = false;
        upload.saved.failureReason.clear();
        m_store->saveUpload(upload.saved);
    }
    connect(upload.transfer, &AttachmentTransfer::progressChanged, this,
            [this, id, conversationId](qint64 done, qint64 total) {
                auto it = m_uploads.find(id);
                if (it == m_uploads.end())
                    return;
                it->progress = fraction(done, total);
                Q_EMIT uploadProgressChanged(conversationId, id, it->progress);
            });
    // What a later run needs to go on from here.
    connect(upload.transfer, &AttachmentTransfer::encrypted, this,
            [this, id](const AttachmentRef &ref) {
                auto it = m_uploads.find(id);
                if (it == m_uploads.end())
                    return;
                it->saved.key = ref.key;
                it->saved.encryptedSize = ref.encryptedSize;
                m_store->saveUpload(it->saved);
            });
    connect(upload.transfer, &AttachmentTransfer::started, this,
            [this, id](const QByteArray &serverUploadId) {
                auto it = m_uploads.find(id);
                if (it == m_uploads.end())
                    return;
                it->saved.serverUploadId = serverUploadId;
                m_store->saveUpload(it->saved);
            });
    connect(upload.transfer, &AttachmentTransfer::uploaded, this,
            [this, id, conversationId](const AttachmentRef &ref) {
                auto it = m_uploads.find(id);
                if (it == m_uploads.end())
                    return;
                it->uploaded = ref;
                if (!it->previewing)
                    queueMessage(id);
            });
    connect(upload.transfer, &AttachmentTransfer::failed, this,
            [this, id, conversationId](const Error &error) {
                auto it = m_uploads.find(id);
                if (it == m_uploads.end())
                    return;
                qCInfo(lcClient) << "upload" << id.toHex()
                                 << "failed:" << errorCodeName(error.code);
                const Error shown = explained(error, it->saved.name);
                it->row.outboxState = OutboxState::Failed;
                it->row.failureReason = errorCodeName(error.code); // as the outbox keeps it
                it->saved.failed = true;
                it->saved.failureReason = it->row.failureReason;
                m_store->saveUpload(it->saved);
                Q_EMIT uploadFailed(conversationId, id, shown);
            });
    const PendingUpload &saved = upload.saved;
    if (resume && !saved.key.isEmpty() && !saved.cipherPath.isEmpty()
        && QFileInfo(saved.cipherPath).size() == saved.encryptedSize) {
        upload.transfer->resumeUpload(saved.cipherPath,
                                      AttachmentRef{{}, saved.key, saved.size, saved.encryptedSize},
                                      saved.serverUploadId, conversationId);
    } else {
        upload.saved.key.clear();
        upload.saved.encryptedSize = 0;
        upload.saved.serverUploadId.clear();
        upload.transfer->upload(saved.filePath, conversationId, saved.cipherPath);
    }
}

void Attachments::makePreview(Upload &upload)
{
    // Decoding a large picture takes a while: not on the GUI thread. The row shows the file
    // at once and its thumbnail when it is ready; the message waits for it.
    const QByteArray id = upload.saved.clientId;
    upload.previewing = true;
    auto making = QtConcurrent::run(
            [path = upload.saved.filePath] { return ImagePreview::fromFile(path); });
    whenFinished(this, making, [this, id](const std::optional<ImagePreview> &image) {
        auto it = m_uploads.find(id);
        if (it == m_uploads.end())
            return; // discarded meanwhile
        it->previewing = false;
        if (image) {
            it->image = *image;
            const StoredMessage row = rowOf(it->saved, it->image);
            it->row.body = row.body;
            it->row.text = row.text;
            Q_EMIT uploadPreviewReady(it->row.conversationId, id, it->row);
        }
        if (it->uploaded)
            queueMessage(id);
    });
}

void Attachments::queueMessage(const QByteArray &uploadId)
{
    auto it = m_uploads.find(uploadId);
    if (it == m_uploads.end() || !it->uploaded)
        return;
    // The message keeps the upload's id: queued twice (a restart between the two commits) it
    // is still one message, and the server keeps one of a client id.
    m_queued.insert(uploadId);
    m_outbox->send(it->row.conversationId, contentOf(*it, *it->uploaded), uploadId);
    qCInfo(lcClient) << "upload" << uploadId.toHex() << "is queued as a message";
    uploadDone(uploadId);
}

MessageContent Attachments::contentOf(const Upload &upload, const AttachmentRef &ref)
{
    const PendingUpload &saved = upload.saved;
    const MessageContent content =
            MessageContent::file(ref, saved.name, saved.mime, saved.caption, upload.image);
    // A long caption leaves no room for the thumbnail: the file goes without it.
    if (!upload.image.isNull() && content.toBytes().size() > MessageContent::MaxBytes)
        return content.withoutImage();
    return content;
}

void Attachments::uploadDone(const QByteArray &uploadId)
{
    Upload upload = m_uploads.take(uploadId);
    m_uploadOrder.removeOne(uploadId);
    m_sentFiles.insert(uploadId, upload.saved.filePath);
    forgetUpload(upload);
    if (upload.transfer)
        upload.transfer->deleteLater(); // we are inside its signal
}

void Attachments::forgetUpload(const Upload &upload)
{
    // After the outbox's commit on the cache's thread (calls run in order): a run stopped in
    // between finds the message queued and drops the upload (UploadTable::entries()).
    m_store->removeUpload(upload.saved.clientId);
    if (!upload.saved.cipherPath.isEmpty())
        QFile::remove(upload.saved.cipherPath);
}

bool Attachments::retryUpload(const QByteArray &uploadId)
{
    auto it = m_uploads.find(uploadId);
    if (it == m_uploads.end() || it->row.outboxState != OutboxState::Failed)
        return false;
    startUpload(*it, false);
    return true;
}

bool Attachments::discardUpload(const QByteArray &uploadId)
{
    auto it = m_uploads.find(uploadId);
    if (it == m_uploads.end())
        return false;
    if (it->transfer) {
        it->transfer->cancel();
        it->transfer->deleteLater();
    }
    forgetUpload(*it);
    m_uploads.erase(it);
    m_uploadOrder.removeOne(uploadId);
    return true;
}

QList<StoredMessage> Attachments::uploads(qint64 conversationId) const
{
    QList<StoredMessage> rows;
    for (const QByteArray &id : m_uploadOrder) {
        const Upload &u = m_uploads[id];
        if (u.row.conversationId == conversationId)
            rows.append(u.row);
    }
    return rows;
}

double Attachments::uploadProgress(const QByteArray &uploadId) const
{
    const auto it = m_uploads.constFind(uploadId);
    return it == m_uploads.cend() ? 0.0 : it->progress;
}

void Attachments::ownEntriesStored(const QList<StoredMessage> &messages)
{
    for (const StoredMessage &m : messages) {
        const QString path = m_sentFiles.take(m.clientId);
        if (!path.isEmpty() && m.seq > 0 && m.attachmentPath.isEmpty())
            m_store->setAttachmentPath(m.conversationId, m.seq, path);
    }
}

void Attachments::download(const StoredMessage &message, const MessageContent &content)
{
    const QPair<qint64, qint64> key{message.conversationId, message.seq};
    if (m_downloads.contains(key) || content.type() != MessageContent::Type::File)
        return;
    if (!QDir().mkpath(m_downloadsDir)) {
        Q_EMIT downloadFailed(message.conversationId, message.seq,
                              Error{ErrorCode::StorageError,
                                    tr("Cannot create the folder %1.").arg(m_downloadsDir)});
        return;
    }
    QStringList reserved;
    for (const Download &d : std::as_const(m_downloads))
        reserved.append(d.target);
    Download download;
    download.conversationId = message.conversationId;
    download.seq = message.seq;
    download.target = ProfilePaths::uniqueFilePath(m_downloadsDir, content.fileName(), reserved);
    download.transfer = new AttachmentTransfer(m_connection, this);
    const qint64 conversationId = message.conversationId, seq = message.seq;
    const QString name = content.fileName();
    connect(download.transfer, &AttachmentTransfer::progressChanged, this,
            [this, key](qint64 done, qint64 total) {
                auto it = m_downloads.find(key);
                if (it == m_downloads.end())
                    return;
                it->progress = fraction(done, total);
                Q_EMIT downloadProgressChanged(key.first, key.second, it->progress);
            });
    connect(download.transfer, &AttachmentTransfer::downloaded, this,
            [this, key](const QString &path) {
                m_store->setAttachmentPath(key.first, key.second, path)
                        .then(this, [this, key, path] {
                            Download done = m_downloads.take(key);
                            if (done.transfer)
                                done.transfer->deleteLater();
                            qCInfo(lcClient)
                                    << "downloaded entry" << key.second << "of" << key.first;
                            Q_EMIT downloadFinished(key.first, key.second, path);
                        });
            });
    connect(download.transfer, &AttachmentTransfer::failed, this,
            [this, key, name](const Error &error) {
                Download failed = m_downloads.take(key);
                if (failed.transfer)
                    failed.transfer->deleteLater();
                qCInfo(lcClient) << "download of entry" << key.second << "of" << key.first
                                 << "failed:" << errorCodeName(error.code);
                Q_EMIT downloadFailed(key.first, key.second, explained(error, name));
            });
    qCInfo(lcClient) << "download entry" << seq << "of" << conversationId << "("
                     << content.attachment().size << "bytes )";
    AttachmentTransfer *transfer = download.transfer;
    m_downloads.insert(key, download);
    transfer->download(content.attachment(), download.target);
}

bool Attachments::isDownloading(qint64 conversationId, qint64 seq) const
{
    return m_downloads.contains({conversationId, seq});
}

QHash<qint64, double> Attachments::downloads(qint64 conversationId) const
{
    QHash<qint64, double> progress;
    for (const Download &d : std::as_const(m_downloads)) {
        if (d.conversationId == conversationId)
            progress.insert(d.seq, d.progress);
    }
    return progress;
}

void Attachments::eraseUploadCopies()
{
    if (m_uploadsDir.isEmpty())
        return;
    const QDir dir(m_uploadsDir);
    for (const QString &name : dir.entryList({u"*.enc"_s}, QDir::Files))
        QFile::remove(dir.filePath(name));
}

void Attachments::reset()
{
    for (Upload &u : m_uploads) {
        if (u.transfer) {
            u.transfer->cancel();
            u.transfer->deleteLater();
        }
    }
    for (Download &d : m_downloads) {
        if (d.transfer) {
            d.transfer->cancel();
            d.transfer->deleteLater();
        }
    }
    // The cache keeps what is unfinished: the next login of this account goes on with it.
    ++m_generation;
    m_uploads.clear();
    m_uploadOrder.clear();
    m_queued.clear();
    m_sentFiles.clear();
    m_downloads.clear();
}

} // namespace Parley
