#include "Coordinator.h"

#include "LatencyHistogram.h"
#include "Logging.h"
#include "PhaseStats.h"
#include "Provisioner.h"
#include "Stamp.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QDateTime>
#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QJsonDocument>
#include <QtCore/QProcess>
#include <QtCore/QSaveFile>
#include <QtCore/QSysInfo>
#include <QtCore/QThread>
#include <QtCore/QTimer>

#include <cmath>
#include <utility>

namespace Parley::Bench {

using namespace Qt::StringLiterals;

namespace {
constexpr qint64 MsNs = 1'000'000;
constexpr int PollMs = 50;

double ms(qint64 micros)
{
    return double(micros) / 1000.0;
}

double round2(double v)
{
    return std::round(v * 100.0) / 100.0;
}
} // namespace

Coordinator::Coordinator(const CoordinatorOptions &options, QObject *parent)
    : QObject(parent),
      m_options(options)
{
}

Coordinator::~Coordinator()
{
    for (QProcess *p : std::as_const(m_workers)) {
        p->disconnect(this);
        if (p->state() != QProcess::NotRunning)
            p->kill();
    }
}

void Coordinator::start()
{
    m_startNs = monotonicNs();
    m_plan = Plan::layout(m_options.peer, m_options.url, m_options.users, m_options.pairs,
                          m_options.groups, m_options.groupSize, m_options.groupSenders);
    m_plan.bodyBytes = m_options.bodyBytes;
    qCInfo(lcBench).noquote() << m_options.label << ":" << m_plan.users.size() << "users,"
                              << m_plan.conversations.size() << "conversations";
    m_provisioner =
            new Provisioner(m_plan, m_options.setupWindow, m_options.shareIdleAccount, this);
    const qint64 setupStart = monotonicNs();
    m_provisioner->run([this, setupStart](const QString &error) {
        if (!error.isEmpty()) {
            finish(error);
            return;
        }
        m_results.insert(u"setupSeconds"_s, round2(double(monotonicNs() - setupStart) / 1e9));
        m_provisioner->deleteLater();
        m_provisioner = nullptr;
        startWorkers();
    });
}

void Coordinator::startWorkers()
{
    QDir().mkpath(m_options.workDir);
    const QString planFile = m_options.workDir + u"/plan-"_s + m_options.label + u".json"_s;
    QSaveFile file(planFile);
    if (!file.open(QIODevice::WriteOnly)) {
        finish(u"cannot write "_s + planFile);
        return;
    }
    file.write(QJsonDocument(m_plan.toJson()).toJson(QJsonDocument::Compact));
    if (!file.commit()) {
        finish(u"cannot write "_s + planFile);
        return;
    }
    for (int w = 0; w < m_options.workers; ++w) {
        auto *process = new QProcess(this);
        process->setProcessChannelMode(QProcess::SeparateChannels);
        process->setReadChannel(QProcess::StandardOutput);
        connect(process, &QProcess::readyReadStandardOutput, this, [this, w] { workerOutput(w); });
        connect(process, &QProcess::readyReadStandardError, this, [process] {
            const QByteArray err = process->readAllStandardError();
            fputs(err.constData(), stderr);
        });
        connect(process, &QProcess::finished, this, [this, w](int code) {
            if (!m_finished)
                finish(u"load process %1 exited with %2"_s.arg(w).arg(code));
            else if (++m_exited == m_workers.size())
                QCoreApplication::exit(m_exitCode);
        });
        m_workers.append(process);
        m_buffers.append(QByteArray());
        process->start(QCoreApplication::applicationFilePath(),
                       {u"--worker"_s, u"--plan"_s, planFile, u"--worker-index"_s,
                        QString::number(w), u"--workers"_s, QString::number(m_options.workers),
                        u"--threads"_s, QString::number(m_options.threads)});
    }
}

void Coordinator::workerOutput(int worker)
{
    QProcess *process = m_workers.at(worker);
    m_buffers[worker].append(process->readAllStandardOutput());
    qsizetype newline;
    while ((newline = m_buffers[worker].indexOf('\n')) >= 0) {
        const QJsonObject event = QJsonDocument::fromJson(m_buffers[worker].left(newline)).object();
        m_buffers[worker].remove(0, newline + 1);
        if (event.value(u"ev"_s) == u"started"_s) {
            if (++m_started == m_options.workers)
                runScenarios();
            continue;
        }
        if (event.value(u"ev"_s) == u"error"_s) {
            finish(u"worker: "_s + event.value(u"message"_s).toString());
            return;
        }
        const int tag = event.value(u"tag"_s).toInt();
        auto it = m_pending.find(tag);
        if (it == m_pending.end())
            continue;
        it->answers.append(event);
        if (--it->remaining == 0) {
            Pending done = std::move(*it);
            m_pending.erase(it);
            done.done(done.answers);
        }
    }
}

void Coordinator::command(QJsonObject cmd, std::function<void(const Answers &)> done,
                          QList<int> workers)
{
    if (workers.isEmpty()) {
        for (int w = 0; w < m_workers.size(); ++w)
            workers.append(w);
    }
    const int tag = m_nextTag++;
    cmd.insert(u"tag"_s, tag);
    m_pending.insert(tag, Pending{int(workers.size()), {}, std::move(done)});
    QByteArray line = QJsonDocument(cmd).toJson(QJsonDocument::Compact);
    line.append('\n');
    for (int w : workers)
        m_workers.at(w)->write(line);
}

void Coordinator::after(int msDelay, Step step)
{
    QTimer::singleShot(msDelay, this, std::move(step));
}

QList<qint64> Coordinator::loadPids() const
{
    QList<qint64> pids{QCoreApplication::applicationPid()};
    for (QProcess *p : m_workers)
        pids.append(p->processId());
    return pids;
}

qint64 Coordinator::serverRssKiB() const
{
    qint64 total = 0;
    for (qint64 pid : m_options.serverPids)
        total += ProcessStats::rssKiB(pid);
    return total;
}

int Coordinator::senders(const QString &role) const
{
    if (role == u"pairs"_s)
        return 2 * m_plan.pairs;
    return m_plan.groups * m_plan.groupSenders;
}

// --- scenarios -------------------------------------------------------------------------------

void Coordinator::runScenarios()
{
    m_todo = m_options.scenarios;
    nextScenario();
}

void Coordinator::nextScenario()
{
    if (m_todo.isEmpty()) {
        finish();
        return;
    }
    const QString name = m_todo.takeFirst();
    qCInfo(lcBench).noquote() << m_options.label << ": scenario" << name;
    const Step next = [this] { nextScenario(); };
    if (name == u"connections"_s) {
        connections(next);
    } else if (name == u"one-to-one"_s) {
        openAll(false, [this, next] { oneToOne(next); });
    } else if (name == u"fan-out"_s) {
        openAll(false, [this, next] { fanOut(next); });
    } else if (name == u"storm"_s) {
        openAll(false, [this, next] { storm(next); });
    } else if (name == u"catch-up"_s) {
        catchUp(next);
    } else {
        finish(u"unknown scenario "_s + name);
    }
}

void Coordinator::openAll(bool measure, Step next)
{
    if (m_allOpen && !measure) {
        next();
        return;
    }
    const qint64 rssBefore = serverRssKiB();
    const CpuSample before = ProcessStats::sample(m_options.serverPids, loadPids());
    QJsonObject cmd{{u"cmd"_s, u"open"_s},
                    {u"from"_s, 0},
                    {u"to"_s, m_plan.loadUsers()},
                    {u"window"_s, std::max(1, m_options.window / m_options.workers)},
                    {u"retries"_s, 3}};
    command(cmd, [this, measure, next, rssBefore, before](const Answers &answers) {
        const CpuSample opened = ProcessStats::sample(m_options.serverPids, loadPids());
        double ok = 0, failed = 0, openMs = 0;
        for (const QJsonObject &a : answers) {
            ok += a.value(u"ok"_s).toDouble();
            failed += a.value(u"failed"_s).toDouble();
            openMs = std::max(openMs, a.value(u"ms"_s).toDouble());
        }
        m_allOpen = true;
        if (failed > 0)
            qCWarning(lcBench) << failed << "clients could not connect";
        if (!measure) {
            next();
            return;
        }
        // Let the server settle (buffers, lazily freed handshake state) before measuring.
        after(2000, [=, this] {
            const qint64 rssAfter = serverRssKiB();
            const double serverCpu = opened.serverSeconds - before.serverSeconds;
            QJsonObject r{{u"clients"_s, m_plan.loadUsers()},
                          {u"connected"_s, ok},
                          {u"failed"_s, failed},
                          {u"connectMs"_s, round2(openMs)},
                          {u"connectsPerSecond"_s, round2(ok / std::max(openMs / 1000.0, 1e-3))},
                          {u"connectsPerServerCpuSecond"_s, round2(ok / std::max(serverCpu, 1e-3))},
                          {u"serverCpuSeconds"_s, round2(serverCpu)},
                          {u"loadCpuSeconds"_s, round2(opened.loadSeconds - before.loadSeconds)},
                          {u"rssBeforeKiB"_s, rssBefore},
                          {u"rssAfterKiB"_s, rssAfter},
                          {u"kibPerConnection"_s,
                           round2(double(rssAfter - rssBefore) / std::max(ok, 1.0))}};
            m_results.insert(u"connections"_s, r);
            qCInfo(lcBench).noquote() << m_options.label << ": connections" << ok << "KiB/conn"
                                      << r.value(u"kibPerConnection"_s).toDouble();
            next();
        });
    });
}

void Coordinator::connections(Step next)
{
    openAll(true, std::move(next));
}

QJsonObject Coordinator::stepResult(double offered, int durationMs, const QJsonObject &statsJson,
                                    qint64 expected, const CpuSample &before,
                                    const CpuSample &after) const
{
    const PhaseStats s = PhaseStats::fromJson(statsJson);
    const double wallSeconds = double(after.ns - before.ns) / 1e9;
    const double ackSpan =
            s.firstSendNs && s.lastAckNs ? double(s.lastAckNs - s.firstSendNs) / 1e9 : 0;
    const double receiveSpan =
            s.firstSendNs && s.lastReceiveNs ? double(s.lastReceiveNs - s.firstSendNs) / 1e9 : 0;
    const double seconds = double(durationMs) / 1000.0;
    const double serverCpu = after.serverSeconds - before.serverSeconds;
    const double loadCpu = after.loadSeconds - before.loadSeconds;
    const double busy = after.busySeconds - before.busySeconds;
    const double cores = QThread::idealThreadCount();
    return {{u"offered"_s, offered},
            {u"ms"_s, durationMs},
            {u"sent"_s, s.sent},
            {u"acked"_s, s.acked},
            {u"rejected"_s, s.rejected},
            {u"received"_s, s.received},
            {u"expected"_s, expected},
            {u"lost"_s, std::max<qint64>(0, expected - s.received)},
            {u"duplicates"_s, s.duplicates},
            {u"achieved"_s, round2(double(s.acked) / std::max(seconds, ackSpan))},
            {u"deliveries"_s, round2(double(s.received) / std::max(seconds, receiveSpan))},
            {u"ackP50"_s, ms(s.ackLatency.percentile(0.50))},
            {u"ackP99"_s, ms(s.ackLatency.percentile(0.99))},
            {u"ackP999"_s, ms(s.ackLatency.percentile(0.999))},
            {u"receiveP50"_s, ms(s.receiveLatency.percentile(0.50))},
            {u"receiveP99"_s, ms(s.receiveLatency.percentile(0.99))},
            {u"receiveP999"_s, ms(s.receiveLatency.percentile(0.999))},
            {u"receiveMax"_s, ms(s.receiveLatency.max())},
            {u"serverCpuPct"_s, round2(100.0 * serverCpu / wallSeconds)},
            {u"loadCpuPct"_s, round2(100.0 * loadCpu / wallSeconds)},
            {u"otherCpuPct"_s, round2(100.0 * (busy - serverCpu - loadCpu) / wallSeconds)},
            {u"idlePct"_s, round2(100.0 * (cores * wallSeconds - busy) / wallSeconds)},
            {u"serverCpuUsPerMessage"_s,
             round2(1e6 * serverCpu / std::max<double>(1, double(s.acked)))},
            {u"serverCpuUsPerDelivery"_s,
             round2(1e6 * serverCpu / std::max<double>(1, double(s.received)))},
            {u"loadCpuUsPerDelivery"_s,
             round2(1e6 * loadCpu / std::max<double>(1, double(s.received)))},
            {u"serverRssKiB"_s, serverRssKiB()}};
}

void Coordinator::drain(quint32 phase, qint64 expectedPerAck, qint64 deadlineNs, qint64 quietNs,
                        std::function<void(const QJsonObject &)> done, qint64 lastProgress,
                        qint64 lastChangeNs)
{
    command(QJsonObject{{u"cmd"_s, u"stats"_s}, {u"phase"_s, qint64(phase)}},
            [=, this](const Answers &answers) {
                PhaseStats total;
                double pending = 0, ready = 0, redeliveries = 0;
                for (const QJsonObject &a : answers) {
                    total.merge(PhaseStats::fromJson(a));
                    pending += a.value(u"pending"_s).toDouble();
                    ready += a.value(u"ready"_s).toDouble();
                    redeliveries += a.value(u"seqRedeliveries"_s).toDouble();
                }
                QJsonObject json = total.toJson();
                json.insert(u"pending"_s, pending);
                json.insert(u"ready"_s, ready);
                json.insert(u"seqRedeliveries"_s, redeliveries);
                const qint64 now = monotonicNs();
                const bool complete = total.acked + total.rejected >= total.sent
                        && total.received >= total.acked * expectedPerAck;
                const qint64 progress = total.acked + total.received + total.rejected;
                const qint64 changed = progress != lastProgress ? now : lastChangeNs;
                if (complete || now >= deadlineNs || now - changed >= quietNs) {
                    done(json);
                    return;
                }
                after(PollMs, [=, this] {
                    drain(phase, expectedPerAck, deadlineNs, quietNs, done, progress, changed);
                });
            });
}

void Coordinator::measureLoad(const QString &role, double rate, int durationMs,
                              std::function<void(QJsonObject)> done)
{
    const quint32 phase = ++m_phase;
    const qint64 perAck = role == u"pairs"_s ? 1 : m_plan.groupSize - 1;
    const CpuSample before = ProcessStats::sample(m_options.serverPids, loadPids());
    const QJsonObject cmd{{u"cmd"_s, u"load"_s},
                          {u"phase"_s, qint64(phase)},
                          {u"role"_s, role},
                          {u"perSenderRate"_s, rate / senders(role)},
                          {u"ms"_s, durationMs}};
    command(cmd, [=, this](const Answers &) {
        const qint64 now = monotonicNs();
        drain(phase, perAck, now + 15'000 * MsNs, 2'000 * MsNs,
              [=, this](const QJsonObject &stats) {
                  const CpuSample afterSample =
                          ProcessStats::sample(m_options.serverPids, loadPids());
                  const qint64 expected = stats.value(u"acked"_s).toInteger() * perAck;
                  QJsonObject r =
                          stepResult(rate, durationMs, stats, expected, before, afterSample);
                  qCInfo(lcBench).noquote()
                          << m_options.label << ":" << role << "offered" << rate << "achieved"
                          << r.value(u"achieved"_s).toDouble() << "deliveries/s"
                          << r.value(u"deliveries"_s).toDouble() << "p50/p99 receive"
                          << r.value(u"receiveP50"_s).toDouble()
                          << r.value(u"receiveP99"_s).toDouble() << "ms; server CPU"
                          << r.value(u"serverCpuPct"_s).toDouble() << "% load"
                          << r.value(u"loadCpuPct"_s).toDouble() << "% lost"
                          << r.value(u"lost"_s).toInteger() << "dup"
                          << r.value(u"duplicates"_s).toInteger();
                  done(r);
              });
    });
}

void Coordinator::ramp(const QString &role, const QList<double> &rates, int index, QJsonArray steps,
                       std::function<void(QJsonArray)> done)
{
    if (index >= rates.size()) {
        done(steps);
        return;
    }
    const double rate = rates.at(index);
    measureLoad(role, rate, m_options.stepMs, [=, this](QJsonObject r) mutable {
        steps.append(r);
        const bool saturated = r.value(u"achieved"_s).toDouble() < 0.85 * rate
                || r.value(u"receiveP99"_s).toDouble() > 2000
                || r.value(u"lost"_s).toDouble() > 0.01 * r.value(u"expected"_s).toDouble();
        if (saturated) {
            done(steps);
            return;
        }
        after(500, [=, this] { ramp(role, rates, index + 1, steps, done); });
    });
}

void Coordinator::oneToOne(Step next)
{
    ramp(u"pairs"_s, m_options.oneToOneRates, 0, {}, [this, next](QJsonArray steps) {
        double saturation = 0, best = 0;
        qint64 lost = 0, duplicates = 0;
        for (const QJsonValue &v : steps) {
            const QJsonObject s = v.toObject();
            saturation = std::max(saturation, s.value(u"achieved"_s).toDouble());
            lost += s.value(u"lost"_s).toInteger();
            duplicates += s.value(u"duplicates"_s).toInteger();
            if (s.value(u"receiveP99"_s).toDouble() < m_options.latencyTargetMs
                && s.value(u"achieved"_s).toDouble() >= 0.95 * s.value(u"offered"_s).toDouble())
                best = std::max(best, s.value(u"offered"_s).toDouble());
        }
        const double half = std::max(1.0, std::round(saturation / 2));
        after(500, [=, this] {
            measureLoad(u"pairs"_s, half, m_options.stepMs, [=, this](QJsonObject h) {
                m_results.insert(u"oneToOne"_s,
                                 QJsonObject{{u"pairs"_s, m_plan.pairs},
                                             {u"steps"_s, steps},
                                             {u"saturation"_s, saturation},
                                             {u"bestRateUnderTarget"_s, best},
                                             {u"targetMs"_s, m_options.latencyTargetMs},
                                             {u"half"_s, h},
                                             {u"lost"_s, lost + h.value(u"lost"_s).toInteger()},
                                             {u"duplicates"_s,
                                              duplicates + h.value(u"duplicates"_s).toInteger()}});
                next();
            });
        });
    });
}

void Coordinator::fanOut(Step next)
{
    ramp(u"groups"_s, m_options.fanOutRates, 0, {}, [this, next](QJsonArray steps) {
        double saturation = 0, messages = 0;
        qint64 lost = 0, duplicates = 0;
        for (const QJsonValue &v : steps) {
            const QJsonObject s = v.toObject();
            if (s.value(u"deliveries"_s).toDouble() > saturation) {
                saturation = s.value(u"deliveries"_s).toDouble();
                messages = s.value(u"achieved"_s).toDouble();
            }
            lost += s.value(u"lost"_s).toInteger();
            duplicates += s.value(u"duplicates"_s).toInteger();
        }
        const double half = std::max(1.0, std::round(messages / 2));
        after(500, [=, this] {
            measureLoad(u"groups"_s, half, m_options.stepMs, [=, this](QJsonObject h) {
                m_results.insert(u"fanOut"_s,
                                 QJsonObject{{u"groups"_s, m_plan.groups},
                                             {u"members"_s, m_plan.groupSize},
                                             {u"senders"_s, m_plan.groupSenders},
                                             {u"steps"_s, steps},
                                             {u"saturationDeliveries"_s, saturation},
                                             {u"saturationMessages"_s, messages},
                                             {u"half"_s, h},
                                             {u"lost"_s, lost + h.value(u"lost"_s).toInteger()},
                                             {u"duplicates"_s,
                                              duplicates + h.value(u"duplicates"_s).toInteger()}});
                next();
            });
        });
    });
}

void Coordinator::storm(Step next)
{
    const quint32 phase = ++m_phase;
    const int clients = m_plan.loadUsers();
    const CpuSample before = ProcessStats::sample(m_options.serverPids, loadPids());
    const double rate = m_options.stormRate;
    auto state = std::make_shared<QJsonObject>();
    auto remaining = std::make_shared<int>(2); // the load schedule and the reconnection
    auto dropNs = std::make_shared<qint64>(0);
    // Without storage, what was sent to a device while it was away never comes: wait less.
    const bool stores = m_plan.peer == PeerKind::Parley || m_plan.peer == PeerKind::Xmpp;
    const qint64 quietNs = (stores ? 10'000 : 1'500) * MsNs;
    const Step bothDone = [=, this] {
        if (--*remaining > 0)
            return;
        drain(phase, 1, monotonicNs() + 60'000 * MsNs, quietNs,
              [=, this](const QJsonObject &stats) {
                  const qint64 doneNs = monotonicNs();
                  const CpuSample afterSample =
                          ProcessStats::sample(m_options.serverPids, loadPids());
                  const qint64 acked = stats.value(u"acked"_s).toInteger();
                  const qint64 received = stats.value(u"received"_s).toInteger();
                  const qint64 sent = stats.value(u"sent"_s).toInteger();
                  QJsonObject r = *state;
                  r.insert(u"clients"_s, clients);
                  r.insert(u"rate"_s, rate);
                  r.insert(u"stores"_s, stores);
                  r.insert(u"sent"_s, sent);
                  r.insert(u"acked"_s, acked);
                  r.insert(u"unacked"_s, sent - acked - stats.value(u"rejected"_s).toInteger());
                  r.insert(u"received"_s, received);
                  r.insert(u"lost"_s, std::max<qint64>(0, sent - received));
                  r.insert(u"duplicates"_s, stats.value(u"duplicates"_s).toInteger());
                  r.insert(u"seqRedeliveries"_s, stats.value(u"seqRedeliveries"_s).toInteger());
                  const bool complete = received >= sent && acked >= sent;
                  if (complete)
                      r.insert(u"caughtUpMs"_s, round2(double(doneNs - *dropNs) / 1e6));
                  r.insert(u"complete"_s, complete);
                  r.insert(u"serverCpuSeconds"_s,
                           round2(afterSample.serverSeconds - before.serverSeconds));
                  r.insert(u"loadCpuSeconds"_s,
                           round2(afterSample.loadSeconds - before.loadSeconds));
                  m_results.insert(u"storm"_s, r);
                  qCInfo(lcBench).noquote()
                          << m_options.label << ": storm reconnect"
                          << r.value(u"reconnectMs"_s).toDouble() << "ms, caught up"
                          << r.value(u"caughtUpMs"_s).toDouble() << "ms, lost"
                          << r.value(u"lost"_s).toInteger() << "dup"
                          << r.value(u"duplicates"_s).toInteger();
                  next();
              });
    };
    const QJsonObject load{{u"cmd"_s, u"load"_s},
                           {u"phase"_s, qint64(phase)},
                           {u"role"_s, u"pairs"_s},
                           {u"perSenderRate"_s, rate / senders(u"pairs"_s)},
                           {u"ms"_s, m_options.stormMs}};
    command(load, [bothDone](const Answers &) { bothDone(); });
    after(m_options.stormMs / 3, [=, this] {
        *dropNs = monotonicNs();
        command(QJsonObject{{u"cmd"_s, u"drop"_s}, {u"from"_s, 0}, {u"to"_s, clients}},
                [=, this](const Answers &dropped) {
                    double n = 0;
                    for (const QJsonObject &a : dropped)
                        n += a.value(u"dropped"_s).toDouble();
                    state->insert(u"dropped"_s, n);
                    const QJsonObject open{
                            {u"cmd"_s, u"open"_s},
                            {u"from"_s, 0},
                            {u"to"_s, clients},
                            {u"window"_s, std::max(1, m_options.window / m_options.workers)},
                            {u"retries"_s, 40}};
                    command(open, [=, this](const Answers &answers) {
                        double ok = 0, failed = 0;
                        for (const QJsonObject &a : answers) {
                            ok += a.value(u"ok"_s).toDouble();
                            failed += a.value(u"failed"_s).toDouble();
                        }
                        state->insert(u"reconnected"_s, ok);
                        state->insert(u"reconnectFailed"_s, failed);
                        state->insert(u"reconnectMs"_s,
                                      round2(double(monotonicNs() - *dropNs) / 1e6));
                        bothDone();
                    });
                });
    });
}

void Coordinator::catchUp(Step next)
{
    if (m_plan.peer != PeerKind::Parley && m_plan.peer != PeerKind::Xmpp) {
        m_results.insert(u"catchUp"_s, QJsonObject{{u"applicable"_s, false}});
        next();
        return;
    }
    const quint32 phase = ++m_phase;
    const int writer = m_plan.catchUpSender();
    const int reader = m_plan.catchUpReceiver();
    const int count = m_options.catchUpMessages;
    const int w = m_options.workers;
    command(QJsonObject{{u"cmd"_s, u"open"_s},
                        {u"users"_s, QJsonArray{writer}},
                        {u"window"_s, 1},
                        {u"retries"_s, 3}},
            [=, this](const Answers &) {
                const QJsonObject burst{{u"cmd"_s, u"burst"_s},
                                        {u"user"_s, writer},
                                        {u"conversation"_s, m_plan.catchUpConversation()},
                                        {u"phase"_s, qint64(phase)},
                                        {u"count"_s, count},
                                        {u"window"_s, 64}};
                command(burst,
                        [=, this](const Answers &written) {
                            const double writeMs = written.first().value(u"ms"_s).toDouble();
                            const CpuSample before =
                                    ProcessStats::sample(m_options.serverPids, loadPids());
                            const QJsonObject cmd{{u"cmd"_s, u"catchUp"_s},
                                                  {u"user"_s, reader},
                                                  {u"phase"_s, qint64(phase)},
                                                  {u"count"_s, count},
                                                  {u"timeoutMs"_s, 120'000}};
                            command(cmd,
                                    [=, this](const Answers &answers) {
                                        const CpuSample afterSample = ProcessStats::sample(
                                                m_options.serverPids, loadPids());
                                        const QJsonObject a = answers.first();
                                        const qint64 received = a.value(u"received"_s).toInteger();
                                        QJsonObject r{{u"applicable"_s, true},
                                                      {u"messages"_s, count},
                                                      {u"writeMs"_s, round2(writeMs)},
                                                      {u"syncedMs"_s,
                                                       round2(a.value(u"ms"_s).toDouble())},
                                                      {u"received"_s, received},
                                                      {u"lost"_s, count - received},
                                                      {u"duplicates"_s,
                                                       a.value(u"duplicates"_s).toInteger()},
                                                      {u"serverCpuSeconds"_s,
                                                       round2(afterSample.serverSeconds
                                                              - before.serverSeconds)}};
                                        m_results.insert(u"catchUp"_s, r);
                                        qCInfo(lcBench).noquote()
                                                << m_options.label << ": catch-up of" << count
                                                << "in" << r.value(u"syncedMs"_s).toDouble()
                                                << "ms, lost" << r.value(u"lost"_s).toInteger();
                                        next();
                                    },
                                    {reader % w});
                        },
                        {writer % w});
            },
            {writer % w});
}

QJsonObject Coordinator::describe() const
{
    QStringList rates1, ratesF;
    for (double r : m_options.oneToOneRates)
        rates1.append(QString::number(r));
    for (double r : m_options.fanOutRates)
        ratesF.append(QString::number(r));
    return {{u"label"_s, m_options.label},
            {u"server"_s, m_options.server},
            {u"peer"_s, peerKindName(m_options.peer)},
            {u"store"_s, m_options.store},
            {u"transport"_s, m_options.url.scheme()},
            {u"date"_s, QDateTime::currentDateTimeUtc().toString(Qt::ISODate)},
            {u"machine"_s,
             QJsonObject{{u"cpu"_s, ProcessStats::cpuModel()},
                         {u"cores"_s, QThread::idealThreadCount()},
                         {u"kernel"_s, QSysInfo::kernelVersion()},
                         {u"os"_s, QSysInfo::prettyProductName()},
                         {u"qt"_s, QString::fromLatin1(qVersion())}}},
            {u"load"_s,
             QJsonObject{{u"workers"_s, m_options.workers},
                         {u"threads"_s, m_options.threads},
                         {u"users"_s, m_plan.loadUsers()},
                         {u"pairs"_s, m_plan.pairs},
                         {u"groups"_s, m_plan.groups},
                         {u"groupSize"_s, m_plan.groupSize},
                         {u"groupSenders"_s, m_plan.groupSenders},
                         {u"stepMs"_s, m_options.stepMs},
                         {u"sharedIdleAccount"_s,
                          m_options.peer == PeerKind::Parley && m_options.shareIdleAccount},
                         {u"bodyBytes"_s, m_options.bodyBytes},
                         {u"oneToOneRates"_s, rates1.join(u',')},
                         {u"fanOutRates"_s, ratesF.join(u',')}}}};
}

void Coordinator::finish(const QString &error)
{
    if (m_finished)
        return;
    m_finished = true;
    QJsonObject result = describe();
    result.insert(u"ok"_s, error.isEmpty());
    if (!error.isEmpty()) {
        qCCritical(lcBench).noquote() << m_options.label << ":" << error;
        result.insert(u"error"_s, error);
    }
    result.insert(u"seconds"_s, round2(double(monotonicNs() - m_startNs) / 1e9));
    for (auto it = m_results.constBegin(); it != m_results.constEnd(); ++it)
        result.insert(it.key(), it.value());
    if (!m_options.outFile.isEmpty()) {
        QSaveFile file(m_options.outFile);
        if (file.open(QIODevice::WriteOnly)) {
            file.write(QJsonDocument(result).toJson(QJsonDocument::Indented));
            if (!file.commit())
                qCCritical(lcBench) << "cannot write" << m_options.outFile;
        }
    }
    const QByteArray quit = QJsonDocument(QJsonObject{{u"cmd"_s, u"quit"_s}, {u"tag"_s, 0}})
                                    .toJson(QJsonDocument::Compact)
            + '\n';
    m_exitCode = error.isEmpty() ? 0 : 1;
    for (QProcess *p : std::as_const(m_workers)) {
        if (p->state() == QProcess::Running)
            p->write(quit);
        else
            ++m_exited;
    }
    // Leave once every load process has gone, or after a grace period.
    const int code = m_exitCode;
    if (m_exited == m_workers.size())
        QTimer::singleShot(0, this, [code] { QCoreApplication::exit(code); });
    else
        QTimer::singleShot(5000, this, [code] { QCoreApplication::exit(code); });
}

} // namespace Parley::Bench
