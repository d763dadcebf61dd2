#include "store/MessageStore.h"
#include "store/Migrations.h"

#include <QtCore/QTemporaryDir>
#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlQuery>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

#include <optional>

using namespace Parley;
using namespace Qt::StringLiterals;

class tst_MessageStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void freshIsMigrated();
    void migrationLadder();
    void conversationsAndMessages();
    void keysetPaging();
    void ownEntryAcknowledgesOutbox();
    void outboxSurvivesRestart();
    void receipts();
    void search();
    void wipeKeepsPins();

private:
    std::optional<QTemporaryDir> m_dir;
    QString path() const { return m_dir->filePath(u"cache.sqlite"_s); }
};

// The store's futures finish on the store thread, so a test may simply block on them.
#define AWAIT(future)  \
  [&] {                \
  auto f = (future);   \
  f.waitForFinished(); \
  return f;            \
  }()

void tst_MessageStore::init()
{
    m_dir.emplace();
    QVERIFY(m_dir->isValid());
}

static QStringList schemaOf(QSqlDatabase &db)
{
    QStringList schema;
    QSqlQuery q(
            u"SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name"_s,
            db);
    while (q.next())
        schema << q.value(0).toString() + u' ' + q.value(1).toString() + u' '
                        + q.value(2).toString();
    return schema;
}

void tst_MessageStore::freshIsMigrated()
{
    {
        MessageStore store;
        auto opened = AWAIT(store.open(path()));
        QVERIFY2(opened.result().isOk(), qPrintable(opened.result().error().message));
    }
    {
        auto db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"check"_s);
        db.setDatabaseName(path());
        QVERIFY(db.open());
        QCOMPARE(schemaVersion(db), latestSchemaVersion());
        QSqlQuery q(u"PRAGMA journal_mode"_s, db);
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), u"wal"_s);
        for (const auto &table : {u"conversations"_s, u"members"_s, u"messages"_s, u"cursors"_s,
                                  u"outbox"_s, u"settings"_s})
            QVERIFY2(db.tables().contains(table), qPrintable(table));
    }
    QSqlDatabase::removeDatabase(u"check"_s);
    // Opening again is a no-op migration.
    MessageStore again;
    QVERIFY(AWAIT(again.open(path())).result().isOk());
}

void tst_MessageStore::migrationLadder()
{
    // Every step from 0 upwards ends at the same schema as a fresh database.
    for (int start = 0; start <= latestSchemaVersion(); ++start) {
        const QString ladder = m_dir->filePath(u"ladder-%1.sqlite"_s.arg(start));
        const QString fresh = m_dir->filePath(u"fresh-%1.sqlite"_s.arg(start));
        {
            auto a = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"ladder"_s);
            a.setDatabaseName(ladder);
            QVERIFY(a.open());
            QVERIFY(migrate(a, start).isOk());
            QCOMPARE(schemaVersion(a), start);
            QVERIFY(migrate(a).isOk());
            auto b = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"fresh"_s);
            b.setDatabaseName(fresh);
            QVERIFY(b.open());
            QVERIFY(migrate(b).isOk());
            QCOMPARE(schemaOf(a), schemaOf(b));
            QCOMPARE(schemaVersion(a), latestSchemaVersion());
        }
        QSqlDatabase::removeDatabase(u"ladder"_s);
        QSqlDatabase::removeDatabase(u"fresh"_s);
    }
}

static Conversation direct(qint64 id, qint64 me, qint64 other)
{
    Conversation c;
    c.id = id;
    c.kind = ConversationKind::Direct;
    c.members = {Member{me, u"alice"_s, Role::Member, 0, 0},
                 Member{other, u"bob"_s, Role::Member, 0, 0}};
    c.lastSeq = 0;
    c.createdAt = 1000;
    return c;
}

static StoredMessage text(qint64 conv, qint64 seq, qint64 sender, const QString &body)
{
    StoredMessage m;
    m.conversationId = conv;
    m.seq = seq;
    m.senderId = sender;
    m.senderDeviceId = sender * 10;
    m.timestamp = 1000 + seq;
    m.text = body;
    m.body = body.toUtf8();
    return m;
}

void tst_MessageStore::conversationsAndMessages()
{
    MessageStore store;
    QVERIFY(AWAIT(store.open(path())).result().isOk());
    AWAIT(store.upsertConversations({direct(7, 1, 2)}, 1));
    auto batch = AWAIT(store.storeMessages({text(7, 1, 2, u"hi"_s), text(7, 2, 1, u"hello"_s)}, 10))
                         .result();
    QCOMPARE(batch.inserted.size(), 2);
    QCOMPARE(batch.inserted.at(0).senderName, u"bob"_s);
    // The same seqs again insert nothing.
    batch = AWAIT(store.storeMessages({text(7, 2, 1, u"hello"_s)}, 10)).result();
    QCOMPARE(batch.inserted.size(), 0);

    auto summary = AWAIT(store.conversationSummary(7, 1)).result();
    QVERIFY(summary.has_value());
    QCOMPARE(summary->lastPreview, u"hello"_s);
    QCOMPARE(summary->unreadCount, 1);
    QCOMPARE(summary->conversation.members.size(), 2);
    QVERIFY(summary->isMember);

    // A conversation that no longer lists us: no longer a member.
    Conversation left = direct(7, 3, 2);
    AWAIT(store.upsertConversations({left}, 1));
    summary = AWAIT(store.conversationSummary(7, 1)).result();
    QVERIFY(!summary->isMember);
}

