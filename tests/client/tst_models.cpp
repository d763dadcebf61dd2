#include "attachments/AttachmentCipher.h"
#include "attachments/Attachments.h"
#include "chat/StateText.h"
#include "content/MessageContent.h"
#include "content/PlaintextCipher.h"
#include "models/ContactListModel.h"
#include "models/ConversationListModel.h"
#include "models/DeviceListModel.h"
#include "models/MemberListModel.h"
#include "models/MessageListModel.h"
#include "net/Connection.h"
#include "net/PushDispatcher.h"
#include "outbox/Outbox.h"
#include "search/SearchResultModel.h"
#include "store/AwaitFuture.h"
#include "store/MessageStore.h"
#include "sync/SyncEngine.h"

#include <QtCore/QFile>
#include <QtCore/QTemporaryDir>
#include <QtCore/QUrl>
#include <QtTest/QAbstractItemModelTester>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

#include <optional>

using namespace Parley;
using namespace Qt::StringLiterals;

// The store's futures finish through this thread's event loop, which awaitFuture() runs;
// continuations and queued signals run inside it too: so signals are awaited with QTRY on
// the spy, never spy.wait().

namespace {

constexpr qint64 Alice = 1, Bob = 2, Carol = 3;
constexpr qint64 AliceDevice = 10;
constexpr qint64 Group = 7;
constexpr qint64 Day = 24 * 3600 * 1000LL;

Conversation group(qint64 delivered = 0, qint64 read = 0)
{
    Conversation c;
    c.id = Group;
    c.kind = ConversationKind::Group;
    c.title = u"Lunch"_s;
    c.members = {Member{Alice, u"alice"_s, Role::Owner, 0, 0},
                 Member{Bob, u"bob"_s, Role::Member, delivered, read},
                 Member{Carol, u"carol"_s, Role::Admin, delivered, read}};
    c.createdAt = 1000;
    return c;
}

StoredMessage entry(qint64 seq, qint64 sender, qint64 ts, const QString &text = {})
{
    StoredMessage m;
    m.conversationId = Group;
    m.seq = seq;
    m.senderId = sender;
    m.senderDeviceId = sender * 10;
    m.timestamp = ts;
    m.text = text.isNull() ? u"message %1"_s.arg(seq) : text;
    m.body = MessageContent::text(m.text).toBytes();
    return m;
}

ConversationSummary summaryOf(const Conversation &c, qint64 lastActivity, int unread = 0)
{
    ConversationSummary s;
    s.conversation = c;
    s.lastActivity = lastActivity;
    s.unreadCount = unread;
    s.lastPreview = u"hi"_s;
    return s;
}

} // namespace

class tst_Models : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void messagesPageFromCache();
    void messagesDaysAndSenders();
    void pendingBecomesLogEntry();
    void deliveryStatesFollowReceipts();
    void membershipEntriesAreSystemRows();
    void keyChangeLinesPlacedByTime();
    void repliesReactionsEditsDeletes();
    void fileMessages();
    void uploadBecomesFileMessage();
    void searchResults();

    void conversationsSortedAndFiltered();
    void conversationsPresenceAndTyping();
    void contactsSearchedByNameOrUsername();
    void members();
    void devices();

private:
    void seed(int count, qint64 firstTs, qint64 step);

    std::optional<QTemporaryDir> m_dir;
    MessageStore *m_store = nullptr;
    Connection *m_connection = nullptr;
    PlaintextCipher m_cipher;
    PushDispatcher *m_pushes = nullptr;
    SyncEngine *m_sync = nullptr;
    Outbox *m_outbox = nullptr;
};

void tst_Models::init()
{
    m_dir.emplace();
    QVERIFY(m_dir->isValid());
    m_store = new MessageStore;
    QVERIFY(awaitFuture(m_store->open(m_dir->filePath(u"cache.sqlite"_s))).result().isOk());
    m_connection = new Connection; // never connected: everything here is offline
    m_pushes = new PushDispatcher(m_connection);
    m_sync = new SyncEngine(m_connection, m_pushes, m_store, &m_cipher);
    m_sync->setIdentity(Alice, AliceDevice);
    m_outbox = new Outbox(m_connection, m_store, &m_cipher);
    m_outbox->setIdentity(Alice, AliceDevice);
    // As Client wires them: the log tells the outbox which own entries it now holds.
    connect(m_sync, &SyncEngine::ownEntriesStored, m_outbox, &Outbox::forget);
}

void tst_Models::cleanup()
{
    delete m_outbox;
    delete m_sync;
    delete m_pushes;
    delete m_connection;
    delete m_store;
}

void tst_Models::seed(int count, qint64 firstTs, qint64 step)
{
    awaitFuture(m_store->upsertConversations({group()}, Alice));
    QList<StoredMessage> list;
    for (int seq = 1; seq <= count; ++seq)
        list.append(entry(seq, seq % 2 ? Bob : Carol, firstTs + (seq - 1) * step));
    awaitFuture(m_store->storeMessages(list, AliceDevice));
    awaitFuture(m_store->setCursor(LogCursor{Group, count, 1}));
    m_sync->loadCursors();
    m_outbox->load();
    QTRY_VERIFY(m_outbox->isLoaded());
}

