#include "Client.h"
#include "ParleydProcess.h"
#include "backup/HistoryBackup.h"
#include "net/Connection.h"
#include "store/AwaitFuture.h"
#include "store/MessageStore.h"

#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QTemporaryDir>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

#include <memory>
#include <optional>

using namespace Parley;
using namespace Qt::StringLiterals;

/// Backing up the history into one encrypted file and restoring it on a new device of the same
/// user (client/backup, docs/backup.md), with real Clients against a real parleyd.
class tst_HistoryBackup : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void backupRestoreRoundTrip();
    void backupKeyAndDamage();

private:
    std::unique_ptr<Client> makeClient(const QString &profile);
    std::unique_ptr<Client> registered(const QString &name);
    std::unique_ptr<Client> secondDevice(const QString &name);
    /// Starts a direct chat of a with b; its id.
    static qint64 directChat(Client &a, Client &b);
    static qint64 seqOf(MessageListModel *view, const QString &text);
    static QByteArray readAll(const QString &path);
    /// Runs `start` and returns the finished() arguments of `client`'s backup.
    static QList<QVariant> backupRun(Client &client, const std::function<void()> &start);
    /// The rows of a conversation as the user sees them, oldest first.
    static QList<StoredMessage> rows(Client &client, qint64 id);
    static void compareRows(const QList<StoredMessage> &copy, const QList<StoredMessage> &original);

    std::optional<QTemporaryDir> m_dir;
    std::unique_ptr<ParleydProcess> m_server;
    QString m_runTag;
};

void tst_HistoryBackup::initTestCase()
{
    if (ParleydProcess::binary().isEmpty())
        QFAIL("PARLEYD_BINARY is not set (parley_add_test sets it)");
    m_runTag = QString::number(QCoreApplication::applicationPid());
}

void tst_HistoryBackup::init()
{
    m_dir.emplace();
    QVERIFY(m_dir->isValid());
    m_server = std::make_unique<ParleydProcess>();
    QVERIFY2(m_server->start(), m_server->log().constData());
}

void tst_HistoryBackup::cleanup()
{
    m_server.reset();
    m_dir.reset();
}

std::unique_ptr<Client> tst_HistoryBackup::makeClient(const QString &profile)
{
    ClientOptions options;
    // Keychain entries are per profile: a tag per run keeps parallel runs apart.
    options.profile =
            profile + u'-' + m_runTag + u'-' + QString::fromLatin1(QTest::currentTestFunction());
    options.dataDir = m_dir->filePath(profile);
    options.serverUrl = m_server->url().toString();
    options.deviceName = u"test device"_s;
    options.notifications = false;
    options.askBeforePinning = false;
    auto client = std::make_unique<Client>(options);
    client->connection()->setReconnectDelays(100, 1000);
    // Argon2id at its smallest cost: the test is about the file, not the hashing.
    client->backup()->setPassphraseCost(PassphraseSlot::Cost::minimal());
    return client;
}

std::unique_ptr<Client> tst_HistoryBackup::registered(const QString &name)
{
    auto client = makeClient(name);
    [&] { QTRY_VERIFY(client->isStarted()); }();
    client->registerAccount(m_server->url().toString(), name, u"password-"_s + name);
    [&] { QTRY_COMPARE_WITH_TIMEOUT(client->state(), Client::State::Online, 15000); }();
    return client;
}

std::unique_ptr<Client> tst_HistoryBackup::secondDevice(const QString &name)
{
    auto client = makeClient(name + u"-laptop"_s);
    [&] { QTRY_VERIFY(client->isStarted()); }();
    client->login(m_server->url().toString(), name, u"password-"_s + name);
    [&] { QTRY_COMPARE_WITH_TIMEOUT(client->state(), Client::State::Online, 15000); }();
    return client;
}

qint64 tst_HistoryBackup::directChat(Client &a, Client &b)
{
    QSignalSpy opened(&a, &Client::conversationOpened);
    a.startDirectChat(b.username());
    if (!QTest::qWaitFor([&] { return !opened.isEmpty(); }, 10000))
        return 0;
    const qint64 id = opened.first().first().toLongLong();
    if (!QTest::qWaitFor([&] { return b.conversations()->summary(id) != nullptr; }, 10000))
        return 0;
    return id;
}

