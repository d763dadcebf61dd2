// Chat: its files: sending them, the transfers its rows show, opening and saving.
#include "Chat.h"

#include "attachments/Attachments.h"
#include "models/MessageListModel.h"
#include "store/MessageStore.h"

#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtGui/QDesktopServices>

namespace Parley {

using namespace Qt::StringLiterals;

void Chat::showTransfers()
{
    // Transfers that began before the conversation was shown.
    Attachments *attachments = m_parts.attachments;
    for (const StoredMessage &upload : attachments->uploads(m_conversationId)) {
        m_messages->addUpload(upload, attachments->uploadProgress(upload.clientId));
        if (upload.outboxState == OutboxState::Failed)
            m_messages->setUploadFailed(upload.clientId, upload.failureReason);
    }
    const QHash<qint64, double> downloads = attachments->downloads(m_conversationId);
    for (auto it = downloads.cbegin(); it != downloads.cend(); ++it)
        m_messages->setDownloadProgress(it.key(), it.value());
}

void Chat::connectAttachments()
{
    Attachments *attachments = m_parts.attachments;
    connect(attachments, &Attachments::uploadQueued, this,
            [this](const QByteArray &uploadId, const StoredMessage &message) {
                if (message.conversationId == m_conversationId)
                    m_messages->replaceUpload(uploadId, message);
            });
    connect(attachments, &Attachments::uploadsLoaded, this, &Chat::showTransfers);
    connect(attachments, &Attachments::uploadPreviewReady, this,
            [this](qint64 id, const QByteArray &uploadId, const StoredMessage &row) {
                if (id == m_conversationId)
                    m_messages->showUploadPreview(uploadId, row);
            });
    connect(attachments, &Attachments::uploadProgressChanged, this,
            [this](qint64 id, const QByteArray &uploadId, double progress) {
                if (id == m_conversationId)
                    m_messages->setUploadProgress(uploadId, progress);
            });
    connect(attachments, &Attachments::uploadFailed, this,
            [this](qint64 id, const QByteArray &uploadId, const Error &error) {
                if (id == m_conversationId) // Client shows the error
                    m_messages->setUploadFailed(uploadId, errorCodeName(error.code));
            });
    connect(attachments, &Attachments::downloadProgressChanged, this,
            [this](qint64 id, qint64 seq, double progress) {
                if (id == m_conversationId)
                    m_messages->setDownloadProgress(seq, progress);
            });
    connect(attachments, &Attachments::downloadFinished, this, [this](qint64 id, qint64 seq) {
        if (id == m_conversationId)
            m_messages->setDownloadProgress(seq, -1);
    });
    connect(attachments, &Attachments::downloadFailed, this, [this](qint64 id, qint64 seq) {
        if (id == m_conversationId) // Client shows the error
            m_messages->setDownloadFailed(seq);
    });
}

void Chat::sendFile(const QUrl &file, const QString &caption)
{
    // A file dialog and a drop give file URLs; C++ callers may pass a plain path.
    const QString path = file.isLocalFile() ? file.toLocalFile()
            : file.scheme().isEmpty()       ? file.path()
                                            : QString();
    if (path.isEmpty()) {
        Q_EMIT errorOccurred(Error{
                ErrorCode::InvalidArgument,
                tr("Only files on this computer can be sent (%1).").arg(file.toDisplayString())});
        return;
    }
    auto row = m_parts.attachments->sendFile(m_conversationId, path, caption.trimmed(),
                                             m_parts.selfUserId);
    if (!row) {
        Q_EMIT errorOccurred(row.error());
        return;
    }
    m_messages->addUpload(*row, 0.0);
}

void Chat::cancelUpload(const QString &clientIdHex)
{
    const QByteArray uploadId = QByteArray::fromHex(clientIdHex.toLatin1());
    if (m_parts.attachments->discardUpload(uploadId))
        m_messages->removeUpload(uploadId);
}

void Chat::downloadAttachment(qint64 seq)
{
    if (seq <= 0 || m_parts.attachments->isDownloading(m_conversationId, seq))
        return;
    m_parts.store->message(m_conversationId, seq)
            .then(this, [this, seq](const std::optional<StoredMessage> &m) {
                const auto content = m && !m->deleted ? MessageContent::fromBytes(m->body)
                                                      : Result<MessageContent>(Error{});
                if (!content || content->type() != MessageContent::Type::File) {
                    Q_EMIT errorOccurred(Error{ErrorCode::InvalidArgument,
                                               tr("That message has no file to download.")});
                    return;
                }
                if (m_parts.attachments->isDownloading(m_conversationId, seq))
                    return;
                m_messages->setDownloadProgress(seq, 0.0);
                m_parts.attachments->download(*m, *content);
            });
}

void Chat::openAttachment(qint64 seq)
{
    m_parts.store->message(m_conversationId, seq)
            .then(this, [this, seq](const std::optional<StoredMessage> &m) {
                if (!m || m->attachmentPath.isEmpty()) {
                    Q_EMIT errorOccurred(
                            Error{ErrorCode::InvalidArgument,
                                  tr("That file is not on this computer: download it first.")});
                    return;
                }
                if (!QFileInfo::exists(m->attachmentPath)) {
                    // Moved or deleted since: the message offers the download again.
                    m_parts.store->setAttachmentPath(m_conversationId, seq, {});
                    Q_EMIT errorOccurred(Error{ErrorCode::InvalidArgument,
                                               tr("%1 is no longer there. Download it again.")
                                                       .arg(m->attachmentPath)});
                    return;
                }
                if (!QDesktopServices::openUrl(QUrl::fromLocalFile(m->attachmentPath)))
                    Q_EMIT errorOccurred(
                            Error{ErrorCode::InvalidArgument,
                                  tr("No application could open %1.").arg(m->attachmentPath)});
            });
}

void Chat::saveAttachment(qint64 seq, const QUrl &target)
{
    const QString to = target.isLocalFile() ? target.toLocalFile()
            : target.scheme().isEmpty()     ? target.path()
                                            : QString();
    if (to.isEmpty()) {
        Q_EMIT errorOccurred(Error{ErrorCode::InvalidArgument,
                                   tr("Files can only be saved on this computer (%1).")
                                           .arg(target.toDisplayString())});
        return;
    }
    m_parts.store->message(m_conversationId, seq)
            .then(this, [this, seq, to](const std::optional<StoredMessage> &m) {
                if (!m || m->attachmentPath.isEmpty() || !QFileInfo::exists(m->attachmentPath)) {
                    Q_EMIT errorOccurred(
                            Error{ErrorCode::InvalidArgument,
                                  tr("That file is not on this computer: download it first.")});
                    return;
                }
                if (QFileInfo(to) == QFileInfo(m->attachmentPath)) {
                    Q_EMIT attachmentSaved(seq, to); // already there
                    return;
                }
                // The dialog asked before replacing a file: the copy takes its place.
                if (QFileInfo::exists(to) && !QFile::remove(to)) {
                    Q_EMIT errorOccurred(Error{ErrorCode::InvalidArgument,
                                               tr("%1 cannot be replaced.").arg(to)});
                    return;
                }
                if (!QFile::copy(m->attachmentPath, to)) {
                    Q_EMIT errorOccurred(Error{ErrorCode::InvalidArgument,
                                               tr("The file could not be saved as %1.").arg(to)});
                    return;
                }
                Q_EMIT attachmentSaved(seq, to);
            });
}

} // namespace Parley
