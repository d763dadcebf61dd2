#include "content/MessageContent.h"
#include "store/AwaitFuture.h"
#include "store/MessageStore.h"
#include "store/Migrations.h"

#include <QtCore/QCborMap>
#include <QtCore/QCborValue>
#include <QtCore/QDateTime>
#include <QtCore/QTemporaryDir>
#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlQuery>
#include <QtSql/QSqlRecord>
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

    void replyQuotesItsTarget();
    void annotationsBeforeTheirTarget();
    void editBySomeoneElseIgnored();
    void newestEditWins();
    void deleteErasesTextAndReactions();
    void reactionsToggle();
    void lateDecryptionIsApplied();
    void migrationFromStepOneKeepsData();
    void fullTextSearch();
    void fullTextSearchPages();
    void expiredMessagesAreDeleted();
    void profilesAreTheSendersOwn();

private:
    std::optional<QTemporaryDir> m_dir;
    QString path() const { return m_dir->filePath(u"cache.sqlite"_s); }
};

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
        auto opened = awaitFuture(store.open(path()));
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
    QVERIFY(awaitFuture(again.open(path())).result().isOk());
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
    QVERIFY(awaitFuture(store.open(path())).result().isOk());
    awaitFuture(store.upsertConversations({direct(7, 1, 2)}, 1));
    auto batch = awaitFuture(store.storeMessages(
                                     {text(7, 1, 2, u"hi"_s), text(7, 2, 1, u"hello"_s)}, 10))
                         .result();
    QCOMPARE(batch.inserted.size(), 2);
    QCOMPARE(batch.inserted.at(0).senderName, u"bob"_s);
    // The same seqs again insert nothing.
    batch = awaitFuture(store.storeMessages({text(7, 2, 1, u"hello"_s)}, 10)).result();
    QCOMPARE(batch.inserted.size(), 0);

    auto summary = awaitFuture(store.conversationSummary(7, 1)).result();
    QVERIFY(summary.has_value());
    QCOMPARE(summary->lastPreview, u"hello"_s);
    QCOMPARE(summary->unreadCount, 1);
    QCOMPARE(summary->conversation.members.size(), 2);
    QVERIFY(summary->isMember);

    // A conversation that no longer lists us: no longer a member.
    Conversation left = direct(7, 3, 2);
    awaitFuture(store.upsertConversations({left}, 1));
    summary = awaitFuture(store.conversationSummary(7, 1)).result();
    QVERIFY(!summary->isMember);
}

void tst_MessageStore::keysetPaging()
{
    MessageStore store;
    QVERIFY(awaitFuture(store.open(path())).result().isOk());
    awaitFuture(store.upsertConversations({direct(7, 1, 2)}, 1));
    QList<StoredMessage> many;
    for (int seq = 1; seq <= 120; ++seq)
        many.append(text(7, seq, 2, u"m%1"_s.arg(seq)));
    awaitFuture(store.storeMessages(many, 10));
    auto latest = awaitFuture(store.latestMessages(7, 50)).result();
    QCOMPARE(latest.size(), 50);
    QCOMPARE(latest.first().seq, 71);
    QCOMPARE(latest.last().seq, 120);
    auto older = awaitFuture(store.messagesBefore(7, 71, 50)).result();
    QCOMPARE(older.first().seq, 21);
    QCOMPARE(older.last().seq, 70);
    auto oldest = awaitFuture(store.messagesBefore(7, 21, 50)).result();
    QCOMPARE(oldest.size(), 20);
    QCOMPARE(oldest.first().seq, 1);
}

