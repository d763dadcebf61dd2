#include "ProfilePicture.h"

#include "content/ImagePreview.h"

#include <QtCore/QBuffer>
#include <QtGui/QImage>
#include <QtGui/QImageReader>
#include <QtGui/QImageWriter>

namespace Parley {

namespace {

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

} // namespace

QByteArray ProfilePicture::fromFile(const QString &path)
{
    // The file is read as a message thumbnail is (format, size and memory limits, EXIF
    // orientation), then made smaller still.
    const auto preview = ImagePreview::fromFile(path);
    if (!preview)
        return {};
    return fromImage(ImagePreview::decodeThumbnail(preview->thumbnail));
}

QByteArray ProfilePicture::fromImage(const QImage &image)
{
    if (image.isNull())
        return {};
    // Avatars are round or square: the centre square, so a face in the middle stays.
    const int side = std::min(image.width(), image.height());
    const QImage square =
            image.copy((image.width() - side) / 2, (image.height() - side) / 2, side, side)
                    .convertToFormat(QImage::Format_RGB32);
    const QImage scaled = side > MaxSide
            ? square.scaled(MaxSide, MaxSide, Qt::KeepAspectRatio, Qt::SmoothTransformation)
            : square;
    for (const int quality : {85, 70, 55, 40, 25}) {
        const QByteArray jpeg = encodeJpeg(scaled, quality);
        if (!jpeg.isEmpty() && jpeg.size() <= MaxBytes)
            return jpeg;
    }
    return {};
}

bool ProfilePicture::isWellFormed(const QByteArray &jpeg)
{
    if (jpeg.size() < 4 || jpeg.size() > MaxBytes || !jpeg.startsWith("\xFF\xD8"))
        return false;
    QByteArray bytes = jpeg;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer, "jpeg");
    const QSize size = reader.size();
    return size.isValid() && !size.isEmpty() && size.width() <= MaxSide && size.height() <= MaxSide;
}

QImage ProfilePicture::decode(const QByteArray &jpeg)
{
    if (!isWellFormed(jpeg))
        return {};
    // Decoded as a thumbnail is (a memory limit); it is smaller still.
    return ImagePreview::decodeThumbnail(jpeg);
}

} // namespace Parley
