#include "QrCode.h"

#include <qrencode.h>

#include <memory>

namespace Parley {

QrCode QrCode::encode(const QByteArray &data)
{
    QrCode code;
    if (data.isEmpty())
        return code;
    // Byte mode: the scannable safety number is binary, not text.
    std::unique_ptr<QRcode, decltype(&QRcode_free)> encoded(
            QRcode_encodeData(int(data.size()),
                              reinterpret_cast<const unsigned char *>(data.data()), 0,
                              QR_ECLEVEL_M),
            &QRcode_free);
    if (!encoded || encoded->width <= 0)
        return code;
    code.m_version = encoded->version;
    code.m_width = encoded->width;
    const qsizetype modules = qsizetype(encoded->width) * encoded->width;
    code.m_dark.resize(modules);
    // Bit 0 of each byte is the module's colour (1: dark); the others say what it is part of.
    for (qsizetype i = 0; i < modules; ++i)
        code.m_dark[i] = (encoded->data[i] & 1) != 0;
    return code;
}

QImage QrCode::toImage(int scale) const
{
    if (isNull() || scale < 1)
        return {};
    const int side = (m_width + 2 * QuietZone) * scale;
    QImage image(side, side, QImage::Format_Grayscale8);
    image.fill(Qt::white);
    for (int y = 0; y < m_width; ++y) {
        for (int x = 0; x < m_width; ++x) {
            if (!isDark(x, y))
                continue;
            for (int py = 0; py < scale; ++py) {
                uchar *line = image.scanLine((y + QuietZone) * scale + py);
                std::fill_n(line + (x + QuietZone) * scale, scale, uchar(0));
            }
        }
    }
    return image;
}

} // namespace Parley
