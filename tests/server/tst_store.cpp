// The store on its own (SQLite, or PostgreSQL under the postgres label): the migration ladder
// (each version upgraded in turn equals a fresh schema, data kept), gapless idempotent appends
// through the batching Store, one-time pre-keys handed out once, and writes after a lookup while
// another process writes to the same database.
#include "ParleydProcess.h"
#include "store/Database.h"
#include "store/Migrations.h"
#include "store/Store.h"

#include <QtCore/QDateTime>
#include <QtCore/QTemporaryDir>
#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlError>
#include <QtSql/QSqlQuery>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

using namespace Parley;
using namespace Qt::StringLiterals;

class tst_Store : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void migrationLadder();
    void refusesANewerSchema();
    void batchedAppendsAreGaplessAndIdempotent();
    void preKeysOnce();
    void writeAfterLookupWhileAnotherProcessWrites();

private:
    /// A fresh, empty database for one test function.
    DatabaseUrl freshUrl();
    /// A second, raw connection to `url` (to write data the way an older version did).
    QSqlDatabase rawConnection(const DatabaseUrl &url, const QString &name);
    QStringList schemaOf(const DatabaseUrl &url);

    std::unique_ptr<QTemporaryDir> m_dir;
    QStringList m_databases; ///< PostgreSQL databases to drop
    int m_counter = 0;
};

void tst_Store::initTestCase()
{
    const QString reason = ParleydProcess::postgresUnavailableReason();
    if (!reason.isEmpty())
        QSKIP(qPrintable(reason));
}

void tst_Store::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void tst_Store::cleanup()
{
    for (const QString &name : QSqlDatabase::connectionNames()) {
        if (name.startsWith(u"raw-"_s)) {
            QSqlDatabase::database(name, false).close();
            QSqlDatabase::removeDatabase(name);
        }
    }
    for (const QString &db : std::as_const(m_databases))
        ParleydProcess::dropPostgresDatabase(db);
    m_databases.clear();
}

DatabaseUrl tst_Store::freshUrl()
{
    if (!ParleydProcess::usesPostgres())
        return DatabaseUrl::sqlite(m_dir->filePath(u"store-%1.db"_s.arg(++m_counter)));
    const QString name = ParleydProcess::createPostgresDatabase();
    if (name.isEmpty())
        return {};
    m_databases.append(name);
    auto url = DatabaseUrl::parse(ParleydProcess::postgresUrl(name));
    return url ? *url : DatabaseUrl{};
}

QSqlDatabase tst_Store::rawConnection(const DatabaseUrl &url, const QString &name)
{
    QSqlDatabase db;
    if (url.kind == DatabaseUrl::Kind::Sqlite) {
        db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"raw-"_s + name);
        db.setDatabaseName(url.sqlitePath);
    } else {
        db = QSqlDatabase::addDatabase(u"QPSQL"_s, u"raw-"_s + name);
        db.setHostName(url.host);
        db.setPort(url.port);
        db.setUserName(url.user);
        db.setPassword(url.password);
        db.setDatabaseName(url.name);
    }
    db.open();
    return db;
}

QStringList tst_Store::schemaOf(const DatabaseUrl &url)
{
    QSqlDatabase db = rawConnection(url, u"schema-%1"_s.arg(++m_counter));
    QSqlQuery q(db);
    QStringList schema;
    if (url.kind == DatabaseUrl::Kind::Sqlite) {
        q.exec(u"SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name"_s);
        while (q.next())
            schema.append(u"%1 %2 %3 %4"_s.arg(q.value(0).toString(), q.value(1).toString(),
                                               q.value(2).toString(),
                                               q.value(3).toString().simplified()));
    } else {
        q.exec(u"SELECT table_name, column_name, data_type, is_nullable, coalesce(column_default, "
               u"'') "
               "FROM information_schema.columns WHERE table_schema = 'public' ORDER BY table_name, column_name"_s);
        while (q.next())
            schema.append(u"column %1.%2 %3 %4 %5"_s.arg(
                    q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                    q.value(3).toString(), q.value(4).toString()));
        q.exec(u"SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY indexname"_s);
        while (q.next())
            schema.append(u"index %1 %2"_s.arg(q.value(0).toString(), q.value(1).toString()));
    }
    return schema;
}

