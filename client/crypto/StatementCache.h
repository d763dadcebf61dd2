#pragma once

/// The key store's prepared statements, kept for as long as its connection.

#include <QHash>
#include <QPointer>
#include <QSqlDriver>
#include <QSqlQuery>
#include <QString>
#include <QThread>

#include <memory>

namespace Parley {

//! \brief Prepares each of a key store's statements once per connection and hands it out
//! again for every later use (preparing was about a quarter of a decrypt's cost).
//!
//! Internal to parley_crypto (QtSql stays out of the public headers). Used only on the thread
//! that created it, the connection's (elsewhere acquire() gives nothing and StoreQuery
//! prepares its own statement, as before). A statement serves one StoreQuery at a time: a
//! nested use of the same SQL gets nothing too. Closing the connection finalises its
//! statements (they are prepared again on the next use); a connection removed and added again
//! under the same name has another driver, and the cache starts afresh.
class StatementCache
{
public:
    struct Entry
    {
        std::unique_ptr<QSqlQuery> query;
        bool inUse = false;
    };

    explicit StatementCache(const QString &connectionName);
    ~StatementCache();
    StatementCache(const StatementCache &) = delete;
    StatementCache &operator=(const StatementCache &) = delete;

    const QString &connectionName() const { return m_connectionName; }

    //! The statement for \a sql, prepared and ready to bind and run; nullptr when the
    //! connection is not open, it is not this thread's, the statement is already in use, or it
    //! does not prepare (the caller then prepares its own, which reports the error).
    std::shared_ptr<Entry> acquire(const QString &sql);
    //! Resets the statement (ends its read of the database) and drops its bound values (they
    //! may be sealed records), so it can be handed out again.
    void release(Entry &entry);

private:
    QString m_connectionName;
    QPointer<QThread> m_thread;
    QPointer<QSqlDriver> m_driver;
    QHash<QString, std::shared_ptr<Entry>> m_entries;
};

} // namespace Parley
