#pragma once

/// Draws image://thumbnail/<key>: the thumbnails the message lists name (Thumbnails), so QML
/// shows them without touching message content or storage.

#include <QtQuick/QQuickImageProvider>

namespace Parley {

class ThumbnailProvider : public QQuickImageProvider
{
public:
    ThumbnailProvider();
    QImage requestImage(const QString &id, QSize *size, const QSize &requestedSize) override;
};

} // namespace Parley
