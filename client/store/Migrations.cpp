#include "Migrations.h"

#include "Logging.h"

#include <QtCore/QStringList>
#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlError>
#include <QtSql/QSqlQuery>

namespace Parley {

using namespace Qt::StringLiterals;

namespace {

// One entry per version; never edit a shipped step, add a new one.
const QList<QStringList> &migrations()
{
    static const QList<QStringList> steps = {
            // 1: the first schema.
            {
                    u"CREATE TABLE settings (key TEXT PRIMARY KEY, value BLOB)"_s,
                    u"CREATE TABLE conversations ("
                    "  id INTEGER PRIMARY KEY, kind INTEGER NOT NULL, title TEXT NOT NULL DEFAULT "
                    "'',"
                    "  last_seq INTEGER NOT NULL DEFAULT 0, created_at INTEGER NOT NULL DEFAULT 0,"
                    "  is_member INTEGER NOT NULL DEFAULT 1, muted INTEGER NOT NULL DEFAULT 0)"_s,
                    u"CREATE TABLE members ("
                    "  conv INTEGER NOT NULL, user_id INTEGER NOT NULL, username TEXT NOT NULL,"
                    "  role INTEGER NOT NULL DEFAULT 0, delivered_up_to INTEGER NOT NULL DEFAULT 0,"
                    "  read_up_to INTEGER NOT NULL DEFAULT 0, active INTEGER NOT NULL DEFAULT 1,"
                    "  PRIMARY KEY (conv, user_id))"_s,
                    u"CREATE TABLE messages ("
                    "  conv INTEGER NOT NULL, seq INTEGER NOT NULL, client_id BLOB,"
                    "  sender INTEGER NOT NULL, sender_device INTEGER NOT NULL DEFAULT 0,"
                    "  ts INTEGER NOT NULL, kind INTEGER NOT NULL, body BLOB, text TEXT,"
                    "  state INTEGER NOT NULL DEFAULT 0,"
                    "  PRIMARY KEY (conv, seq)) WITHOUT ROWID"_s,
                    u"CREATE INDEX messages_client_id ON messages (client_id)"_s,
                    u"CREATE TABLE cursors ("
                    "  conv INTEGER PRIMARY KEY, top INTEGER NOT NULL, bottom INTEGER NOT NULL)"_s,
                    u"CREATE TABLE outbox ("
                    "  client_id BLOB PRIMARY KEY, conv INTEGER NOT NULL, content BLOB NOT NULL,"
                    "  body BLOB, created_at INTEGER NOT NULL, state INTEGER NOT NULL DEFAULT 0,"
                    "  failure TEXT NOT NULL DEFAULT '')"_s,
                    u"CREATE INDEX outbox_conv ON outbox (conv)"_s,
            },
            // 2: replies, reactions, edits and deletes (content types, docs/client-api.md).
            // An annotation entry (reaction, edit, delete) stays a row, hidden, with the seq it
            // annotates, so one that arrives before its target is applied when the target does.
            {
                    u"ALTER TABLE messages ADD COLUMN reply_to INTEGER NOT NULL DEFAULT 0"_s,
                    u"ALTER TABLE messages ADD COLUMN hidden INTEGER NOT NULL DEFAULT 0"_s,
                    u"ALTER TABLE messages ADD COLUMN annotates INTEGER NOT NULL DEFAULT 0"_s,
                    // The seq of the edit whose text the row shows: a late older edit loses.
                    u"ALTER TABLE messages ADD COLUMN edited_seq INTEGER NOT NULL DEFAULT 0"_s,
                    u"ALTER TABLE messages ADD COLUMN deleted INTEGER NOT NULL DEFAULT 0"_s,
                    u"CREATE INDEX messages_annotates ON messages (conv, annotates)"
                    " WHERE annotates != 0"_s,
                    // The latest state of each (user, emoji) on an entry; removed ones stay
                    // (with their seq) so an older reaction arriving late cannot revive them.
                    u"CREATE TABLE reactions ("
                    "  conv INTEGER NOT NULL, target INTEGER NOT NULL, user_id INTEGER NOT NULL,"
                    "  emoji TEXT NOT NULL, seq INTEGER NOT NULL, removed INTEGER NOT NULL,"
                    "  PRIMARY KEY (conv, target, user_id, emoji)) WITHOUT ROWID"_s,
            },
            // 3: full-text search (FTS5) over the shown text of readable messages. Triggers
            // keep it in step with every write, the end-to-end layer's late decryptions
            // included: an edit replaces the indexed text, a delete or a hidden annotation
            // takes it out. search_rows gives each indexed (conv, seq) the integer id FTS5
            // needs (messages has no rowid).
            {
                    u"CREATE TABLE search_rows (id INTEGER PRIMARY KEY, conv INTEGER NOT NULL,"
                    " seq INTEGER NOT NULL, UNIQUE (conv, seq))"_s,
                    u"CREATE VIRTUAL TABLE message_search USING fts5(text,"
                    " tokenize = 'unicode61 remove_diacritics 2')"_s,
                    u"CREATE TRIGGER messages_search_insert AFTER INSERT ON messages"
                    " WHEN NEW.kind = 0 AND NEW.state = 0 AND NEW.hidden = 0 AND NEW.deleted = 0"
                    " AND NEW.text != '' BEGIN"
                    "  INSERT INTO search_rows (conv, seq) VALUES (NEW.conv, NEW.seq);"
                    "  INSERT INTO message_search (rowid, text) SELECT id, NEW.text FROM "
                    "search_rows"
                    "   WHERE conv = NEW.conv AND seq = NEW.seq;"
                    " END"_s,
                    u"CREATE TRIGGER messages_search_update AFTER UPDATE OF text, state, hidden,"
                    " deleted ON messages BEGIN"
                    "  DELETE FROM message_search WHERE rowid = (SELECT id FROM search_rows"
                    "   WHERE conv = OLD.conv AND seq = OLD.seq);"
                    "  DELETE FROM search_rows WHERE conv = OLD.conv AND seq = OLD.seq;"
                    "  INSERT INTO search_rows (conv, seq) SELECT NEW.conv, NEW.seq"
                    "   WHERE NEW.kind = 0 AND NEW.state = 0 AND NEW.hidden = 0 AND NEW.deleted = 0"
                    "   AND NEW.text != '';"
                    "  INSERT INTO message_search (rowid, text) SELECT id, NEW.text FROM "
                    "search_rows"
                    "   WHERE conv = NEW.conv AND seq = NEW.seq;"
                    " END"_s,
                    u"CREATE TRIGGER messages_search_delete AFTER DELETE ON messages BEGIN"
                    "  DELETE FROM message_search WHERE rowid = (SELECT id FROM search_rows"
                    "   WHERE conv = OLD.conv AND seq = OLD.seq);"
                    "  DELETE FROM search_rows WHERE conv = OLD.conv AND seq = OLD.seq;"
                    " END"_s,
                    u"INSERT INTO search_rows (conv, seq) SELECT conv, seq FROM messages"
                    " WHERE kind = 0 AND state = 0 AND hidden = 0 AND deleted = 0 AND text != ''"_s,
                    u"INSERT INTO message_search (rowid, text) SELECT k.id, m.text FROM "
                    u"search_rows k"
                    " JOIN messages m ON m.conv = k.conv AND m.seq = k.seq"_s,
            },
            // 4: where a file message's attachment is on this device (downloaded or sent from
            // here), so Open works after a restart. Not in the search triggers: only text is.
            {
                    u"ALTER TABLE messages ADD COLUMN attachment_path TEXT NOT NULL DEFAULT ''"_s,
            },
            // 5: uploads in progress (PendingUpload), so one cut short by quitting resumes.
            {
                    u"CREATE TABLE uploads ("
                    "  client_id BLOB PRIMARY KEY, conv INTEGER NOT NULL, sender INTEGER NOT NULL,"
                    "  created_at INTEGER NOT NULL, file_path TEXT NOT NULL, name TEXT NOT NULL,"
                    "  mime TEXT NOT NULL, caption TEXT NOT NULL, size INTEGER NOT NULL,"
                    "  key BLOB, enc_size INTEGER NOT NULL DEFAULT 0,"
                    "  cipher_path TEXT NOT NULL DEFAULT '', server_upload_id BLOB,"
                    "  failed INTEGER NOT NULL DEFAULT 0, failure TEXT NOT NULL DEFAULT '')"_s,
            },
            // 6: disappearing messages: each conversation's timer, and when each entry expires
            // (0: never). Deleting an expired row takes it out of the search index (triggers).
            {
                    u"ALTER TABLE conversations ADD COLUMN timer INTEGER NOT NULL DEFAULT 0"_s,
                    u"ALTER TABLE messages ADD COLUMN expires_at INTEGER NOT NULL DEFAULT 0"_s,
                    u"CREATE INDEX messages_expiry ON messages (expires_at) WHERE expires_at != 0"_s,
            },
            // 7: profiles (display name and picture) of the people I know and my own, the newest
            // version of each; and which version of mine each conversation was sent last.
            {
                    u"CREATE TABLE profiles (user_id INTEGER PRIMARY KEY, name TEXT NOT NULL,"
                    " picture BLOB, version INTEGER NOT NULL)"_s,
                    u"ALTER TABLE conversations ADD COLUMN profile_sent INTEGER NOT NULL DEFAULT 0"_s,
            },
    };
    return steps;
}

} // namespace

int latestSchemaVersion()
{
    return int(migrations().size());
}

int schemaVersion(QSqlDatabase &db)
{
    if (!db.tables().contains(u"schema_version"_s))
        return 0;
    QSqlQuery query(u"SELECT version FROM schema_version"_s, db);
    return query.next() ? query.value(0).toInt() : 0;
}

Status migrate(QSqlDatabase &db, int target)
{
    if (target < 0)
        target = latestSchemaVersion();
    QSqlQuery query(db);
    if (!db.tables().contains(u"schema_version"_s)) {
        if (!query.exec(u"CREATE TABLE schema_version (version INTEGER NOT NULL)"_s)
            || !query.exec(u"INSERT INTO schema_version (version) VALUES (0)"_s))
            return Error{ErrorCode::StorageError, query.lastError().text()};
    }
    int version = schemaVersion(db);
    if (version > latestSchemaVersion())
        return Error{ErrorCode::StorageError,
                     u"the cache was written by a newer Parley (schema %1)"_s.arg(version)};
    while (version < target) {
        const QStringList &step = migrations().at(version);
        db.transaction();
        for (const QString &statement : step) {
            if (!query.exec(statement)) {
                const QString error = query.lastError().text();
                db.rollback();
                return Error{ErrorCode::StorageError,
                             u"migration %1: %2"_s.arg(version + 1).arg(error)};
            }
        }
        query.prepare(u"UPDATE schema_version SET version = ?"_s);
        query.addBindValue(version + 1);
        if (!query.exec() || !db.commit()) {
            db.rollback();
            return Error{ErrorCode::StorageError, query.lastError().text()};
        }
        ++version;
        qCInfo(lcClientStore) << "cache migrated to schema" << version;
    }
    return {};
}

} // namespace Parley