void tst_MessageStore::ownEntryAcknowledgesOutbox()
{
    MessageStore store;
    QVERIFY(awaitFuture(store.open(path())).result().isOk());
    OutboxEntry entry;
    entry.conversationId = 7;
    entry.clientId = QByteArray(16, 'a');
    entry.content = QByteArray("content");
    entry.createdAt = 5;
    awaitFuture(store.enqueue(entry));
    QCOMPARE(awaitFuture(store.outbox()).result().size(), 1);

    StoredMessage own = text(7, 3, 1, QString());
    own.senderDeviceId = 10;
    own.clientId = entry.clientId;
    own.body.clear();
    auto batch = awaitFuture(store.storeMessages({own}, 10)).result();
    QCOMPARE(batch.ownAcknowledged, QList<QByteArray>{entry.clientId});
    QCOMPARE(batch.inserted.size(), 1);
    QCOMPARE(batch.inserted.first().body, QByteArray("content"));
    QVERIFY(awaitFuture(store.outbox()).result().isEmpty());
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
        QVERIFY(awaitFuture(store.open(path())).result().isOk());
        store.enqueue(entry);
        store.setOutboxState(entry.clientId, OutboxState::Failed, u"not_member"_s);
        // Destroyed right away: the store finishes what was asked before it closes.
    }
    MessageStore store;
    QVERIFY(awaitFuture(store.open(path())).result().isOk());
    const auto entries = awaitFuture(store.outbox()).result();
    QCOMPARE(entries.size(), 1);
    QCOMPARE(entries.first().clientId, entry.clientId);
    QCOMPARE(entries.first().state, OutboxState::Failed);
    QCOMPARE(entries.first().failureReason, u"not_member"_s);
}

void tst_MessageStore::receipts()
{
    MessageStore store;
    QVERIFY(awaitFuture(store.open(path())).result().isOk());
    awaitFuture(store.upsertConversations({direct(7, 1, 2)}, 1));
    QVERIFY(awaitFuture(store.applyReceipt(Receipt{7, 2, 20, ReceiptKind::Delivered, 5})).result());
    QVERIFY(!awaitFuture(store.applyReceipt(Receipt{7, 2, 20, ReceiptKind::Delivered, 4}))
                     .result());
    QVERIFY(awaitFuture(store.applyReceipt(Receipt{7, 2, 0, ReceiptKind::Read, 6})).result());
    auto summary = awaitFuture(store.conversationSummary(7, 1)).result();
    const Member *bob = summary->conversation.member(2);
    QVERIFY(bob);
    QCOMPARE(bob->deliveredUpTo, 6);
    QCOMPARE(bob->readUpTo, 6);
}

void tst_MessageStore::search()
{
    MessageStore store;
    QVERIFY(awaitFuture(store.open(path())).result().isOk());
    awaitFuture(store.upsertConversations({direct(7, 1, 2)}, 1));
    awaitFuture(store.storeMessages({text(7, 1, 2, u"Lunch at noon?"_s), text(7, 2, 1, u"sure"_s),
                                     text(7, 3, 2, u"100% sure_"_s)},
                                    10));
    auto hits = awaitFuture(store.search(u"lunch"_s, 0, 10)).result();
    QCOMPARE(hits.size(), 1);
    QCOMPARE(hits.first().seq, 1);
    hits = awaitFuture(store.search(u"%"_s, 7, 10)).result();
    QCOMPARE(hits.size(), 1); // a literal %, not a wildcard
    QCOMPARE(hits.first().seq, 3);
    hits = awaitFuture(store.search(u"sure"_s, 7, 10)).result();
    QCOMPARE(hits.size(), 2);
    QCOMPARE(hits.first().seq, 3); // newest first
}

void tst_MessageStore::wipeKeepsPins()
{
    MessageStore store;
    QVERIFY(awaitFuture(store.open(path())).result().isOk());
    awaitFuture(store.setSetting(u"pin/example:7443"_s, u"AB:CD"_s));
    awaitFuture(store.setSetting(u"account/userId"_s, 5));
    awaitFuture(store.upsertConversations({direct(7, 1, 2)}, 1));
    awaitFuture(store.wipeAccountData());
    QCOMPARE(awaitFuture(store.setting(u"pin/example:7443"_s)).result().toString(), u"AB:CD"_s);
    QVERIFY(!awaitFuture(store.setting(u"account/userId"_s)).result().isValid());
    QVERIFY(awaitFuture(store.conversationSummaries(1)).result().isEmpty());
}

/// A log entry carrying real content bytes, as the sync engine stores it after decryption.
static StoredMessage content(qint64 conv, qint64 seq, qint64 sender, const MessageContent &c)
{
    StoredMessage m = text(conv, seq, sender, c.previewText());
    m.body = c.toBytes();
    return m;
}

/// The texts of the shown rows of conversation 7, ascending.
static QStringList shownTexts(MessageStore &store)
{
    QStringList texts;
    for (const StoredMessage &m : awaitFuture(store.latestMessages(7, 50)).result())
        texts << m.text;
    return texts;
}