void tst_MessageStore::keysetPaging()
{
    MessageStore store;
    QVERIFY(AWAIT(store.open(path())).result().isOk());
    AWAIT(store.upsertConversations({direct(7, 1, 2)}, 1));
    QList<StoredMessage> many;
    for (int seq = 1; seq <= 120; ++seq)
        many.append(text(7, seq, 2, u"m%1"_s.arg(seq)));
    AWAIT(store.storeMessages(many, 10));
    auto latest = AWAIT(store.latestMessages(7, 50)).result();
    QCOMPARE(latest.size(), 50);
    QCOMPARE(latest.first().seq, 71);
    QCOMPARE(latest.last().seq, 120);
    auto older = AWAIT(store.messagesBefore(7, 71, 50)).result();
    QCOMPARE(older.first().seq, 21);
    QCOMPARE(older.last().seq, 70);
    auto oldest = AWAIT(store.messagesBefore(7, 21, 50)).result();
    QCOMPARE(oldest.size(), 20);
    QCOMPARE(oldest.first().seq, 1);
}

void tst_MessageStore::ownEntryAcknowledgesOutbox()
{
    MessageStore store;
    QVERIFY(AWAIT(store.open(path())).result().isOk());
    OutboxEntry entry;
    entry.conversationId = 7;
    entry.clientId = QByteArray(16, 'a');
    entry.content = QByteArray("content");
    entry.createdAt = 5;
    AWAIT(store.enqueue(entry));
    QCOMPARE(AWAIT(store.outbox()).result().size(), 1);

    StoredMessage own = text(7, 3, 1, QString());
    own.senderDeviceId = 10;
    own.clientId = entry.clientId;
    own.body.clear();
    auto batch = AWAIT(store.storeMessages({own}, 10)).result();
    QCOMPARE(batch.ownAcknowledged, QList<QByteArray>{entry.clientId});
    QCOMPARE(batch.inserted.size(), 1);
    QCOMPARE(batch.inserted.first().body, QByteArray("content"));
    QVERIFY(AWAIT(store.outbox()).result().isEmpty());
}

void tst_MessageStore::outboxSurvivesRestart()
{
    OutboxEntry entry;
    entry.conversationId = 9;
    entry.clientId = QByteArray(16, 'b');
    entry.content = QByteArray("x");
    entry.createdAt = 42;
    {
        MessageStore store;
        QVERIFY(AWAIT(store.open(path())).result().isOk());
        store.enqueue(entry);
        store.setOutboxState(entry.clientId, OutboxState::Failed, u"not_member"_s);
        // Destroyed right away: the store finishes what was asked before it closes.
    }
    MessageStore store;
    QVERIFY(AWAIT(store.open(path())).result().isOk());
    const auto entries = AWAIT(store.outbox()).result();
    QCOMPARE(entries.size(), 1);
    QCOMPARE(entries.first().clientId, entry.clientId);
    QCOMPARE(entries.first().state, OutboxState::Failed);
    QCOMPARE(entries.first().failureReason, u"not_member"_s);
}

void tst_MessageStore::receipts()
{
    MessageStore store;
    QVERIFY(AWAIT(store.open(path())).result().isOk());
    AWAIT(store.upsertConversations({direct(7, 1, 2)}, 1));
    QVERIFY(AWAIT(store.applyReceipt(Receipt{7, 2, 20, ReceiptKind::Delivered, 5})).result());
    QVERIFY(!AWAIT(store.applyReceipt(Receipt{7, 2, 20, ReceiptKind::Delivered, 4})).result());
    QVERIFY(AWAIT(store.applyReceipt(Receipt{7, 2, 0, ReceiptKind::Read, 6})).result());
    auto summary = AWAIT(store.conversationSummary(7, 1)).result();
    const Member *bob = summary->conversation.member(2);
    QVERIFY(bob);
    QCOMPARE(bob->deliveredUpTo, 6);
    QCOMPARE(bob->readUpTo, 6);
}

void tst_MessageStore::search()
{
    MessageStore store;
    QVERIFY(AWAIT(store.open(path())).result().isOk());
    AWAIT(store.upsertConversations({direct(7, 1, 2)}, 1));
    AWAIT(store.storeMessages({text(7, 1, 2, u"Lunch at noon?"_s), text(7, 2, 1, u"sure"_s),
                               text(7, 3, 2, u"100% sure_"_s)},
                              10));
    auto hits = AWAIT(store.search(u"lunch"_s, 0, 10)).result();
    QCOMPARE(hits.size(), 1);
    QCOMPARE(hits.first().seq, 1);
    hits = AWAIT(store.search(u"%"_s, 7, 10)).result();
    QCOMPARE(hits.size(), 1); // a literal %, not a wildcard
    QCOMPARE(hits.first().seq, 3);
    hits = AWAIT(store.search(u"sure"_s, 7, 10)).result();
    QCOMPARE(hits.size(), 2);
    QCOMPARE(hits.first().seq, 3); // newest first
}

void tst_MessageStore::wipeKeepsPins()
{
    MessageStore store;
    QVERIFY(AWAIT(store.open(path())).result().isOk());
    AWAIT(store.setSetting(u"pin/example:7443"_s, u"AB:CD"_s));
    AWAIT(store.setSetting(u"account/userId"_s, 5));
    AWAIT(store.upsertConversations({direct(7, 1, 2)}, 1));
    AWAIT(store.wipeAccountData());
    QCOMPARE(AWAIT(store.setting(u"pin/example:7443"_s)).result().toString(), u"AB:CD"_s);
    QVERIFY(!AWAIT(store.setting(u"account/userId"_s)).result().isValid());
    QVERIFY(AWAIT(store.conversationSummaries(1)).result().isEmpty());
}

QTEST_GUILESS_MAIN(tst_MessageStore)
#include "tst_messagestore.moc"
