#include "RestoredNumbering.h"

#include "Database.h"

#include <QtSql/QSqlQuery>

namespace Parley {

namespace {

/// Runs `sql` with Skip bound to its one parameter.
bool run(Database &db, const char *sql, const char *what)
{
    QSqlQuery &q = db.prepared(sql);
    q.addBindValue(RestoredNumbering::Skip);
    return db.exec(q, what);
}

bool advanceSqlite(Database &db)
{
    // AUTOINCREMENT keeps the highest id ever given in sqlite_sequence; a table that never had
    // a row has no line there yet.
    return run(db,
               "UPDATE sqlite_sequence SET seq = seq + ? WHERE name IN ('users', 'devices', "
               "'conversations', 'inbox')",
               "moving the id counters on")
            && run(db,
                   "INSERT INTO sqlite_sequence (name, seq) SELECT t.name, ? FROM (SELECT "
                   "'users' AS name UNION ALL SELECT 'devices' UNION ALL SELECT 'conversations' "
                   "UNION ALL SELECT 'inbox') AS t WHERE t.name IN (SELECT name FROM "
                   "sqlite_master WHERE type = 'table') AND NOT EXISTS (SELECT 1 FROM "
                   "sqlite_sequence AS s WHERE s.name = t.name)",
                   "starting the id counters");
}

bool advancePostgres(Database &db, bool hasInbox)
{
    // One literal statement per table: the statement cache is keyed by the SQL's address.
    return run(db,
               "SELECT setval(pg_get_serial_sequence('users', 'id'), "
               "COALESCE((SELECT MAX(id) FROM users), 0) + ?)",
               "moving the user ids on")
            && run(db,
                   "SELECT setval(pg_get_serial_sequence('devices', 'id'), "
                   "COALESCE((SELECT MAX(id) FROM devices), 0) + ?)",
                   "moving the device ids on")
            && run(db,
                   "SELECT setval(pg_get_serial_sequence('conversations', 'id'), "
                   "COALESCE((SELECT MAX(id) FROM conversations), 0) + ?)",
                   "moving the conversation ids on")
            && (!hasInbox
                || run(db,
                       "SELECT setval(pg_get_serial_sequence('inbox', 'id'), "
                       "COALESCE((SELECT MAX(id) FROM inbox), 0) + ?)",
                       "moving the inbox ids on"));
}

} // namespace

Status RestoredNumbering::advance(Database &db)
{
    const bool hasInbox = db.schemaVersion() >= 2; // the device inbox came with version 2
    auto done = db.inTransaction<bool>([&db, hasInbox]() -> Result<bool> {
        // The next entry of each conversation gets last_seq + 1: entries a client holds from
        // after the backup keep their places, and new ones come after them.
        const bool ok =
                run(db, "UPDATE conversations SET last_seq = last_seq + ?", "moving the seqs on")
                && (db.isPostgres() ? advancePostgres(db, hasInbox) : advanceSqlite(db));
        if (!ok)
            return db.storageError("move the restored database's numbering on");
        return true;
    });
    if (!done)
        return done.error();
    return {};
}

} // namespace Parley
