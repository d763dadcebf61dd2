#pragma once

/// What a file message says about an image it carries: a small JPEG thumbnail and the
/// original's size, so readers show it inline without downloading the file. Travels inside the
/// encrypted message content (MessageContent::image()).

#include <QtCore/QByteArray>
#include <QtCore/QCborMap>
#include <QtCore/QSize>

#include <optional>

class QCborValue;
class QImage;

namespace Parley {

struct ImagePreview
{
    /// The thumbnail's longest side, in pixels.
    static constexpr int MaxThumbnailSide = 320;
    /// A thumbnail larger than this is refused when read (it is made well below it).
    static constexpr qsizetype MaxThumbnailBytes = 40 * 1024;
    /// Images larger than this on either side, or with more pixels, get no preview: decoding
    /// them could exhaust memory (a hostile file may claim any size).
    static constexpr int MaxImageSide = 20000;
    static constexpr qint64 MaxImagePixels = 100'000'000;

    QByteArray thumbnail; ///< JPEG, longest side at most MaxThumbnailSide
    int width = 0; ///< the original's, as it shows (EXIF orientation applied)
    int height = 0;

    bool isNull() const { return thumbnail.isEmpty(); }
    QSize size() const { return {width, height}; }

    /// The preview of the image file at `path`, or nothing if it is not an image Qt reads
    /// (JPEG, PNG, GIF, WebP when its plugin is there), is too large, or does not decode.
    static std::optional<ImagePreview> fromFile(const QString &path);

    /// {"w": uint, "h": uint, "thumb": JPEG bytes}, for the message content.
    QCborMap toCbor() const;
    /// Nothing if `value` is not a well-formed preview: a reader then shows the plain file.
    static std::optional<ImagePreview> fromCbor(const QCborValue &value);

    /// The thumbnail's pixels; null if `jpeg` is not a JPEG within MaxThumbnailSide.
    static QImage decodeThumbnail(const QByteArray &jpeg);

    friend bool operator==(const ImagePreview &, const ImagePreview &) = default;
};

} // namespace Parley
