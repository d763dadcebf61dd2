#include "Client.h"
#include "ParleydProcess.h"
#include "export/ConversationExport.h"
#include "export/HistoryImport.h"
#include "net/Connection.h"
#include "store/AwaitFuture.h"
#include "store/MessageStore.h"

#include <QtCore/QDateTime>
#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QTemporaryDir>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

#include <memory>
#include <optional>

using namespace Parley;
using namespace Qt::StringLiterals;

/// Exporting the history (client/export, docs/export.md) with real Clients against a real
/// parleyd: the HTML a person reads, the JSON a program reads, importing it back, and exporting
/// again into the same folder.
class tst_Export : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void exportImportRoundTrip();
    void importOnNewDevice();

private:
    std::unique_ptr<Client> makeClient(const QString &profile);
    std::unique_ptr<Client> registered(const QString &name);
    static int rowWithText(QAbstractItemModel *model, const QString &text);
    static QByteArray readAll(const QString &path);
    static QJsonObject readJson(const QString &path);
    /// Exports everything `client` has sent and received into `folder`; the historyFinished()
    /// arguments (empty if it never finished).
    static QList<QVariant> exportInto(Client &client, const QString &folder);

    std::optional<QTemporaryDir> m_dir;
    std::unique_ptr<ParleydProcess> m_server;
    QString m_runTag;
};

void tst_Export::initTestCase()
{
    if (ParleydProcess::binary().isEmpty())
        QFAIL("PARLEYD_BINARY is not set (parley_add_test sets it)");
    m_runTag = QString::number(QCoreApplication::applicationPid());
}

void tst_Export::init()
{
    m_dir.emplace();
    QVERIFY(m_dir->isValid());
    m_server = std::make_unique<ParleydProcess>();
    QVERIFY2(m_server->start(), m_server->log().constData());
}

void tst_Export::cleanup()
{
    m_server.reset();
    m_dir.reset();
}

std::unique_ptr<Client> tst_Export::makeClient(const QString &profile)
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
    return client;
}

std::unique_ptr<Client> tst_Export::registered(const QString &name)
{
    auto client = makeClient(name);
    [&] { QTRY_VERIFY(client->isStarted()); }();
    client->registerAccount(m_server->url().toString(), name, u"password-"_s + name);
    [&] { QTRY_COMPARE_WITH_TIMEOUT(client->state(), Client::State::Online, 15000); }();
    return client;
}

int tst_Export::rowWithText(QAbstractItemModel *model, const QString &text)
{
    for (int i = 0; i < model->rowCount(); ++i) {
        if (model->index(i, 0).data(MessageListModel::TextRole).toString() == text)
            return i;
    }
    return -1;
}

QByteArray tst_Export::readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QJsonObject tst_Export::readJson(const QString &path)
{
    return QJsonDocument::fromJson(readAll(path)).object();
}

QList<QVariant> tst_Export::exportInto(Client &client, const QString &folder)
{
    // What the client sent is in its log (not only shown from its outbox) once the outbox is
    // empty: the acknowledged entry and the outbox row change in one transaction.
    if (!QTest::qWaitFor([&] { return awaitFuture(client.store()->outbox()).result().isEmpty(); },
                         10000))
        return {};
    QSignalSpy finished(&client, &Client::historyFinished);
    client.exportHistory(QUrl::fromLocalFile(folder));
    if (!finished.wait(20000) && finished.isEmpty())
        return {};
    return finished.takeFirst();
}

