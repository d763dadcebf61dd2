#include "StatementCache.h"

#include <QAbstractEventDispatcher>
#include <QSqlDatabase>
#include <QSqlResult>

namespace Parley {

namespace {

// Closing a connection finalises its statements (the SQLite driver's handle becomes null), as
// does a failed step: such a statement is prepared again.
bool isPrepared(const QSqlQuery &query)
{
    const QVariant handle = query.result() ? query.result()->handle() : QVariant();
    return handle.isValid() && qstrcmp(handle.typeName(), "sqlite3_stmt*") == 0
            && *static_cast<void *const *>(handle.constData()) != nullptr;
}

} // namespace

StatementCache::StatementCache(const QString &connectionName)
    : m_connectionName(connectionName),
      m_thread(QThread::currentThread())
{
}

StatementCache::~StatementCache()
{
    if (m_entries.isEmpty() || QThread::currentThread() == m_thread)
        return;
    // A statement belongs to its driver, which is not thread-safe: finalise them on the
    // connection's thread. Without an event loop there they are left as they are (closing the
    // connection still finalises them).
    QAbstractEventDispatcher *dispatcher =
            m_thread ? QAbstractEventDispatcher::instance(m_thread) : nullptr;
    if (dispatcher) {
        QMetaObject::invokeMethod(
                dispatcher, [entries = std::move(m_entries)]() mutable { entries.clear(); },
                Qt::QueuedConnection);
        return;
    }
    for (const std::shared_ptr<Entry> &entry : std::as_const(m_entries))
        (void)entry->query.release();
}

std::shared_ptr<StatementCache::Entry> StatementCache::acquire(const QString &sql)
{
    if (QThread::currentThread() != m_thread)
        return nullptr;
    const QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    if (!db.isOpen())
        return nullptr;
    if (db.driver() != m_driver) {
        m_entries.clear();
        m_driver = db.driver();
    }
    std::shared_ptr<Entry> &entry = m_entries[sql];
    if (!entry)
        entry = std::make_shared<Entry>();
    if (entry->inUse)
        return nullptr;
    if (!entry->query || !isPrepared(*entry->query)) {
        entry->query = std::make_unique<QSqlQuery>(db);
        entry->query->setForwardOnly(true);
        if (!entry->query->prepare(sql)) {
            entry->query.reset();
            return nullptr;
        }
    }
    entry->inUse = true;
    return entry;
}

void StatementCache::release(Entry &entry)
{
    QSqlQuery &query = *entry.query;
    query.finish();
    for (qsizetype i = 0, n = query.boundValues().size(); i < n; ++i)
        query.bindValue(int(i), QVariant());
    entry.inUse = false;
}

} // namespace Parley
