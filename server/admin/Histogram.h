#pragma once

/// A Prometheus histogram with fixed upper bounds, observed from any thread (relaxed atomics:
/// a scrape may see one observation half-counted, which Prometheus tolerates).

#include <QtCore/QAtomicInteger>
#include <QtCore/QByteArray>

#include <atomic>
#include <initializer_list>
#include <memory>
#include <vector>

namespace Parley {

class Histogram
{
public:
    explicit Histogram(std::initializer_list<double> upperBounds);

    void observe(double value);
    /// Appends the _bucket, _sum and _count lines (with HELP and TYPE) to `out`.
    void render(QByteArray &out, const char *name, const char *help) const;

private:
    std::vector<double> m_bounds;
    std::unique_ptr<QAtomicInteger<quint64>[]> m_buckets; ///< per bound, not cumulative
    QAtomicInteger<quint64> m_count = 0;
    std::atomic<double> m_sum = 0;
};

} // namespace Parley