void tst_Export::exportImportRoundTrip()
{
    auto alice = registered(u"alice"_s);
    auto bob = registered(u"bob"_s);
    QSignalSpy opened(alice.get(), &Client::conversationOpened);
    alice->startDirectChat(u"bob"_s);
    QTRY_COMPARE_WITH_TIMEOUT(opened.size(), 1, 10000);
    const qint64 id = opened.first().first().toLongLong();
    MessageListModel *aliceView = alice->chat(id)->messages();
    QTRY_VERIFY_WITH_TIMEOUT(bob->conversations()->summary(id) != nullptr, 10000);
    MessageListModel *bobView = bob->chat(id)->messages();
    const auto seqOf = [](MessageListModel *view, const QString &text) {
        const int row = rowWithText(view, text);
        return row < 0 ? qint64(0) : view->index(row).data(MessageListModel::SeqRole).toLongLong();
    };

    // Two people talk: texts, a reply, a reaction, an edit, a deleted message, a hostile text
    // and a file.
    alice->chat(id)->sendText(u"Dinner tonight?"_s);
    QTRY_VERIFY_WITH_TIMEOUT(seqOf(bobView, u"Dinner tonight?"_s) > 0, 10000);
    const qint64 question = seqOf(bobView, u"Dinner tonight?"_s);
    bob->chat(id)->sendReply(question, u"Gladly & <b>happily</b>"_s);
    QTRY_VERIFY_WITH_TIMEOUT(seqOf(aliceView, u"Gladly & <b>happily</b>"_s) > 0, 10000);
    bob->chat(id)->toggleReaction(question, u"❤️"_s);
    const auto chips = [](MessageListModel *view, qint64 seq) {
        const int row = view->rowOfSeq(seq);
        return row < 0 ? QVariantList()
                       : view->index(row).data(MessageListModel::ReactionsRole).toList();
    };
    QTRY_COMPARE_WITH_TIMEOUT(chips(aliceView, question).size(), 1, 10000);
    alice->chat(id)->editMessage(question, u"Dinner tomorrow?"_s);
    QTRY_VERIFY_WITH_TIMEOUT(seqOf(bobView, u"Dinner tomorrow?"_s) == question, 10000);
    alice->chat(id)->sendText(u"oops, wrong chat"_s);
    QTRY_VERIFY_WITH_TIMEOUT(seqOf(aliceView, u"oops, wrong chat"_s) > 0, 10000);
    const qint64 oops = seqOf(aliceView, u"oops, wrong chat"_s);
    alice->chat(id)->deleteMessage(oops);
    QTRY_VERIFY_WITH_TIMEOUT(aliceView->index(aliceView->rowOfSeq(oops))
                                     .data(MessageListModel::DeletedRole)
                                     .toBool(),
                             10000);
    const QString hostile = u"<script>alert(1)</script>"_s;
    bob->chat(id)->sendText(hostile);
    QTRY_VERIFY_WITH_TIMEOUT(seqOf(aliceView, hostile) > 0, 10000);
    const QByteArray fileBytes = "minutes of the meeting\n";
    const QString source = m_dir->filePath(u"notes.txt"_s);
    {
        QFile f(source);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(fileBytes);
    }
    alice->chat(id)->sendFile(QUrl::fromLocalFile(source), u"the notes"_s);
    QTRY_VERIFY_WITH_TIMEOUT(seqOf(aliceView, u"the notes"_s) > 0, 30000);
    const qint64 fileSeq = seqOf(aliceView, u"the notes"_s);
    QTRY_VERIFY_WITH_TIMEOUT(seqOf(bobView, u"the notes"_s) == fileSeq, 15000);

    // alice exports everything.
    const QString folder = m_dir->filePath(u"export"_s);
    QList<QVariant> done = exportInto(*alice, folder);
    QCOMPARE(done.size(), 2);
    QVERIFY2(done.at(0).toBool(), qPrintable(done.at(1).toString()));
    const QDir dir(folder);
    QVERIFY(QFile::exists(dir.filePath(u"index.html"_s)));
    QVERIFY(QFile::exists(dir.filePath(ConversationExport::stateFile())));
    const QString index = QString::fromUtf8(readAll(dir.filePath(u"index.html"_s)));
    QVERIFY(index.contains(ConversationExport::conversationHtmlFile(id)));
    QVERIFY(index.contains(u"bob"_s));

    // The page a person reads: every text, escaped; nothing runs; the file beside it.
    const QString html =
            QString::fromUtf8(readAll(dir.filePath(ConversationExport::conversationHtmlFile(id))));
    QVERIFY(html.contains(u"Dinner tomorrow?"_s));
    QVERIFY(html.contains(u"Gladly &amp; &lt;b&gt;happily&lt;/b&gt;"_s));
    QVERIFY(html.contains(u"&lt;script&gt;alert(1)&lt;/script&gt;"_s));
    QVERIFY(!html.contains(hostile));
    QVERIFY(!html.contains(u"<script"_s, Qt::CaseInsensitive));
    QVERIFY(!html.contains(u"http://"_s) && !html.contains(u"https://"_s));
    QVERIFY(html.contains(u"❤️"_s));
    QVERIFY(!html.contains(u"oops, wrong chat"_s));
    const QString copied = u"files/%1/%2-notes.txt"_s.arg(id).arg(fileSeq);
    QVERIFY(html.contains(u"href=\"%1\""_s.arg(copied)));
    QCOMPARE(readAll(dir.filePath(copied)), fileBytes);

    // The JSON a program reads.
    const QJsonObject manifest = readJson(dir.filePath(ConversationExport::manifestFile()));
    QCOMPARE(manifest.value(u"version"_s).toInt(), 1);
    QCOMPARE(manifest.value(u"conversations"_s).toArray().size(), 1);
    const QString jsonFile = dir.filePath(ConversationExport::conversationJsonFile(id));
    const QJsonObject first = readJson(jsonFile);
    QCOMPARE(first.value(u"version"_s).toInt(), 1);
    QCOMPARE(first.value(u"conversation"_s).toObject().value(u"kind"_s).toString(), u"direct"_s);
    const QJsonArray firstMessages = first.value(u"messages"_s).toArray();
    const auto messageAt = [](const QJsonArray &messages, qint64 seq) {
        for (const QJsonValue &v : messages) {
            if (v.toObject().value(u"seq"_s).toInteger() == seq)
                return v.toObject();
        }
        return QJsonObject();
    };
    const QJsonObject edited = messageAt(firstMessages, question);
    QCOMPARE(edited.value(u"id"_s).toString(), u"%1:%2"_s.arg(id).arg(question));
    QCOMPARE(edited.value(u"text"_s).toString(), u"Dinner tomorrow?"_s);
    QCOMPARE(edited.value(u"originalText"_s).toString(), u"Dinner tonight?"_s);
    QCOMPARE(edited.value(u"edits"_s).toArray().size(), 1);
    QCOMPARE(edited.value(u"reactions"_s).toArray().size(), 1);
    QCOMPARE(edited.value(u"reactions"_s)
                     .toArray()
                     .first()
                     .toObject()
                     .value(u"userId"_s)
                     .toInteger(),
             bob->userId());
    QCOMPARE(messageAt(firstMessages, oops).value(u"type"_s).toString(), u"deleted"_s);
    QVERIFY(!messageAt(firstMessages, oops).contains(u"text"_s));
    const QJsonObject file = messageAt(firstMessages, fileSeq);
    QCOMPARE(file.value(u"attachment"_s).toObject().value(u"file"_s).toString(), copied);
    QCOMPARE(file.value(u"attachment"_s).toObject().value(u"size"_s).toInteger(), fileBytes.size());

    // Imported into an empty profile: the same conversation and messages, found by search.
    const QList<StoredMessage> original =
            awaitFuture(alice->store()->latestMessages(id, 100)).result();
    MessageStore empty;
    QVERIFY(bool(awaitFuture(empty.open(m_dir->filePath(u"imported.db"_s))).result()));
    HistoryImport importer(&empty);
    QSignalSpy imported(&importer, &HistoryImport::finished);
    QVERIFY(importer.start(dir.filePath(ConversationExport::manifestFile()), alice->userId()));
    QTRY_COMPARE_WITH_TIMEOUT(imported.size(), 1, 10000);
    QCOMPARE(imported.first().at(2).toString(), QString());
    QCOMPARE(imported.first().at(0).toInt(), 1);
    QCOMPARE(imported.first().at(1).toInt(), int(original.size()));
    const auto summaries = awaitFuture(empty.conversationSummaries(alice->userId())).result();
    QCOMPARE(summaries.size(), 1);
    QCOMPARE(summaries.first().conversation.id, id);
    QCOMPARE(summaries.first().conversation.members.size(), 2);
    QCOMPARE(summaries.first().unreadCount, 0);
    const auto compareWithOriginal = [&] {
        const QList<StoredMessage> copy = awaitFuture(empty.latestMessages(id, 100)).result();
        QCOMPARE(copy.size(), original.size());
        for (qsizetype i = 0; i < original.size(); ++i) {
            const StoredMessage &a = original.at(i), &b = copy.at(i);
            QCOMPARE(b.seq, a.seq);
            QCOMPARE(b.kind, a.kind);
            QCOMPARE(b.senderId, a.senderId);
            QCOMPARE(b.senderName, a.senderName);
            QCOMPARE(b.timestamp, a.timestamp);
            QCOMPARE(b.text, a.text);
            QCOMPARE(b.edited, a.edited);
            QCOMPARE(b.deleted, a.deleted);
            QCOMPARE(b.replyTo, a.replyTo);
            QCOMPARE(b.replyText, a.replyText);
            QCOMPARE(b.reactions, a.reactions);
            QCOMPARE(b.body, a.body);
        }
    };
    compareWithOriginal();
    if (QTest::currentTestFailed())
        return;
    const auto hits = awaitFuture(empty.searchMessages(u"tomorrow"_s, 0, {}, 10)).result();
    QCOMPARE(hits.size(), 1);
    QCOMPARE(hits.first().message.seq, question);

    // Again: nothing new, nothing twice.
    QVERIFY(importer.start(dir.filePath(ConversationExport::manifestFile()), alice->userId()));
    QTRY_COMPARE_WITH_TIMEOUT(imported.size(), 2, 10000);
    QCOMPARE(imported.at(1).at(2).toString(), QString());
    QCOMPARE(imported.at(1).at(1).toInt(), 0);
    compareWithOriginal();
    if (QTest::currentTestFailed())
        return;

    // One more message, exported into the same folder: only it is added, and the folder is
    // what a full export gives.
    bob->chat(id)->sendText(u"See you at eight"_s);
    QTRY_VERIFY_WITH_TIMEOUT(seqOf(aliceView, u"See you at eight"_s) > 0, 10000);
    const qint64 last = seqOf(aliceView, u"See you at eight"_s);
    done = exportInto(*alice, folder);
    QCOMPARE(done.size(), 2);
    QVERIFY2(done.at(0).toBool(), qPrintable(done.at(1).toString()));
    QCOMPARE(done.at(1).toString(), u"New messages exported: 1."_s);
    const QJsonArray secondMessages = readJson(jsonFile).value(u"messages"_s).toArray();
    QCOMPARE(secondMessages.size(), firstMessages.size() + 1);
    for (qsizetype i = 0; i < firstMessages.size(); ++i)
        QCOMPARE(secondMessages.at(i), firstMessages.at(i));
    QCOMPARE(secondMessages.last().toObject().value(u"seq"_s).toInteger(), last);
    QCOMPARE(secondMessages.last().toObject().value(u"text"_s).toString(), u"See you at eight"_s);

    const QString full = m_dir->filePath(u"full"_s);
    done = exportInto(*alice, full);
    QCOMPARE(done.size(), 2);
    QVERIFY2(done.at(0).toBool(), qPrintable(done.at(1).toString()));
    for (const QString &name : {ConversationExport::conversationJsonFile(id),
                                ConversationExport::conversationHtmlFile(id), u"index.html"_s,
                                ConversationExport::stateFile(), copied}) {
        QVERIFY2(readAll(dir.filePath(name)) == readAll(QDir(full).filePath(name)),
                 qPrintable(name));
    }

    // Reactions and edits of messages exported before change them in the same folder as in a
    // full export.
    bob->chat(id)->toggleReaction(fileSeq, u"👍"_s);
    QTRY_COMPARE_WITH_TIMEOUT(chips(aliceView, fileSeq).size(), 1, 10000);
    alice->chat(id)->editMessage(question, u"Dinner at nine?"_s);
    QTRY_VERIFY_WITH_TIMEOUT(seqOf(aliceView, u"Dinner at nine?"_s) == question, 10000);
    done = exportInto(*alice, folder);
    QVERIFY2(done.value(0).toBool(), qPrintable(done.value(1).toString()));
    QCOMPARE(done.at(1).toString(), u"New messages exported: 0."_s);
    const QString full2 = m_dir->filePath(u"full2"_s);
    done = exportInto(*alice, full2);
    QVERIFY2(done.value(0).toBool(), qPrintable(done.value(1).toString()));
    for (const QString &name : {ConversationExport::conversationJsonFile(id),
                                ConversationExport::conversationHtmlFile(id)}) {
        QVERIFY2(readAll(dir.filePath(name)) == readAll(QDir(full2).filePath(name)),
                 qPrintable(name));
    }
    const QJsonObject thirdQuestion =
            messageAt(readJson(jsonFile).value(u"messages"_s).toArray(), question);
    QCOMPARE(thirdQuestion.value(u"text"_s).toString(), u"Dinner at nine?"_s);
    QCOMPARE(thirdQuestion.value(u"edits"_s).toArray().size(), 2);

    // Nothing new: the conversation's files are not written again (a rewrite would give the
    // file the time of now, not the hour-old one it is set to here).
    const QDateTime written = QDateTime::currentDateTime().addSecs(-3600);
    {
        QFile json(jsonFile);
        QVERIFY(json.open(QIODevice::ReadWrite));
        QVERIFY(json.setFileTime(written, QFileDevice::FileModificationTime));
    }
    QCOMPARE(QFileInfo(jsonFile).lastModified(), written);
    done = exportInto(*alice, folder);
    QVERIFY2(done.value(0).toBool(), qPrintable(done.value(1).toString()));
    QCOMPARE(done.at(1).toString(), u"New messages exported: 0."_s);
    QCOMPARE(QFileInfo(jsonFile).lastModified(), written);
}