/// Every row of a table, as text, to look for what must be gone.
static QString dump(const QString &path, const QString &table)
{
    QString all;
    {
        auto db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"dump"_s);
        db.setDatabaseName(path);
        if (!db.open())
            return {};
        QSqlQuery q(u"SELECT * FROM "_s + table, db);
        while (q.next()) {
            for (int i = 0; i < q.record().count(); ++i)
                all += q.value(i).toString() + u' ' + QString::fromUtf8(q.value(i).toByteArray())
                        + u'|';
            all += u'\n';
        }
    }
    QSqlDatabase::removeDatabase(u"dump"_s);
    return all;
}

void tst_MessageStore::replyQuotesItsTarget()
{
    MessageStore store;
    QVERIFY(awaitFuture(store.open(path())).result().isOk());
    awaitFuture(store.upsertConversations({direct(7, 1, 2)}, 1));
    auto batch = awaitFuture(store.storeMessages(
                                     {content(7, 1, 2, MessageContent::text(u"Lunch?\nAt noon"_s)),
                                      content(7, 2, 1, MessageContent::text(u"yes"_s, 1)),
                                      content(7, 12, 1, MessageContent::text(u"who?"_s, 9)),
                                      content(7, 13, 1, MessageContent::text(u"hm?"_s, 99))},
                                     10))
                         .result();
    QCOMPARE(batch.inserted.size(), 4);
    const StoredMessage &reply = batch.inserted.at(1);
    QCOMPARE(reply.replyTo, 1);
    QVERIFY(reply.replyKnown);
    QCOMPARE(reply.replySenderName, u"bob"_s);
    QCOMPARE(reply.replyText, u"Lunch?\nAt noon"_s);
    // A quote of an entry the cache does not hold (yet) says so; one of a later entry (which
    // its sender cannot have seen) is dropped.
    QCOMPARE(batch.inserted.at(2).replyTo, 9);
    QVERIFY(!batch.inserted.at(2).replyKnown);
    QCOMPARE(batch.inserted.at(3).replyTo, 0);
    const auto page = awaitFuture(store.latestMessages(7, 10)).result();
    QCOMPARE(page.at(1).replyText, u"Lunch?\nAt noon"_s);
}

void tst_MessageStore::annotationsBeforeTheirTarget()
{
    MessageStore store;
    QVERIFY(awaitFuture(store.open(path())).result().isOk());
    awaitFuture(store.upsertConversations({direct(7, 1, 2)}, 1));
    // History paging stores newer entries first: the edit and reactions wait for seq 3.
    auto batch = awaitFuture(store.storeMessages(
                                     {content(7, 5, 2, MessageContent::edit(3, u"see you at 1"_s)),
                                      content(7, 6, 1, MessageContent::reaction(3, u"👍"_s)),
                                      content(7, 7, 2, MessageContent::reaction(3, u"👍"_s)),
                                      content(7, 8, 2, MessageContent::text(u"ok"_s))},
                                     10))
                         .result();
    QCOMPARE(batch.inserted.size(), 4);
    QVERIFY(batch.inserted.at(0).hidden);
    QVERIFY(!batch.inserted.at(3).hidden);
    QVERIFY(batch.changed.isEmpty());
    QCOMPARE(shownTexts(store), QStringList{u"ok"_s});
    QCOMPARE(awaitFuture(store.conversationSummary(7, 1)).result()->unreadCount, 1);

    batch = awaitFuture(store.storeMessages(
                                {content(7, 3, 2, MessageContent::text(u"see you at 12"_s))}, 10))
                    .result();
    QCOMPARE(batch.inserted.size(), 1);
    const StoredMessage &target = batch.inserted.first();
    QCOMPARE(target.text, u"see you at 1"_s);
    QVERIFY(target.edited);
    QCOMPARE(target.reactions.size(), 2);
    QCOMPARE(target.reactions.at(0), (Reaction{u"👍"_s, 1}));
    QCOMPARE(target.reactions.at(1), (Reaction{u"👍"_s, 2}));
    QCOMPARE(shownTexts(store), (QStringList{u"see you at 1"_s, u"ok"_s}));
    // The last real message is the preview, never a reaction.
    QCOMPARE(awaitFuture(store.conversationSummary(7, 1)).result()->lastPreview, u"ok"_s);
}