void tst_Models::messagesPageFromCache()
{
    seed(120, 1000000, 1000);
    MessageListModel model(Group, Alice, m_store, m_outbox, m_sync);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    // The first page as it was when shown: the tester below calls fetchMore() on every change,
    // so older pages may already have followed by the time the test looks again.
    QList<qint64> firstPage;
    connect(&model, &MessageListModel::loaded, &model, [&model, &firstPage] {
        for (int i = 0; i < model.rowCount(); ++i)
            firstPage.append(model.index(i).data(MessageListModel::SeqRole).toLongLong());
    });
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTRY_VERIFY(model.isLoaded());
    QCOMPARE(firstPage.size(), 50);
    QCOMPARE(firstPage.first(), 71);
    QCOMPARE(firstPage.last(), 120);

    // Scrolling up asks for more until the cache has no more, as the ListView does.
    const auto scrolledToTheTop = [&model] {
        if (model.canFetchMore({}))
            model.fetchMore({});
        return model.rowCount() == 120;
    };
    QTRY_VERIFY(scrolledToTheTop());
    for (int i = 0; i < 120; ++i)
        QCOMPARE(model.index(i).data(MessageListModel::SeqRole).toLongLong(), i + 1);
    QVERIFY(!model.canFetchMore({}));
    // Older pages went in at the top, one page per insertion: 50, 50, then the last 20.
    QCOMPARE(inserted.size(), 3);
    for (const QList<QVariant> &insertion : std::as_const(inserted))
        QCOMPARE(insertion.at(1).toInt(), 0);
    QCOMPARE(inserted.at(1).at(2).toInt(), 49);
    QCOMPARE(inserted.at(2).at(2).toInt(), 19);

    // Roles are what QML delegates use.
    const auto names = model.roleNames();
    for (const char *role : {"seq", "clientId", "senderId", "senderName", "isOwn", "text",
                             "timestamp", "dayLabel", "showDaySeparator", "showSender",
                             "deliveryState", "failureReason", "isSystem", "systemText"})
        QVERIFY2(names.values().contains(QByteArray(role)), role);
}

void tst_Models::keyChangeLinesPlacedByTime()
{
    // Five entries a minute apart; lines about bob's keys between the 2nd and 3rd, after the
    // last, and one older than every entry (it waits for older entries: it shows none).
    const qint64 start = QDateTime(QDate(2025, 3, 1), QTime(9, 0)).toMSecsSinceEpoch();
    const qint64 minute = 60 * 1000;
    seed(5, start, minute);
    MessageListModel model(Group, Alice, m_store, m_outbox, m_sync);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setConversation(summaryOf(group(), start));
    const SecurityNotice added{1, Bob, ContactTrust::Change::DeviceAdded, true, start + minute + 1};
    model.addNotices({added}); // before the first page: placed once it is shown
    QTRY_VERIFY(model.isLoaded());
    QCOMPARE(model.rowCount(), 6);
    const QModelIndex line = model.index(2);
    QVERIFY(line.data(MessageListModel::IsSystemRole).toBool());
    QCOMPARE(line.data(MessageListModel::TextRole).toString(),
             u"bob added a new device. Your safety number with bob changed, so bob is no longer "
             u"marked as verified."_s);
    QCOMPARE(line.data(MessageListModel::DeliveryStateRole).value<States::Delivery>(),
             States::Delivery::None);
    QVERIFY(!line.data(MessageListModel::CanReplyRole).toBool());

    // The entries keep their rows by seq; the line does not hide entry 2 from rowOfSeq.
    QCOMPARE(model.rowOfSeq(2), 1);
    QCOMPARE(model.rowOfSeq(3), 3);

    const SecurityNotice replaced{2, Bob, ContactTrust::Change::KeyReplaced, false,
                                  start + 10 * minute};
    const SecurityNotice old{3, Carol, ContactTrust::Change::DeviceRemoved, false, start - minute};
    model.addNotices({replaced, old, added}); // `added` again: shown once
    QCOMPARE(model.rowCount(), 7);
    QCOMPARE(model.index(6).data(MessageListModel::TextRole).toString(),
             u"bob's safety number changed."_s);

    // A new entry goes after the last line; an entry updated in place stays where it is.
    awaitFuture(m_store->storeMessages({entry(6, Carol, start + 11 * minute)}, AliceDevice));
    model.addMessages({entry(6, Carol, start + 11 * minute)});
    QCOMPARE(model.rowCount(), 8);
    QCOMPARE(model.index(7).data(MessageListModel::SeqRole).toLongLong(), 6);
    QCOMPARE(model.rowOfSeq(6), 7);
    model.removeMessages({3});
    QCOMPARE(model.rowCount(), 7);
    QVERIFY(model.index(2).data(MessageListModel::IsSystemRole).toBool());
}

void tst_Models::messagesDaysAndSenders()
{
    // Five messages 12 h apart: the day changes every other message.
    const qint64 start = QDateTime(QDate(2025, 3, 1), QTime(6, 0)).toMSecsSinceEpoch();
    seed(5, start, Day / 2);
    MessageListModel model(Group, Alice, m_store, m_outbox, m_sync);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    ConversationSummary summary = summaryOf(group(), start);
    model.setConversation(summary);
    QTRY_VERIFY(model.isLoaded());
    QCOMPARE(model.rowCount(), 5);
    const QList<bool> separators = {true, false, true, false, true};
    for (int i = 0; i < 5; ++i)
        QCOMPARE(model.index(i).data(MessageListModel::ShowDaySeparatorRole).toBool(),
                 separators.at(i));
    // Senders alternate bob/carol, so every row shows its sender.
    for (int i = 0; i < 5; ++i)
        QVERIFY(model.index(i).data(MessageListModel::ShowSenderRole).toBool());
    QCOMPARE(model.index(0).data(MessageListModel::SenderNameRole).toString(), u"bob"_s);
    QCOMPARE(model.index(1).data(MessageListModel::SenderNameRole).toString(), u"carol"_s);

    const QDate today(2025, 3, 10);
    QCOMPARE(MessageListModel::dayLabel(QDateTime(today, QTime(9, 0)), today), u"Today"_s);
    QCOMPARE(MessageListModel::dayLabel(QDateTime(today.addDays(-1), QTime(9, 0)), today),
             u"Yesterday"_s);
    QVERIFY(!MessageListModel::dayLabel(QDateTime(today.addDays(-5), QTime(9, 0)), today)
                     .isEmpty());
}