qint64 tst_HistoryBackup::seqOf(MessageListModel *view, const QString &text)
{
    for (int i = 0; i < view->rowCount(); ++i) {
        if (view->index(i).data(MessageListModel::TextRole).toString() == text)
            return view->index(i).data(MessageListModel::SeqRole).toLongLong();
    }
    return 0;
}

QByteArray tst_HistoryBackup::readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QList<QVariant> tst_HistoryBackup::backupRun(Client &client, const std::function<void()> &start)
{
    QSignalSpy finished(client.backup(), &HistoryBackup::finished);
    start();
    if (finished.isEmpty() && !finished.wait(20000))
        return {};
    return finished.takeFirst();
}

QList<StoredMessage> tst_HistoryBackup::rows(Client &client, qint64 id)
{
    return awaitFuture(client.store()->latestMessages(id, 100)).result();
}

void tst_HistoryBackup::compareRows(const QList<StoredMessage> &copy,
                                    const QList<StoredMessage> &original)
{
    const auto describe = [](const QList<StoredMessage> &list) {
        QStringList rows;
        for (const StoredMessage &m : list)
            rows.append(u"%1:%2:%3"_s.arg(m.seq).arg(int(m.kind)).arg(m.text));
        return rows.join(u" | "_s);
    };
    QVERIFY2(copy.size() == original.size(),
             qPrintable(describe(copy) + u"  vs  "_s + describe(original)));
    for (qsizetype i = 0; i < original.size(); ++i) {
        const StoredMessage &a = original.at(i), &b = copy.at(i);
        QCOMPARE(b.seq, a.seq);
        QCOMPARE(b.kind, a.kind);
        QCOMPARE(b.senderId, a.senderId);
        QCOMPARE(b.senderName, a.senderName);
        QCOMPARE(b.timestamp, a.timestamp);
        QCOMPARE(b.text, a.text);
        QCOMPARE(b.undecryptable, a.undecryptable);
        QCOMPARE(b.edited, a.edited);
        QCOMPARE(b.deleted, a.deleted);
        QCOMPARE(b.replyTo, a.replyTo);
        QCOMPARE(b.replyText, a.replyText);
        QCOMPARE(b.reactions, a.reactions);
    }
}

