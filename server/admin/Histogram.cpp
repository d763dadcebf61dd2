#include "Histogram.h"

#include <algorithm>

namespace Parley {

Histogram::Histogram(std::initializer_list<double> upperBounds)
    : m_bounds(upperBounds),
      m_buckets(new QAtomicInteger<quint64>[upperBounds.size()])
{
    for (std::size_t i = 0; i < m_bounds.size(); ++i)
        m_buckets[i].storeRelaxed(0);
}

void Histogram::observe(double value)
{
    const auto it = std::lower_bound(m_bounds.begin(), m_bounds.end(), value);
    if (it != m_bounds.end())
        m_buckets[std::size_t(it - m_bounds.begin())].ref();
    m_count.ref();
    m_sum.fetch_add(value, std::memory_order_relaxed);
}

void Histogram::render(QByteArray &out, const char *name, const char *help) const
{
    const auto line = [&](const char *suffix, const QByteArray &labels, const QByteArray &value) {
        out.append(name).append(suffix).append(labels).append(' ').append(value).append('\n');
    };
    out.append("# HELP ").append(name).append(' ').append(help).append('\n');
    out.append("# TYPE ").append(name).append(" histogram\n");
    quint64 cumulative = 0;
    for (std::size_t i = 0; i < m_bounds.size(); ++i) {
        cumulative += m_buckets[i].loadRelaxed();
        line("_bucket",
             QByteArray("{le=\"").append(QByteArray::number(m_bounds[i], 'g', 6)).append("\"}"),
             QByteArray::number(cumulative));
    }
    const quint64 count = m_count.loadRelaxed();
    line("_bucket", "{le=\"+Inf\"}", QByteArray::number(count));
    line("_sum", {}, QByteArray::number(m_sum.load(std::memory_order_relaxed), 'g', 12));
    line("_count", {}, QByteArray::number(count));
}

} // namespace Parley