void tst_Models::pendingBecomesLogEntry()
{
    seed(3, 1000000, 1000);
    MessageListModel model(Group, Alice, m_store, m_outbox, m_sync);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    connect(m_outbox, &Outbox::entryQueued, &model, &MessageListModel::addPending);
    connect(m_sync, &SyncEngine::messagesStored, &model,
            [&model](qint64, const QList<StoredMessage> &list) { model.addMessages(list); });
    QTRY_VERIFY(model.isLoaded());
    QCOMPARE(model.rowCount(), 3);

    // Written offline: stored, shown as queued.
    QSignalSpy queued(m_outbox, &Outbox::entryQueued);
    const QByteArray clientId = m_outbox->sendText(Group, u"on my way"_s);
    QTRY_VERIFY(!queued.isEmpty());
    QCOMPARE(model.rowCount(), 4);
    QModelIndex pending = model.index(3);
    QCOMPARE(pending.data(MessageListModel::DeliveryStateRole).value<States::Delivery>(),
             States::Delivery::Queued);
    QCOMPARE(pending.data(MessageListModel::TextRole).toString(), u"on my way"_s);
    QVERIFY(pending.data(MessageListModel::IsOwnRole).toBool());
    QCOMPARE(pending.data(MessageListModel::ClientIdRole).toString(),
             QString::fromLatin1(clientId.toHex()));
    QCOMPARE(awaitFuture(m_store->outbox()).result().size(), 1);

    // An entry from someone else arrives first (seq 4), then the server acknowledges ours as
    // seq 5: the pending row stays one row, after seq 4, now with its seq.
    QSignalSpy stored(m_sync, &SyncEngine::messagesStored);
    StoredMessage fromBob = entry(4, Bob, 1003000);
    StoredMessage ack;
    ack.conversationId = Group;
    ack.seq = 5;
    ack.clientId = clientId;
    ack.senderId = Alice;
    ack.senderDeviceId = AliceDevice;
    ack.timestamp = 1004000;
    ack.body = MessageContent::text(u"on my way"_s).toBytes();
    ack.text = u"on my way"_s;
    m_sync->ingestOwnMessage(ack); // what the outbox does with a `sent` reply

    QTRY_VERIFY(!stored.isEmpty());
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.index(3).data(MessageListModel::SeqRole).toLongLong(), 5);
    QCOMPARE(model.index(3).data(MessageListModel::DeliveryStateRole).value<States::Delivery>(),
             States::Delivery::Sent);
    QCOMPARE(model.index(3).data(MessageListModel::TextRole).toString(), u"on my way"_s);
    // The outbox row went in the same transaction (the Outbox itself let go of the entry
    // when the `sent` reply came, before handing it on).
    QVERIFY(awaitFuture(m_store->outbox()).result().isEmpty());

    // Bob's seq 4 fills the gap below ours: inserted before it, not after.
    model.addMessages({fromBob});
    QCOMPARE(model.rowCount(), 5);
    QCOMPARE(model.index(3).data(MessageListModel::SeqRole).toLongLong(), 4);
    QCOMPARE(model.index(4).data(MessageListModel::SeqRole).toLongLong(), 5);
    // And again: never shown twice.
    model.addMessages({fromBob, ack});
    QCOMPARE(model.rowCount(), 5);
}

void tst_Models::deliveryStatesFollowReceipts()
{
    awaitFuture(m_store->upsertConversations({group()}, Alice));
    QList<StoredMessage> list;
    for (int seq = 1; seq <= 4; ++seq)
        list.append(entry(seq, Alice, 1000 * seq));
    awaitFuture(m_store->storeMessages(list, AliceDevice));
    MessageListModel model(Group, Alice, m_store, m_outbox, m_sync);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTRY_VERIFY(model.isLoaded());
    auto states = [&model] {
        QStringList s;
        for (int i = 0; i < model.rowCount(); ++i)
            s << QString::fromLatin1(
                         QMetaEnum::fromType<States::Delivery>().valueToKey(
                                 model.index(i).data(MessageListModel::DeliveryStateRole).toInt()))
                            .toLower();
        return s;
    };
    model.setConversation(summaryOf(group(), 0));
    QCOMPARE(states(), (QStringList{u"sent"_s, u"sent"_s, u"sent"_s, u"sent"_s}));

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    // Bob received up to 3, Carol up to 2: delivered means every other member.
    Conversation c = group();
    c.members[1].deliveredUpTo = 3;
    c.members[2].deliveredUpTo = 2;
    model.setConversation(summaryOf(c, 0));
    QCOMPARE(states(), (QStringList{u"delivered"_s, u"delivered"_s, u"sent"_s, u"sent"_s}));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().at(0).toModelIndex().row(), 0);
    QCOMPARE(changed.first().at(1).toModelIndex().row(), 1);
    QCOMPARE(changed.first().at(2).value<QList<int>>(),
             QList<int>{MessageListModel::DeliveryStateRole});

    c.members[1].readUpTo = 4;
    c.members[2].readUpTo = 1;
    c.members[2].deliveredUpTo = 4;
    model.setConversation(summaryOf(c, 0));
    QCOMPARE(states(), (QStringList{u"read"_s, u"delivered"_s, u"delivered"_s, u"delivered"_s}));
}

