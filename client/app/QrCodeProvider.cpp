#include "QrCodeProvider.h"

#include "content/QrCode.h"

namespace Parley {

QrCodeProvider::QrCodeProvider() : QQuickImageProvider(QQuickImageProvider::Image) { }

QImage QrCodeProvider::requestImage(const QString &id, QSize *size, const QSize &requestedSize)
{
    const auto decoded = QByteArray::fromBase64Encoding(
            id.toLatin1(),
            QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals
                    | QByteArray::AbortOnBase64DecodingErrors);
    const QrCode code = decoded ? QrCode::encode(*decoded) : QrCode();
    if (code.isNull())
        return {};
    // A whole number of pixels per module, as large as fits the requested size: never scaled
    // afterwards, so the modules stay sharp.
    const int modules = code.width() + 2 * QrCode::QuietZone;
    const int requested = requestedSize.isValid() && !requestedSize.isEmpty()
            ? std::min(requestedSize.width(), requestedSize.height())
            : modules * 4;
    const QImage image = code.toImage(std::max(1, requested / modules));
    if (size)
        *size = image.size();
    return image;
}

} // namespace Parley
