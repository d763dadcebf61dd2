#include "HealthChecks.h"

#include "Logging.h"
#include "net/HttpUpgrade.h"

#include <QtCore/QMutexLocker>

#include <algorithm>

namespace Parley {

using namespace Qt::StringLiterals;

HealthChecks::HealthChecks(QObject *parent) : QObject(parent)
{
    connect(&m_timer, &QTimer::timeout, this, &HealthChecks::runRound);
    publish();
}

void HealthChecks::add(const QString &name, Check check)
{
    m_checks.append(Entry{name, std::move(check), {}, 0, true});
    publish();
}

void HealthChecks::set(const QString &name, const Status &status)
{
    auto it = std::find_if(m_checks.begin(), m_checks.end(),
                           [&name](const Entry &e) { return e.name == name; });
    if (it == m_checks.end()) {
        m_checks.append(Entry{name, {}, {}, 0, true});
        it = std::prev(m_checks.end());
    }
    if (bool(it->last) != bool(status))
        logChange(*it, status);
    it->last = status;
    publish();
}

void HealthChecks::start(std::chrono::milliseconds interval)
{
    m_timer.start(interval);
    runRound();
}

void HealthChecks::setDraining()
{
    m_draining = true;
    m_timer.stop();
    publish();
}

void HealthChecks::runRound()
{
    ++m_round;
    for (qsizetype i = 0; i < m_checks.size(); ++i) {
        Entry &entry = m_checks[i];
        if (!entry.answered)
            entry.last = Error{ErrorCode::Unavailable,
                               u"no answer within %1 ms"_s.arg(m_timer.interval())};
        if (!entry.check)
            continue; // told, not asked
        entry.answered = false;
        entry.round = m_round;
        entry.check([this, i, round = m_round](Status status) { report(i, round, status); });
    }
    publish();
}

void HealthChecks::report(qsizetype index, quint64 round, const Status &status)
{
    Entry &entry = m_checks[index];
    if (entry.round != round)
        return; // a late answer from an earlier round
    entry.answered = true;
    if (bool(entry.last) != bool(status))
        logChange(entry, status);
    entry.last = status;
    publish();
}

void HealthChecks::logChange(const Entry &entry, const Status &status)
{
    if (status)
        qCInfo(lcServer).noquote() << "health check" << entry.name << "passes again";
    else
        qCWarning(lcServer).noquote()
                << "health check" << entry.name << "failed:" << status.error().message;
}

void HealthChecks::publish()
{
    QByteArray body;
    bool healthy = !m_draining;
    if (m_draining)
        body += "draining\n";
    for (const Entry &entry : std::as_const(m_checks)) {
        if (entry.last)
            continue;
        healthy = false;
        body += entry.name.toUtf8() + ": " + entry.last.error().message.toUtf8() + '\n';
    }
    QByteArray response = healthy
            ? HttpUpgrade::okResponse("text/plain; charset=utf-8", "ok\n")
            : HttpUpgrade::errorResponse("503 Service Unavailable", body.chopped(1));
    bool changed = false;
    {
        QMutexLocker lock(&m_mutex);
        changed = m_healthy != healthy || m_response != response;
        m_response = std::move(response);
        m_healthy = healthy;
    }
    if (changed)
        Q_EMIT verdictChanged(healthy);
}

QByteArray HealthChecks::response() const
{
    QMutexLocker lock(&m_mutex);
    return m_response;
}

bool HealthChecks::isHealthy() const
{
    QMutexLocker lock(&m_mutex);
    return m_healthy;
}

} // namespace Parley