void tst_Models::repliesReactionsEditsDeletes()
{
    awaitFuture(m_store->upsertConversations({group()}, Alice));
    auto annotation = [](qint64 seq, qint64 sender, const MessageContent &c) {
        StoredMessage m = entry(seq, sender, 1000 * seq);
        m.body = c.toBytes();
        m.text = c.previewText();
        return m;
    };
    awaitFuture(
            m_store->storeMessages({entry(1, Bob, 1000, u"Pizza or sushi?\nI am hungry"_s),
                                    entry(2, Alice, 2000, u"sushi"_s),
                                    annotation(3, Alice, MessageContent::text(u"definitely"_s, 1)),
                                    annotation(4, Carol, MessageContent::reaction(1, u"👍"_s)),
                                    annotation(5, Alice, MessageContent::reaction(1, u"👍"_s)),
                                    annotation(6, Alice, MessageContent::reaction(1, u"🍣"_s))},
                                   AliceDevice));
    MessageListModel model(Group, Alice, m_store, m_outbox, m_sync);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    connect(m_store, &MessageStore::messagesChanged, &model,
            [&model](qint64, const QList<StoredMessage> &rows) { model.updateMessages(rows); });
    connect(m_outbox, &Outbox::entryQueued, &model, &MessageListModel::addPending);
    model.setConversation(summaryOf(group(), 0));
    QTRY_VERIFY(model.isLoaded());
    // Reactions are not rows.
    QCOMPARE(model.rowCount(), 3);

    const QModelIndex question = model.index(0);
    const QVariantList chips = question.data(MessageListModel::ReactionsRole).toList();
    QCOMPARE(chips.size(), 2);
    QCOMPARE(chips.at(0).toMap().value(u"emoji"_s).toString(), u"👍"_s);
    QCOMPARE(chips.at(0).toMap().value(u"count"_s).toInt(), 2);
    QVERIFY(chips.at(0).toMap().value(u"mine"_s).toBool());
    QCOMPARE(chips.at(1).toMap().value(u"count"_s).toInt(), 1);
    QVERIFY(model.hasOwnReaction(1, u"🍣"_s));
    QVERIFY(!model.hasOwnReaction(2, u"🍣"_s));
    QVERIFY(question.data(MessageListModel::CanReplyRole).toBool());
    QVERIFY(!question.data(MessageListModel::CanEditRole).toBool()); // bob's

    const QModelIndex reply = model.index(2);
    QCOMPARE(reply.data(MessageListModel::ReplyToSeqRole).toLongLong(), 1);
    QCOMPARE(reply.data(MessageListModel::ReplySenderNameRole).toString(), u"bob"_s);
    QCOMPARE(reply.data(MessageListModel::ReplySnippetRole).toString(), u"Pizza or sushi?"_s);
    QVERIFY(reply.data(MessageListModel::CanEditRole).toBool());
    QCOMPARE(model.rowOfSeq(1), 0);
    QCOMPARE(model.rowOfSeq(4), -1);
    QCOMPARE(model.lastEditable().value(u"seq"_s).toLongLong(), 3);

    // bob edits his question: the row and the quote follow.
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    awaitFuture(m_store->storeMessages({annotation(7, Bob, MessageContent::edit(1, u"Ramen?"_s))},
                                       AliceDevice));
    QTRY_VERIFY(model.index(0).data(MessageListModel::EditedRole).toBool());
    QCOMPARE(model.index(0).data(MessageListModel::TextRole).toString(), u"Ramen?"_s);
    QCOMPARE(model.index(2).data(MessageListModel::ReplySnippetRole).toString(), u"Ramen?"_s);
    QCOMPARE(model.rowCount(), 3);

    // Then deletes it: erased, no chips, not offered for replies.
    awaitFuture(
            m_store->storeMessages({annotation(8, Bob, MessageContent::deletion(1))}, AliceDevice));
    QTRY_VERIFY(model.index(0).data(MessageListModel::DeletedRole).toBool());
    QCOMPARE(model.index(0).data(MessageListModel::TextRole).toString(),
             u"This message was deleted"_s);
    QVERIFY(!model.index(0).data(MessageListModel::EditedRole).toBool());
    QVERIFY(model.index(0).data(MessageListModel::ReactionsRole).toList().isEmpty());
    QVERIFY(!model.index(0).data(MessageListModel::CanReplyRole).toBool());
    QCOMPARE(model.index(2).data(MessageListModel::ReplySnippetRole).toString(),
             u"This message was deleted"_s);

    // A queued reaction or edit is not a row: it shows on its target at once (offline too);
    // a queued reply shows its quote at once.
    QSignalSpy queued(m_outbox, &Outbox::entryQueued);
    m_outbox->send(Group, MessageContent::reaction(2, u"🎉"_s));
    m_outbox->send(Group, MessageContent::edit(3, u"definitely!"_s));
    m_outbox->send(Group, MessageContent::text(u"or udon"_s, 2));
    QTRY_COMPARE(queued.size(), 3);
    QCOMPARE(model.rowCount(), 4);
    const QVariantList queuedChips = model.index(1).data(MessageListModel::ReactionsRole).toList();
    QCOMPARE(queuedChips.size(), 1);
    QVERIFY(queuedChips.first().toMap().value(u"mine"_s).toBool());
    QCOMPARE(model.index(2).data(MessageListModel::TextRole).toString(), u"definitely!"_s);
    QVERIFY(model.index(2).data(MessageListModel::EditedRole).toBool());
    QCOMPARE(model.index(3).data(MessageListModel::ReplySnippetRole).toString(), u"sushi"_s);
    QCOMPARE(model.index(3).data(MessageListModel::DeliveryStateRole).value<States::Delivery>(),
             States::Delivery::Queued);
    QVERIFY(!model.index(3).data(MessageListModel::CanEditRole).toBool());

    const auto names = model.roleNames();
    for (const char *role : {"replyToSeq", "replySenderName", "replySnippet", "reactions", "edited",
                             "deleted", "canReply", "canEdit"})
        QVERIFY2(names.values().contains(QByteArray(role)), role);
}

namespace {

StoredMessage fileEntry(qint64 seq, qint64 sender, const QString &name, const QString &caption,
                        qint64 size = 1000)
{
    const AttachmentRef ref{QByteArray(16, char(seq)), QByteArray(32, 'k'), size,
                            AttachmentCipher::encryptedSize(size)};
    const MessageContent c = MessageContent::file(ref, name, u"application/pdf"_s, caption);
    StoredMessage m = entry(seq, sender, 1000 * seq);
    m.body = c.toBytes();
    m.text = c.previewText();
    return m;
}

} // namespace

