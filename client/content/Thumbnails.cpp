#include "Thumbnails.h"

#include "ImagePreview.h"

#include <QtCore/QCache>
#include <QtCore/QCryptographicHash>
#include <QtCore/QMutex>
#include <QtGui/QImage>

namespace Parley {

namespace {

struct Table
{
    QMutex mutex;
    QCache<QString, QByteArray> bytes{Thumbnails::MaxBytes};
};

Table &table()
{
    static Table t;
    return t;
}

} // namespace

QString Thumbnails::keyOf(const QByteArray &jpeg)
{
    return QString::fromLatin1(QCryptographicHash::hash(jpeg, QCryptographicHash::Sha1).toHex());
}

void Thumbnails::keep(const QString &key, const QByteArray &jpeg)
{
    Table &t = table();
    const QMutexLocker lock(&t.mutex);
    if (!t.bytes.contains(key))
        t.bytes.insert(key, new QByteArray(jpeg), std::max<qsizetype>(1, jpeg.size()));
}

QImage Thumbnails::image(const QString &key)
{
    QByteArray jpeg;
    {
        Table &t = table();
        const QMutexLocker lock(&t.mutex);
        if (const QByteArray *kept = t.bytes.object(key))
            jpeg = *kept;
    }
    return jpeg.isEmpty() ? QImage() : ImagePreview::decodeThumbnail(jpeg);
}

} // namespace Parley
