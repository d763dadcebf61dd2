#pragma once

/// Draws image://qr/<data>: a QR code (QrCode) of the base64url bytes in the id, so QML shows
/// a scannable code (the safety number's) drawn in C++, module-sharp at the requested size.

#include <QtQuick/QQuickImageProvider>

namespace Parley {

class QrCodeProvider : public QQuickImageProvider
{
public:
    QrCodeProvider();
    QImage requestImage(const QString &id, QSize *size, const QSize &requestedSize) override;
};

} // namespace Parley