void tst_Models::fileMessages()
{
    awaitFuture(m_store->upsertConversations({group()}, Alice));
    StoredMessage reply = entry(2, Alice, 2000, u"thanks"_s);
    reply.body = MessageContent::text(u"thanks"_s, 1).toBytes();
    awaitFuture(m_store->storeMessages({fileEntry(1, Bob, u"menu.pdf"_s, u"our menu"_s), reply,
                                        fileEntry(3, Carol, u"map.pdf"_s, {}, 5000)},
                                       AliceDevice));
    MessageListModel model(Group, Alice, m_store, m_outbox, m_sync);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    connect(m_store, &MessageStore::messagesChanged, &model,
            [&model](qint64, const QList<StoredMessage> &rows) { model.updateMessages(rows); });
    model.setConversation(summaryOf(group(), 0));
    QTRY_VERIFY(model.isLoaded());
    QCOMPARE(model.rowCount(), 3);

    // The chip's facts; the caption is the text; quotes say which file.
    const QModelIndex menu = model.index(0);
    QCOMPARE(menu.data(MessageListModel::TextRole).toString(), u"our menu"_s);
    QCOMPARE(menu.data(MessageListModel::AttachmentNameRole).toString(), u"menu.pdf"_s);
    QCOMPARE(menu.data(MessageListModel::AttachmentSizeRole).toLongLong(), 1000);
    QCOMPARE(menu.data(MessageListModel::AttachmentMimeRole).toString(), u"application/pdf"_s);
    QCOMPARE(menu.data(MessageListModel::AttachmentStateRole).toString(), u"available"_s);
    QCOMPARE(menu.data(MessageListModel::AttachmentProgressRole).toDouble(), 0.0);
    QVERIFY(menu.data(MessageListModel::AttachmentPathRole).toUrl().isEmpty());
    QCOMPARE(model.index(1).data(MessageListModel::ReplySnippetRole).toString(), u"📎 menu.pdf"_s);
    QCOMPARE(model.index(1).data(MessageListModel::AttachmentStateRole).toString(), u"none"_s);
    QCOMPARE(model.index(1).data(MessageListModel::AttachmentNameRole).toString(), QString());
    QCOMPARE(model.index(2).data(MessageListModel::TextRole).toString(), QString());

    // Search finds a file by its name and its caption.
    QCOMPARE(awaitFuture(m_store->searchMessages(u"menu"_s, Group, {}, 10)).result().size(), 1);
    QCOMPARE(awaitFuture(m_store->searchMessages(u"our"_s, Group, {}, 10)).result().size(), 1);
    QCOMPARE(awaitFuture(m_store->searchMessages(u"map"_s, Group, {}, 10)).result().size(), 1);

    // A download: progress, then the path from the cache.
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setDownloadProgress(1, 0.5);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().at(0).toModelIndex().row(), 0);
    QCOMPARE(model.index(0).data(MessageListModel::AttachmentStateRole).toString(),
             u"downloading"_s);
    QCOMPARE(model.index(0).data(MessageListModel::AttachmentProgressRole).toDouble(), 0.5);
    const QString path = m_dir->filePath(u"menu.pdf"_s);
    awaitFuture(m_store->setAttachmentPath(Group, 1, path));
    QTRY_COMPARE(model.index(0).data(MessageListModel::AttachmentPathRole).toUrl(),
                 QUrl::fromLocalFile(path));
    model.setDownloadProgress(1, -1);
    QCOMPARE(model.index(0).data(MessageListModel::AttachmentStateRole).toString(),
             u"downloaded"_s);
    QCOMPARE(model.index(0).data(MessageListModel::AttachmentProgressRole).toDouble(), 1.0);
    QCOMPARE(awaitFuture(m_store->message(Group, 1)).result()->attachmentPath, path);
    model.setDownloadFailed(3);
    QCOMPARE(model.index(2).data(MessageListModel::AttachmentStateRole).toString(), u"failed"_s);
    model.setDownloadProgress(3, 0.0);
    QCOMPARE(model.index(2).data(MessageListModel::AttachmentStateRole).toString(),
             u"downloading"_s);

    // An edit changes the caption; the file stays, and quotes still name it.
    awaitFuture(m_store->storeMessages({[] {
                                           StoredMessage m = entry(4, Bob, 4000);
                                           const auto c = MessageContent::edit(1, u"new menu"_s);
                                           m.body = c.toBytes();
                                           m.text = c.previewText();
                                           return m;
                                       }()},
                                       AliceDevice));
    QTRY_VERIFY(model.index(0).data(MessageListModel::EditedRole).toBool());
    QCOMPARE(model.index(0).data(MessageListModel::TextRole).toString(), u"new menu"_s);
    QCOMPARE(model.index(0).data(MessageListModel::AttachmentNameRole).toString(), u"menu.pdf"_s);
    QCOMPARE(model.index(0).data(MessageListModel::AttachmentStateRole).toString(),
             u"downloaded"_s);
    QCOMPARE(model.index(1).data(MessageListModel::ReplySnippetRole).toString(), u"📎 menu.pdf"_s);
    QCOMPARE(awaitFuture(m_store->searchMessages(u"menu"_s, Group, {}, 10)).result().size(), 1);

    // Deleted: no file any more.
    awaitFuture(m_store->storeMessages({[] {
                                           StoredMessage m = entry(5, Carol, 5000);
                                           m.body = MessageContent::deletion(3).toBytes();
                                           return m;
                                       }()},
                                       AliceDevice));
    QTRY_VERIFY(model.index(2).data(MessageListModel::DeletedRole).toBool());
    QCOMPARE(model.index(2).data(MessageListModel::AttachmentStateRole).toString(), u"none"_s);
    QCOMPARE(model.index(2).data(MessageListModel::AttachmentNameRole).toString(), QString());

    const auto names = model.roleNames();
    for (const char *role : {"attachmentName", "attachmentSize", "attachmentMime",
                             "attachmentState", "attachmentProgress", "attachmentPath"})
        QVERIFY2(names.values().contains(QByteArray(role)), role);
}