void tst_Export::importOnNewDevice()
{
    auto alice = registered(u"alice"_s);
    auto bob = registered(u"bob"_s);
    QSignalSpy opened(alice.get(), &Client::conversationOpened);
    alice->startDirectChat(u"bob"_s);
    QTRY_COMPARE_WITH_TIMEOUT(opened.size(), 1, 10000);
    const qint64 id = opened.first().first().toLongLong();
    MessageListModel *aliceView = alice->chat(id)->messages();
    QTRY_VERIFY_WITH_TIMEOUT(bob->conversations()->summary(id) != nullptr, 10000);
    alice->chat(id)->sendText(u"Lunch at noon?"_s);
    QTRY_VERIFY_WITH_TIMEOUT(rowWithText(bob->chat(id)->messages(), u"Lunch at noon?"_s) >= 0,
                             10000);
    bob->chat(id)->sendText(u"Sure"_s);
    QTRY_VERIFY_WITH_TIMEOUT(rowWithText(aliceView, u"Sure"_s) >= 0, 10000);
    const QString folder = m_dir->filePath(u"export"_s);
    const QList<QVariant> done = exportInto(*alice, folder);
    QCOMPARE(done.size(), 2);
    QVERIFY2(done.at(0).toBool(), qPrintable(done.at(1).toString()));

    // alice on a new computer: the history from before it came is not readable there (it was
    // never given the keys) until she imports her export.
    auto laptop = makeClient(u"alice-laptop"_s);
    QTRY_VERIFY(laptop->isStarted());
    laptop->login(m_server->url().toString(), u"alice"_s, u"password-alice"_s);
    QTRY_COMPARE_WITH_TIMEOUT(laptop->state(), Client::State::Online, 15000);
    QTRY_VERIFY_WITH_TIMEOUT(laptop->conversations()->summary(id) != nullptr, 10000);
    // The conversation is open while she imports.
    MessageListModel *laptopView = laptop->chat(id)->messages();
    QSignalSpy finished(laptop.get(), &Client::historyFinished);
    laptop->importHistory(QUrl::fromLocalFile(QDir(folder).filePath(u"export.json"_s)));
    QVERIFY(laptop->isHistoryBusy());
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
    QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));
    QVERIFY(!laptop->isHistoryBusy());

    // The conversation list, the conversation and search show it, each message once.
    QTRY_COMPARE(laptop->conversations()->summary(id)->lastPreview, u"Sure"_s);
    QTRY_VERIFY(rowWithText(laptopView, u"Lunch at noon?"_s) >= 0);
    QVERIFY(rowWithText(laptopView, u"Sure"_s) > rowWithText(laptopView, u"Lunch at noon?"_s));
    QCOMPARE(laptopView->index(rowWithText(laptopView, u"Sure"_s))
                     .data(MessageListModel::SenderNameRole)
                     .toString(),
             u"bob"_s);
    const auto hits = awaitFuture(laptop->store()->searchMessages(u"lunch"_s, 0, {}, 10)).result();
    QCOMPARE(hits.size(), 1);
    const int rows = laptopView->rowCount();

    // Importing again adds nothing.
    laptop->importHistory(QUrl::fromLocalFile(QDir(folder).filePath(u"export.json"_s)));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 10000);
    QCOMPARE(finished.at(1).at(1).toString(), u"New messages imported: 0."_s);
    QCOMPARE(laptopView->rowCount(), rows);
    QCOMPARE(awaitFuture(laptop->store()->searchMessages(u"lunch"_s, 0, {}, 10)).result().size(),
             1);

    // A file that is not an export is refused with a reason.
    laptop->importHistory(QUrl::fromLocalFile(QDir(folder).filePath(u"index.html"_s)));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 3, 10000);
    QVERIFY(!finished.at(2).at(0).toBool());
    QVERIFY(finished.at(2).at(1).toString().contains(u"not a Parley export"_s));
}

QTEST_MAIN(tst_Export)
#include "tst_export.moc"