void tst_MessageStore::editBySomeoneElseIgnored()
{
    MessageStore store;
    QVERIFY(awaitFuture(store.open(path())).result().isOk());
    awaitFuture(store.upsertConversations({direct(7, 1, 2)}, 1));
    awaitFuture(store.storeMessages({content(7, 1, 2, MessageContent::text(u"original"_s))}, 10));
    // user 1 tries to edit and delete user 2's message: ignored, on arrival and later.
    auto batch =
            awaitFuture(store.storeMessages({content(7, 2, 1, MessageContent::edit(1, u"forged"_s)),
                                             content(7, 3, 1, MessageContent::deletion(1))},
                                            10))
                    .result();
    QVERIFY(batch.changed.isEmpty());
    const auto row = awaitFuture(store.message(7, 1)).result();
    QVERIFY(row.has_value());
    QCOMPARE(row->text, u"original"_s);
    QVERIFY(!row->edited);
    QVERIFY(!row->deleted);
    QCOMPARE(shownTexts(store), QStringList{u"original"_s});
    // Annotations never apply to annotations.
    awaitFuture(store.storeMessages({content(7, 4, 2, MessageContent::edit(2, u"again"_s))}, 10));
    QCOMPARE(shownTexts(store), QStringList{u"original"_s});
}

void tst_MessageStore::newestEditWins()
{
    MessageStore store;
    QVERIFY(awaitFuture(store.open(path())).result().isOk());
    awaitFuture(store.upsertConversations({direct(7, 1, 2)}, 1));
    awaitFuture(store.storeMessages({content(7, 1, 2, MessageContent::text(u"v1"_s))}, 10));
    QSignalSpy changed(&store, &MessageStore::messagesChanged);
    auto batch = awaitFuture(store.storeMessages(
                                     {content(7, 3, 2, MessageContent::edit(1, u"v3"_s))}, 10))
                         .result();
    QCOMPARE(batch.changed.size(), 1);
    QCOMPARE(batch.changed.first().text, u"v3"_s);
    QTRY_COMPARE(changed.size(), 1);
    QCOMPARE(changed.first().at(0).toLongLong(), 7);
    // An older edit that arrives late loses.
    batch = awaitFuture(
                    store.storeMessages({content(7, 2, 2, MessageContent::edit(1, u"v2"_s))}, 10))
                    .result();
    QVERIFY(batch.changed.isEmpty());
    QCOMPARE(awaitFuture(store.message(7, 1)).result()->text, u"v3"_s);
}

void tst_MessageStore::deleteErasesTextAndReactions()
{
    MessageStore store;
    QVERIFY(awaitFuture(store.open(path())).result().isOk());
    awaitFuture(store.upsertConversations({direct(7, 1, 2)}, 1));
    awaitFuture(
            store.storeMessages({content(7, 1, 2, MessageContent::text(u"secret plans"_s)),
                                 content(7, 2, 2, MessageContent::edit(1, u"secret plans v2"_s)),
                                 content(7, 3, 1, MessageContent::reaction(1, u"😮"_s)),
                                 content(7, 4, 1, MessageContent::text(u"quoting"_s, 1))},
                                10));
    QCOMPARE(awaitFuture(store.search(u"secret"_s, 7, 10)).result().size(), 1);
    auto batch =
            awaitFuture(store.storeMessages({content(7, 5, 2, MessageContent::deletion(1))}, 10))
                    .result();
    QCOMPARE(batch.changed.size(), 1);
    QVERIFY(batch.changed.first().deleted);
    QVERIFY(batch.changed.first().text.isEmpty());
    QVERIFY(batch.changed.first().reactions.isEmpty());
    // Reactions and edits that come after the delete do nothing.
    awaitFuture(store.storeMessages({content(7, 6, 1, MessageContent::reaction(1, u"👍"_s)),
                                     content(7, 7, 2, MessageContent::edit(1, u"secret again"_s))},
                                    10));
    const auto row = awaitFuture(store.message(7, 1)).result();
    QVERIFY(row->deleted);
    QVERIFY(row->reactions.isEmpty());
    QVERIFY(row->body.isEmpty());
    QVERIFY(awaitFuture(store.search(u"secret"_s, 7, 10)).result().isEmpty());
    // The reply quoting it says it was deleted.
    const auto page = awaitFuture(store.latestMessages(7, 10)).result();
    QCOMPARE(page.size(), 2);
    QVERIFY(page.last().replyDeleted);
    QVERIFY(page.last().replyText.isEmpty());
    QCOMPARE(awaitFuture(store.conversationSummary(7, 1)).result()->lastPreview, u"quoting"_s);

    // Not hidden: erased from the file, late edits of it included.
    const QString messages = dump(path(), u"messages"_s);
    QVERIFY(!messages.contains(u"secret"_s));
    QVERIFY(!dump(path(), u"reactions"_s).contains(u"😮"_s));
}