void tst_Store::migrationLadder()
{
    const DatabaseUrl fresh = freshUrl();
    const DatabaseUrl ladder = freshUrl();
    {
        Database db(fresh);
        QVERIFY(db.open());
        QVERIFY(db.migrate());
        QCOMPARE(db.schemaVersion(), Migrations::latestVersion());
    }
    {
        // Version 1, with data written the way version 1 wrote it.
        Database db(ladder);
        QVERIFY(db.open());
        QVERIFY(db.migrate(1));
        QCOMPARE(db.schemaVersion(), 1);
        QSqlDatabase raw = rawConnection(ladder, u"v1"_s);
        QSqlQuery q(raw);
        for (const char *sql : {"INSERT INTO users (username, password_hash, created_at) VALUES "
                                "('old', 'hash', 1000)",
                                "INSERT INTO conversations (kind, title, created_at, last_seq) "
                                "VALUES (1, 'old group', 1000, 2)",
                                "INSERT INTO members (conversation_id, user_id, role, joined_at, "
                                "read_up_to) VALUES (1, 1, 2, 1234, 1)"})
            QVERIFY2(q.exec(QString::fromLatin1(sql)), qPrintable(q.lastError().text()));
        // Byte columns are written bound, as the server writes them.
        QVERIFY(q.prepare(
                u"INSERT INTO devices (user_id, name, token_hash, created_at) VALUES (1, 'laptop', ?, 1000)"_s));
        q.addBindValue("tokenhash"_ba);
        QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
        QVERIFY(q.prepare(u"INSERT INTO messages (conversation_id, seq, sender_user_id, "
                          u"sender_device_id, client_id, "
                          "server_time, kind, body) VALUES (1, ?, 1, ?, ?, ?, ?, ?)"_s));
        for (const auto &[seq, device, clientId, kind, body] :
             {std::tuple{1, 0, QVariant(QMetaType::fromType<QByteArray>()), 1, "created"_ba},
              std::tuple{2, 1, QVariant(QByteArray(16, 'c')), 0, "hello"_ba}}) {
            q.addBindValue(seq);
            q.addBindValue(device);
            q.addBindValue(clientId);
            q.addBindValue(1000 + seq);
            q.addBindValue(kind);
            q.addBindValue(body);
            QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
        }
        QVERIFY2(
                q.exec(u"INSERT INTO device_receipts (conversation_id, device_id, delivered_up_to) "
                       "VALUES (1, 1, 2)"_s),
                qPrintable(q.lastError().text()));
        q.finish();
        raw.close();
        // Up one version at a time.
        for (int v = 2; v <= Migrations::latestVersion(); ++v) {
            QVERIFY(db.migrate(v));
            QCOMPARE(db.schemaVersion(), v);
        }
        // The old data reads back through today's queries.
        auto snapshot = db.snapshot().load();
        QVERIFY(snapshot);
        QCOMPARE(snapshot->conversations.size(), 1);
        const Conversation &c = snapshot->conversations.first();
        QCOMPARE(c.title, u"old group"_s);
        QCOMPARE(c.lastSeq, 2);
        QCOMPARE(c.members.size(), 1);
        QCOMPARE(c.members.first().role, Role::Owner);
        QCOMPARE(c.members.first().readUpTo, 1);
        QCOMPARE(c.members.first().deliveredUpTo, 2);
        QCOMPARE(snapshot->roleSince.value({1, 1}), 1234); // role_since starts at joined_at
        auto page = db.conversations().history(1, 0, 0, 10, QDateTime::currentMSecsSinceEpoch());
        QVERIFY(page);
        QCOMPARE(page->messages.size(), 2);
        QCOMPARE(page->messages.last().body, "hello"_ba);
        auto device = db.accounts().deviceByTokenHash("tokenhash"_ba);
        QVERIFY(device);
        QCOMPARE(device->name, u"laptop"_s);
        // And keeps working: the next append continues the log.
        QVERIFY(db.begin());
        auto appended = db.conversations().append(
                AppendRequest{1, 1, 1, QByteArray(16, 'd'), MessageKind::Content, "new"_ba}, 2000);
        QVERIFY(appended);
        QVERIFY(db.commit());
        QCOMPARE(appended->envelope.seq, 3);
    }
    QCOMPARE(schemaOf(ladder), schemaOf(fresh));
}

void tst_Store::refusesANewerSchema()
{
    const DatabaseUrl url = freshUrl();
    Database db(url);
    QVERIFY(db.open());
    QVERIFY(db.migrate());
    QSqlDatabase raw = rawConnection(url, u"newer"_s);
    QSqlQuery q(raw);
    QVERIFY(q.exec(u"UPDATE schema_version SET version = 99"_s));
    raw.close();
    const Status s = db.migrate();
    QVERIFY(!s);
    QVERIFY(s.error().message.contains(u"newer"_s));
}

