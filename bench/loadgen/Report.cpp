#include "Report.h"

#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QLocale>
#include <QtCore/QSaveFile>
#include <QtCore/QTextStream>

#include <algorithm>
#include <cmath>
#include <functional>
#include <optional>

namespace Parley::Bench {

using namespace Qt::StringLiterals;

namespace {

int serverOrder(const QJsonObject &r)
{
    const QString s = r.value(u"server"_s).toString();
    if (s == u"parleyd"_s)
        return 0;
    if (s == u"rawqt"_s)
        return 1;
    if (s == u"socketio"_s)
        return 2;
    return 3;
}

QString number(double v)
{
    if (std::isnan(v))
        return u"–"_s;
    const double a = std::abs(v);
    if (a >= 100)
        return QLocale::c().toString(std::round(v), 'f', 0).replace(u',', u' ');
    if (a >= 10)
        return QString::number(v, 'f', 1);
    if (a >= 1)
        return QString::number(v, 'f', 2);
    return QString::number(v, 'g', 2);
}

QJsonObject at(const QJsonObject &r, QStringView path)
{
    QJsonObject o = r;
    for (QStringView part : path.split(u'.'))
        o = o.value(part.toString()).toObject();
    return o;
}

double value(const QJsonObject &r, QStringView path)
{
    const qsizetype dot = path.lastIndexOf(u'.');
    const QJsonObject o = dot < 0 ? r : at(r, path.first(dot));
    const QJsonValue v = o.value(path.sliced(dot + 1).toString());
    return v.isDouble() ? v.toDouble() : std::nan("");
}

struct Figure
{
    QString name;
    std::function<double(const QJsonObject &)> get;
    bool higherIsBetter;
};

QList<Figure> figures()
{
    auto v = [](QString path) { return [path](const QJsonObject &r) { return value(r, path); }; };
    return {
            {u"idle connection, KiB per connection (server RSS)"_s,
             v(u"connections.kibPerConnection"_s), false},
            {u"connections opened per second"_s, v(u"connections.connectsPerSecond"_s), true},
            {u"connections per server CPU-second"_s, v(u"connections.connectsPerServerCpuSecond"_s),
             true},
            {u"1:1 messages/s at saturation"_s, v(u"oneToOne.saturation"_s), true},
            {u"1:1 highest offered rate with p99 send→receive under target"_s,
             v(u"oneToOne.bestRateUnderTarget"_s), true},
            {u"1:1 p50 send→ack at half load, ms"_s, v(u"oneToOne.half.ackP50"_s), false},
            {u"1:1 p99 send→ack at half load, ms"_s, v(u"oneToOne.half.ackP99"_s), false},
            {u"1:1 p50 send→receive at half load, ms"_s, v(u"oneToOne.half.receiveP50"_s), false},
            {u"1:1 p99 send→receive at half load, ms"_s, v(u"oneToOne.half.receiveP99"_s), false},
            {u"1:1 p999 send→receive at half load, ms"_s, v(u"oneToOne.half.receiveP999"_s), false},
            {u"1:1 server CPU-µs per message (half load)"_s,
             v(u"oneToOne.half.serverCpuUsPerMessage"_s), false},
            {u"fan-out deliveries/s at saturation"_s, v(u"fanOut.saturationDeliveries"_s), true},
            {u"fan-out p50 send→receive at half, ms"_s, v(u"fanOut.half.receiveP50"_s), false},
            {u"fan-out p99 send→receive at half, ms"_s, v(u"fanOut.half.receiveP99"_s), false},
            {u"fan-out server CPU-µs per delivery (half)"_s,
             v(u"fanOut.half.serverCpuUsPerDelivery"_s), false},
            {u"storm: all reconnected, ms"_s, v(u"storm.reconnectMs"_s), false},
            {u"storm: all caught up, ms"_s, v(u"storm.caughtUpMs"_s), false},
            {u"storm: lost"_s, v(u"storm.lost"_s), false},
            {u"storm: duplicated"_s, v(u"storm.duplicates"_s), false},
            {u"catch-up: offline device synced, ms"_s, v(u"catchUp.syncedMs"_s), false},
            {u"catch-up: lost / duplicated"_s,
             [](const QJsonObject &r) {
                 return value(r, u"catchUp.lost"_s) + value(r, u"catchUp.duplicates"_s);
             },
             false},
            {u"load generator CPU % during 1:1 half load"_s, v(u"oneToOne.half.loadCpuPct"_s),
             false},
            {u"server CPU % during 1:1 half load"_s, v(u"oneToOne.half.serverCpuPct"_s), false},
            {u"other CPU % during 1:1 half load"_s, v(u"oneToOne.half.otherCpuPct"_s), false},
    };
}

QString columnName(const QJsonObject &r)
{
    return r.value(u"label"_s).toString();
}

} // namespace

Report::Report(ReportOptions options) : m_options(std::move(options))
{
    const QDir dir(m_options.resultsDir);
    for (const QString &name : dir.entryList({u"*.json"_s}, QDir::Files, QDir::Name)) {
        if (name.startsWith(u"plan-"_s))
            continue;
        QFile f(dir.filePath(name));
        if (!f.open(QIODevice::ReadOnly))
            continue;
        const QJsonObject r = QJsonDocument::fromJson(f.readAll()).object();
        if (r.contains(u"label"_s))
            m_results.append(r);
    }
    std::stable_sort(m_results.begin(), m_results.end(),
                     [](const QJsonObject &a, const QJsonObject &b) {
                         return serverOrder(a) < serverOrder(b);
                     });
    for (int i = 0; i < m_results.size(); ++i) {
        const QJsonObject &r = m_results.at(i);
        if (m_options.reference.isEmpty()
                    ? (serverOrder(r) == 0 && r.value(u"transport"_s) == u"wss"_s)
                    : columnName(r) == m_options.reference) {
            m_reference = i;
            break;
        }
    }
    if (m_reference < 0 && !m_results.isEmpty() && serverOrder(m_results.first()) == 0)
        m_reference = 0;
}

QString Report::markdown() const
{
    QString out;
    QTextStream s(&out);
    const QList<Figure> figs = figures();
    QList<int> peers; // columns that get a ratio: other servers, and parleyd on Qt's transport
    for (int i = 0; i < m_results.size(); ++i) {
        if (serverOrder(m_results.at(i)) != 0 || columnName(m_results.at(i)).endsWith(u"-qt"_s))
            peers.append(i);
    }
    s << "| figure |";
    for (const QJsonObject &r : m_results)
        s << ' ' << columnName(r) << " |";
    if (m_reference >= 0) {
        for (int p : peers)
            s << " " << columnName(m_results.at(m_reference)) << " ÷ "
              << columnName(m_results.at(p)) << " |";
    }
    s << "\n|---|";
    for (int i = 0; i < m_results.size() + (m_reference >= 0 ? peers.size() : 0); ++i)
        s << "---:|";
    s << '\n';
    for (const Figure &f : figs) {
        bool any = false;
        for (const QJsonObject &r : m_results)
            any = any || !std::isnan(f.get(r));
        if (!any)
            continue;
        s << "| " << f.name << (f.higherIsBetter ? " ↑" : " ↓") << " |";
        for (const QJsonObject &r : m_results)
            s << ' ' << number(f.get(r)) << " |";
        if (m_reference >= 0) {
            const double ref = f.get(m_results.at(m_reference));
            for (int p : peers) {
                const double other = f.get(m_results.at(p));
                if (std::isnan(ref) || std::isnan(other) || other == 0)
                    s << " – |";
                else
                    s << ' ' << QString::number(ref / other, 'f', 2) << " |";
            }
        }
        s << '\n';
    }
    s << "\n↑ higher is better, ↓ lower is better; a ratio above 1 is Parley ahead only for ↑ "
         "rows.\n";
    s << "– : not applicable to that server (no storage, no acknowledgement) or not measured.\n\n";

    // What each pass did, for the record.
    s << "| pass | server | store | transport | users | pairs | groups × members (senders) | setup "
         "s | pass s | ok |\n";
    s << "|---|---|---|---|---:|---:|---|---:|---:|---|\n";
    for (const QJsonObject &r : m_results) {
        const QJsonObject load = r.value(u"load"_s).toObject();
        s << "| " << columnName(r) << " | " << r.value(u"server"_s).toString() << " | "
          << r.value(u"store"_s).toString() << " | " << r.value(u"transport"_s).toString() << " | "
          << load.value(u"users"_s).toInt() << " | " << load.value(u"pairs"_s).toInt() << " | "
          << load.value(u"groups"_s).toInt() << " × " << load.value(u"groupSize"_s).toInt() << " ("
          << load.value(u"groupSenders"_s).toInt() << ") | "
          << number(r.value(u"setupSeconds"_s).toDouble()) << " | "
          << number(r.value(u"seconds"_s).toDouble()) << " | "
          << (r.value(u"ok"_s).toBool() ? u"yes"_s
                                        : QString(u"**no**: "_s + r.value(u"error"_s).toString()))
          << " |\n";
    }

    // Every load step, so the curves behind the plots can be read as numbers.
    for (const auto &[key, title] : {std::pair{u"oneToOne"_s, u"One-to-one steps"_s},
                                     std::pair{u"fanOut"_s, u"Fan-out steps"_s}}) {
        s << "\n#### " << title << "\n\n";
        s << "| pass | offered msg/s | acked msg/s | deliveries/s | ack p50 / p99 ms | receive p50 "
             "/ p99 / p999 ms "
             "| server CPU % | load CPU % | other CPU % | server µs/msg | server µs/delivery | "
             "lost | dup |\n";
        s << "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n";
        for (const QJsonObject &r : m_results) {
            QJsonArray steps = at(r, key).value(u"steps"_s).toArray();
            const QJsonObject half = at(r, key).value(u"half"_s).toObject();
            if (!half.isEmpty())
                steps.append(half);
            for (const QJsonValue &v : steps) {
                const QJsonObject st = v.toObject();
                auto n = [&](QStringView k) { return number(st.value(k.toString()).toDouble()); };
                s << "| " << columnName(r) << (v.toObject() == half ? u" (half)"_s : QString())
                  << " | " << n(u"offered") << " | " << n(u"achieved") << " | " << n(u"deliveries")
                  << " | " << n(u"ackP50") << " / " << n(u"ackP99") << " | " << n(u"receiveP50")
                  << " / " << n(u"receiveP99") << " / " << n(u"receiveP999") << " | "
                  << n(u"serverCpuPct") << " | " << n(u"loadCpuPct") << " | " << n(u"otherCpuPct")
                  << " | " << n(u"serverCpuUsPerMessage") << " | " << n(u"serverCpuUsPerDelivery")
                  << " | " << st.value(u"lost"_s).toInteger() << " | "
                  << st.value(u"duplicates"_s).toInteger() << " |\n";
            }
        }
    }
    return out;
}

void Report::writePlots() const
{
    if (m_options.plotsDir.isEmpty())
        return;
    QDir().mkpath(m_options.plotsDir);
    const QDir dir(m_options.plotsDir);
    QString script;
    QTextStream gp(&script);
    gp << "set terminal pngcairo size 900,560 noenhanced\nset grid\nset logscale y\nset key "
          "outside right\n"
          "set ylabel 'p99 send→receive latency (ms)'\n";
    for (const auto &[key, xfield, xlabel] :
         {std::tuple{u"oneToOne"_s, u"achieved"_s, u"achieved one-to-one messages/s"_s},
          std::tuple{u"fanOut"_s, u"deliveries"_s, u"achieved fan-out deliveries/s"_s}}) {
        QStringList plots;
        for (const QJsonObject &r : m_results) {
            const QJsonArray steps = at(r, key).value(u"steps"_s).toArray();
            if (steps.isEmpty())
                continue;
            const QString data = key + u'-' + columnName(r) + u".dat"_s;
            QSaveFile f(dir.filePath(data));
            if (!f.open(QIODevice::WriteOnly))
                continue;
            QTextStream t(&f);
            t << "# offered " << xfield << " p50_ms p99_ms p999_ms\n";
            for (const QJsonValue &v : steps) {
                const QJsonObject st = v.toObject();
                t << st.value(u"offered"_s).toDouble() << ' ' << st.value(xfield).toDouble() << ' '
                  << std::max(0.01, st.value(u"receiveP50"_s).toDouble()) << ' '
                  << std::max(0.01, st.value(u"receiveP99"_s).toDouble()) << ' '
                  << std::max(0.01, st.value(u"receiveP999"_s).toDouble()) << '\n';
            }
            t.flush();
            if (!f.commit())
                continue;
            plots.append(
                    u"'%1' using 2:4 with linespoints title '%2 p99'"_s.arg(data, columnName(r)));
        }
        if (plots.isEmpty())
            continue;
        gp << "set output '" << key << "-latency.png'\n";
        gp << "set xlabel '" << xlabel << "'\n";
        gp << "set title '" << (key == u"oneToOne"_s ? "One-to-one" : "Fan-out (groups)")
           << ": p99 latency against load'\n";
        gp << "plot " << plots.join(u", \\\n     "_s) << "\n";
    }
    QSaveFile f(dir.filePath(u"latency.gp"_s));
    if (f.open(QIODevice::WriteOnly)) {
        f.write(script.toUtf8());
        if (!f.commit())
            fprintf(stderr, "parley-bench: cannot write latency.gp\n");
    }
}

QStringList Report::faults() const
{
    QStringList out;
    for (const QJsonObject &r : m_results) {
        const QString name = columnName(r);
        if (!r.value(u"ok"_s).toBool())
            out.append(name + u": pass failed: "_s + r.value(u"error"_s).toString());
        for (const QString &key : {u"oneToOne"_s, u"fanOut"_s}) {
            const QJsonObject s = r.value(key).toObject();
            if (s.isEmpty())
                continue;
            if (s.value(u"lost"_s).toInteger() || s.value(u"duplicates"_s).toInteger())
                out.append(u"%1: %2 lost %3, duplicated %4"_s.arg(name, key)
                                   .arg(s.value(u"lost"_s).toInteger())
                                   .arg(s.value(u"duplicates"_s).toInteger()));
        }
        const QJsonObject storm = r.value(u"storm"_s).toObject();
        if (storm.value(u"stores"_s).toBool()
            && (storm.value(u"lost"_s).toInteger() || storm.value(u"duplicates"_s).toInteger()
                || !storm.value(u"complete"_s).toBool()))
            out.append(u"%1: storm lost %2, duplicated %3, complete %4"_s.arg(name)
                               .arg(storm.value(u"lost"_s).toInteger())
                               .arg(storm.value(u"duplicates"_s).toInteger())
                               .arg(storm.value(u"complete"_s).toBool()));
        const QJsonObject catchUp = r.value(u"catchUp"_s).toObject();
        if (catchUp.value(u"applicable"_s).toBool()
            && (catchUp.value(u"lost"_s).toInteger() || catchUp.value(u"duplicates"_s).toInteger()))
            out.append(u"%1: catch-up lost %2, duplicated %3"_s.arg(name)
                               .arg(catchUp.value(u"lost"_s).toInteger())
                               .arg(catchUp.value(u"duplicates"_s).toInteger()));
    }
    return out;
}

int Report::write()
{
    if (m_results.isEmpty()) {
        fprintf(stderr, "parley-bench: no results in %s\n", qPrintable(m_options.resultsDir));
        return 1;
    }
    const QString md = markdown();
    if (m_options.markdownFile.isEmpty()) {
        fputs(md.toUtf8().constData(), stdout);
    } else {
        QSaveFile f(m_options.markdownFile);
        if (!f.open(QIODevice::WriteOnly)) {
            fprintf(stderr, "parley-bench: cannot write %s\n", qPrintable(m_options.markdownFile));
            return 1;
        }
        f.write(md.toUtf8());
        if (!f.commit())
            return 1;
    }
    writePlots();
    if (!m_options.check)
        return 0;
    const QStringList problems = faults();
    for (const QString &p : problems)
        fprintf(stderr, "FAULT %s\n", qPrintable(p));
    fprintf(stdout, "correctness: %d passes checked, %d faults\n", int(m_results.size()),
            int(problems.size()));
    return problems.isEmpty() ? 0 : 1;
}

} // namespace Parley::Bench