void tst_MessageStore::reactionsToggle()
{
    MessageStore store;
    QVERIFY(awaitFuture(store.open(path())).result().isOk());
    awaitFuture(store.upsertConversations({direct(7, 1, 2)}, 1));
    awaitFuture(store.storeMessages({content(7, 1, 2, MessageContent::text(u"party?"_s)),
                                     content(7, 2, 1, MessageContent::reaction(1, u"🎉"_s)),
                                     content(7, 3, 1, MessageContent::reaction(1, u"👍"_s)),
                                     content(7, 4, 1, MessageContent::reaction(1, u"🎉"_s, true))},
                                    10));
    QCOMPARE(awaitFuture(store.message(7, 1)).result()->reactions,
             QList<Reaction>{(Reaction{u"👍"_s, 1})});
    // A late copy of the older "add" does not bring it back.
    awaitFuture(store.storeMessages({content(7, 5, 2, MessageContent::reaction(1, u"👍"_s))}, 10));
    const auto reactions = awaitFuture(store.message(7, 1)).result()->reactions;
    QCOMPARE(reactions.size(), 2);
    QVERIFY(!reactions.contains(Reaction{u"🎉"_s, 1}));
}

void tst_MessageStore::lateDecryptionIsApplied()
{
    MessageStore store;
    QVERIFY(awaitFuture(store.open(path())).result().isOk());
    awaitFuture(store.upsertConversations({direct(7, 1, 2)}, 1));
    awaitFuture(store.storeMessages({content(7, 1, 2, MessageContent::text(u"hello"_s))}, 10));
    // Seq 2 waits for its sender key: stored undecryptable, shown as a row.
    StoredMessage waiting = text(7, 2, 2, QString());
    waiting.body = QByteArray("ciphertext");
    waiting.undecryptable = true;
    awaitFuture(store.storeMessages({waiting}, 10));
    QCOMPARE(awaitFuture(store.latestMessages(7, 10)).result().size(), 2);

    // The key arrives: client/e2ee writes the plaintext into the row, as it does.
    const QByteArray edit = MessageContent::edit(1, u"hello there"_s).toBytes();
    QVERIFY(awaitFuture(store.runInTransaction([edit](const QString &name) {
                QSqlQuery q(QSqlDatabase::database(name, false));
                q.prepare(u"UPDATE messages SET body = ?, text = '', state = 0"
                          " WHERE conv = 7 AND seq = 2"_s);
                q.addBindValue(edit);
                return q.exec();
            })).result());
    QSignalSpy changed(&store, &MessageStore::messagesChanged);
    const auto rows = awaitFuture(store.reconcile(7, {2})).result();
    QCOMPARE(rows.size(), 1);
    QVERIFY(rows.first().hidden); // the row goes from the view
    QTRY_COMPARE(changed.size(), 1);
    // Everyone hears of the edited message and of the late entry itself (hidden now).
    const auto rowsChanged = changed.first().at(1).value<QList<StoredMessage>>();
    QCOMPARE(rowsChanged.size(), 2);
    QCOMPARE(rowsChanged.first().seq, 1);
    QCOMPARE(rowsChanged.first().text, u"hello there"_s);
    QCOMPARE(rowsChanged.last().seq, 2);
    QVERIFY(rowsChanged.last().hidden);
    QCOMPARE(shownTexts(store), QStringList{u"hello there"_s});
}