void tst_Models::uploadBecomesFileMessage()
{
    seed(2, 1000000, 1000);
    MessageListModel model(Group, Alice, m_store, m_outbox, m_sync);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    connect(m_sync, &SyncEngine::messagesStored, &model,
            [&model](qint64, const QList<StoredMessage> &list) { model.addMessages(list); });
    QTRY_VERIFY(model.isLoaded());
    QCOMPARE(model.rowCount(), 2);

    // Offline: the upload waits for a connection, and shows at once as my file message.
    Attachments attachments(m_connection, m_store, m_outbox);
    const QString file = m_dir->filePath(u"notes.txt"_s);
    {
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("some notes\n");
    }
    QVERIFY(!attachments.sendFile(Group, m_dir->filePath(u"missing.txt"_s), {}, Alice));
    auto upload = attachments.sendFile(Group, file, u"read this"_s, Alice);
    QVERIFY(upload);
    const QByteArray uploadId = upload->clientId;
    QCOMPARE(attachments.uploads(Group).size(), 1);
    model.addUpload(*upload, 0.0);
    QCOMPARE(model.rowCount(), 3);
    QModelIndex row = model.index(2);
    QCOMPARE(row.data(MessageListModel::AttachmentStateRole).toString(), u"uploading"_s);
    QCOMPARE(row.data(MessageListModel::DeliveryStateRole).value<States::Delivery>(),
             States::Delivery::Queued);
    QCOMPARE(row.data(MessageListModel::TextRole).toString(), u"read this"_s);
    QCOMPARE(row.data(MessageListModel::AttachmentNameRole).toString(), u"notes.txt"_s);
    QCOMPARE(row.data(MessageListModel::AttachmentSizeRole).toLongLong(), 11);
    QCOMPARE(row.data(MessageListModel::AttachmentMimeRole).toString(), u"text/plain"_s);
    QVERIFY(row.data(MessageListModel::IsOwnRole).toBool());
    QVERIFY(!row.data(MessageListModel::CanReplyRole).toBool());
    model.setUploadProgress(uploadId, 0.25);
    QCOMPARE(row.data(MessageListModel::AttachmentProgressRole).toDouble(), 0.25);

    // Refused (e.g. too large): failed with the reason; retried: uploading again.
    model.setUploadFailed(uploadId, errorCodeName(ErrorCode::AttachmentTooLarge));
    QCOMPARE(row.data(MessageListModel::AttachmentStateRole).toString(), u"failed"_s);
    QCOMPARE(row.data(MessageListModel::DeliveryStateRole).value<States::Delivery>(),
             States::Delivery::Failed);
    QCOMPARE(row.data(MessageListModel::FailureReasonRole).toString(),
             StateText::failure(States::Failure::TooLarge));
    model.setUploadFailed(uploadId, {});
    QCOMPARE(row.data(MessageListModel::AttachmentStateRole).toString(), u"uploading"_s);
    QCOMPARE(row.data(MessageListModel::AttachmentProgressRole).toDouble(), 0.0);

    // Uploaded: the file message is queued in the outbox and takes over the same row.
    connect(m_outbox, &Outbox::entryQueued, &model,
            [&](const StoredMessage &m) { model.replaceUpload(uploadId, m); });
    QSignalSpy queued(m_outbox, &Outbox::entryQueued);
    const AttachmentRef ref{QByteArray(16, 'i'), QByteArray(32, 'k'), 11,
                            AttachmentCipher::encryptedSize(11)};
    const MessageContent content =
            MessageContent::file(ref, u"notes.txt"_s, u"text/plain"_s, u"read this"_s);
    const QByteArray clientId = m_outbox->send(Group, content);
    QTRY_COMPARE(queued.size(), 1);
    QVERIFY(attachments.discardUpload(uploadId));
    QCOMPARE(model.rowCount(), 3);
    row = model.index(2);
    QCOMPARE(row.data(MessageListModel::ClientIdRole).toString(),
             QString::fromLatin1(clientId.toHex()));
    QCOMPARE(row.data(MessageListModel::AttachmentStateRole).toString(), u"uploading"_s);
    QCOMPARE(row.data(MessageListModel::AttachmentProgressRole).toDouble(), 1.0);
    QCOMPARE(row.data(MessageListModel::AttachmentNameRole).toString(), u"notes.txt"_s);

    // Acknowledged: a log entry; the file I picked is where it is.
    QSignalSpy stored(m_sync, &SyncEngine::messagesStored);
    StoredMessage ack = entry(3, Alice, 1003000);
    ack.clientId = clientId;
    ack.senderDeviceId = AliceDevice;
    ack.body = content.toBytes();
    ack.text = content.previewText();
    m_sync->ingestOwnMessage(ack);
    QTRY_VERIFY(!stored.isEmpty());
    QCOMPARE(model.rowCount(), 3);
    row = model.index(2);
    QCOMPARE(row.data(MessageListModel::SeqRole).toLongLong(), 3);
    QCOMPARE(row.data(MessageListModel::AttachmentStateRole).toString(), u"downloaded"_s);
    QCOMPARE(row.data(MessageListModel::AttachmentPathRole).toUrl(), QUrl::fromLocalFile(file));
    QVERIFY(row.data(MessageListModel::CanEditRole).toBool());
    QCOMPARE(model.lastEditable().value(u"text"_s).toString(), u"read this"_s);

    // A second upload taken back before it became a message: its row goes.
    auto second = attachments.sendFile(Group, file, {}, Alice);
    QVERIFY(second);
    model.addUpload(*second, 0.0);
    QCOMPARE(model.rowCount(), 4);
    QVERIFY(attachments.discardUpload(second->clientId));
    model.removeUpload(second->clientId);
    QCOMPARE(model.rowCount(), 3);
    QVERIFY(attachments.uploads(Group).isEmpty());
}

