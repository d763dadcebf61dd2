#include "BlobStore.h"

#include "Logging.h"

#include <QtCore/QDir>
#include <QtCore/QDirIterator>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>

#include <fcntl.h>
#include <unistd.h>

namespace Parley {

using namespace Qt::StringLiterals;

namespace {

bool syncFile(QFile &file)
{
    return file.flush() && ::fsync(file.handle()) == 0;
}

/// A rename is durable only once its folder is synced.
bool syncFolder(const QString &path)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return false;
    const bool ok = ::fsync(fd) == 0;
    ::close(fd);
    return ok;
}

Error ioError(const QString &what)
{
    qCWarning(lcServerStore).noquote() << "attachment I/O failed:" << what;
    return Error{ErrorCode::StorageError, u"the server could not store or read the attachment"_s};
}

} // namespace

BlobStore::BlobStore(QString root, QObject *parent) : QObject(parent), m_root(std::move(root))
{
    m_thread.setObjectName(u"blobs"_s);
}

BlobStore::~BlobStore()
{
    stop();
}

Status BlobStore::start()
{
    if (!QDir().mkpath(m_root + u"/partial"_s))
        return Error{ErrorCode::StorageError, u"cannot create %1/partial"_s.arg(m_root)};
    QFile::setPermissions(m_root, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    m_worker = new QObject;
    m_worker->moveToThread(&m_thread);
    m_thread.start();
    return {};
}

void BlobStore::stop()
{
    if (!m_thread.isRunning())
        return;
    QObject *worker = nullptr;
    {
        QMutexLocker lock(&m_mutex);
        worker = std::exchange(m_worker, nullptr);
    }
    // Quit from a job queued behind the others, so every job already posted still runs.
    QMetaObject::invokeMethod(
            worker, [thread = &m_thread] { thread->quit(); }, Qt::QueuedConnection);
    m_thread.wait();
    delete worker;
}

void BlobStore::post(std::function<void()> job)
{
    QMutexLocker lock(&m_mutex);
    if (m_worker)
        QMetaObject::invokeMethod(m_worker, std::move(job), Qt::QueuedConnection);
}

QString BlobStore::partialPath(const QByteArray &uploadId) const
{
    return m_root + u"/partial/"_s + QString::fromLatin1(uploadId.toHex()) + u".part"_s;
}

QString BlobStore::blobPath(const QByteArray &attachmentId) const
{
    const QString hex = QString::fromLatin1(attachmentId.toHex());
    return m_root + u'/' + hex.left(2) + u'/' + hex;
}

void BlobStore::append(const QByteArray &uploadId, qint64 offset, const QByteArray &data,
                       QObject *context, std::function<void(Result<qint64>)> done)
{
    post([this, uploadId, offset, data, context, done = std::move(done)] {
        Result<qint64> r = appendNow(uploadId, offset, data);
        QMetaObject::invokeMethod(
                context, [done, r = std::move(r)] { done(r); }, Qt::QueuedConnection);
    });
}

Result<qint64> BlobStore::appendNow(const QByteArray &uploadId, qint64 offset,
                                    const QByteArray &data)
{
    QFile file(partialPath(uploadId));
    // Only the first chunk creates the file: a late chunk of an expired upload must not bring
    // it back.
    const QIODevice::OpenMode mode =
            offset == 0 ? QIODevice::ReadWrite : QIODevice::ReadWrite | QIODevice::ExistingOnly;
    if (!file.open(mode)) {
        if (offset != 0 && !file.exists())
            return Error{ErrorCode::WrongOffset, u"the server holds 0 bytes of this upload"_s};
        return ioError(file.errorString());
    }
    const qint64 current = file.size();
    if (current != offset)
        return Error{ErrorCode::WrongOffset,
                     u"the server holds %1 bytes of this upload"_s.arg(current)};
    if (!file.seek(offset) || file.write(data) != data.size() || !file.flush()) {
        const QString why = file.errorString();
        file.resize(offset); // keep the file at a chunk boundary the client knows
        return ioError(why);
    }
    return offset + data.size();
}

void BlobStore::received(const QByteArray &uploadId, QObject *context,
                         std::function<void(Result<qint64>)> done)
{
    post([this, uploadId, context, done = std::move(done)] {
        const QFileInfo info(partialPath(uploadId));
        const Result<qint64> r = info.exists() ? info.size() : qint64(0);
        QMetaObject::invokeMethod(
                context, [done, r] { done(r); }, Qt::QueuedConnection);
    });
}

void BlobStore::finish(const QByteArray &uploadId, const QByteArray &attachmentId, qint64 size,
                       QObject *context, std::function<void(Status)> done)
{
    post([this, uploadId, attachmentId, size, context, done = std::move(done)] {
        const Status s = finishNow(uploadId, attachmentId, size);
        QMetaObject::invokeMethod(
                context, [done, s] { done(s); }, Qt::QueuedConnection);
    });
}

Status BlobStore::finishNow(const QByteArray &uploadId, const QByteArray &attachmentId, qint64 size)
{
    QFile file(partialPath(uploadId));
    const qint64 have = file.exists() ? file.size() : 0;
    if (have != size)
        return Error{ErrorCode::UploadIncomplete,
                     u"the server holds %1 of %2 bytes"_s.arg(have).arg(size)};
    if (!file.open(QIODevice::ReadWrite | QIODevice::ExistingOnly) || !syncFile(file))
        return ioError(file.errorString());
    file.close();
    const QString target = blobPath(attachmentId);
    const QString folder = QFileInfo(target).path();
    if (!QDir().mkpath(folder))
        return ioError(u"cannot create "_s + folder);
    if (::rename(QFile::encodeName(file.fileName()).constData(),
                 QFile::encodeName(target).constData())
        != 0)
        return ioError(u"cannot rename to "_s + target);
    if (!syncFolder(folder) || !syncFolder(QFileInfo(file.fileName()).path())
        || !syncFolder(m_root))
        return ioError(u"cannot sync "_s + folder);
    return {};
}

void BlobStore::unfinish(const QByteArray &uploadId, const QByteArray &attachmentId)
{
    post([this, uploadId, attachmentId] {
        if (::rename(QFile::encodeName(blobPath(attachmentId)).constData(),
                     QFile::encodeName(partialPath(uploadId)).constData())
            != 0)
            qCWarning(lcServerStore) << "could not move an unrecorded attachment back";
    });
}

void BlobStore::read(const QByteArray &attachmentId, qint64 offset, qint64 maxBytes,
                     QObject *context, std::function<void(Result<QByteArray>)> done)
{
    post([this, attachmentId, offset, maxBytes, context, done = std::move(done)] {
        Result<QByteArray> r = readNow(attachmentId, offset, maxBytes);
        QMetaObject::invokeMethod(
                context, [done, r = std::move(r)] { done(r); }, Qt::QueuedConnection);
    });
}

Result<QByteArray> BlobStore::readNow(const QByteArray &attachmentId, qint64 offset,
                                      qint64 maxBytes)
{
    QFile file(blobPath(attachmentId));
    if (!file.exists()) // deleted past its retention while a download was under way
        return Error{ErrorCode::NoSuchAttachment, u"no such attachment"_s};
    if (!file.open(QIODevice::ReadOnly))
        return ioError(file.errorString());
    if (!file.seek(offset))
        return ioError(file.errorString());
    QByteArray data = file.read(maxBytes);
    if (data.isNull() && file.error() != QFileDevice::NoError)
        return ioError(file.errorString());
    return data;
}

void BlobStore::discard(const QList<QByteArray> &uploadIds)
{
    post([this, uploadIds] {
        for (const QByteArray &id : uploadIds)
            QFile::remove(partialPath(id));
    });
}

void BlobStore::remove(const QList<QByteArray> &attachmentIds)
{
    post([this, attachmentIds] {
        for (const QByteArray &id : attachmentIds)
            QFile::remove(blobPath(id));
    });
}

void BlobStore::sweep(const QSet<QByteArray> &keep)
{
    post([this, keep] {
        QDirIterator it(m_root + u"/partial"_s, {u"*.part"_s}, QDir::Files);
        while (it.hasNext()) {
            const QString path = it.next();
            const QByteArray id = QByteArray::fromHex(it.fileName().chopped(5).toLatin1());
            if (!keep.contains(id)) {
                qCInfo(lcServerStore) << "removing a left-over partial upload";
                QFile::remove(path);
            }
        }
    });
}

} // namespace Parley