void tst_MessageStore::migrationFromStepOneKeepsData()
{
    {
        auto db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"old"_s);
        db.setDatabaseName(path());
        QVERIFY(db.open());
        QVERIFY(migrate(db, 1).isOk());
        QSqlQuery q(db);
        QVERIFY(q.exec(u"INSERT INTO conversations (id, kind) VALUES (7, 0)"_s));
        QVERIFY(q.exec(u"INSERT INTO members (conv, user_id, username) VALUES (7, 2, 'bob')"_s));
        q.prepare(u"INSERT INTO messages (conv, seq, sender, ts, kind, body, text)"
                  " VALUES (7, 1, 2, 1000, 0, ?, 'from step one')"_s);
        q.addBindValue(MessageContent::text(u"from step one"_s).toBytes());
        QVERIFY(q.exec());
    }
    QSqlDatabase::removeDatabase(u"old"_s);
    MessageStore store;
    QVERIFY(awaitFuture(store.open(path())).result().isOk());
    const auto page = awaitFuture(store.latestMessages(7, 10)).result();
    QCOMPARE(page.size(), 1);
    QCOMPARE(page.first().text, u"from step one"_s);
    QCOMPARE(page.first().senderName, u"bob"_s);
    QVERIFY(!page.first().hidden && !page.first().edited && !page.first().deleted);
    // And the new schema works on it.
    awaitFuture(store.storeMessages({content(7, 2, 2, MessageContent::edit(1, u"edited later"_s))},
                                    10));
    QCOMPARE(shownTexts(store), QStringList{u"edited later"_s});
}

static QList<qint64> seqsOf(const QList<SearchHit> &hits)
{
    QList<qint64> seqs;
    for (const SearchHit &hit : hits)
        seqs << hit.message.seq;
    return seqs;
}

void tst_MessageStore::fullTextSearch()
{
    MessageStore store;
    QVERIFY(awaitFuture(store.open(path())).result().isOk());
    awaitFuture(store.upsertConversations({direct(7, 1, 2), direct(8, 1, 3)}, 1));
    awaitFuture(store.storeMessages(
            {content(7, 1, 2, MessageContent::text(u"Let us meet at the Café tomorrow"_s)),
             content(7, 2, 1, MessageContent::text(u"lunch or dinner?"_s)),
             content(7, 3, 2, MessageContent::reaction(2, u"👍"_s)),
             content(8, 1, 3, MessageContent::text(u"Lunchtime concert AND more"_s))},
            10));
    const SearchCursor first;
    // Prefixes, any case, accents ignored, every conversation, newest first.
    auto hits = awaitFuture(store.searchMessages(u"LUNCH"_s, 0, first, 10)).result();
    QCOMPARE(hits.size(), 2);
    QCOMPARE(hits.at(0).message.conversationId, 7); // seq 2 of 7 (ts 1002) is newer than 8's
    QCOMPARE(hits.at(1).message.conversationId, 8);
    hits = awaitFuture(store.searchMessages(u"cafe tomor"_s, 0, first, 10)).result();
    QCOMPARE(seqsOf(hits), QList<qint64>{1});
    QVERIFY(hits.first().snippet.contains(SearchHit::MatchStart + u"Café"_s + SearchHit::MatchEnd));
    QCOMPARE(hits.first().message.senderName, u"bob"_s);
    // One conversation only; FTS5 syntax in what the user typed is taken literally.
    QCOMPARE(awaitFuture(store.searchMessages(u"lunch"_s, 8, first, 10)).result().size(), 1);
    QCOMPARE(awaitFuture(store.searchMessages(u"AND"_s, 0, first, 10)).result().size(), 1);
    QVERIFY(awaitFuture(store.searchMessages(u"\"*"_s, 0, first, 10)).result().isEmpty());
    QVERIFY(awaitFuture(store.searchMessages(u"  "_s, 0, first, 10)).result().isEmpty());

    // An edit replaces the indexed text; a delete takes it out.
    awaitFuture(
            store.storeMessages({content(7, 4, 1, MessageContent::edit(2, u"brunch then"_s))}, 10));
    QCOMPARE(awaitFuture(store.searchMessages(u"lunch"_s, 7, first, 10)).result().size(), 0);
    QCOMPARE(seqsOf(awaitFuture(store.searchMessages(u"brunch"_s, 7, first, 10)).result()),
             QList<qint64>{2});
    awaitFuture(store.storeMessages({content(7, 5, 1, MessageContent::deletion(2))}, 10));
    QVERIFY(awaitFuture(store.searchMessages(u"brunch"_s, 0, first, 10)).result().isEmpty());
    QVERIFY(!dump(path(), u"message_search"_s).contains(u"brunch"_s));
    QVERIFY(!dump(path(), u"message_search_content"_s).contains(u"brunch"_s));
    // Nor in the index's own pages: its words are merged away, not only marked deleted.
    {
        auto db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"raw"_s);
        db.setDatabaseName(path());
        QVERIFY(db.open());
        QSqlQuery q(u"SELECT block FROM message_search_data"_s, db);
        int blocks = 0;
        while (q.next()) {
            ++blocks;
            QVERIFY(!q.value(0).toByteArray().contains("brunch"));
        }
        QVERIFY(blocks > 0);
    }
    QSqlDatabase::removeDatabase(u"raw"_s);
}

