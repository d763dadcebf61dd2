#include "Database.h"

#include "Logging.h"
#include "Migrations.h"

#include <QtCore/QAtomicInteger>
#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlError>
#include <QtSql/QSqlQuery>

namespace Parley {

using namespace Qt::StringLiterals;

namespace {

QAtomicInteger<quint64> s_connectionCounter;

} // namespace

Database::Database(DatabaseUrl url)
    : m_url(std::move(url)),
      m_connectionName(u"parley-store-%1"_s.arg(s_connectionCounter.fetchAndAddRelaxed(1)))
{
}

Database::~Database()
{
    close();
}

Status Database::open()
{
    QSqlDatabase db;
    if (m_url.kind == DatabaseUrl::Kind::Sqlite) {
        db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connectionName);
        db.setDatabaseName(m_url.sqlitePath);
        db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=5000"_s);
    } else {
        db = QSqlDatabase::addDatabase(u"QPSQL"_s, m_connectionName);
        db.setHostName(m_url.host);
        db.setPort(m_url.port);
        db.setUserName(m_url.user);
        db.setPassword(m_url.password);
        db.setDatabaseName(m_url.name);
        QString options = u"connect_timeout=5"_s;
        if (!m_url.options.isEmpty())
            options += u';' + m_url.options;
        db.setConnectOptions(options);
    }
    if (!db.isValid())
        return Error{ErrorCode::StorageError,
                     u"the Qt SQL driver for %1 is not installed"_s.arg(m_url.displayName())};
    if (!db.open()) {
        const QString message = db.lastError().text();
        qCWarning(lcServerStore) << "cannot open" << m_url.displayName() << ":" << message;
        return Error{ErrorCode::Unavailable, u"cannot open the database: %1"_s.arg(message)};
    }
    if (m_url.kind == DatabaseUrl::Kind::Postgres) {
        // Keep NOTICEs (e.g. "already exists, skipping") out of the admin commands' output.
        QSqlQuery q(db);
        if (!q.exec(u"SET client_min_messages = warning"_s))
            return Error{ErrorCode::StorageError, q.lastError().text()};
    }
    if (m_url.kind == DatabaseUrl::Kind::Sqlite) {
        QSqlQuery q(db);
        // WAL: readers never block the writer; FULL: an acknowledged commit survives power loss.
        for (const char *pragma :
             {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL", "PRAGMA foreign_keys=ON"}) {
            if (!q.exec(QString::fromLatin1(pragma)))
                return Error{ErrorCode::StorageError, q.lastError().text()};
        }
    }
    return {};
}

void Database::close()
{
    qDeleteAll(m_statements);
    m_statements.clear();
    if (QSqlDatabase::contains(m_connectionName)) {
        {
            QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_connectionName);
    }
}

bool Database::connectionLost()
{
    if (!QSqlDatabase::contains(m_connectionName))
        return true;
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    if (!db.isOpen())
        return true;
    if (m_url.kind == DatabaseUrl::Kind::Sqlite)
        return false;
    QSqlQuery probe(db);
    return !probe.exec(u"SELECT 1"_s);
}

Status Database::reopen()
{
    qCInfo(lcServerStore) << "reconnecting to" << m_url.displayName();
    close();
    return open();
}

QSqlQuery &Database::prepared(const char *sql)
{
    auto it = m_statements.find(sql);
    if (it == m_statements.end()) {
        auto *q = new QSqlQuery(QSqlDatabase::database(m_connectionName, false));
        if (!q->prepare(QString::fromUtf8(sql)))
            qCWarning(lcServerStore) << "cannot prepare a statement:" << q->lastError().text();
        it = m_statements.insert(sql, q);
    }
    (*it)->finish();
    return **it;
}

bool Database::exec(QSqlQuery &query, const char *what)
{
    if (query.exec())
        return true;
    m_lastError = query.lastError().text();
    qCWarning(lcServerStore) << what << "failed:" << m_lastError;
    return false;
}

Error Database::storageError(const char *what) const
{
    return Error{ErrorCode::StorageError,
                 u"the server could not %1"_s.arg(QLatin1StringView(what))};
}

void Database::finishAll()
{
    for (QSqlQuery *q : std::as_const(m_statements))
        q->finish();
}

bool Database::execRaw(const char *sql)
{
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    if (q.exec(QString::fromLatin1(sql)))
        return true;
    m_lastError = q.lastError().text();
    qCWarning(lcServerStore) << sql << "failed:" << m_lastError;
    return false;
}

Status Database::begin()
{
    // An open statement would pin an old snapshot: SQLite then refuses to write ("locked").
    finishAll();
    if (m_url.kind == DatabaseUrl::Kind::Sqlite) {
        // IMMEDIATE takes the write lock now (waiting out other writers, e.g. an admin
        // command), instead of failing later when a read turns into a write.
        if (!execRaw("BEGIN IMMEDIATE"))
            return storageError("start a transaction");
        return {};
    }
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    if (!db.transaction()) {
        m_lastError = db.lastError().text();
        qCWarning(lcServerStore) << "begin failed:" << m_lastError;
        return storageError("start a transaction");
    }
    return {};
}

Status Database::commit()
{
    // SQLite refuses to commit while a statement still has a result open.
    finishAll();
    if (m_url.kind == DatabaseUrl::Kind::Sqlite) {
        if (!execRaw("COMMIT")) {
            execRaw("ROLLBACK");
            return storageError("commit");
        }
        return {};
    }
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    if (!db.commit()) {
        m_lastError = db.lastError().text();
        qCWarning(lcServerStore) << "commit failed:" << m_lastError;
        db.rollback();
        return storageError("commit");
    }
    return {};
}

void Database::rollback()
{
    finishAll();
    if (m_url.kind == DatabaseUrl::Kind::Sqlite) {
        execRaw("ROLLBACK");
        return;
    }
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    db.rollback();
}

// --- schema --------------------------------------------------------------------------------

int Database::schemaVersion()
{
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    if (!q.exec(u"SELECT version FROM schema_version"_s) || !q.next())
        return 0;
    return q.value(0).toInt();
}

Status Database::migrate(int target)
{
    if (target < 0)
        target = Migrations::latestVersion();
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    QSqlQuery q(db);
    if (!q.exec(u"CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)"_s))
        return Error{ErrorCode::StorageError, q.lastError().text()};
    while (true) {
        if (Status s = begin(); !s)
            return s;
        QSqlQuery tx(db);
        if (isPostgres() && !tx.exec(u"SELECT pg_advisory_xact_lock(7443001)"_s)) {
            rollback();
            return Error{ErrorCode::StorageError, tx.lastError().text()};
        }
        int current = 0;
        bool hasRow = false;
        if (tx.exec(u"SELECT version FROM schema_version"_s) && tx.next()) {
            current = tx.value(0).toInt();
            hasRow = true;
        }
        tx.finish();
        if (current > Migrations::latestVersion()) {
            rollback();
            return Error{ErrorCode::StorageError,
                         u"the database has schema version %1, newer than this parleyd (%2)"_s
                                 .arg(current)
                                 .arg(Migrations::latestVersion())};
        }
        if (current >= target) {
            rollback();
            return {};
        }
        const int next = current + 1;
        for (const QString &sql : Migrations::step(next, m_url.kind)) {
            if (!tx.exec(sql)) {
                const QString error = tx.lastError().text();
                rollback();
                return Error{ErrorCode::StorageError,
                             u"migration to version %1 failed: %2"_s.arg(next).arg(error)};
            }
        }
        tx.prepare(hasRow ? u"UPDATE schema_version SET version = ?"_s
                          : u"INSERT INTO schema_version (version) VALUES (?)"_s);
        tx.addBindValue(next);
        if (!tx.exec()) {
            const QString error = tx.lastError().text();
            rollback();
            return Error{ErrorCode::StorageError, error};
        }
        if (Status s = commit(); !s)
            return s;
        qCInfo(lcServerStore) << "schema migrated to version" << next;
    }
}

} // namespace Parley
