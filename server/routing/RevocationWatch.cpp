#include "RevocationWatch.h"

#include "Logging.h"
#include "RouteContext.h"
#include "store/Store.h"

#include <QtCore/QDateTime>
#include <QtCore/QTimer>

using namespace Qt::StringLiterals;

namespace Parley {

namespace {
// A revocation is stamped with the admin command's clock before its commit, so a poll can miss
// one committed just after it; looking this far back on every poll catches it next time.
constexpr qint64 LookBackMs = 60'000;
} // namespace

RevocationWatch::RevocationWatch(RouteContext &context, int intervalMs, QObject *parent)
    : QObject(parent),
      m_ctx(context),
      m_timer(new QTimer(this))
{
    m_timer->setInterval(intervalMs);
    connect(m_timer, &QTimer::timeout, this, &RevocationWatch::poll);
}

void RevocationWatch::start()
{
    m_since = QDateTime::currentMSecsSinceEpoch();
    m_timer->start();
}

void RevocationWatch::poll()
{
    if (m_polling)
        return; // the store is slow: one poll at a time
    m_polling = true;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 since = std::max(m_since, now - LookBackMs);
    m_ctx.store.run<QList<qint64>>(
            m_ctx.thread,
            [since](Database &db) { return db.accounts().devicesRevokedSince(since); },
            [this](Result<QList<qint64>> revoked) {
                m_polling = false;
                if (!revoked)
                    return; // logged by the store; the next poll tries again
                for (qint64 deviceId : *revoked) {
                    // Revocations made through a session were closed then; only the others,
                    // the admin commands', still have sessions here.
                    const QList<SessionAddress> sessions = m_ctx.sessions.ofDevice(deviceId);
                    if (sessions.isEmpty())
                        continue;
                    qCInfo(lcServerRouting)
                            << "device" << deviceId
                            << "was revoked by an administrator: closing its sessions";
                    const QByteArray frame = FrameCodec::encodeError(-1, ErrorCode::InvalidToken,
                                                                     u"this device was revoked"_s);
                    for (const SessionAddress &a : sessions)
                        m_ctx.delivery->close(a, frame);
                }
            });
}

} // namespace Parley