void tst_MessageStore::fullTextSearchPages()
{
    MessageStore store;
    QVERIFY(awaitFuture(store.open(path())).result().isOk());
    awaitFuture(store.upsertConversations({direct(7, 1, 2)}, 1));
    QList<StoredMessage> many;
    for (int seq = 1; seq <= 25; ++seq)
        many.append(content(7, seq, 2, MessageContent::text(u"note %1"_s.arg(seq))));
    awaitFuture(store.storeMessages(many, 10));
    QList<qint64> all;
    SearchCursor after;
    for (;;) {
        const auto page = awaitFuture(store.searchMessages(u"note"_s, 0, after, 10)).result();
        all += seqsOf(page);
        if (page.size() < 10)
            break;
        const StoredMessage &last = page.last().message;
        after = SearchCursor{last.timestamp, last.conversationId, last.seq};
    }
    QCOMPARE(all.size(), 25);
    QCOMPARE(all.first(), 25);
    QCOMPARE(all.last(), 1);
}

void tst_MessageStore::expiredMessagesAreDeleted()
{
    MessageStore store;
    QVERIFY(awaitFuture(store.open(path())).result().isOk());
    awaitFuture(store.upsertConversations({direct(7, 1, 2)}, 1));
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    StoredMessage kept = content(7, 1, 2, MessageContent::text(u"kept forever"_s));
    StoredMessage soon = content(7, 2, 2, MessageContent::text(u"gone soon"_s));
    soon.expiresAt = now + 60000;
    StoredMessage later = content(7, 3, 2, MessageContent::text(u"gone later"_s));
    later.expiresAt = now + 120000;
    StoredMessage late = content(7, 4, 2, MessageContent::text(u"gone already"_s));
    late.expiresAt = now - 1; // arrived after its expiry (a device that was offline)
    const StoredBatch stored =
            awaitFuture(store.storeMessages({kept, soon, later, late}, 10)).result();
    QCOMPARE(stored.inserted.size(), 3);
    QCOMPARE(stored.inserted.at(1).expiresAt, soon.expiresAt);
    QVERIFY(awaitFuture(store.message(7, 4)).result() == std::nullopt);
    QCOMPARE(awaitFuture(store.searchMessages(u"gone"_s, 0, SearchCursor{}, 10)).result().size(),
             2);

    // Nothing due yet: the next expiry is the soonest one.
    ExpiredMessages expired = awaitFuture(store.deleteExpired(now)).result();
    QVERIFY(expired.deleted.isEmpty());
    QCOMPARE(expired.nextExpiry, soon.expiresAt);
    // Its time came: the row, its search entry go; the next expiry moves on.
    expired = awaitFuture(store.deleteExpired(soon.expiresAt)).result();
    QCOMPARE(expired.deleted.size(), 1);
    QCOMPARE(expired.deleted.first().seq, 2);
    QCOMPARE(expired.nextExpiry, later.expiresAt);
    QVERIFY(awaitFuture(store.message(7, 2)).result() == std::nullopt);
    QCOMPARE(seqsOf(awaitFuture(store.searchMessages(u"gone"_s, 0, SearchCursor{}, 10)).result()),
             QList<qint64>{3});
    expired = awaitFuture(store.deleteExpired(later.expiresAt + 1)).result();
    QCOMPARE(expired.deleted.size(), 1);
    QCOMPARE(expired.nextExpiry, 0);
    QVERIFY(awaitFuture(store.searchMessages(u"gone"_s, 0, SearchCursor{}, 10)).result().isEmpty());
    QVERIFY(!dump(path(), u"message_search"_s).contains(u"gone"_s));
    QCOMPARE(awaitFuture(store.latestMessages(7, 10)).result().size(), 1);
}