void tst_Models::searchResults()
{
    seed(120, 1000000, 1000); // "message 1" … "message 120"
    ConversationListModel conversations;
    conversations.setSummaries({summaryOf(group(), 0)});
    SearchResultModel model(m_store, &conversations);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy pages(&model, &SearchResultModel::pageLoaded);
    model.setQuery(u"messag"_s);
    QTRY_COMPARE(pages.size(), 1);
    QCOMPARE(model.rowCount(), SearchResultModel::PageSize);
    const QModelIndex newest = model.index(0);
    QCOMPARE(newest.data(SearchResultModel::SeqRole).toLongLong(), 120);
    QCOMPARE(newest.data(SearchResultModel::ConversationIdRole).toLongLong(), Group);
    QCOMPARE(newest.data(SearchResultModel::ConversationTitleRole).toString(), u"Lunch"_s);
    QCOMPARE(newest.data(SearchResultModel::SenderNameRole).toString(), u"carol"_s);
    QCOMPARE(newest.data(SearchResultModel::SnippetRole).toString(), u"message 120"_s);
    QCOMPARE(newest.data(SearchResultModel::SnippetHtmlRole).toString(), u"<b>message</b> 120"_s);
    // Later pages by keyset, until there is no more.
    for (int page = 2; page <= 3; ++page) {
        QTRY_VERIFY(!model.isBusy());
        QVERIFY(model.canFetchMore({}));
        model.fetchMore({});
        QTRY_COMPARE(pages.size(), page);
    }
    QCOMPARE(model.rowCount(), 120);
    QVERIFY(!model.canFetchMore({}));
    QCOMPARE(model.index(119).data(SearchResultModel::SeqRole).toLongLong(), 1);

    // A new query replaces the hits; an empty one clears them.
    model.setQuery(u"message 120"_s);
    QTRY_VERIFY(!model.isBusy());
    QCOMPARE(model.rowCount(), 1);
    model.setQuery(QString());
    QCOMPARE(model.rowCount(), 0);
    const auto names = model.roleNames();
    for (const char *role : {"conversationId", "conversationTitle", "seq", "senderName", "snippet",
                             "snippetHtml", "timestamp"})
        QVERIFY2(names.values().contains(QByteArray(role)), role);
}

void tst_Models::membershipEntriesAreSystemRows()
{
    awaitFuture(m_store->upsertConversations({group()}, Alice));
    MembershipEvent added;
    added.action = MembershipEvent::Action::Added;
    added.actorUserId = Alice;
    added.targetUserId = Carol;
    added.targetUsername = u"carol"_s;
    StoredMessage m;
    m.conversationId = Group;
    m.seq = 1;
    m.senderId = Alice;
    m.kind = MessageKind::Membership;
    m.body = added.toBytes();
    m.timestamp = 5000;
    awaitFuture(m_store->storeMessages({m}, AliceDevice));
    MessageListModel model(Group, Alice, m_store, m_outbox, m_sync);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setConversation(summaryOf(group(), 0));
    QTRY_VERIFY(model.isLoaded());
    QCOMPARE(model.rowCount(), 1);
    QVERIFY(model.index(0).data(MessageListModel::IsSystemRole).toBool());
    QCOMPARE(model.index(0).data(MessageListModel::SystemTextRole).toString(),
             u"alice added carol"_s);
    QCOMPARE(model.index(0).data(MessageListModel::DeliveryStateRole).value<States::Delivery>(),
             States::Delivery::None);
    QVERIFY(!model.index(0).data(MessageListModel::ShowSenderRole).toBool());
}

void tst_Models::conversationsSortedAndFiltered()
{
    ConversationListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSelfUserId(Alice);
    Conversation direct;
    direct.id = 1;
    direct.kind = ConversationKind::Direct;
    direct.members = {Member{Alice, u"alice"_s}, Member{Bob, u"bob"_s}};
    Conversation lunch = group();
    Conversation work = group();
    work.id = 9;
    work.title = u"Work"_s;
    model.setSummaries({summaryOf(direct, 300, 2), summaryOf(lunch, 100, 1), summaryOf(work, 200)});
    auto titles = [&model] {
        QStringList t;
        for (int i = 0; i < model.rowCount(); ++i)
            t << model.index(i).data(ConversationListModel::TitleRole).toString();
        return t;
    };
    QCOMPARE(titles(), (QStringList{u"bob"_s, u"Work"_s, u"Lunch"_s}));
    QCOMPARE(model.totalUnread(), 3);

    // New activity moves a row to the top with a move, not a reset.
    QSignalSpy moved(&model, &QAbstractItemModel::rowsMoved);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    ConversationSummary busy = summaryOf(lunch, 400, 5);
    busy.lastPreview = u"pizza?"_s;
    model.updateSummary(busy);
    QCOMPARE(titles(), (QStringList{u"Lunch"_s, u"bob"_s, u"Work"_s}));
    QCOMPARE(moved.size(), 1);
    QCOMPARE(reset.size(), 0);
    QCOMPARE(model.index(0).data(ConversationListModel::LastMessageRole).toString(), u"pizza?"_s);
    QCOMPARE(model.index(0).data(ConversationListModel::UnreadCountRole).toInt(), 5);
    QCOMPARE(model.totalUnread(), 7);

    // Muted conversations do not count towards the total.
    busy.muted = true;
    model.updateSummary(busy);
    QCOMPARE(model.totalUnread(), 2);
    QVERIFY(model.index(0).data(ConversationListModel::MutedRole).toBool());

    model.setFilter(u"wo"_s);
    QCOMPARE(titles(), QStringList{u"Work"_s});
    model.setFilter(QString());
    QCOMPARE(model.rowCount(), 3);

    const auto names = model.roleNames();
    for (const char *role : {"conversationId", "title", "isGroup", "lastMessage", "lastActivity",
                             "unreadCount", "online", "lastSeen", "typingText", "muted"})
        QVERIFY2(names.values().contains(QByteArray(role)), role);
}

