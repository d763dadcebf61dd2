#include "Stamp.h"

#include <QtCore/QtEndian>

#include <cstring>
#include <ctime>

namespace Parley::Bench {

qint64 monotonicNs()
{
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return qint64(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

namespace {
constexpr char BinaryMagic[4] = {'P', 'B', 'S', '1'};
constexpr int BinaryBytes = 24;
constexpr char Magic = 'S';
} // namespace

QByteArray Stamp::toBinary(int size) const
{
    QByteArray out(std::max(size, BinaryBytes), '\0');
    memcpy(out.data(), BinaryMagic, sizeof BinaryMagic);
    auto *p = reinterpret_cast<uchar *>(out.data()) + sizeof BinaryMagic;
    qToBigEndian(sender, p);
    qToBigEndian(counter, p + 4);
    qToBigEndian(phase, p + 8);
    qToBigEndian(intendedNs, p + 12);
    return out;
}

std::optional<Stamp> Stamp::fromBinary(QByteArrayView bytes)
{
    if (bytes.size() < BinaryBytes || memcmp(bytes.data(), BinaryMagic, sizeof BinaryMagic) != 0)
        return std::nullopt;
    const auto *p = reinterpret_cast<const uchar *>(bytes.data()) + sizeof BinaryMagic;
    Stamp s;
    s.sender = qFromBigEndian<quint32>(p);
    s.counter = qFromBigEndian<quint32>(p + 4);
    s.phase = qFromBigEndian<quint32>(p + 8);
    s.intendedNs = qFromBigEndian<qint64>(p + 12);
    return s;
}

// "S<sender>:<counter>:<phase>:<ns>" then dots: digits and punctuation only, so it needs no
// escaping in XML or JSON.
QByteArray Stamp::toText(int size) const
{
    QByteArray out;
    out.reserve(std::max(size, 48));
    out.append(Magic)
            .append(QByteArray::number(sender))
            .append(':')
            .append(QByteArray::number(counter))
            .append(':')
            .append(QByteArray::number(phase))
            .append(':')
            .append(QByteArray::number(intendedNs));
    if (out.size() < size)
        out.append(size - out.size(), '.');
    return out;
}

std::optional<Stamp> Stamp::fromText(QByteArrayView text)
{
    if (text.isEmpty() || text.front() != Magic)
        return std::nullopt;
    qint64 fields[4] = {};
    int field = 0;
    bool any = false;
    for (qsizetype i = 1; i < text.size() && field < 4; ++i) {
        const char c = text[i];
        if (c >= '0' && c <= '9') {
            fields[field] = fields[field] * 10 + (c - '0');
            any = true;
        } else if (c == ':') {
            ++field;
            any = false;
        } else {
            break;
        }
    }
    if (field != 3 || !any)
        return std::nullopt;
    return Stamp{quint32(fields[0]), quint32(fields[1]), quint32(fields[2]), fields[3]};
}

} // namespace Parley::Bench
