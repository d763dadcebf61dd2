#include "ImagePreview.h"

#include <QtCore/QBuffer>
#include <QtCore/QCborValue>
#include <QtGui/QImage>
#include <QtGui/QImageReader>
#include <QtGui/QImageWriter>
#include <QtGui/QPainter>

namespace Parley {

using namespace Qt::StringLiterals;

namespace {

/// What a made thumbnail aims at; lower JPEG qualities are tried until it fits.
constexpr qsizetype TargetThumbnailBytes = 32 * 1024;
/// Decoding one image may take this much memory at most (QImageReader refuses beyond it).
constexpr int DecodeLimitMiB = 400;

bool isReadableFormat(const QByteArray &format)
{
    return format == "jpeg" || format == "png" || format == "gif" || format == "webp";
}

QByteArray encodeJpeg(const QImage &image, int quality)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, "jpeg");
    writer.setQuality(quality);
    writer.setOptimizedWrite(true);
    return writer.write(image) ? bytes : QByteArray();
}

/// The size a JPEG thumbnail claims in its header, without decoding its pixels.
QSize thumbnailSize(const QByteArray &jpeg, QImageReader &reader)
{
    if (jpeg.size() < 4 || jpeg.size() > ImagePreview::MaxThumbnailBytes
        || !jpeg.startsWith("\xFF\xD8"))
        return {};
    const QSize size = reader.size();
    if (!size.isValid() || size.isEmpty() || size.width() > ImagePreview::MaxThumbnailSide
        || size.height() > ImagePreview::MaxThumbnailSide)
        return {};
    return size;
}

} // namespace

std::optional<ImagePreview> ImagePreview::fromFile(const QString &path)
{
    QImageReader reader(path);
    reader.setAutoTransform(true);
    reader.setAllocationLimit(DecodeLimitMiB);
    if (!reader.canRead() || !isReadableFormat(reader.format()))
        return std::nullopt;
    // The header's size before anything is decoded: an absurd one is refused here.
    const QSize stored = reader.size();
    if (!stored.isValid() || stored.isEmpty() || stored.width() > MaxImageSide
        || stored.height() > MaxImageSide
        || qint64(stored.width()) * stored.height() > MaxImagePixels)
        return std::nullopt;
    // Decoded at thumbnail size where the format can (JPEG scales while decoding); the square
    // bound makes the stored orientation irrelevant.
    if (stored.width() > MaxThumbnailSide || stored.height() > MaxThumbnailSide)
        reader.setScaledSize(stored.scaled(MaxThumbnailSide, MaxThumbnailSide, Qt::KeepAspectRatio)
                                     .expandedTo({1, 1}));
    const QImage decoded = reader.read(); // EXIF orientation applied (setAutoTransform)
    if (decoded.isNull())
        return std::nullopt;
    const bool turned = reader.transformation() & QImageIOHandler::TransformationRotate90;
    // JPEG has no alpha: transparent parts show on white, as most viewers show them.
    QImage flat(decoded.size(), QImage::Format_RGB32);
    flat.fill(Qt::white);
    {
        QPainter painter(&flat);
        painter.drawImage(0, 0, decoded);
    }
    ImagePreview preview;
    preview.width = turned ? stored.height() : stored.width();
    preview.height = turned ? stored.width() : stored.height();
    for (const int quality : {80, 65, 50, 35, 20}) {
        preview.thumbnail = encodeJpeg(flat, quality);
        if (!preview.thumbnail.isEmpty() && preview.thumbnail.size() <= TargetThumbnailBytes)
            return preview;
    }
    return std::nullopt;
}

QCborMap ImagePreview::toCbor() const
{
    return {{"w"_L1, width}, {"h"_L1, height}, {"thumb"_L1, thumbnail}};
}

std::optional<ImagePreview> ImagePreview::fromCbor(const QCborValue &value)
{
    if (!value.isMap())
        return std::nullopt;
    const QCborMap map = value.toMap();
    const QCborValue w = map.value("w"_L1), h = map.value("h"_L1), thumb = map.value("thumb"_L1);
    if (!w.isInteger() || !h.isInteger() || !thumb.isByteArray())
        return std::nullopt;
    if (w.toInteger() < 1 || w.toInteger() > MaxImageSide || h.toInteger() < 1
        || h.toInteger() > MaxImageSide)
        return std::nullopt;
    ImagePreview preview;
    preview.width = int(w.toInteger());
    preview.height = int(h.toInteger());
    preview.thumbnail = thumb.toByteArray();
    // Only the header is read here (cheap); pixels are decoded when shown (decodeThumbnail).
    QBuffer buffer(&preview.thumbnail);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer, "jpeg");
    if (!thumbnailSize(preview.thumbnail, reader).isValid())
        return std::nullopt;
    return preview;
}

QImage ImagePreview::decodeThumbnail(const QByteArray &jpeg)
{
    QByteArray bytes = jpeg;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer, "jpeg");
    reader.setAllocationLimit(4); // MiB: a 320×320 thumbnail needs well under one
    if (!thumbnailSize(bytes, reader).isValid())
        return {};
    return reader.read();
}

} // namespace Parley
