#pragma once

/// The synchronous half of the store: one QSqlDatabase connection, its transactions and schema,
/// and the query classes over it, one per table or concern (accounts, conversations and the log,
/// inbox, keys, attachments, abuse reports, the start-up snapshot, a cluster node's catch-up), the same SQL for
/// SQLite and PostgreSQL where possible. Used only on the thread that opened it (the store
/// thread, or the main thread of an admin subcommand).

#include "AccountQueries.h"
#include "AttachmentQueries.h"
#include "ClusterQueries.h"
#include "ConversationQueries.h"
#include "DatabaseUrl.h"
#include "InboxQueries.h"
#include "KeyQueries.h"
#include "PageLimits.h"
#include "ReportQueries.h"
#include "SnapshotQueries.h"
#include "protocol/Result.h"

#include <QtCore/QHash>

#include <functional>

class QSqlQuery;

namespace Parley {

class Database
{
public:
    explicit Database(DatabaseUrl url);
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    Status open();
    void close();
    bool isPostgres() const { return m_url.kind == DatabaseUrl::Kind::Postgres; }
    const DatabaseUrl &url() const { return m_url; }

    /// After a failed call: true if the connection itself is gone (PostgreSQL restarted).
    bool connectionLost();
    /// Closes and opens the connection again; prepared statements are dropped.
    Status reopen();

    int schemaVersion();
    /// Brings the schema up to `target` (default: the latest), one transaction per version.
    Status migrate(int target = -1);

    Status begin();
    Status commit();
    void rollback();
    /// Ends every open statement (each job calls it when done: an open statement holds a
    /// read snapshot, which keeps SQLite from writing and from seeing other processes' writes).
    void finishAll();

    AccountQueries &accounts() { return m_accounts; }
    ConversationQueries &conversations() { return m_conversations; }
    InboxQueries &inbox() { return m_inbox; }
    KeyQueries &keys() { return m_keys; }
    AttachmentQueries &attachments() { return m_attachments; }
    SnapshotQueries &snapshot() { return m_snapshot; }
    ClusterQueries &cluster() { return m_cluster; }
    ReportQueries &reports() { return m_reports; }

    // --- for the query classes
    /// The statement prepared once per connection for this SQL (keyed by the pointer, so `sql`
    /// must be a literal or otherwise outlive the connection), finished and ready to bind.
    QSqlQuery &prepared(const char *sql);
    /// Runs the statement; on failure logs `what` with the driver's error and returns false.
    bool exec(QSqlQuery &query, const char *what);
    /// The error a client sees when a query failed: no SQL, no driver text.
    Error storageError(const char *what) const;
    /// Runs `work` in a transaction of its own: committed if it succeeded, else rolled back.
    template<typename T>
    Result<T> inTransaction(const std::function<Result<T>()> &work)
    {
        if (Status s = begin(); !s)
            return s.error();
        Result<T> result = work();
        if (!result) {
            rollback();
            return result;
        }
        if (Status s = commit(); !s)
            return s.error();
        return result;
    }

private:
    bool execRaw(const char *sql);

    DatabaseUrl m_url;
    QString m_connectionName;
    QHash<const char *, QSqlQuery *> m_statements;
    QString m_lastError;
    AccountQueries m_accounts{*this};
    ConversationQueries m_conversations{*this};
    InboxQueries m_inbox{*this};
    KeyQueries m_keys{*this};
    AttachmentQueries m_attachments{*this};
    SnapshotQueries m_snapshot{*this};
    ClusterQueries m_cluster{*this};
    ReportQueries m_reports{*this};
};

} // namespace Parley
