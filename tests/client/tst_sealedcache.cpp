// The cache encrypted at rest (client/store/SealedVfs, SealedCache): pages and WAL frames go
// to disk sealed and come back whole (WAL recovery included), a wrong key changes nothing, and
// a clear cache from an older Parley is converted once.
#include "FileScan.h"
#include "content/MessageContent.h"
#include "store/AwaitFuture.h"
#include "store/MessageStore.h"
#include "store/SealedCache.h"

#include <QtCore/QCryptographicHash>
#include <QtCore/QDirIterator>
#include <QtCore/QFile>
#include <QtCore/QTemporaryDir>
#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlError>
#include <QtSql/QSqlQuery>
#include <QtTest/QTest>

#include <optional>

using namespace Parley;
using namespace Qt::StringLiterals;

class tst_SealedCache : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void pagesAndWalRoundTrip();
    void walRecoveryAfterCrash();
    void storeRoundTrip();
    void wrongKeyRefused();
    void clearCacheIsConverted();
    void sessionCacheIsReplaced();

private:
    std::optional<QTemporaryDir> m_dir;
    QString path(const QString &name = u"cache.db"_s) const { return m_dir->filePath(name); }
};

using FileScan::filesHolding;

static QByteArray hashOf(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

static Conversation direct(qint64 id)
{
    Conversation c;
    c.id = id;
    c.kind = ConversationKind::Direct;
    c.members = {Member{1, u"alice"_s, Role::Member, 0, 0},
                 Member{2, u"bob"_s, Role::Member, 0, 0}};
    c.createdAt = 1000;
    return c;
}

static StoredMessage textMessage(qint64 seq, const QString &body)
{
    const MessageContent content = MessageContent::text(body);
    StoredMessage m;
    m.conversationId = 7;
    m.seq = seq;
    m.senderId = 2;
    m.senderDeviceId = 20;
    m.timestamp = 1000 + seq;
    m.text = content.previewText();
    m.body = content.toBytes();
    return m;
}

/// A raw connection on a sealed file (the cache's own pragmas, no schema).
struct RawSealed
{
    QString name;
    QSqlDatabase db;
    RawSealed(const QString &connection, const QString &path, const CacheKey &key, Status *status)
        : name(connection)
    {
        db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        *status = SealedCache::open(db, path, key);
    }
    ~RawSealed()
    {
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(name);
    }
};

void tst_SealedCache::init()
{
    m_dir.emplace();
    QVERIFY(m_dir->isValid());
}

void tst_SealedCache::pagesAndWalRoundTrip()
{
    const CacheKey key = CacheKey::generate();
    const QString secret = u"zebra-quartz-%1"_s;
    {
        Status status;
        RawSealed raw(u"raw"_s, path(), key, &status);
        QVERIFY2(status.isOk(), qPrintable(status ? QString() : status.error().message));
        QSqlQuery q(raw.db);
        QVERIFY(q.exec(u"PRAGMA journal_mode"_s) && q.next());
        QCOMPARE(q.value(0).toString(), u"wal"_s);
        QVERIFY(q.exec(u"CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT)"_s));
        QVERIFY(q.exec(u"CREATE VIRTUAL TABLE f USING fts5(body)"_s));
        QVERIFY(raw.db.transaction());
        // Many pages, and rows larger than a page (overflow pages), in both encodings' reach.
        for (int i = 0; i < 400; ++i) {
            q.prepare(u"INSERT INTO t (id, body) VALUES (?, ?)"_s);
            q.addBindValue(i);
            q.addBindValue(secret.arg(i).repeated(i % 50 == 0 ? 400 : 3));
            QVERIFY(q.exec());
            q.prepare(u"INSERT INTO f (rowid, body) VALUES (?, ?)"_s);
            q.addBindValue(i);
            q.addBindValue(secret.arg(i));
            QVERIFY(q.exec());
        }
        QVERIFY(raw.db.commit());
        // The pages are in the WAL now, sealed.
        QVERIFY(QFileInfo(path() + u"-wal"_s).size() > 100 * 1024);
        QCOMPARE(filesHolding(m_dir->path(), u"zebra-quartz"_s), QStringList());
        QVERIFY(q.exec(u"SELECT body FROM t WHERE id = 350"_s) && q.next());
        QCOMPARE(q.value(0).toString(), secret.arg(350).repeated(400));
        QVERIFY(q.exec(u"SELECT rowid FROM f WHERE f MATCH 'zebra'"_s));
        int hits = 0;
        while (q.next())
            ++hits;
        QCOMPARE(hits, 400);
        // Into the database file: still sealed.
        QVERIFY(q.exec(u"PRAGMA wal_checkpoint(TRUNCATE)"_s));
        QVERIFY(QFileInfo(path()).size() > 100 * 1024);
        QCOMPARE(filesHolding(m_dir->path(), u"zebra-quartz"_s), QStringList());
    }
    QCOMPARE(SealedCache::inspect(path()), SealedCache::FileState::Sealed);
    SealedCache::close(path());
    // Read back from the database pages alone.
    Status status;
    RawSealed again(u"again"_s, path(), key, &status);
    QVERIFY(status.isOk());
    QSqlQuery q(again.db);
    QVERIFY(q.exec(u"SELECT count(*), sum(length(body)) FROM t"_s) && q.next());
    QCOMPARE(q.value(0).toInt(), 400);
    QVERIFY(q.exec(u"PRAGMA integrity_check"_s) && q.next());
    QCOMPARE(q.value(0).toString(), u"ok"_s);
    SealedCache::close(path());
}

void tst_SealedCache::walRecoveryAfterCrash()
{
    // A copy of the files taken while the writer is open is what a crash leaves: the WAL has
    // the commits, there is no -shm, and SQLite rebuilds its index from whole frames.
    const CacheKey key = CacheKey::generate();
    {
        Status status;
        RawSealed raw(u"writer"_s, path(), key, &status);
        QVERIFY(status.isOk());
        QSqlQuery q(raw.db);
        QVERIFY(q.exec(u"PRAGMA wal_autocheckpoint = 0"_s));
        QVERIFY(q.exec(u"CREATE TABLE t (body TEXT)"_s));
        for (int i = 0; i < 50; ++i)
            QVERIFY(q.exec(u"INSERT INTO t VALUES ('ocelot-%1')"_s.arg(i)));
        QVERIFY(QFileInfo(path() + u"-wal"_s).size() > 0);
        QVERIFY(QFile::copy(path(), path(u"crashed.db"_s)));
        QVERIFY(QFile::copy(path() + u"-wal"_s, path(u"crashed.db-wal"_s)));
    }
    SealedCache::close(path());
    QCOMPARE(filesHolding(m_dir->path(), u"ocelot"_s), QStringList());
    Status status;
    RawSealed recovered(u"recovered"_s, path(u"crashed.db"_s), key, &status);
    QVERIFY2(status.isOk(), qPrintable(status ? QString() : status.error().message));
    QSqlQuery q(recovered.db);
    QVERIFY(q.exec(u"SELECT count(*) FROM t WHERE body LIKE 'ocelot-%'"_s) && q.next());
    QCOMPARE(q.value(0).toInt(), 50);
    SealedCache::close(path(u"crashed.db"_s));
}

void tst_SealedCache::storeRoundTrip()
{
    const CacheKey key = CacheKey::generate();
    {
        MessageStore store;
        QVERIFY(awaitFuture(store.open(path(), key)).result().isOk());
        awaitFuture(store.upsertConversations({direct(7)}, 1));
        awaitFuture(store.storeMessages({textMessage(1, u"Meet me at the lighthouse"_s),
                                         textMessage(2, u"bring the marmalade"_s)},
                                        10));
        const auto hits = awaitFuture(store.searchMessages(u"lighthou"_s, 0, {}, 10)).result();
        QCOMPARE(hits.size(), 1);
        QCOMPARE(filesHolding(m_dir->path(), u"lighthouse"_s), QStringList());
        QCOMPARE(filesHolding(m_dir->path(), u"marmalade"_s), QStringList());
    }
    QCOMPARE(filesHolding(m_dir->path(), u"marmalade"_s), QStringList());
    MessageStore store;
    QVERIFY(awaitFuture(store.open(path(), key)).result().isOk());
    const auto rows = awaitFuture(store.latestMessages(7, 10)).result();
    QCOMPARE(rows.size(), 2);
    QCOMPARE(rows.at(1).text, u"bring the marmalade"_s);
    QCOMPARE(awaitFuture(store.searchMessages(u"marmal"_s, 0, {}, 10)).result().size(), 1);
}

void tst_SealedCache::wrongKeyRefused()
{
    const CacheKey key = CacheKey::generate();
    {
        MessageStore store;
        QVERIFY(awaitFuture(store.open(path(), key)).result().isOk());
        awaitFuture(store.upsertConversations({direct(7)}, 1));
        awaitFuture(store.storeMessages({textMessage(1, u"kept safe"_s)}, 10));
    }
    const QByteArray before = hashOf(path());
    QVERIFY(!before.isEmpty());
    {
        MessageStore store;
        const Status opened = awaitFuture(store.open(path(), CacheKey::generate())).result();
        QVERIFY(!opened.isOk());
        QCOMPARE(opened.error().code, ErrorCode::StorageError);
        QVERIFY(opened.error().message.contains(u"key"_s));
        // Nothing else works, nothing crashes.
        QVERIFY(awaitFuture(store.latestMessages(7, 10)).result().isEmpty());
        // A session-only key (no keychain) does not open it either.
        QVERIFY(!awaitFuture(store.open(path(), CacheKey{key.secret, true})).result().isOk());
    }
    QCOMPARE(hashOf(path()), before);
    QVERIFY(!QFileInfo::exists(path() + u"-wal"_s));
    MessageStore store;
    QVERIFY(awaitFuture(store.open(path(), key)).result().isOk());
    QCOMPARE(awaitFuture(store.latestMessages(7, 10)).result().size(), 1);
}

void tst_SealedCache::clearCacheIsConverted()
{
    {
        MessageStore clear;
        QVERIFY(awaitFuture(clear.open(path())).result().isOk());
        awaitFuture(clear.upsertConversations({direct(7)}, 1));
        QList<StoredMessage> messages;
        for (int i = 1; i <= 300; ++i)
            messages << textMessage(i, u"pelican number %1"_s.arg(i));
        awaitFuture(clear.storeMessages(messages, 10));
        awaitFuture(clear.setSetting(u"draft/7"_s, u"an unsent pelican draft"_s));
    }
    QCOMPARE(SealedCache::inspect(path()), SealedCache::FileState::Clear);
    QVERIFY(!filesHolding(m_dir->path(), u"pelican"_s).isEmpty()); // the scan sees clear text
    const CacheKey key = CacheKey::generate();
    {
        MessageStore store;
        QVERIFY(awaitFuture(store.open(path(), key)).result().isOk());
        QCOMPARE(SealedCache::inspect(path()), SealedCache::FileState::Sealed);
        QCOMPARE(filesHolding(m_dir->path(), u"pelican"_s), QStringList());
        QCOMPARE(awaitFuture(store.latestMessages(7, 500)).result().size(), 300);
        QCOMPARE(awaitFuture(store.searchMessages(u"pelican"_s, 7, {}, 500)).result().size(), 300);
        QCOMPARE(awaitFuture(store.setting(u"draft/7"_s)).result().toString(),
                 u"an unsent pelican draft"_s);
    }
    QCOMPARE(QDir(m_dir->path()).entryList(QDir::Files), QStringList{u"cache.db"_s});
    QCOMPARE(filesHolding(m_dir->path(), u"pelican"_s), QStringList());
    // Once: the next open finds it sealed.
    MessageStore store;
    QVERIFY(awaitFuture(store.open(path(), key)).result().isOk());
    QCOMPARE(awaitFuture(store.latestMessages(7, 500)).result().size(), 300);
}

void tst_SealedCache::sessionCacheIsReplaced()
{
    // Without a keychain the key dies with the session; the next one cannot read that cache
    // and starts a new one, while a clear cache is left as it is.
    {
        MessageStore store;
        QVERIFY(awaitFuture(store.open(path(), CacheKey::generate(true))).result().isOk());
        awaitFuture(store.upsertConversations({direct(7)}, 1));
        awaitFuture(store.storeMessages({textMessage(1, u"gone with the session"_s)}, 10));
    }
    QCOMPARE(SealedCache::inspect(path()), SealedCache::FileState::SessionSealed);
    MessageStore store;
    QVERIFY(awaitFuture(store.open(path(), CacheKey::generate(true))).result().isOk());
    QVERIFY(awaitFuture(store.latestMessages(7, 10)).result().isEmpty());
}

QTEST_GUILESS_MAIN(tst_SealedCache)
#include "tst_sealedcache.moc"
