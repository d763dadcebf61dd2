#include "LatencyHistogram.h"

#include <algorithm>
#include <bit>

namespace Parley::Bench {

// Values below 128 µs have a bucket each; above, each power of two is split into 64 buckets.
int LatencyHistogram::bucketOf(qint64 micros)
{
    const auto v = quint64(std::clamp<qint64>(micros, 0, qint64(1) << 40));
    if (v < 128)
        return int(v);
    const int shift = std::bit_width(v) - 7;
    return shift * 64 + int(v >> shift);
}

qint64 LatencyHistogram::valueOf(int bucket)
{
    if (bucket < 128)
        return bucket;
    const int shift = bucket / 64 - 1;
    const qint64 mantissa = bucket - 64 * shift;
    return (mantissa << shift) + ((qint64(1) << shift) / 2);
}

void LatencyHistogram::record(qint64 micros)
{
    ++m_counts[size_t(bucketOf(micros))];
    ++m_count;
    m_max = std::max(m_max, micros);
}

void LatencyHistogram::merge(const LatencyHistogram &other)
{
    for (int i = 0; i < BucketCount; ++i)
        m_counts[size_t(i)] += other.m_counts[size_t(i)];
    m_count += other.m_count;
    m_max = std::max(m_max, other.m_max);
}

void LatencyHistogram::clear()
{
    m_counts.fill(0);
    m_count = 0;
    m_max = 0;
}

qint64 LatencyHistogram::percentile(double p) const
{
    if (m_count == 0)
        return 0;
    const auto rank = quint64(std::max<double>(1.0, p * double(m_count)));
    quint64 seen = 0;
    for (int i = 0; i < BucketCount; ++i) {
        seen += m_counts[size_t(i)];
        if (seen >= rank)
            return std::min(valueOf(i), m_max);
    }
    return m_max;
}

QJsonArray LatencyHistogram::toJson() const
{
    QJsonArray array{m_max};
    for (int i = 0; i < BucketCount; ++i) {
        if (m_counts[size_t(i)])
            array.append(QJsonArray{i, qint64(m_counts[size_t(i)])});
    }
    return array;
}

LatencyHistogram LatencyHistogram::fromJson(const QJsonArray &array)
{
    LatencyHistogram h;
    if (array.isEmpty())
        return h;
    h.m_max = array.first().toInteger();
    for (qsizetype i = 1; i < array.size(); ++i) {
        const QJsonArray pair = array.at(i).toArray();
        const int bucket = pair.at(0).toInt(-1);
        const qint64 count = pair.at(1).toInteger();
        if (bucket < 0 || bucket >= BucketCount || count <= 0)
            continue;
        h.m_counts[size_t(bucket)] += quint64(count);
        h.m_count += count;
    }
    return h;
}

} // namespace Parley::Bench
