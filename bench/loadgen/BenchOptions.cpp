#include "BenchOptions.h"

#include <QtCore/QCommandLineParser>
#include <QtCore/QCoreApplication>
#include <QtCore/QDir>

namespace Parley::Bench {

using namespace Qt::StringLiterals;

namespace {

QList<double> numbers(const QString &text)
{
    QList<double> out;
    for (const QString &part : text.split(u',', Qt::SkipEmptyParts))
        out.append(part.toDouble());
    return out;
}

QList<qint64> pids(const QString &text)
{
    QList<qint64> out;
    for (const QString &part : text.split(u',', Qt::SkipEmptyParts))
        out.append(part.toLongLong());
    return out;
}

} // namespace

BenchMode parseCommandLine(const QCoreApplication &app)
{
    QCommandLineParser p;
    p.setApplicationDescription(
            u"Parley's load generator. Drives one server (parleyd, the raw Qt peer, Socket.IO or "
            "ejabberd) through the bench scenarios and writes one JSON result; bench/run runs "
            "every peer and makes the report."_s);
    p.addHelpOption();
    const QList<QCommandLineOption> options{
            {u"peer"_s, u"parley, rawqt, socketio or xmpp."_s, u"kind"_s, u"parley"_s},
            {u"url"_s, u"The server's WebSocket URL (ws:// or wss://)."_s, u"url"_s},
            {u"label"_s, u"Name of this pass in the report."_s, u"label"_s, u"run"_s},
            {u"server"_s, u"Server name for the report."_s, u"name"_s, u"parleyd"_s},
            {u"store"_s, u"Storage behind the server, for the report."_s, u"store"_s, u"none"_s},
            {u"server-pid"_s,
             u"Server process id(s), comma separated: CPU and RSS are read from them."_s,
             u"pids"_s},
            {u"out"_s, u"Result file (JSON) or, with --report, the markdown file."_s, u"file"_s},
            {u"work-dir"_s, u"Folder for the plan file."_s, u"dir"_s, QDir::tempPath()},
            {u"users"_s, u"Connected users (at least pairs*2 and groups*group-size)."_s, u"n"_s,
             u"100"_s},
            {u"pairs"_s, u"One-to-one pairs."_s, u"n"_s, u"50"_s},
            {u"groups"_s, u"Groups for the fan-out scenario."_s, u"n"_s, u"1"_s},
            {u"group-size"_s, u"Members per group."_s, u"n"_s, u"100"_s},
            {u"group-senders"_s, u"Members of each group who send."_s, u"n"_s, u"10"_s},
            {u"workers"_s, u"Load processes."_s, u"n"_s, u"2"_s},
            {u"threads"_s, u"Threads per load process."_s, u"n"_s, u"2"_s},
            {u"window"_s, u"Connections opened at once, all processes together."_s, u"n"_s,
             u"32"_s},
            {u"setup-window"_s, u"Accounts and conversations created at once."_s, u"n"_s, u"4"_s},
            {u"own-idle-accounts"_s,
             u"Parley: register every idle user instead of sharing one account."_s},
            {u"step-ms"_s, u"Length of one load step."_s, u"ms"_s, u"3000"_s},
            {u"rates"_s, u"One-to-one offered rates, messages/s, ascending."_s, u"list"_s,
             u"200,400"_s},
            {u"fanout-rates"_s, u"Fan-out offered rates, messages/s, ascending."_s, u"list"_s,
             u"20,40"_s},
            {u"storm-rate"_s, u"Messages/s sent through the reconnect storm."_s, u"n"_s, u"200"_s},
            {u"storm-ms"_s, u"Length of the storm's send schedule."_s, u"ms"_s, u"3000"_s},
            {u"catch-up"_s, u"Messages the offline device catches up on."_s, u"n"_s, u"10000"_s},
            {u"body-bytes"_s, u"Message body size."_s, u"n"_s, u"64"_s},
            {u"target-ms"_s, u"p99 latency target for the one-to-one figure."_s, u"ms"_s, u"10"_s},
            {u"scenarios"_s, u"Comma separated: connections,one-to-one,fan-out,storm,catch-up."_s,
             u"list"_s, u"connections,one-to-one,fan-out,storm,catch-up"_s},
            {u"worker"_s, u"Internal: run as a load process."_s},
            {u"plan"_s, u"Internal: the plan file of a load process."_s, u"file"_s},
            {u"worker-index"_s, u"Internal: this load process's number."_s, u"n"_s, u"0"_s},
            {u"report"_s, u"Make the report from the JSON results in this folder."_s, u"dir"_s},
            {u"plots"_s, u"With --report: folder for gnuplot data, script and PNGs."_s, u"dir"_s},
            {u"reference"_s, u"With --report: the result label the ratios divide by."_s,
             u"label"_s},
            {u"command"_s, u"With --report: the command line to print in the report."_s, u"text"_s},
            {u"check"_s, u"With --report: exit 1 unless every message arrived exactly once."_s},
    };
    p.addOptions(options);
    p.process(app);

    if (p.isSet(u"worker"_s)) {
        return WorkerOptions{p.value(u"plan"_s), p.value(u"worker-index"_s).toInt(),
                             std::max(1, p.value(u"workers"_s).toInt()),
                             std::max(1, p.value(u"threads"_s).toInt())};
    }
    if (p.isSet(u"report"_s)) {
        return ReportOptions{p.value(u"report"_s),    p.value(u"out"_s),     p.value(u"plots"_s),
                             p.value(u"reference"_s), p.value(u"command"_s), p.isSet(u"check"_s)};
    }
    const auto peer = peerKindFromName(p.value(u"peer"_s));
    if (!peer)
        return u"unknown --peer %1"_s.arg(p.value(u"peer"_s));
    const QUrl url(p.value(u"url"_s));
    if (!url.isValid() || (url.scheme() != u"ws"_s && url.scheme() != u"wss"_s))
        return u"--url must be a ws:// or wss:// URL"_s;
    CoordinatorOptions o;
    o.peer = *peer;
    o.url = url;
    o.label = p.value(u"label"_s);
    o.server = p.value(u"server"_s);
    o.store = p.value(u"store"_s);
    o.serverPids = pids(p.value(u"server-pid"_s));
    o.outFile = p.value(u"out"_s);
    o.workDir = p.value(u"work-dir"_s);
    o.users = p.value(u"users"_s).toInt();
    o.pairs = std::max(1, p.value(u"pairs"_s).toInt());
    o.groups = std::max(0, p.value(u"groups"_s).toInt());
    o.groupSize = std::max(2, p.value(u"group-size"_s).toInt());
    o.groupSenders = std::max(1, p.value(u"group-senders"_s).toInt());
    o.workers = std::max(1, p.value(u"workers"_s).toInt());
    o.threads = std::max(1, p.value(u"threads"_s).toInt());
    o.window = std::max(1, p.value(u"window"_s).toInt());
    o.setupWindow = std::max(1, p.value(u"setup-window"_s).toInt());
    o.shareIdleAccount = !p.isSet(u"own-idle-accounts"_s);
    o.stepMs = std::max(100, p.value(u"step-ms"_s).toInt());
    o.oneToOneRates = numbers(p.value(u"rates"_s));
    o.fanOutRates = numbers(p.value(u"fanout-rates"_s));
    o.stormRate = p.value(u"storm-rate"_s).toDouble();
    o.stormMs = std::max(300, p.value(u"storm-ms"_s).toInt());
    o.catchUpMessages = std::max(1, p.value(u"catch-up"_s).toInt());
    o.bodyBytes = std::max(24, p.value(u"body-bytes"_s).toInt());
    o.latencyTargetMs = p.value(u"target-ms"_s).toDouble();
    o.scenarios = p.value(u"scenarios"_s).split(u',', Qt::SkipEmptyParts);
    if (o.groups == 0)
        o.scenarios.removeAll(u"fan-out"_s);
    return o;
}

} // namespace Parley::Bench
