#include "MessageExpiry.h"

#include "Logging.h"
#include "store/MessageStore.h"

#include <QtCore/QDateTime>
#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QHash>
#include <QtCore/QTimer>

#include <limits>
#include <utility>

namespace Parley {

MessageExpiry::MessageExpiry(MessageStore *store, QObject *parent)
    : QObject(parent),
      m_store(store),
      m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    m_timer->setTimerType(Qt::PreciseTimer);
    connect(m_timer, &QTimer::timeout, this, &MessageExpiry::sweep);
}

void MessageExpiry::start()
{
    m_running = true;
    sweep();
}

void MessageExpiry::stop()
{
    m_running = false;
    m_timer->stop();
    m_next = 0;
}

void MessageExpiry::messagesStored(const QList<StoredMessage> &messages)
{
    qint64 soonest = 0;
    for (const StoredMessage &m : messages) {
        if (m.expiresAt > 0 && (soonest == 0 || m.expiresAt < soonest))
            soonest = m.expiresAt;
    }
    if (soonest > 0)
        scheduleAt(soonest);
}

void MessageExpiry::scheduleAt(qint64 when)
{
    if (!m_running || (m_next > 0 && m_next <= when && m_timer->isActive()))
        return;
    m_next = when;
    const qint64 wait = std::max<qint64>(0, when - QDateTime::currentMSecsSinceEpoch());
    // QTimer takes an int: a timer weeks away is re-armed when it fires early.
    m_timer->start(int(std::min<qint64>(wait, std::numeric_limits<int>::max() / 2)));
}

void MessageExpiry::sweep()
{
    if (!m_running)
        return;
    if (m_sweeping) {
        m_sweepAgain = true; // once this one is done
        return;
    }
    m_sweeping = true;
    m_next = 0;
    m_store->deleteExpired(QDateTime::currentMSecsSinceEpoch())
            .then(this, [this](const ExpiredMessages &expired) {
                m_sweeping = false;
                QList<qint64> order;
                QHash<qint64, QList<qint64>> seqs;
                const QString downloads =
                        m_downloadsDir.isEmpty() ? QString() : QDir(m_downloadsDir).absolutePath();
                for (const StoredMessage &m : expired.deleted) {
                    if (!seqs.contains(m.conversationId))
                        order.append(m.conversationId);
                    seqs[m.conversationId].append(m.seq);
                    const QString path = QFileInfo(m.attachmentPath).absoluteFilePath();
                    if (!m.attachmentPath.isEmpty() && !downloads.isEmpty()
                        && path.startsWith(downloads + u'/'))
                        QFile::remove(path);
                }
                if (!expired.deleted.isEmpty())
                    qCInfo(lcClient) << "deleted" << expired.deleted.size() << "expired messages";
                for (qint64 id : std::as_const(order))
                    Q_EMIT messagesExpired(id, seqs.value(id));
                if (std::exchange(m_sweepAgain, false))
                    sweep();
                else if (m_running && expired.nextExpiry > 0)
                    scheduleAt(expired.nextExpiry);
            });
}

} // namespace Parley