void tst_HistoryBackup::backupRestoreRoundTrip()
{
    auto alice = registered(u"alice"_s);
    auto bob = registered(u"bob"_s);
    const qint64 id = directChat(*alice, *bob);
    QVERIFY(id > 0);
    MessageListModel *aliceView = alice->chat(id)->messages();
    MessageListModel *bobView = bob->chat(id)->messages();

    // A conversation with a reply, a reaction, an edit and a deleted message.
    alice->chat(id)->sendText(u"Dinner tonight?"_s);
    QTRY_VERIFY_WITH_TIMEOUT(seqOf(bobView, u"Dinner tonight?"_s) > 0, 10000);
    const qint64 question = seqOf(bobView, u"Dinner tonight?"_s);
    bob->chat(id)->sendReply(question, u"Gladly, at the harbour"_s);
    QTRY_VERIFY_WITH_TIMEOUT(seqOf(aliceView, u"Gladly, at the harbour"_s) > 0, 10000);
    bob->chat(id)->toggleReaction(question, u"❤️"_s);
    alice->chat(id)->editMessage(question, u"Dinner tomorrow?"_s);
    QTRY_VERIFY_WITH_TIMEOUT(seqOf(bobView, u"Dinner tomorrow?"_s) == question, 10000);
    alice->chat(id)->sendText(u"oops, wrong chat"_s);
    QTRY_VERIFY_WITH_TIMEOUT(seqOf(aliceView, u"oops, wrong chat"_s) > 0, 10000);
    alice->chat(id)->deleteMessage(seqOf(aliceView, u"oops, wrong chat"_s));
    QTRY_COMPARE_WITH_TIMEOUT(seqOf(aliceView, u"oops, wrong chat"_s), 0, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(aliceView->index(aliceView->rowOfSeq(question))
                                             .data(MessageListModel::ReactionsRole)
                                             .toList()
                                             .size()
                                     == 1,
                             10000);
    QTRY_VERIFY_WITH_TIMEOUT(awaitFuture(alice->store()->outbox()).result().isEmpty(), 10000);

    // alice backs up under a passphrase.
    const QString file = m_dir->filePath(u"alice.parley-backup"_s);
    QList<QVariant> done = backupRun(*alice, [&] {
        alice->backup()->create(QUrl::fromLocalFile(file), u"sea shells by the shore"_s);
    });
    QCOMPARE(done.size(), 2);
    QVERIFY2(done.at(0).toBool(), qPrintable(done.at(1).toString()));
    QCOMPARE(done.at(1).toString(), u"Backed up: %1 new messages."_s.arg(rows(*alice, id).size()));
    QCOMPARE(alice->backup()->filePath(), file);
    QVERIFY(alice->backup()->lastBackup().isValid());
    QVERIFY(alice->backup()->backupKeyToShow().isEmpty());
    const QByteArray firstBackup = readAll(file);
    QVERIFY(!firstBackup.isEmpty());
    for (const char *word : {"Dinner", "harbour", "alice", "bob"})
        QVERIFY2(!firstBackup.contains(word), word);
    QCOMPARE(QFileInfo(file).permissions() & (QFile::ReadGroup | QFile::ReadOther),
             QFileDevice::Permissions());

    // Her new laptop cannot read what came before it, until she restores the backup.
    auto laptop = secondDevice(u"alice"_s);
    QTRY_VERIFY_WITH_TIMEOUT(laptop->conversations()->summary(id) != nullptr, 10000);
    MessageListModel *laptopView = laptop->chat(id)->messages();
    QTRY_VERIFY_WITH_TIMEOUT(laptopView->rowOfSeq(question) >= 0, 10000);
    QVERIFY(seqOf(laptopView, u"Dinner tomorrow?"_s) == 0);
    done = backupRun(*laptop, [&] {
        laptop->backup()->restore(QUrl::fromLocalFile(file), u"sea shells"_s);
    });
    QCOMPARE(done.size(), 2);
    QVERIFY(!done.at(0).toBool());
    QCOMPARE(done.at(1).toString(), u"That is not this backup's passphrase or backup key."_s);
    done = backupRun(*laptop, [&] {
        laptop->backup()->restore(QUrl::fromLocalFile(file), u"sea shells by the shore"_s);
    });
    QCOMPARE(done.size(), 2);
    QVERIFY2(done.at(0).toBool(), qPrintable(done.at(1).toString()));

    // The same conversation, the same rows, the same search results; the open conversation
    // shows them.
    const QList<StoredMessage> original = rows(*alice, id);
    compareRows(rows(*laptop, id), original);
    if (QTest::currentTestFailed())
        return;
    QTRY_COMPARE_WITH_TIMEOUT(seqOf(laptopView, u"Dinner tomorrow?"_s), question, 10000);
    // The same members (how far each has read is the server's to tell, not the backup's).
    const auto members = [id](Client &client) {
        QStringList names;
        for (const Member &m : client.conversations()->summary(id)->conversation.members)
            names.append(u"%1:%2:%3"_s.arg(m.userId).arg(m.username).arg(int(m.role)));
        return names;
    };
    QCOMPARE(members(*laptop), members(*alice));
    for (const QString &words : {u"tomorrow"_s, u"harbour"_s, u"wrong"_s}) {
        const auto mine = awaitFuture(alice->store()->searchMessages(words, 0, {}, 10)).result();
        const auto restored =
                awaitFuture(laptop->store()->searchMessages(words, 0, {}, 10)).result();
        QCOMPARE(restored.size(), mine.size());
        for (qsizetype i = 0; i < mine.size(); ++i)
            QCOMPARE(restored.at(i).message.seq, mine.at(i).message.seq);
    }

    // A second backup adds only what is new, after what the file held.
    bob->chat(id)->sendText(u"See you at eight"_s);
    QTRY_VERIFY_WITH_TIMEOUT(seqOf(aliceView, u"See you at eight"_s) > 0, 10000);
    done = backupRun(*alice, [&] { alice->backup()->backUpNow(); });
    QVERIFY2(done.value(0).toBool(), qPrintable(done.value(1).toString()));
    QCOMPARE(done.at(1).toString(), u"Backed up: 1 new messages."_s);
    const QByteArray secondBackup = readAll(file);
    QVERIFY(secondBackup.startsWith(firstBackup));
    QVERIFY(secondBackup.size() - firstBackup.size() < firstBackup.size());
    done = backupRun(*alice, [&] { alice->backup()->backUpNow(); });
    QVERIFY2(done.value(0).toBool(), qPrintable(done.value(1).toString()));
    QCOMPARE(done.at(1).toString(), u"Backed up: 0 new messages."_s);
    QCOMPARE(readAll(file), secondBackup);

    // Restoring again brings only the new message; nothing twice.
    done = backupRun(*laptop, [&] {
        laptop->backup()->restore(QUrl::fromLocalFile(file), u"sea shells by the shore"_s);
    });
    QVERIFY2(done.value(0).toBool(), qPrintable(done.value(1).toString()));
    QTRY_COMPARE_WITH_TIMEOUT(rows(*laptop, id).size(), rows(*alice, id).size(), 10000);
    compareRows(rows(*laptop, id), rows(*alice, id));
    QCOMPARE(awaitFuture(laptop->store()->searchMessages(u"eight"_s, 0, {}, 10)).result().size(),
             1);
}

void tst_HistoryBackup::backupKeyAndDamage()
{
    auto alice = registered(u"alice"_s);
    auto bob = registered(u"bob"_s);
    const qint64 id = directChat(*alice, *bob);
    QVERIFY(id > 0);
    alice->chat(id)->sendText(u"The key is under the mat"_s);
    QTRY_VERIFY_WITH_TIMEOUT(seqOf(bob->chat(id)->messages(), u"The key is under the mat"_s) > 0,
                             10000);
    QTRY_VERIFY_WITH_TIMEOUT(awaitFuture(alice->store()->outbox()).result().isEmpty(), 10000);

    // Without a passphrase, a backup key is made and shown until she has written it down, also
    // after a restart.
    const QString file = m_dir->filePath(u"alice.parley-backup"_s);
    QList<QVariant> done = backupRun(
            *alice, [&] { alice->backup()->create(QUrl::fromLocalFile(file), QString()); });
    QVERIFY2(done.value(0).toBool(), qPrintable(done.value(1).toString()));
    const QString key = alice->backup()->backupKeyToShow();
    QCOMPARE(key.size(), 64); // 52 characters in groups of four
    alice.reset();
    alice = makeClient(u"alice"_s);
    QTRY_COMPARE_WITH_TIMEOUT(alice->state(), Client::State::Online, 15000);
    QTRY_COMPARE_WITH_TIMEOUT(alice->backup()->backupKeyToShow(), key, 10000);
    QCOMPARE(alice->backup()->filePath(), file);
    alice->backup()->confirmBackupKey();
    QVERIFY(alice->backup()->backupKeyToShow().isEmpty());

    // Someone else's backup is refused; hers opens with the key as she wrote it down.
    auto laptop = secondDevice(u"alice"_s);
    QTRY_VERIFY_WITH_TIMEOUT(laptop->conversations()->summary(id) != nullptr, 10000);
    done = backupRun(*bob, [&] { bob->backup()->restore(QUrl::fromLocalFile(file), key); });
    QVERIFY(!done.value(0).toBool());
    QCOMPARE(done.value(1).toString(), u"This backup holds the history of alice, not of bob."_s);
    done = backupRun(*laptop, [&] {
        laptop->backup()->restore(QUrl::fromLocalFile(file), key.toLower().remove(u'-'));
    });
    QVERIFY2(done.value(0).toBool(), qPrintable(done.value(1).toString()));
    QTRY_VERIFY_WITH_TIMEOUT(seqOf(laptop->chat(id)->messages(), u"The key is under the mat"_s) > 0,
                             10000);

    // One byte changed in the sealed history: refused as damaged, nothing stored.
    QByteArray bytes = readAll(file);
    bytes[bytes.size() - 20] = char(bytes.at(bytes.size() - 20) ^ 0x01);
    const QString damaged = m_dir->filePath(u"damaged.parley-backup"_s);
    {
        QFile out(damaged);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(bytes);
    }
    done = backupRun(*laptop,
                     [&] { laptop->backup()->restore(QUrl::fromLocalFile(damaged), key); });
    QVERIFY(!done.value(0).toBool());
    QCOMPARE(done.value(1).toString(),
             u"damaged.parley-backup is not a Parley backup, or it is damaged."_s);
    // A file that is no backup at all.
    const QString text = m_dir->filePath(u"notes.txt"_s);
    {
        QFile out(text);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write("shopping: bread, milk\n");
    }
    done = backupRun(*laptop, [&] { laptop->backup()->restore(QUrl::fromLocalFile(text), key); });
    QVERIFY(!done.value(0).toBool());
    QCOMPARE(done.value(1).toString(), u"notes.txt is not a Parley backup, or it is damaged."_s);
}

QTEST_MAIN(tst_HistoryBackup)
#include "tst_historybackup.moc"
