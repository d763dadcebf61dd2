#pragma once

/// A mergeable log-linear histogram of latencies in microseconds (relative error < 1.6 %).

#include <QtCore/QJsonArray>

#include <array>

namespace Parley::Bench {

class LatencyHistogram
{
public:
    void record(qint64 micros);
    void merge(const LatencyHistogram &other);
    void clear();

    qint64 count() const { return m_count; }
    qint64 max() const { return m_max; }
    /// The latency below which a fraction `p` (0..1) of the samples lie; 0 when empty.
    qint64 percentile(double p) const;

    /// Sparse [[bucket, count], …] plus the maximum, for the workers' reports.
    QJsonArray toJson() const;
    static LatencyHistogram fromJson(const QJsonArray &array);

private:
    static constexpr int BucketCount = 2560;
    static int bucketOf(qint64 micros);
    static qint64 valueOf(int bucket);

    std::array<quint64, BucketCount> m_counts{};
    qint64 m_count = 0;
    qint64 m_max = 0;
};

} // namespace Parley::Bench
