#pragma once

/// The image thumbnails the message lists show, kept for the QML image provider that draws
/// them (image://thumbnail/<key>): a bounded, thread-safe table of JPEG bytes by a key made
/// from the bytes themselves. A list re-adds a thumbnail each time it hands out its key, so
/// one dropped to stay in bounds comes back when it is shown again.

#include <QtCore/QByteArray>
#include <QtCore/QString>

class QImage;

namespace Parley {

class Thumbnails
{
public:
    /// How many bytes of thumbnails are kept at most.
    static constexpr qsizetype MaxBytes = 16 * 1024 * 1024;

    /// The key of `jpeg` (the same bytes always give the same key).
    static QString keyOf(const QByteArray &jpeg);
    /// Keeps `jpeg` under `key` (keyOf()).
    static void keep(const QString &key, const QByteArray &jpeg);
    /// The thumbnail kept under `key`, decoded; null if none is kept or it does not decode.
    static QImage image(const QString &key);
};

} // namespace Parley
