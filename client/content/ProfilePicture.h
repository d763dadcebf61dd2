#pragma once

/// A profile picture as it travels in `profile` content: a small JPEG, made from the image the
/// user chose and checked before a received one is decoded (a hostile one may claim any size).

#include <QtCore/QByteArray>
#include <QtCore/QString>

class QImage;

namespace Parley {

class ProfilePicture
{
public:
    /// The longest side of a picture, in pixels.
    static constexpr int MaxSide = 128;
    /// A picture larger than this is refused (it is made within it).
    static constexpr qsizetype MaxBytes = 16 * 1024;

    /// The picture for the image file at `path`: its centre square scaled to at most MaxSide and
    /// encoded as JPEG within MaxBytes; empty if it is not an image Qt reads safely
    /// (ImagePreview::fromFile's limits) or does not fit.
    static QByteArray fromFile(const QString &path);
    /// The same from pixels already decoded.
    static QByteArray fromImage(const QImage &image);
    /// Whether `jpeg` is within bounds, by its header only (cheap: no pixels decoded).
    static bool isWellFormed(const QByteArray &jpeg);
    /// The picture's pixels; null if it is not well-formed or does not decode.
    static QImage decode(const QByteArray &jpeg);
};

} // namespace Parley