/// A `profile` entry is kept as its sender's profile (never anyone else's, whatever fields it
/// carries), only when newer than the one kept, is never a row, survives a restart, and remembers
/// which version of mine each conversation had.
void tst_MessageStore::profilesAreTheSendersOwn()
{
    {
        MessageStore store;
        QVERIFY(awaitFuture(store.open(path())).result().isOk());
        awaitFuture(store.upsertConversations({direct(7, 1, 2)}, 1));
        QSignalSpy changed(&store, &MessageStore::profilesChanged);
        awaitFuture(store.storeMessages({content(7, 1, 2, MessageContent::text(u"hi"_s))}, 10));
        // User 2 sends a profile that also claims to be user 3's: it is user 2's, only.
        QCborMap forged =
                QCborValue::fromCbor(MessageContent::profile(u"Bob Stone"_s, {}, 5000).toBytes())
                        .toMap();
        forged.insert("userId"_L1, 3);
        forged.insert("user"_L1, 3);
        StoredMessage entry = content(7, 2, 2, MessageContent::text({}));
        entry.body = forged.toCborValue().toCbor();
        entry.text.clear();
        const StoredBatch batch = awaitFuture(store.storeMessages({entry}, 10)).result();
        QCOMPARE(batch.profiles, QList<qint64>{2});
        QTRY_COMPARE(changed.size(), 1);
        QCOMPARE(changed.first().first().value<QList<qint64>>(), QList<qint64>{2});
        QCOMPARE(batch.inserted.size(), 1);
        QVERIFY(batch.inserted.first().hidden); // not a row
        QCOMPARE(shownTexts(store), QStringList{u"hi"_s});
        auto profiles = awaitFuture(store.profiles()).result();
        QCOMPARE(profiles.size(), 1);
        QCOMPARE(profiles.first().userId, 2);
        QCOMPARE(profiles.first().displayName, u"Bob Stone"_s);
        QCOMPARE(profiles.first().version, 5000);
        QVERIFY(awaitFuture(store.profiles({3})).result().isEmpty());
        // An older version arriving late changes nothing; a newer one does.
        awaitFuture(store.storeMessages(
                {content(7, 3, 2, MessageContent::profile(u"Old name"_s, {}, 4000))}, 10));
        QCOMPARE(awaitFuture(store.profiles({2})).result().first().displayName, u"Bob Stone"_s);
        awaitFuture(store.storeMessages(
                {content(7, 4, 2, MessageContent::profile(u"Robert Stone"_s, {}, 6000))}, 10));
        QCOMPARE(awaitFuture(store.profiles({2})).result().first().displayName, u"Robert Stone"_s);
        // Mine, saved here, and the version conversation 7 was sent.
        awaitFuture(store.saveProfile({1, u"Alice Martin"_s, {}, 7000}));
        awaitFuture(store.setProfileSent(7, 7000));
        QCOMPARE(awaitFuture(store.profileSentVersions()).result().value(7), 7000);
        // The unread count does not count profiles.
        const auto summary = awaitFuture(store.conversationSummary(7, 1)).result();
        QVERIFY(summary.has_value());
        QCOMPARE(summary->unreadCount, 1);
    }
    MessageStore store;
    QVERIFY(awaitFuture(store.open(path())).result().isOk());
    QCOMPARE(awaitFuture(store.profiles({1})).result().first().displayName, u"Alice Martin"_s);
    QCOMPARE(awaitFuture(store.profiles({2})).result().first().displayName, u"Robert Stone"_s);
    QCOMPARE(awaitFuture(store.profileSentVersions()).result().value(7), 7000);
    // Someone added to the conversation has not seen my profile.
    MembershipEvent added;
    added.action = MembershipEvent::Action::Added;
    added.actorUserId = 1;
    added.targetUserId = 4;
    added.targetUsername = u"carol"_s;
    awaitFuture(store.applyMembership(7, added, 1));
    QCOMPARE(awaitFuture(store.profileSentVersions()).result().value(7), 0);
    // Erasing the account's data erases the profiles.
    awaitFuture(store.wipeAccountData());
    QVERIFY(awaitFuture(store.profiles()).result().isEmpty());
}

QTEST_GUILESS_MAIN(tst_MessageStore)
#include "tst_messagestore.moc"
