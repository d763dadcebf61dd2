#include "LogExpiry.h"

#include "Logging.h"
#include "RouteContext.h"
#include "admin/ServerConfig.h"
#include "store/Store.h"

#include <QtCore/QDateTime>
#include <QtCore/QTimer>

namespace Parley {

namespace {

/// Entries deleted per statement: a first sweep over years of messages must not hold the store
/// thread (and every commit waiting behind it) for long.
constexpr int BatchSize = 500;

} // namespace

LogExpiry::LogExpiry(RouteContext &context, QObject *parent)
    : QObject(parent),
      m_ctx(context),
      m_timer(new QTimer(this))
{
    // Tests watch a 5-second timer run out; in production a minute late costs nothing, since
    // expired entries are never served anyway.
    m_timer->setInterval(m_ctx.config.allowTestTimers ? 1000 : 60000);
    connect(m_timer, &QTimer::timeout, this, &LogExpiry::sweep);
}

void LogExpiry::start()
{
    sweep();
    m_timer->start();
}

void LogExpiry::sweep()
{
    if (m_sweeping)
        return;
    m_sweeping = true;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 storedBefore = m_ctx.config.maxRetentionDays > 0
            ? now - qint64(m_ctx.config.maxRetentionDays) * 86400 * 1000
            : 0;
    m_ctx.store.run<int>(
            m_ctx.thread,
            [now, storedBefore](Database &db) {
                return db.conversations().deleteExpired(now, storedBefore, BatchSize);
            },
            [this](Result<int> deleted) {
                m_sweeping = false;
                if (!deleted) {
                    qCWarning(lcServerRouting) << "expiry sweep failed:" << deleted.error().message;
                    return;
                }
                if (*deleted > 0)
                    qCInfo(lcServerRouting) << "deleted" << *deleted << "expired messages";
                if (*deleted >= BatchSize)
                    QTimer::singleShot(0, this, &LogExpiry::sweep); // more are waiting
            });
}

} // namespace Parley
