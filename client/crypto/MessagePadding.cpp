#include "MessagePadding.h"

#include <bit>

namespace Parley::MessagePadding {

qsizetype paddedSize(qsizetype length)
{
    const quint64 l = quint64(length) + 1; // the marker
    if (l <= quint64(MinimumPaddedSize))
        return MinimumPaddedSize;
    // Padmé: keep the top floor(log2(E)) + 1 bits of the length, E being its exponent.
    const int e = std::bit_width(l) - 1;
    const int s = std::bit_width(quint64(e));
    const int lastBits = e - s;
    const quint64 mask = (quint64(1) << lastBits) - 1;
    return qsizetype((l + mask) & ~mask);
}

QByteArray pad(const QByteArray &content)
{
    QByteArray out = content;
    out.reserve(paddedSize(content.size()));
    out.append(char(0x80));
    out.append(paddedSize(content.size()) - out.size(), '\0');
    return out;
}

std::optional<QByteArray> unpad(const QByteArray &padded)
{
    qsizetype i = padded.size() - 1;
    while (i >= 0 && padded.at(i) == '\0')
        --i;
    if (i < 0 || quint8(padded.at(i)) != 0x80)
        return std::nullopt;
    return padded.left(i);
}

} // namespace Parley::MessagePadding