void tst_Models::conversationsPresenceAndTyping()
{
    ConversationListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSelfUserId(Alice);
    Conversation direct;
    direct.id = 1;
    direct.kind = ConversationKind::Direct;
    direct.members = {Member{Alice, u"alice"_s}, Member{Bob, u"bob"_s}};
    model.setSummaries({summaryOf(direct, 300), summaryOf(group(), 100)});
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setPresence(Presence{Bob, true, 0});
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().at(0).toModelIndex().row(), 0);
    QVERIFY(changed.first().at(2).value<QList<int>>().contains(ConversationListModel::OnlineRole));
    QVERIFY(model.index(0).data(ConversationListModel::OnlineRole).toBool());
    QVERIFY(!model.index(1).data(ConversationListModel::OnlineRole).toBool()); // groups: no peer

    model.setTypingText(Group, u"carol is typing…"_s);
    QCOMPARE(model.index(1).data(ConversationListModel::TypingTextRole).toString(),
             u"carol is typing…"_s);
    QCOMPARE(changed.last().at(2).value<QList<int>>(),
             QList<int>{ConversationListModel::TypingTextRole});
}

void tst_Models::contactsSearchedByNameOrUsername()
{
    ConversationListModel conversations;
    conversations.setSelfUserId(Alice);
    ContactListModel model(&conversations);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSelfUserId(Alice);
    const QHash<qint64, QString> displayNames{{Carol, u"Zoë Åberg"_s}};
    model.setDisplayNames([&displayNames](qint64 user) { return displayNames.value(user); });
    Conversation direct;
    direct.id = 1;
    direct.kind = ConversationKind::Direct;
    direct.members = {Member{Alice, u"alice"_s}, Member{Bob, u"bob"_s}};
    // Bob is in both conversations and listed once; alice (the user) not at all.
    conversations.setSummaries({summaryOf(direct, 300), summaryOf(group(), 100)});
    auto shown = [&model] {
        QStringList t;
        for (int i = 0; i < model.rowCount(); ++i)
            t << model.index(i).data(ContactListModel::NameRole).toString();
        return t;
    };
    QTRY_COMPARE(shown(), (QStringList{u"bob"_s, u"Zoë Åberg"_s}));
    QCOMPARE(model.index(1).data(ContactListModel::UsernameRole).toString(), u"carol"_s);

    // The display name or the username, in any case and without accents.
    model.setFilter(u"zoe"_s);
    QCOMPARE(shown(), QStringList{u"Zoë Åberg"_s});
    model.setFilter(u"ABERG"_s);
    QCOMPARE(shown(), QStringList{u"Zoë Åberg"_s});
    model.setFilter(u"caro"_s);
    QCOMPARE(model.usernameAt(0), u"carol"_s);
    QCOMPARE(model.rowOfUsername(u"Carol"_s), 0);
    QCOMPARE(model.rowOfUsername(u"bob"_s), -1);
    model.setFilter(u"nobody"_s);
    QCOMPARE(model.rowCount(), 0);
    model.setFilter(QString());
    QCOMPARE(model.rowCount(), 2);

    // Presence reaches the row; a new conversation brings a new contact.
    model.setPresence(Presence{Bob, true, 0});
    QVERIFY(model.index(0).data(ContactListModel::OnlineRole).toBool());
    Conversation other = direct;
    other.id = 2;
    other.members = {Member{Alice, u"alice"_s}, Member{4, u"dan"_s}};
    conversations.updateSummary(summaryOf(other, 400));
    QTRY_COMPARE(shown(), (QStringList{u"bob"_s, u"dan"_s, u"Zoë Åberg"_s}));
}

void tst_Models::members()
{
    MemberListModel model(Group, Carol);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setMembers(group().members);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.index(0).data(MemberListModel::UsernameRole).toString(), u"alice"_s);
    QCOMPARE(model.index(0).data(MemberListModel::RoleRole).value<States::MemberRole>(),
             States::MemberRole::Owner);
    QCOMPARE(model.index(1).data(MemberListModel::UsernameRole).toString(), u"carol"_s);
    QVERIFY(model.index(1).data(MemberListModel::IsSelfRole).toBool());
    QVERIFY(model.canManage());
    QVERIFY(!model.isOwner());

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    model.setPresence(Presence{Bob, true, 0});
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().at(2).value<QList<int>>(), QList<int>{MemberListModel::OnlineRole});

    // Bob leaves, carol is made a member.
    Conversation c = group();
    c.members.removeAt(1);
    c.members[1].role = Role::Member;
    QSignalSpy canManage(&model, &MemberListModel::canManageChanged);
    model.setMembers(c.members);
    QCOMPARE(removed.size(), 1);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(canManage.size(), 1);
    QVERIFY(!model.canManage());
}

void tst_Models::devices()
{
    DeviceListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setDevices(
            {Device{1, u"laptop"_s, 100, 500, false}, Device{2, u"desktop"_s, 200, 600, true}});
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(0).data(DeviceListModel::NameRole).toString(),
             u"desktop"_s); // current first
    QVERIFY(model.index(0).data(DeviceListModel::IsCurrentRole).toBool());
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setDevices({Device{2, u"desktop"_s, 200, 900, true}});
    QCOMPARE(removed.size(), 1);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().at(2).value<QList<int>>(), QList<int>{DeviceListModel::LastSeenRole});
}

QTEST_GUILESS_MAIN(tst_Models)
#include "tst_models.moc"
