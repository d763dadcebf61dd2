#include "AttachmentTransfer.h"

#include "AttachmentCipher.h"
#include "WorkerFuture.h"
#include "net/Connection.h"
#include "protocol/Frames.h"
#include "protocol/Limits.h"

#include <QtConcurrent/QtConcurrentRun>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QTemporaryFile>
#include <QtCore/QTimer>

#include <unistd.h>

namespace Parley {

using namespace Qt::StringLiterals;

namespace {

/// Resyncs in a row without progress before giving up.
constexpr int MaxRetries = 20;
constexpr int RetryDelayMs = 1000;

Error errorOf(const Result<RawFrame> &reply)
{
    if (!reply)
        return reply.error();
    if (reply->type == FrameType::Error) {
        auto e = FrameCodec::read<ErrorFrame>(*reply);
        return e ? Error{e->code, e->message} : e.error();
    }
    return Error{ErrorCode::None, {}};
}

} // namespace

AttachmentTransfer::AttachmentTransfer(Connection *connection, QObject *parent)
    : QObject(parent),
      m_connection(connection),
      m_retryTimer(new QTimer(this))
{
    m_retryTimer->setSingleShot(true);
    connect(m_retryTimer, &QTimer::timeout, this, &AttachmentTransfer::resume);
    connect(connection, &Connection::authenticated, this, [this] {
        if (m_waitingForConnection)
            resume();
    });
}

AttachmentTransfer::~AttachmentTransfer() = default;

void AttachmentTransfer::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void AttachmentTransfer::fail(const Error &error)
{
    ++m_generation;
    m_retryTimer->stop();
    m_waitingForConnection = false;
    setState(State::Failed);
    Q_EMIT failed(error);
}

void AttachmentTransfer::cancel()
{
    ++m_generation;
    m_retryTimer->stop();
    m_waitingForConnection = false;
    setState(State::Idle);
}

bool AttachmentTransfer::isTransient(ErrorCode code)
{
    switch (code) {
    case ErrorCode::Unavailable: // connection lost or no reply in time
    case ErrorCode::RateLimited:
    case ErrorCode::StorageError:
    case ErrorCode::SlowReader:
    case ErrorCode::WrongOffset: // the server is elsewhere than we thought: ask it
        return true;
    default:
        return false;
    }
}

// --- upload ----------------------------------------------------------------------------------

void AttachmentTransfer::upload(const QString &filePath, qint64 conversationId,
                                const QString &cipherPath)
{
    m_conversationId = conversationId;
    m_uploadId.clear();
    bool opened = false;
    if (cipherPath.isEmpty()) {
        auto file = std::make_shared<QTemporaryFile>();
        opened = file->open();
        m_cipherFile = file;
    } else {
        m_cipherFile = std::make_shared<QFile>(cipherPath);
        opened = m_cipherFile->open(QIODevice::ReadWrite | QIODevice::Truncate);
    }
    if (!opened) {
        fail(Error{ErrorCode::InternalError, u"no file for the encrypted upload"_s});
        return;
    }
    setState(State::Encrypting);
    const quint64 generation = ++m_generation;
    // Encryption reads and writes the whole file: not on the GUI thread. The temporary file is
    // not touched here until the future is done; the worker holds it too, as this transfer may
    // be cancelled and deleted meanwhile.
    auto encrypting = QtConcurrent::run(
            [filePath, target = m_cipherFile]() -> Result<AttachmentCipher::Encrypted> {
                QFile source(filePath);
                if (!source.open(QIODevice::ReadOnly))
                    return Error{ErrorCode::InvalidArgument,
                                 u"cannot read %1: %2"_s.arg(filePath, source.errorString())};
                auto encrypted = AttachmentCipher::encrypt(source, *target, source.size());
                // On disk before the key is remembered: a resumed upload must find these bytes.
                if (encrypted && (!target->flush() || ::fsync(target->handle()) != 0))
                    return Error{ErrorCode::InternalError, target->errorString()};
                return encrypted;
            });
    whenFinished(this, encrypting,
                 [this, generation](Result<AttachmentCipher::Encrypted> encrypted) {
                     if (generation != m_generation)
                         return;
                     if (!encrypted) {
                         fail(encrypted.error());
                         return;
                     }
                     m_ref.key = encrypted->key;
                     m_ref.size = encrypted->size;
                     m_ref.encryptedSize = encrypted->encryptedSize;
                     m_total = encrypted->encryptedSize;
                     Q_EMIT this->encrypted(m_ref);
                     startUpload();
                 });
}

void AttachmentTransfer::resumeUpload(const QString &cipherPath, const AttachmentRef &ref,
                                      const QByteArray &uploadId, qint64 conversationId)
{
    m_conversationId = conversationId;
    m_ref = ref;
    m_ref.attachmentId.clear();
    m_total = ref.encryptedSize;
    m_uploadId = uploadId;
    m_done = m_next = 0;
    m_cipherFile = std::make_shared<QFile>(cipherPath);
    ++m_generation;
    if (!m_cipherFile->open(QIODevice::ReadOnly) || m_cipherFile->size() != m_total) {
        fail(Error{ErrorCode::InternalError, u"the encrypted copy of the file is gone"_s});
        return;
    }
    setState(State::Uploading);
    resume(); // uploadStatus (or uploadStart) once the connection is ready
}

void AttachmentTransfer::startUpload()
{
    setState(State::Uploading);
    if (!m_connection || !m_connection->isReady()) {
        resync(Error{ErrorCode::Unavailable, u"not connected"_s});
        return;
    }
    const quint64 generation = m_generation;
    m_connection->request(UploadStartFrame{m_conversationId, m_total})
            .then(this, [this, generation](Result<RawFrame> reply) {
                if (generation != m_generation)
                    return;
                const Error e = errorOf(reply);
                if (e.code != ErrorCode::None) {
                    if (e.code == ErrorCode::Unavailable || e.code == ErrorCode::RateLimited
                        || e.code == ErrorCode::StorageError)
                        resync(e); // resume() starts again: nothing was stored
                    else
                        fail(e);
                    return;
                }
                auto progress = FrameCodec::read<UploadProgressFrame>(*reply);
                if (!progress) {
                    fail(progress.error());
                    return;
                }
                m_uploadId = progress->uploadId;
                m_done = m_next = 0;
                Q_EMIT started(m_uploadId);
                Q_EMIT progressChanged(0, m_total);
                pumpUpload();
            });
}

void AttachmentTransfer::pumpUpload()
{
    while (m_inFlight < m_window && m_next < m_total) {
        const qint64 n = std::min<qint64>(MaxAttachmentChunkBytes, m_total - m_next);
        if (!m_cipherFile->seek(m_next)) {
            fail(Error{ErrorCode::InternalError, m_cipherFile->errorString()});
            return;
        }
        const QByteArray data = m_cipherFile->read(n);
        if (data.size() != n) {
            fail(Error{ErrorCode::InternalError, u"the encrypted file is short"_s});
            return;
        }
        ++m_inFlight;
        m_next += n;
        const quint64 generation = m_generation;
        m_connection->request(UploadChunkFrame{m_uploadId, m_next - n, data})
                .then(this, [this, generation](Result<RawFrame> reply) {
                    chunkAnswered(generation, reply);
                });
    }
}

void AttachmentTransfer::chunkAnswered(quint64 generation, const Result<RawFrame> &reply)
{
    if (generation != m_generation)
        return;
    --m_inFlight;
    const Error e = errorOf(reply);
    if (e.code != ErrorCode::None) {
        if (isTransient(e.code))
            resync(e);
        else
            fail(e);
        return;
    }
    auto progress = FrameCodec::read<UploadProgressFrame>(*reply);
    if (!progress) {
        fail(progress.error());
        return;
    }
    m_retries = 0;
    m_done = std::max(m_done, progress->received);
    Q_EMIT progressChanged(m_done, m_total);
    if (m_done == m_total && m_inFlight == 0)
        finishUpload();
    else
        pumpUpload();
}

void AttachmentTransfer::finishUpload()
{
    const quint64 generation = m_generation;
    m_connection->request(UploadFinishFrame{m_uploadId})
            .then(this, [this, generation](Result<RawFrame> reply) {
                if (generation != m_generation)
                    return;
                const Error e = errorOf(reply);
                if (e.code != ErrorCode::None) {
                    // A finish is idempotent: after a lost reply, resume() asks again.
                    if (isTransient(e.code) || e.code == ErrorCode::UploadIncomplete) {
                        resync(e);
                    } else if (e.code == ErrorCode::NoSuchAttachment && !m_startedOver) {
                        // The server forgot the upload (it expired while this device was
                        // away): the encrypted file is still here, so send it once more.
                        m_startedOver = true;
                        m_uploadId.clear();
                        startUpload();
                    } else {
                        fail(e);
                    }
                    return;
                }
                auto finished = FrameCodec::read<UploadFinishedFrame>(*reply);
                if (!finished) {
                    fail(finished.error());
                    return;
                }
                m_ref.attachmentId = finished->attachmentId;
                m_cipherFile.reset();
                setState(State::Finished);
                Q_EMIT uploaded(m_ref);
            });
}

// --- download --------------------------------------------------------------------------------

void AttachmentTransfer::download(const AttachmentRef &ref, const QString &targetPath)
{
    m_ref = ref;
    m_targetPath = targetPath;
    m_total = ref.encryptedSize;
    m_done = m_next = 0;
    auto file = std::make_shared<QTemporaryFile>();
    m_cipherFile = file;
    if (!file->open()) {
        fail(Error{ErrorCode::InternalError, u"no temporary file for the download"_s});
        return;
    }
    ++m_generation;
    setState(State::Downloading);
    if (!m_connection || !m_connection->isReady()) {
        resync(Error{ErrorCode::Unavailable, u"not connected"_s});
        return;
    }
    pumpDownload();
}

void AttachmentTransfer::pumpDownload()
{
    while (m_inFlight < m_window && m_next < m_total) {
        const qint64 offset = m_next;
        m_next = std::min<qint64>(m_total, m_next + MaxAttachmentChunkBytes);
        ++m_inFlight;
        const quint64 generation = m_generation;
        m_connection->request(DownloadFrame{m_ref.attachmentId, offset})
                .then(this, [this, generation, offset](Result<RawFrame> reply) {
                    chunkArrived(generation, offset, reply);
                });
    }
}

void AttachmentTransfer::chunkArrived(quint64 generation, qint64 offset,
                                      const Result<RawFrame> &reply)
{
    if (generation != m_generation)
        return;
    --m_inFlight;
    const Error e = errorOf(reply);
    if (e.code != ErrorCode::None) {
        if (isTransient(e.code) && e.code != ErrorCode::WrongOffset)
            resync(e);
        else
            fail(e);
        return;
    }
    auto chunk = FrameCodec::read<DownloadChunkFrame>(*reply);
    // Replies come in the order asked; anything else is not the attachment we were told of.
    if (!chunk || chunk->offset != offset || offset != m_done || chunk->size != m_total
        || chunk->data.size() != std::min<qint64>(MaxAttachmentChunkBytes, m_total - offset)) {
        fail(Error{ErrorCode::InvalidArgument, u"the server sent another attachment"_s});
        return;
    }
    if (!m_cipherFile->seek(offset) || m_cipherFile->write(chunk->data) != chunk->data.size()) {
        fail(Error{ErrorCode::InternalError, m_cipherFile->errorString()});
        return;
    }
    m_retries = 0;
    m_done += chunk->data.size();
    Q_EMIT progressChanged(m_done, m_total);
    if (m_done == m_total)
        decrypt();
    else
        pumpDownload();
}

void AttachmentTransfer::decrypt()
{
    if (!m_cipherFile->flush()) {
        fail(Error{ErrorCode::InternalError, m_cipherFile->errorString()});
        return;
    }
    setState(State::Decrypting);
    const quint64 generation = ++m_generation;
    auto decrypting =
            QtConcurrent::run([source = m_cipherFile, target = m_targetPath, key = m_ref.key] {
                return AttachmentCipher::decryptFile(source->fileName(), target, key);
            });
    whenFinished(this, decrypting, [this, generation](Status decrypted) {
        if (generation != m_generation)
            return;
        if (!decrypted) {
            fail(decrypted.error());
            return;
        }
        m_cipherFile.reset();
        setState(State::Finished);
        Q_EMIT downloaded(m_targetPath);
    });
}

// --- resuming --------------------------------------------------------------------------------

void AttachmentTransfer::resync(const Error &why)
{
    ++m_generation; // replies still in flight are about to be stale
    m_inFlight = 0;
    if (++m_retries > MaxRetries) {
        fail(why);
        return;
    }
    if (m_connection && m_connection->isReady()) {
        // Refused for being too fast, or the server is busy: wait a little.
        m_retryTimer->start(why.code == ErrorCode::WrongOffset ? 0 : RetryDelayMs);
    } else {
        m_waitingForConnection = true; // resume() when Connection::authenticated comes
    }
}

void AttachmentTransfer::resume()
{
    m_waitingForConnection = false;
    if (!m_connection || !m_connection->isReady()) {
        m_waitingForConnection = true;
        return;
    }
    const quint64 generation = ++m_generation;
    switch (m_state) {
    case State::Uploading:
        if (m_uploadId.isEmpty()) {
            startUpload();
            return;
        }
        m_connection->request(UploadStatusFrame{m_uploadId})
                .then(this, [this, generation](Result<RawFrame> reply) {
                    if (generation != m_generation)
                        return;
                    const Error e = errorOf(reply);
                    if (e.code == ErrorCode::NoSuchAttachment) {
                        // Finished meanwhile (the reply to uploadFinish was lost), or expired.
                        finishUpload();
                        return;
                    }
                    if (e.code != ErrorCode::None) {
                        isTransient(e.code) ? resync(e) : fail(e);
                        return;
                    }
                    auto progress = FrameCodec::read<UploadProgressFrame>(*reply);
                    if (!progress) {
                        fail(progress.error());
                        return;
                    }
                    m_done = m_next = progress->received;
                    Q_EMIT progressChanged(m_done, m_total);
                    if (m_done == m_total)
                        finishUpload();
                    else
                        pumpUpload();
                });
        return;
    case State::Downloading:
        // Go on from the bytes held; anything past them was in flight and is asked again.
        m_next = m_done;
        pumpDownload();
        return;
    default:
        return;
    }
}

} // namespace Parley
