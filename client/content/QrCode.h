#pragma once

/// A QR code of some bytes (libqrencode), as modules and as a crisp black-on-white image with
/// the quiet zone readers need; the safety number screen shows one of the scannable number.

#include <QtCore/QByteArray>
#include <QtCore/QList>
#include <QtGui/QImage>

namespace Parley {

class QrCode
{
public:
    /// Light modules around the code on each side (ISO/IEC 18004 asks for four).
    static constexpr int QuietZone = 4;

    /// Encodes `data` in byte mode, error correction level M, the smallest version that fits.
    /// Null (isNull()) when it does not fit or libqrencode fails.
    static QrCode encode(const QByteArray &data);

    bool isNull() const { return m_width == 0; }
    /// 1 to 40; the code is 17 + 4 × version modules wide.
    int version() const { return m_version; }
    /// Modules per side, without the quiet zone.
    int width() const { return m_width; }
    bool isDark(int x, int y) const { return m_dark.at(qsizetype(y) * m_width + x); }

    /// The code with its quiet zone, `scale` pixels per module, black on white (no smoothing:
    /// every module is a sharp square). Null for a null code.
    QImage toImage(int scale) const;

private:
    int m_version = 0;
    int m_width = 0;
    QList<bool> m_dark;
};

} // namespace Parley