void tst_Store::batchedAppendsAreGaplessAndIdempotent()
{
    const DatabaseUrl url = freshUrl();
    {
        Database db(url);
        QVERIFY(db.open());
        QVERIFY(db.migrate());
        auto user = db.accounts().createUser(u"writer"_s, u"hash"_s, 1);
        QVERIFY(user);
        auto device = db.accounts().createDevice(*user, u"d"_s, "t"_ba, 1, 10);
        QVERIFY(device);
        auto created = db.conversations().createConversation(ConversationKind::Group, u"g"_s, *user,
                                                             {}, 1);
        QVERIFY(created);
    }
    Store store(url);
    QObject context;
    QSignalSpy started(&context, &QObject::objectNameChanged);
    store.start(&context,
                [&](Status s) { context.setObjectName(s ? u"ok"_s : s.error().message); });
    QVERIFY(started.wait(10000));
    QCOMPARE(context.objectName(), u"ok"_s);

    // 300 appends posted at once (100 client ids, each sent three times) land in a few batches.
    QList<QPair<QByteArray, qint64>> results;
    for (int round = 0; round < 3; ++round) {
        for (int i = 0; i < 100; ++i) {
            QByteArray clientId(16, '\0');
            clientId.replace(0, 4, QByteArray::number(i).rightJustified(4, '0'));
            store.append(AppendRequest{1, 1, 1, clientId, MessageKind::Content,
                                       "m" + QByteArray::number(i)},
                         &context, [&results, clientId](Result<AppendResult> r) {
                             results.append({clientId, r ? r->envelope.seq : -1});
                         });
        }
    }
    QTRY_COMPARE_WITH_TIMEOUT(results.size(), 300, 20000);
    QHash<QByteArray, qint64> seqOf;
    for (const auto &[clientId, seq] : results) {
        QVERIFY(seq > 0);
        if (seqOf.contains(clientId))
            QCOMPARE(seqOf.value(clientId), seq); // a retry gets the original seq
        seqOf.insert(clientId, seq);
    }
    QCOMPARE(seqOf.size(), 100);
    QList<qint64> seqs = seqOf.values();
    std::sort(seqs.begin(), seqs.end());
    for (int i = 0; i < seqs.size(); ++i)
        QCOMPARE(seqs[i], i + 2); // after the created entry, no gaps
    store.stop();
}

void tst_Store::preKeysOnce()
{
    Database db(freshUrl());
    QVERIFY(db.open());
    QVERIFY(db.migrate());
    auto owner = db.accounts().createUser(u"owner"_s, u"hash"_s, 1);
    QVERIFY(owner);
    auto device = db.accounts().createDevice(*owner, u"d"_s, "t"_ba, 1, 10);
    QVERIFY(device);
    QList<OneTimePreKey> keys;
    for (int i = 1; i <= 3; ++i)
        keys.append(OneTimePreKey{i, "k" + QByteArray::number(i)});
    auto stock = db.keys().upload(device->id, 42, "identity"_ba,
                                  SignedPreKey{1, "spk"_ba, "sig"_ba}, keys);
    QVERIFY(stock);
    QCOMPARE(*stock, 3);
    QSet<qint64> seen;
    for (int round = 0; round < 4; ++round) {
        auto fetched = db.keys().fetch(*owner, 0, true);
        QVERIFY(fetched);
        QCOMPARE(fetched->bundles.size(), 1);
        if (round < 3) {
            QVERIFY(fetched->bundles.first().oneTimePreKey);
            QVERIFY(!seen.contains(fetched->bundles.first().oneTimePreKey->id));
            seen.insert(fetched->bundles.first().oneTimePreKey->id);
            QCOMPARE(fetched->remaining.first().second, 2 - round);
        } else {
            QVERIFY(!fetched->bundles.first().oneTimePreKey);
        }
    }
    QCOMPARE(db.keys().preKeyCount(device->id).value(), 0);
}

void tst_Store::writeAfterLookupWhileAnotherProcessWrites()
{
    // An admin subcommand looks the user up, hashes the new password (slow on purpose), then
    // writes, while the running server writes to the same database (a last-seen time on a
    // disconnect). A lookup must not leave its read open: on SQLite a write cannot start from a
    // read snapshot older than another connection's commit, and the admin's change would fail.
    const DatabaseUrl url = freshUrl();
    Database admin(url);
    QVERIFY(admin.open());
    QVERIFY(admin.migrate());
    auto alice = admin.accounts().createUser(u"alice"_s, u"old-hash"_s, 1);
    QVERIFY(alice);
    Database server(url);
    QVERIFY(server.open());

    auto user = admin.accounts().userByName(u"alice"_s);
    QVERIFY(user);
    QVERIFY(server.accounts().setUserLastSeen(user->id, 2));
    QVERIFY(admin.accounts().setPasswordHash(user->id, u"new-hash"_s));
    auto device = admin.accounts().createDevice(user->id, u"d"_s, "t"_ba, 3, 10);
    QVERIFY(device);

    QVERIFY(admin.accounts().deviceById(device->id));
    QVERIFY(server.accounts().touchDevice(device->id, 4));
    QVERIFY(admin.accounts().setUserDisabled(user->id, true, 5));

    auto stored = server.accounts().userById(user->id);
    QVERIFY(stored);
    QCOMPARE(stored->passwordHash, u"new-hash"_s);
    QVERIFY(stored->disabled);
    QCOMPARE(stored->lastSeenAt, 2);
}

QTEST_GUILESS_MAIN(tst_Store)
#include "tst_store.moc"
