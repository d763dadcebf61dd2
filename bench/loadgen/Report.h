#pragma once

/// Turns the JSON results of one bench/run into the markdown table (absolute figures and
/// Parley ÷ peer ratios), gnuplot data and script for latency-against-load plots, and, with
/// --check, the correctness verdict bench-smoke relies on (every message arrived once).

#include <QtCore/QJsonObject>
#include <QtCore/QList>
#include <QtCore/QString>

namespace Parley::Bench {

struct ReportOptions
{
    QString resultsDir;
    QString markdownFile; ///< empty: stdout
    QString plotsDir; ///< empty: no plot files
    QString reference; ///< label the ratios divide by; empty: the first parleyd wss result
    QString command;
    bool check = false;
};

class Report
{
public:
    explicit Report(ReportOptions options);

    /// Writes everything; returns the process exit code (1 when --check finds a fault).
    int write();

private:
    QString markdown() const;
    void writePlots() const;
    /// Human-readable faults: lost or duplicated messages, failed passes.
    QStringList faults() const;

    ReportOptions m_options;
    QList<QJsonObject> m_results;
    int m_reference = -1;
};

} // namespace Parley::Bench
