#include "Client.h"
#include "FileScan.h"
#include "ParleydProcess.h"
#include "ProfileSecretsProbe.h"
#include "attachments/AttachmentCipher.h"
#include "chat/StateText.h"
#include "contacts/BlockList.h"
#include "content/PlaintextCipher.h"
#include "net/Connection.h"
#include "outbox/Outbox.h"
#include "platform/Notifier.h"
#include "platform/ProfilePaths.h"
#include "store/AwaitFuture.h"
#include "store/CacheUnlock.h"
#include "store/MessageStore.h"
#include "store/SealedCache.h"

#include <QtCore/QCryptographicHash>
#include <QtCore/QDir>
#include <QtCore/QDirIterator>
#include <QtCore/QFile>
#include <QtCore/QRandomGenerator>
#include <QtCore/QTemporaryDir>
#include <QtTest/QAbstractItemModelTester>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

#include <memory>
#include <optional>

using namespace Parley;
using namespace Qt::StringLiterals;

/// Two (or three) real Clients against a real parleyd over WSS: what a person does, end to end.
///
/// Runs with the session bus and unlocked gnome-keyring that scripts/test provides (the token
/// goes to the real keychain); `tst_client_nokeychain` runs keychainMissing() without a bus.
/// Continuations of finished futures run at once, so signals are awaited with QTRY on spies.
class tst_Client : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void registerChatDeliverRead();
    void offlineSendIsDeliveredOnceAfterReconnect();
    void restartShowsHistoryFromCache();
    void replyReactEditDelete();
    void sendAndDownloadFile();
    void uploadResumesAfterRestart();
    void groupMembershipAndTyping();
    void historyPagesFromServer();
    void notifications();
    void changedCertificateIsRefused();
    void wrongPasswordIsAnError();
    void keychainMissing();
    void blockRefusesMessagesUntilUnblocked();
    void lastSeenPrivacyFollowsServer();
    void profileGoesBeforeTheNextMessage();
    void profileHoldsNoPlaintext();
    void cacheKeyMissingChangesNothing();

private:
    std::unique_ptr<Client> makeClient(const QString &name);
    /// Registers `name` (password "password-<name>") and waits until Online.
    std::unique_ptr<Client> registered(const QString &name);
    /// Alice opens a direct chat with bob; returns its id.
    qint64 openDirect(Client &from, const QString &to);
    static int rowWithText(QAbstractItemModel *model, const QString &text);
    static int countText(QAbstractItemModel *model, const QString &text);
    static int rowWithFile(QAbstractItemModel *model, const QString &name);

    /// makeClient() gives PlaintextCipher instead of end-to-end encryption (tests of the log
    /// itself that read history a device was never given keys for).
    bool m_plaintext = false;

    std::optional<QTemporaryDir> m_dir;
    std::unique_ptr<ParleydProcess> m_server;
    QString m_runTag;
    bool m_hasKeychain = true;
};

void tst_Client::initTestCase()
{
    if (ParleydProcess::binary().isEmpty())
        QFAIL("PARLEYD_BINARY is not set (parley_add_test sets it)");
    const QString bus = qEnvironmentVariable("DBUS_SESSION_BUS_ADDRESS");
    m_hasKeychain = !bus.isEmpty() && !bus.contains(u"nonexistent"_s);
    m_runTag = QString::number(QCoreApplication::applicationPid());
}

void tst_Client::init()
{
    m_plaintext = false;
    m_dir.emplace();
    QVERIFY(m_dir->isValid());
    m_server = std::make_unique<ParleydProcess>();
    QVERIFY2(m_server->start(), m_server->log().constData());
}

void tst_Client::cleanup()
{
    m_server.reset();
    m_dir.reset();
}

std::unique_ptr<Client> tst_Client::makeClient(const QString &name)
{
    ClientOptions options;
    // Keychain entries are per profile: a tag per run keeps parallel runs apart.
    options.profile =
            name + u'-' + m_runTag + u'-' + QString::fromLatin1(QTest::currentTestFunction());
    options.dataDir = m_dir->filePath(name);
    options.serverUrl = m_server->url().toString();
    options.deviceName = u"test device"_s;
    options.notifications = false;
    options.askBeforePinning = false; // nobody to ask: pinned on first use
    auto client = std::make_unique<Client>(
            options,
            m_plaintext ? std::unique_ptr<ContentCipher>(std::make_unique<PlaintextCipher>())
                        : nullptr);
    client->connection()->setReconnectDelays(100, 1000);
    return client;
}

std::unique_ptr<Client> tst_Client::registered(const QString &name)
{
    auto client = makeClient(name);
    [&] { QTRY_VERIFY(client->isStarted()); }();
    client->registerAccount(m_server->url().toString(), name, u"password-"_s + name);
    [&] { QTRY_COMPARE_WITH_TIMEOUT(client->state(), Client::State::Online, 15000); }();
    return client;
}

qint64 tst_Client::openDirect(Client &from, const QString &to)
{
    QSignalSpy opened(&from, &Client::conversationOpened);
    from.startDirectChat(to);
    [&] { QTRY_COMPARE_WITH_TIMEOUT(opened.size(), 1, 10000); }();
    return opened.isEmpty() ? 0 : opened.first().first().toLongLong();
}

int tst_Client::rowWithText(QAbstractItemModel *model, const QString &text)
{
    for (int i = 0; i < model->rowCount(); ++i) {
        if (model->index(i, 0).data(MessageListModel::TextRole).toString() == text)
            return i;
    }
    return -1;
}

int tst_Client::countText(QAbstractItemModel *model, const QString &text)
{
    int n = 0;
    for (int i = 0; i < model->rowCount(); ++i)
        n += model->index(i, 0).data(MessageListModel::TextRole).toString() == text;
    return n;
}

int tst_Client::rowWithFile(QAbstractItemModel *model, const QString &name)
{
    for (int i = model->rowCount() - 1; i >= 0; --i) {
        if (model->index(i, 0).data(MessageListModel::AttachmentNameRole).toString() == name)
            return i;
    }
    return -1;
}

void tst_Client::registerChatDeliverRead()
{
    auto alice = registered(u"alice"_s);
    auto bob = registered(u"bob"_s);
    QVERIFY(alice->userId() > 0);
    QCOMPARE(alice->username(), u"alice"_s);
    QVERIFY(alice->deviceId() > 0);
    QCOMPARE(alice->keychainProblem().isEmpty(), m_hasKeychain);
    QVERIFY(alice->certificateProblem().isEmpty());

    const qint64 id = openDirect(*alice, u"bob"_s);
    QVERIFY(id > 0);
    MessageListModel *aliceView = alice->chat(id)->messages();
    QAbstractItemModelTester aliceTester(aliceView,
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTRY_COMPARE(alice->chat(id)->title(), u"bob"_s);
    QVERIFY(!alice->chat(id)->isGroup());
    QVERIFY(alice->chat(id)->canSend());

    alice->chat(id)->sendText(u"hello bob"_s);
    QTRY_VERIFY(rowWithText(aliceView, u"hello bob"_s) >= 0);
    const int row = rowWithText(aliceView, u"hello bob"_s);
    const auto first = aliceView->index(row)
                               .data(MessageListModel::DeliveryStateRole)
                               .value<States::Delivery>();
    QVERIFY(first == States::Delivery::Queued || first == States::Delivery::Sent
            || first == States::Delivery::Delivered);

    // Bob gets the conversation (pushed) and the message (pushed).
    QTRY_VERIFY_WITH_TIMEOUT(bob->conversations()->summary(id) != nullptr, 10000);
    MessageListModel *bobView = bob->chat(id)->messages();
    QAbstractItemModelTester bobTester(bobView,
                                       QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTRY_VERIFY_WITH_TIMEOUT(rowWithText(bobView, u"hello bob"_s) >= 0, 10000);
    const QModelIndex received = bobView->index(rowWithText(bobView, u"hello bob"_s));
    QCOMPARE(received.data(MessageListModel::SenderNameRole).toString(), u"alice"_s);
    QVERIFY(!received.data(MessageListModel::IsOwnRole).toBool());
    QTRY_COMPARE(bob->conversations()->summary(id)->unreadCount, 1);
    QCOMPARE(bob->conversations()->totalUnread(), 1);

    // Bob's client confirmed receipt: alice sees "delivered".
    QTRY_COMPARE_WITH_TIMEOUT(aliceView->index(rowWithText(aliceView, u"hello bob"_s))
                                      .data(MessageListModel::DeliveryStateRole)
                                      .value<States::Delivery>(),
                              States::Delivery::Delivered, 10000);
    QCOMPARE(aliceView->index(rowWithText(aliceView, u"hello bob"_s))
                     .data(MessageListModel::SeqRole)
                     .toLongLong(),
             2); // seq 1 is the "created" entry

    // Bob reads it: alice sees "read", bob's unread count drops.
    bob->chat(id)->markRead();
    QTRY_COMPARE(bob->conversations()->summary(id)->unreadCount, 0);
    QTRY_COMPARE_WITH_TIMEOUT(aliceView->index(rowWithText(aliceView, u"hello bob"_s))
                                      .data(MessageListModel::DeliveryStateRole)
                                      .value<States::Delivery>(),
                              States::Delivery::Read, 10000);

    // Bob answers; alice gets it once, and the conversation list shows it as the preview.
    bob->chat(id)->sendText(u"hi alice"_s);
    QTRY_VERIFY_WITH_TIMEOUT(rowWithText(aliceView, u"hi alice"_s) >= 0, 10000);
    QCOMPARE(countText(aliceView, u"hi alice"_s), 1);
    QTRY_COMPARE(alice->conversations()->summary(id)->lastPreview, u"hi alice"_s);

    // Starting the same chat again opens the same conversation.
    QCOMPARE(openDirect(*bob, u"alice"_s), id);
    QCOMPARE(openDirect(*alice, u"bob"_s), id);

    // Presence: bob is online for alice, in the list and in the conversation's header.
    QTRY_VERIFY(alice->conversations()->rowCount() == 1);
    QTRY_VERIFY(alice->conversations()->index(0).data(ConversationListModel::OnlineRole).toBool());
    QTRY_VERIFY(alice->chat(id)->isOnline());
    bob.reset();
    QTRY_VERIFY_WITH_TIMEOUT(!alice->chat(id)->isOnline(), 10000);
    QTRY_VERIFY(!alice->conversations()->index(0).data(ConversationListModel::OnlineRole).toBool());

    // Muting shows in both places.
    alice->chat(id)->setMuted(true);
    QTRY_VERIFY(alice->chat(id)->isMuted());
    QTRY_VERIFY(alice->conversations()->index(0).data(ConversationListModel::MutedRole).toBool());

    // Devices.
    alice->refreshDevices();
    QTRY_COMPARE(alice->devices()->rowCount(), 1);
    QVERIFY(alice->devices()->index(0).data(DeviceListModel::IsCurrentRole).toBool());

    // Search runs over the local cache.
    QSignalSpy found(alice.get(), &Client::searchFinished);
    alice->search(u"HELLO"_s);
    QTRY_COMPARE(found.size(), 1);
    const QVariantList hits = found.first().at(1).toList();
    QCOMPARE(hits.size(), 1);
    QCOMPARE(hits.first().toMap().value(u"text"_s).toString(), u"hello bob"_s);
}

void tst_Client::offlineSendIsDeliveredOnceAfterReconnect()
{
    auto alice = registered(u"alice"_s);
    auto bob = registered(u"bob"_s);
    const qint64 id = openDirect(*alice, u"bob"_s);
    MessageListModel *aliceView = alice->chat(id)->messages();
    QTRY_VERIFY_WITH_TIMEOUT(bob->conversations()->summary(id) != nullptr, 10000);
    MessageListModel *bobView = bob->chat(id)->messages();

    // The server goes away; alice writes anyway.
    QVERIFY(m_server->stop());
    QTRY_COMPARE_WITH_TIMEOUT(alice->state(), Client::State::Offline, 15000);
    alice->chat(id)->sendText(u"written offline"_s);
    QTRY_VERIFY(rowWithText(aliceView, u"written offline"_s) >= 0);
    QCOMPARE(aliceView->index(rowWithText(aliceView, u"written offline"_s))
                     .data(MessageListModel::DeliveryStateRole)
                     .value<States::Delivery>(),
             States::Delivery::Queued);
    QCOMPARE(alice->outbox()->entries().size(), 1);

    // Back: the outbox sends it with its client id; bob gets it exactly once.
    QVERIFY2(m_server->start(), m_server->log().constData());
    QTRY_COMPARE_WITH_TIMEOUT(alice->state(), Client::State::Online, 20000);
    QTRY_VERIFY_WITH_TIMEOUT(rowWithText(bobView, u"written offline"_s) >= 0, 20000);
    QTRY_VERIFY_WITH_TIMEOUT(alice->outbox()->entries().isEmpty(), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(aliceView->index(rowWithText(aliceView, u"written offline"_s))
                                      .data(MessageListModel::DeliveryStateRole)
                                      .value<States::Delivery>(),
                              States::Delivery::Delivered, 10000);
    QCOMPARE(countText(aliceView, u"written offline"_s), 1);
    QCOMPARE(countText(bobView, u"written offline"_s), 1);
    // And nothing else changes that: another reconnect syncs the same log again.
    QVERIFY(m_server->stop());
    QTRY_COMPARE_WITH_TIMEOUT(bob->state(), Client::State::Offline, 15000);
    QVERIFY(m_server->start());
    QTRY_COMPARE_WITH_TIMEOUT(bob->state(), Client::State::Online, 20000);
    QTRY_VERIFY(bob->syncEngine() != nullptr);
    QCOMPARE(countText(bobView, u"written offline"_s), 1);
    QCOMPARE(countText(aliceView, u"written offline"_s), 1);
}

void tst_Client::restartShowsHistoryFromCache()
{
    if (!m_hasKeychain)
        QSKIP("resuming after a restart needs the token from the keychain");
    qint64 id = 0;
    {
        auto alice = registered(u"alice"_s);
        auto bob = registered(u"bob"_s);
        id = openDirect(*alice, u"bob"_s);
        MessageListModel *view = alice->chat(id)->messages();
        alice->chat(id)->sendText(u"one"_s);
        alice->chat(id)->sendText(u"two"_s);
        QTRY_VERIFY_WITH_TIMEOUT(alice->outbox()->entries().isEmpty(), 10000);
        QTRY_COMPARE(view->rowCount(), 3);
    }
    // No server at all: the client starts from its cache.
    QVERIFY(m_server->stop());
    auto alice = makeClient(u"alice"_s);
    QTRY_VERIFY(alice->isStarted());
    QCOMPARE(alice->username(), u"alice"_s);
    QVERIFY(alice->state() == Client::State::Connecting
            || alice->state() == Client::State::Offline);
    QTRY_COMPARE(alice->conversations()->rowCount(), 1);
    QCOMPARE(alice->conversations()->index(0).data(ConversationListModel::TitleRole).toString(),
             u"bob"_s);
    MessageListModel *view = alice->chat(id)->messages();
    QAbstractItemModelTester tester(view, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTRY_VERIFY(view->isLoaded());
    QCOMPARE(view->rowCount(), 3);
    QCOMPARE(view->index(1).data(MessageListModel::TextRole).toString(), u"one"_s);
    QCOMPARE(view->index(2).data(MessageListModel::TextRole).toString(), u"two"_s);
    QVERIFY(view->index(0).data(MessageListModel::IsSystemRole).toBool());
    QTRY_COMPARE_WITH_TIMEOUT(alice->state(), Client::State::Offline, 15000);

    // The server comes back: the same login resumes.
    QVERIFY(m_server->start());
    QTRY_COMPARE_WITH_TIMEOUT(alice->state(), Client::State::Online, 20000);
    QCOMPARE(view->rowCount(), 3);
}

void tst_Client::sendAndDownloadFile()
{
    auto alice = registered(u"alice"_s);
    auto bob = registered(u"bob"_s);
    const qint64 id = openDirect(*alice, u"bob"_s);
    MessageListModel *aliceView = alice->chat(id)->messages();
    QAbstractItemModelTester aliceTester(aliceView,
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTRY_VERIFY_WITH_TIMEOUT(bob->conversations()->summary(id) != nullptr, 10000);
    MessageListModel *bobView = bob->chat(id)->messages();
    QAbstractItemModelTester bobTester(bobView,
                                       QAbstractItemModelTester::FailureReportingMode::QtTest);

    QByteArray plain(300 * 1024 + 17, Qt::Uninitialized);
    QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(plain.data()),
                                          plain.size() / 4);
    const QString name = u"trip photos.bin"_s;
    const QString source = m_dir->filePath(name);
    {
        QFile f(source);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QCOMPARE(f.write(plain), plain.size());
    }
    const QByteArray sha = QCryptographicHash::hash(plain, QCryptographicHash::Sha256);

    // A file that is not there is an error at once, and no row.
    QSignalSpy aliceErrors(alice.get(), &Client::errorOccurred);
    alice->chat(id)->sendFile(QUrl::fromLocalFile(m_dir->filePath(u"missing.bin"_s)));
    QCOMPARE(aliceErrors.size(), 1);
    QCOMPARE(rowWithFile(aliceView, u"missing.bin"_s), -1);

    // Sent: my row shows at once, uploading, and ends as my sent file.
    alice->chat(id)->sendFile(QUrl::fromLocalFile(source), u"from the trip"_s);
    QVERIFY(rowWithFile(aliceView, name) >= 0);
    QCOMPARE(aliceView->index(rowWithFile(aliceView, name))
                     .data(MessageListModel::AttachmentStateRole)
                     .toString(),
             u"uploading"_s);
    QCOMPARE(aliceView->index(rowWithFile(aliceView, name)).data(MessageListModel::TextRole),
             u"from the trip"_s);
    QTRY_VERIFY_WITH_TIMEOUT(aliceView->index(rowWithFile(aliceView, name))
                                             .data(MessageListModel::SeqRole)
                                             .toLongLong()
                                     > 0,
                             30000);
    QTRY_COMPARE(aliceView->index(rowWithFile(aliceView, name))
                         .data(MessageListModel::AttachmentStateRole)
                         .toString(),
                 u"downloaded"_s);
    QCOMPARE(aliceView->index(rowWithFile(aliceView, name))
                     .data(MessageListModel::AttachmentPathRole)
                     .toUrl(),
             QUrl::fromLocalFile(source));
    QCOMPARE(aliceView->rowCount(), 2); // "created" and the file: the upload row became it
    QCOMPARE(aliceErrors.size(), 1);

    // bob sees the file message: name, size, type, caption; the list says which file.
    QTRY_VERIFY_WITH_TIMEOUT(rowWithFile(bobView, name) >= 0, 15000);
    QModelIndex received = bobView->index(rowWithFile(bobView, name));
    QCOMPARE(received.data(MessageListModel::AttachmentSizeRole).toLongLong(), plain.size());
    QCOMPARE(received.data(MessageListModel::AttachmentMimeRole).toString(),
             u"application/octet-stream"_s);
    QCOMPARE(received.data(MessageListModel::TextRole).toString(), u"from the trip"_s);
    QCOMPARE(received.data(MessageListModel::AttachmentStateRole).toString(), u"available"_s);
    QCOMPARE(received.data(MessageListModel::SenderNameRole).toString(), u"alice"_s);
    QTRY_COMPARE(bob->conversations()->summary(id)->lastPreview,
                 u"📎 trip photos.bin\nfrom the trip"_s);
    const qint64 seq = received.data(MessageListModel::SeqRole).toLongLong();

    // The server holds ciphertext only.
    auto stored = awaitFuture(bob->store()->message(id, seq));
    QVERIFY(stored.result().has_value());
    const auto content = MessageContent::fromBytes(stored.result()->body);
    QVERIFY(content);
    const QString hex = QString::fromLatin1(content->attachment().attachmentId.toHex());
    QFile blob(m_server->dataDir() + u"/attachments/"_s + hex.left(2) + u'/' + hex);
    QVERIFY2(blob.open(QIODevice::ReadOnly), qPrintable(blob.fileName()));
    const QByteArray onServer = blob.readAll();
    QCOMPARE(onServer.size(), AttachmentCipher::encryptedSize(plain.size()));
    for (qsizetype at : {qsizetype(0), qsizetype(1000), qsizetype(150000), plain.size() - 64})
        QVERIFY(!onServer.contains(plain.mid(at, 32)));

    // bob downloads it; a file of that name is already there and stays as it was.
    const QString downloads = ProfilePaths::downloadsDir(bob->options().dataDir);
    QVERIFY(QDir().mkpath(downloads));
    {
        QFile existing(QDir(downloads).filePath(name));
        QVERIFY(existing.open(QIODevice::WriteOnly));
        existing.write("mine");
    }
    QSignalSpy bobErrors(bob.get(), &Client::errorOccurred);
    bob->chat(id)->downloadAttachment(seq);
    QTRY_COMPARE_WITH_TIMEOUT(bobView->index(rowWithFile(bobView, name))
                                      .data(MessageListModel::AttachmentStateRole)
                                      .toString(),
                              u"downloaded"_s, 30000);
    QVERIFY(bobErrors.isEmpty());
    received = bobView->index(rowWithFile(bobView, name));
    QCOMPARE(received.data(MessageListModel::AttachmentProgressRole).toDouble(), 1.0);
    const QString path = received.data(MessageListModel::AttachmentPathRole).toUrl().toLocalFile();
    QCOMPARE(path, QDir(downloads).filePath(u"trip photos (1).bin"_s));
    QFile downloaded(path);
    QVERIFY(downloaded.open(QIODevice::ReadOnly));
    QCOMPARE(QCryptographicHash::hash(downloaded.readAll(), QCryptographicHash::Sha256), sha);
    QFile existing(QDir(downloads).filePath(name));
    QVERIFY(existing.open(QIODevice::ReadOnly));
    QCOMPARE(existing.readAll(), QByteArray("mine"));

    // Search finds it by its name and its caption.
    QSignalSpy found(bob->chat(id), &Chat::searchFinished);
    bob->chat(id)->search(u"photos"_s);
    QTRY_COMPARE(found.size(), 1);
    QCOMPARE(found.first().at(1).toList().size(), 1);
    bob->chat(id)->search(u"the trip"_s);
    QTRY_COMPARE(found.size(), 2);
    QCOMPARE(found.last().at(1).toList().size(), 1);

    // alice edits the caption: bob's row keeps the file.
    alice->chat(id)->editMessage(seq, u"from our trip"_s);
    QTRY_COMPARE_WITH_TIMEOUT(
            bobView->index(rowWithFile(bobView, name)).data(MessageListModel::TextRole).toString(),
            u"from our trip"_s, 15000);
    QCOMPARE(bobView->index(rowWithFile(bobView, name))
                     .data(MessageListModel::AttachmentStateRole)
                     .toString(),
             u"downloaded"_s);

    // Where it is survives a restart of bob's client.
    if (m_hasKeychain) {
        bob.reset();
        bob = makeClient(u"bob"_s);
        QTRY_VERIFY(bob->isStarted());
        MessageListModel *again = bob->chat(id)->messages();
        QAbstractItemModelTester againTester(
                again, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QTRY_VERIFY(again->isLoaded());
        QVERIFY(rowWithFile(again, name) >= 0);
        const QModelIndex row = again->index(rowWithFile(again, name));
        QCOMPARE(row.data(MessageListModel::AttachmentStateRole).toString(), u"downloaded"_s);
        QCOMPARE(row.data(MessageListModel::AttachmentPathRole).toUrl(), QUrl::fromLocalFile(path));
    }

    // A server with a lower limit refuses a file over it: an error, and a failed row.
    QVERIFY(m_server->stop());
    m_server->setArguments({u"--max-attachment-bytes"_s, u"100000"_s});
    QVERIFY2(m_server->start(), m_server->log().constData());
    QTRY_COMPARE_WITH_TIMEOUT(alice->state(), Client::State::Online, 20000);
    const QString big = m_dir->filePath(u"too big.bin"_s);
    QVERIFY(QFile::copy(source, big));
    alice->chat(id)->sendFile(QUrl::fromLocalFile(big));
    QTRY_COMPARE_WITH_TIMEOUT(aliceErrors.size(), 2, 15000);
    QCOMPARE(aliceErrors.last().at(0).toInt(), int(ErrorCode::AttachmentTooLarge));
    const QModelIndex refused = aliceView->index(rowWithFile(aliceView, u"too big.bin"_s));
    QCOMPARE(refused.data(MessageListModel::AttachmentStateRole).toString(), u"failed"_s);
    QCOMPARE(refused.data(MessageListModel::DeliveryStateRole).value<States::Delivery>(),
             States::Delivery::Failed);
    QCOMPARE(refused.data(MessageListModel::FailureReasonRole).toString(),
             StateText::failure(States::Failure::TooLarge));
    // Taken back: the row goes.
    alice->chat(id)->cancelUpload(refused.data(MessageListModel::ClientIdRole).toString());
    QCOMPARE(rowWithFile(aliceView, u"too big.bin"_s), -1);
}

void tst_Client::uploadResumesAfterRestart()
{
    if (!m_hasKeychain)
        QSKIP("resuming after a restart needs the token from the keychain");
    auto bob = registered(u"bob"_s);
    auto alice = registered(u"alice"_s);
    const qint64 id = openDirect(*alice, u"bob"_s);
    QTRY_VERIFY_WITH_TIMEOUT(bob->conversations()->summary(id) != nullptr, 10000);
    MessageListModel *bobView = bob->chat(id)->messages();

    QByteArray plain(12 * 1024 * 1024 + 3, Qt::Uninitialized);
    QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(plain.data()),
                                          plain.size() / 4);
    const QString name = u"holiday video.bin"_s;
    const QString source = m_dir->filePath(name);
    {
        QFile f(source);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QCOMPARE(f.write(plain), plain.size());
    }
    const QDir uploads(QDir(alice->options().dataDir).filePath(u"uploads"_s));

    // A quarter is on the server when it goes away (SIGKILL: the rest was in flight), and alice
    // quits while it is away.
    const auto progressOf = [&name](MessageListModel *view) {
        const int row = rowWithFile(view, name);
        return row < 0 ? -1.0
                       : view->index(row).data(MessageListModel::AttachmentProgressRole).toDouble();
    };
    MessageListModel *view = alice->chat(id)->messages();
    double before = 0;
    connect(view, &QAbstractItemModel::dataChanged, this, [&] {
        if (before == 0 && progressOf(view) >= 0.25) {
            before = progressOf(view);
            m_server->kill();
        }
    });
    alice->chat(id)->sendFile(QUrl::fromLocalFile(source));
    QTRY_VERIFY_WITH_TIMEOUT(before > 0, 60000);
    QVERIFY(before < 1.0);
    QCOMPARE(uploads.entryList(QDir::Files).size(), 1); // the encrypted copy waits there
    alice.reset();

    // Started again with no server: the file is still on its way, from the cache.
    alice = makeClient(u"alice"_s);
    QTRY_VERIFY(alice->isStarted());
    view = alice->chat(id)->messages();
    QAbstractItemModelTester tester(view, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTRY_VERIFY(rowWithFile(view, name) >= 0);
    QCOMPARE(view->index(rowWithFile(view, name))
                     .data(MessageListModel::AttachmentStateRole)
                     .toString(),
             u"uploading"_s);
    QCOMPARE(view->index(rowWithFile(view, name)).data(MessageListModel::SeqRole).toLongLong(), 0);

    // The server is back: the upload goes on from what the server holds, not from the start.
    QList<double> after;
    connect(view, &QAbstractItemModel::dataChanged, this, [&] {
        const double p = progressOf(view);
        if (p > 0 && (after.isEmpty() || after.last() != p))
            after.append(p);
    });
    QVERIFY2(m_server->start(), m_server->log().right(5000).constData());
    QTRY_VERIFY_WITH_TIMEOUT(
            view->index(rowWithFile(view, name)).data(MessageListModel::SeqRole).toLongLong() > 0,
            60000);
    QVERIFY(!after.isEmpty());
    QVERIFY2(after.first() >= before,
             qPrintable(u"went on from %1, had %2"_s.arg(after.first()).arg(before)));
    QTRY_COMPARE(uploads.entryList(QDir::Files).size(), 0);

    // One message, whole: bob downloads exactly the file alice picked.
    QTRY_VERIFY_WITH_TIMEOUT(rowWithFile(bobView, name) >= 0, 20000);
    int copies = 0;
    for (int i = 0; i < bobView->rowCount(); ++i)
        copies += bobView->index(i).data(MessageListModel::AttachmentNameRole).toString() == name;
    QCOMPARE(copies, 1);
    const qint64 seq =
            bobView->index(rowWithFile(bobView, name)).data(MessageListModel::SeqRole).toLongLong();
    bob->chat(id)->downloadAttachment(seq);
    QTRY_COMPARE_WITH_TIMEOUT(bobView->index(rowWithFile(bobView, name))
                                      .data(MessageListModel::AttachmentStateRole)
                                      .toString(),
                              u"downloaded"_s, 30000);
    QFile received(bobView->index(rowWithFile(bobView, name))
                           .data(MessageListModel::AttachmentPathRole)
                           .toUrl()
                           .toLocalFile());
    QVERIFY(received.open(QIODevice::ReadOnly));
    QCOMPARE(QCryptographicHash::hash(received.readAll(), QCryptographicHash::Sha256),
             QCryptographicHash::hash(plain, QCryptographicHash::Sha256));
}

void tst_Client::replyReactEditDelete()
{
    if (!m_hasKeychain)
        QSKIP("bob going offline and back needs the token from the keychain");
    auto alice = registered(u"alice"_s);
    auto bob = registered(u"bob"_s);
    const qint64 id = openDirect(*alice, u"bob"_s);
    MessageListModel *aliceView = alice->chat(id)->messages();
    QAbstractItemModelTester aliceTester(aliceView,
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTRY_VERIFY_WITH_TIMEOUT(bob->conversations()->summary(id) != nullptr, 10000);
    MessageListModel *bobView = bob->chat(id)->messages();

    alice->chat(id)->sendText(u"Dinner tonight?\nMy treat"_s);
    QTRY_VERIFY_WITH_TIMEOUT(rowWithText(bobView, u"Dinner tonight?\nMy treat"_s) >= 0, 10000);
    const qint64 question = bobView->index(rowWithText(bobView, u"Dinner tonight?\nMy treat"_s))
                                    .data(MessageListModel::SeqRole)
                                    .toLongLong();

    // bob replies, quoting it; alice sees the quote.
    bob->chat(id)->sendReply(question, u"Gladly"_s);
    QTRY_VERIFY_WITH_TIMEOUT(rowWithText(aliceView, u"Gladly"_s) >= 0, 10000);
    QModelIndex reply = aliceView->index(rowWithText(aliceView, u"Gladly"_s));
    QCOMPARE(reply.data(MessageListModel::ReplyToSeqRole).toLongLong(), question);
    QCOMPARE(reply.data(MessageListModel::ReplySenderNameRole).toString(), u"alice"_s);
    QCOMPARE(reply.data(MessageListModel::ReplySnippetRole).toString(), u"Dinner tonight?"_s);

    // bob reacts; the chip shows on alice's message, and no row or preview for the reaction.
    const int rowsBefore = aliceView->rowCount();
    bob->chat(id)->toggleReaction(question, u"❤️"_s);
    auto chips = [](MessageListModel *view, qint64 seq) {
        const int row = view->rowOfSeq(seq);
        return row < 0 ? QVariantList()
                       : view->index(row).data(MessageListModel::ReactionsRole).toList();
    };
    QTRY_COMPARE_WITH_TIMEOUT(chips(aliceView, question).size(), 1, 10000);
    QCOMPARE(chips(aliceView, question).first().toMap().value(u"emoji"_s).toString(), u"❤️"_s);
    QVERIFY(!chips(aliceView, question).first().toMap().value(u"mine"_s).toBool());
    QTRY_VERIFY(chips(bobView, question).size() == 1
                && chips(bobView, question).first().toMap().value(u"mine"_s).toBool());
    QCOMPARE(aliceView->rowCount(), rowsBefore);
    QTRY_COMPARE(alice->conversations()->summary(id)->lastPreview, u"Gladly"_s);
    // Toggling again takes it back, on both sides.
    bob->chat(id)->toggleReaction(question, u"❤️"_s);
    QTRY_VERIFY_WITH_TIMEOUT(chips(aliceView, question).isEmpty(), 10000);
    QTRY_VERIFY(chips(bobView, question).isEmpty());

    // Nobody edits or deletes someone else's message: the library refuses.
    QSignalSpy bobErrors(bob.get(), &Client::errorOccurred);
    bob->chat(id)->editMessage(question, u"forged"_s);
    QTRY_COMPARE(bobErrors.size(), 1);
    QCOMPARE(bobErrors.first().first().toInt(), int(ErrorCode::NotAllowed));
    bob->chat(id)->deleteMessage(question);
    QTRY_COMPARE(bobErrors.size(), 2);

    // bob goes offline; alice edits; bob sees the edit when he is back (a restart: the same
    // profile, from its cache, then synced).
    bob.reset();
    alice->chat(id)->editMessage(question, u"Dinner tomorrow?"_s);
    const int row = aliceView->rowOfSeq(question);
    QTRY_VERIFY_WITH_TIMEOUT(aliceView->index(aliceView->rowOfSeq(question))
                                     .data(MessageListModel::EditedRole)
                                     .toBool(),
                             10000);
    QCOMPARE(aliceView->index(row).data(MessageListModel::TextRole).toString(),
             u"Dinner tomorrow?"_s);
    QTRY_COMPARE(aliceView->index(rowWithText(aliceView, u"Gladly"_s))
                         .data(MessageListModel::ReplySnippetRole)
                         .toString(),
                 u"Dinner tomorrow?"_s);
    bob = makeClient(u"bob"_s);
    QTRY_COMPARE_WITH_TIMEOUT(bob->state(), Client::State::Online, 20000);
    bobView = bob->chat(id)->messages();
    QAbstractItemModelTester bobTester(bobView,
                                       QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTRY_VERIFY_WITH_TIMEOUT(rowWithText(bobView, u"Dinner tomorrow?"_s) >= 0, 20000);
    QVERIFY(bobView->index(rowWithText(bobView, u"Dinner tomorrow?"_s))
                    .data(MessageListModel::EditedRole)
                    .toBool());
    QCOMPARE(rowWithText(bobView, u"Dinner tonight?\nMy treat"_s), -1);

    // alice deletes it for everyone: both show the placeholder, the text is gone from search.
    alice->chat(id)->deleteMessage(question);
    QTRY_VERIFY_WITH_TIMEOUT(bobView->index(bobView->rowOfSeq(question))
                                     .data(MessageListModel::DeletedRole)
                                     .toBool(),
                             10000);
    QCOMPARE(
            bobView->index(bobView->rowOfSeq(question)).data(MessageListModel::TextRole).toString(),
            u"This message was deleted"_s);
    QTRY_VERIFY(aliceView->index(aliceView->rowOfSeq(question))
                        .data(MessageListModel::DeletedRole)
                        .toBool());
    QSignalSpy found(bob.get(), &Client::searchFinished);
    bob->search(u"Dinner"_s);
    QTRY_COMPARE(found.size(), 1);
    QVERIFY(found.first().at(1).toList().isEmpty());
    // And it can no longer be edited.
    QSignalSpy aliceErrors(alice.get(), &Client::errorOccurred);
    alice->chat(id)->editMessage(question, u"back"_s);
    QTRY_COMPARE(aliceErrors.size(), 1);
}

void tst_Client::groupMembershipAndTyping()
{
    auto alice = registered(u"alice"_s);
    auto bob = registered(u"bob"_s);
    auto carol = registered(u"carol"_s);
    QSignalSpy opened(alice.get(), &Client::conversationOpened);
    alice->createGroup(u"Lunch"_s, {u"bob"_s});
    QTRY_COMPARE_WITH_TIMEOUT(opened.size(), 1, 10000);
    const qint64 id = opened.first().first().toLongLong();
    MessageListModel *view = alice->chat(id)->messages();
    QTRY_COMPARE(alice->chat(id)->title(), u"Lunch"_s);
    QVERIFY(alice->chat(id)->isGroup());
    MemberListModel *members = alice->chat(id)->members();
    QAbstractItemModelTester tester(members,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTRY_COMPARE(members->rowCount(), 2);
    QVERIFY(members->isOwner());
    QVERIFY(members->canManage());

    alice->chat(id)->addMember(u"carol"_s);
    QTRY_COMPARE_WITH_TIMEOUT(members->rowCount(), 3, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(rowWithText(view, u"alice added carol"_s) >= 0, 10000);
    QVERIFY(view->index(rowWithText(view, u"alice added carol"_s))
                    .data(MessageListModel::IsSystemRole)
                    .toBool());

    // Carol sees the group and can write; bob sees her message with her name.
    QTRY_VERIFY_WITH_TIMEOUT(carol->conversations()->summary(id) != nullptr, 10000);
    carol->chat(id)->sendText(u"hi all"_s);
    QTRY_VERIFY_WITH_TIMEOUT(bob->conversations()->summary(id) != nullptr, 10000);
    MessageListModel *bobView = bob->chat(id)->messages();
    QTRY_VERIFY_WITH_TIMEOUT(rowWithText(bobView, u"hi all"_s) >= 0, 10000);
    const QModelIndex hi = bobView->index(rowWithText(bobView, u"hi all"_s));
    QCOMPARE(hi.data(MessageListModel::SenderNameRole).toString(), u"carol"_s);
    QVERIFY(hi.data(MessageListModel::ShowSenderRole).toBool());

    // Typing shows up and expires by itself.
    bob->chat(id)->setTyping(true);
    QTRY_COMPARE_WITH_TIMEOUT(alice->chat(id)->typingText(), u"bob is typing…"_s, 5000);
    bob->chat(id)->setTyping(false);
    QTRY_COMPARE_WITH_TIMEOUT(alice->chat(id)->typingText(), QString(), 5000);

    // Bob is removed: his client can no longer send there.
    alice->chat(id)->removeMember(bob->userId());
    QTRY_COMPARE_WITH_TIMEOUT(members->rowCount(), 2, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(!bob->chat(id)->canSend(), 10000);

    // What bob still tries to send fails with the reason, and is not retried forever.
    bob->chat(id)->sendText(u"am I still here?"_s);
    QTRY_COMPARE_WITH_TIMEOUT(bobView->index(rowWithText(bobView, u"am I still here?"_s))
                                      .data(MessageListModel::DeliveryStateRole)
                                      .value<States::Delivery>(),
                              States::Delivery::Failed, 10000);
    QCOMPARE(bobView->index(rowWithText(bobView, u"am I still here?"_s))
                     .data(MessageListModel::FailureReasonRole)
                     .toString(),
             StateText::failure(States::Failure::NotMember));

    alice->chat(id)->rename(u"Dinner"_s);
    QTRY_COMPARE_WITH_TIMEOUT(alice->chat(id)->title(), u"Dinner"_s, 10000);
}

void tst_Client::historyPagesFromServer()
{
    // Paging the log, not encryption: with end-to-end encryption a new device reads from when
    // it joined (tst_e2ee::newDeviceReadsFromItsJoin), so the older pages would not be text.
    m_plaintext = true;
    auto alice = registered(u"alice"_s);
    auto bob = registered(u"bob"_s);
    const qint64 id = openDirect(*alice, u"bob"_s);
    constexpr int Count = 70;
    for (int i = 1; i <= Count; ++i)
        alice->chat(id)->sendText(u"message %1"_s.arg(i));
    QTRY_VERIFY_WITH_TIMEOUT(alice->outbox()->entries().isEmpty(), 60000);

    // Bob logs in on a second device: it pages only the latest history, older on demand.
    auto second = makeClient(u"bob-laptop"_s);
    QTRY_VERIFY(second->isStarted());
    second->login(m_server->url().toString(), u"bob"_s, u"password-bob"_s);
    QTRY_COMPARE_WITH_TIMEOUT(second->state(), Client::State::Online, 15000);
    QTRY_VERIFY_WITH_TIMEOUT(second->conversations()->summary(id) != nullptr, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(second->conversations()->summary(id)->lastPreview, u"message 70"_s,
                              10000);
    MessageListModel *view = second->chat(id)->messages();
    QTRY_VERIFY(view->isLoaded());
    QTRY_COMPARE(view->rowCount(), 50); // seq 22..71: the latest page (seq 1 is "created")
    QCOMPARE(view->index(49).data(MessageListModel::TextRole).toString(), u"message 70"_s);
    QCOMPARE(view->index(0).data(MessageListModel::SeqRole).toLongLong(), Count + 1 - 49);
    QVERIFY(view->canFetchMore({}));
    while (view->rowCount() < Count + 1) {
        if (view->canFetchMore({}))
            view->fetchMore({});
        QVERIFY(QTest::qWaitFor(
                [&] { return view->canFetchMore({}) || view->rowCount() == Count + 1; }, 10000));
    }
    QCOMPARE(view->rowCount(), Count + 1);
    QVERIFY(view->index(0).data(MessageListModel::IsSystemRole).toBool());
    for (int i = 1; i <= Count; ++i)
        QCOMPARE(view->index(i).data(MessageListModel::TextRole).toString(),
                 u"message %1"_s.arg(i));
    QVERIFY(!view->canFetchMore({}));

    // A message to bob reaches both his devices; his own message reaches his other device.
    bob->chat(id)->sendText(u"from the desktop"_s);
    QTRY_VERIFY_WITH_TIMEOUT(rowWithText(view, u"from the desktop"_s) >= 0, 10000);
    QVERIFY(view->index(rowWithText(view, u"from the desktop"_s))
                    .data(MessageListModel::IsOwnRole)
                    .toBool());
}

void tst_Client::notifications()
{
    auto alice = registered(u"alice"_s);
    auto bob = registered(u"bob"_s);
    const qint64 id = openDirect(*alice, u"bob"_s);
    QTRY_VERIFY_WITH_TIMEOUT(bob->conversations()->summary(id) != nullptr, 10000);
    // Notifications are off in these tests' options; switch them on for bob.
    QSignalSpy enabled(bob.get(), &Client::notificationsEnabledChanged);
    bob->setNotificationsEnabled(true);
    QCOMPARE(enabled.size(), 1);
    QSignalSpy notified(bob->notifier(), &Notifier::notified);

    alice->chat(id)->sendText(u"ping 1"_s);
    QTRY_COMPARE_WITH_TIMEOUT(notified.size(), 1, 10000);
    QCOMPARE(notified.first().first().toLongLong(), id);

    // Muted: stored and counted, not notified.
    bob->chat(id)->setMuted(true);
    QTRY_VERIFY(bob->conversations()->summary(id)->muted);
    alice->chat(id)->sendText(u"ping 2"_s);
    QTRY_COMPARE_WITH_TIMEOUT(bob->conversations()->summary(id)->lastPreview, u"ping 2"_s, 10000);
    bob->chat(id)->setMuted(false);
    QTRY_VERIFY(!bob->conversations()->summary(id)->muted);

    // Off in the settings: nothing either.
    bob->setNotificationsEnabled(false);
    alice->chat(id)->sendText(u"ping 3"_s);
    QTRY_COMPARE_WITH_TIMEOUT(bob->conversations()->summary(id)->lastPreview, u"ping 3"_s, 10000);
    QCOMPARE(notified.size(), 1);

    // Own messages never notify.
    bob->setNotificationsEnabled(true);
    bob->chat(id)->sendText(u"pong"_s);
    QTRY_VERIFY_WITH_TIMEOUT(bob->outbox()->entries().isEmpty(), 10000);
    alice->chat(id)->sendText(u"ping 4"_s);
    QTRY_COMPARE_WITH_TIMEOUT(notified.size(), 2, 10000);
}

void tst_Client::changedCertificateIsRefused()
{
    auto alice = registered(u"alice"_s);
    const QString first = m_server->fingerprint();
    QVERIFY(!first.isEmpty());

    // Same address, new data folder: a new self-signed certificate.
    QVERIFY(m_server->stop());
    QTemporaryDir otherData;
    m_server->setDataDir(otherData.path());
    QVERIFY2(m_server->start(), m_server->log().constData());
    const QString second = m_server->fingerprint();
    QVERIFY(second != first);

    QTRY_VERIFY_WITH_TIMEOUT(!alice->certificateProblem().isEmpty(), 20000);
    QVERIFY2(alice->certificateProblem().contains(first), qPrintable(alice->certificateProblem()));
    QVERIFY2(alice->certificateProblem().contains(second), qPrintable(alice->certificateProblem()));
    QCOMPARE(alice->state(), Client::State::Offline);
    // It stays stopped: no reconnect attempts get through.
    QVERIFY(!alice->connection()->isReady());
    QCOMPARE(alice->connection()->state(), Connection::State::Disconnected);

    // The user compared and accepted: it connects, and this new server knows no such device:
    // signed out, with the reason, and the profile kept.
    alice->acceptNewCertificate();
    QVERIFY(alice->certificateProblem().isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(alice->state(), Client::State::SignedOut, 20000);
    QCOMPARE(alice->signOutReason(), States::SignOut::UnknownDevice);
    QCOMPARE(alice->username(), u"alice"_s);
}

void tst_Client::wrongPasswordIsAnError()
{
    auto alice = registered(u"alice"_s);
    auto other = makeClient(u"mallory"_s);
    QTRY_VERIFY(other->isStarted());
    QSignalSpy errors(other.get(), &Client::errorOccurred);
    other->login(m_server->url().toString(), u"alice"_s, u"not the password"_s);
    QVERIFY(other->isBusy());
    QTRY_COMPARE_WITH_TIMEOUT(errors.size(), 1, 10000);
    QCOMPARE(errors.first().first().toInt(), int(ErrorCode::InvalidCredentials));
    QVERIFY(!other->isBusy());
    QCOMPARE(other->state(), Client::State::LoggedOut);
    QVERIFY(!other->errorString().isEmpty());

    // Registering a taken name says so.
    other->registerAccount(m_server->url().toString(), u"alice"_s, u"password-x"_s);
    QTRY_COMPARE_WITH_TIMEOUT(errors.size(), 2, 10000);
    QCOMPARE(errors.last().first().toInt(), int(ErrorCode::UsernameTaken));
}

void tst_Client::keychainMissing()
{
    if (m_hasKeychain)
        QSKIP("runs as tst_client_nokeychain (no session bus)");
    auto alice = makeClient(u"alice"_s);
    QTRY_VERIFY(alice->isStarted());
    QSignalSpy problem(alice.get(), &Client::keychainProblemChanged);
    alice->registerAccount(m_server->url().toString(), u"alice"_s, u"password-alice"_s);
    QTRY_COMPARE_WITH_TIMEOUT(alice->state(), Client::State::Online, 15000);
    // The user is told (and asked), the session goes on with the token in memory only.
    QTRY_VERIFY_WITH_TIMEOUT(!alice->keychainProblem().isEmpty(), 15000);
    QVERIFY(alice->keychainProblem().contains(u"keychain"_s));
    alice->continueWithoutKeychain();
    QVERIFY(alice->keychainProblem().isEmpty());
    QCOMPARE(alice->state(), Client::State::Online);
    // Nothing was written next to the cache but the cache itself.
    const QStringList files = QDir(m_dir->filePath(u"alice"_s)).entryList(QDir::Files);
    for (const QString &file : files)
        QVERIFY2(file.startsWith(u"cache.sqlite"_s), qPrintable(file));
}

void tst_Client::blockRefusesMessagesUntilUnblocked()
{
    auto alice = registered(u"alice"_s);
    auto bob = registered(u"bob"_s);
    const qint64 id = openDirect(*alice, u"bob"_s);
    QVERIFY(id > 0);
    QTRY_VERIFY_WITH_TIMEOUT(bob->conversations()->summary(id) != nullptr, 10000);
    MessageListModel *aliceView = alice->chat(id)->messages();
    MessageListModel *bobView = bob->chat(id)->messages();
    QTRY_VERIFY(alice->blockList()->isLoaded());

    QSignalSpy changed(alice.get(), &Client::blockedUsersChanged);
    alice->blockUser(bob->userId());
    QTRY_COMPARE_WITH_TIMEOUT(changed.size(), 1, 10000);
    QVERIFY(alice->isBlocked(bob->userId()));
    QCOMPARE(alice->blockedUsers(), QVariantList{bob->userId()});

    // bob's message is refused (failed, "blocked") and alice never gets it.
    bob->chat(id)->sendText(u"let me in"_s);
    QTRY_VERIFY(rowWithText(bobView, u"let me in"_s) >= 0);
    QTRY_COMPARE_WITH_TIMEOUT(bobView->index(rowWithText(bobView, u"let me in"_s))
                                      .data(MessageListModel::DeliveryStateRole)
                                      .value<States::Delivery>(),
                              States::Delivery::Failed, 10000);
    QCOMPARE(bobView->index(rowWithText(bobView, u"let me in"_s))
                     .data(MessageListModel::FailureReasonRole)
                     .toString(),
             StateText::failure(States::Failure::Blocked));

    alice->unblockUser(bob->userId());
    QTRY_COMPARE_WITH_TIMEOUT(changed.size(), 2, 10000);
    QVERIFY(!alice->isBlocked(bob->userId()));
    QVERIFY(alice->blockedUsers().isEmpty());

    bob->chat(id)->sendText(u"thanks"_s);
    QTRY_VERIFY_WITH_TIMEOUT(rowWithText(aliceView, u"thanks"_s) >= 0, 10000);
    QCOMPARE(rowWithText(aliceView, u"let me in"_s), -1);

    // Blocking yourself is refused through errorOccurred.
    QSignalSpy errors(alice.get(), &Client::errorOccurred);
    alice->blockUser(alice->userId());
    QTRY_COMPARE_WITH_TIMEOUT(errors.size(), 1, 10000);
    QVERIFY(!alice->isBlocked(alice->userId()));
}

void tst_Client::lastSeenPrivacyFollowsServer()
{
    auto alice = registered(u"alice"_s);
    auto bob = registered(u"bob"_s);
    const qint64 id = openDirect(*alice, u"bob"_s);
    QVERIFY(id > 0);
    Chat *chat = alice->chat(id);
    QTRY_VERIFY_WITH_TIMEOUT(chat->isOnline(), 10000);
    QVERIFY(alice->showLastSeen());
    QTRY_VERIFY(alice->canChangeShowLastSeen());

    // The property changes once the server agreed; then bob's time is withheld from alice.
    QSignalSpy changed(alice.get(), &Client::showLastSeenChanged);
    alice->setShowLastSeen(false);
    QTRY_VERIFY_WITH_TIMEOUT(!alice->showLastSeen(), 10000);
    bob.reset();
    QTRY_VERIFY_WITH_TIMEOUT(!chat->isOnline(), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(chat->isLastSeenHidden(), 10000);
    QVERIFY(!chat->lastSeen().isValid());

    // Another device of alice's learns the choice at sync, and its change reaches the first.
    auto phone = makeClient(u"alicePhone"_s);
    QTRY_VERIFY(phone->isStarted());
    phone->login(m_server->url().toString(), u"alice"_s, u"password-alice"_s);
    QTRY_COMPARE_WITH_TIMEOUT(phone->state(), Client::State::Online, 15000);
    QTRY_VERIFY_WITH_TIMEOUT(!phone->showLastSeen(), 10000);
    QTRY_VERIFY(phone->canChangeShowLastSeen());
    phone->setShowLastSeen(true);
    QTRY_VERIFY_WITH_TIMEOUT(alice->showLastSeen(), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(chat->lastSeen().isValid(), 10000);
    QVERIFY(!chat->isLastSeenHidden());

    // Without a server nothing can be changed, and the choice stays as the server last said.
    QVERIFY(m_server->stop());
    QTRY_VERIFY_WITH_TIMEOUT(!alice->canChangeShowLastSeen(), 10000);
    alice->setShowLastSeen(false);
    QVERIFY(alice->showLastSeen());
}

/// My profile, saved before I am in any conversation, reaches a new direct chat, a new group and
/// someone added to it just before my next message there; it is never a message of its own.
void tst_Client::profileGoesBeforeTheNextMessage()
{
    auto alice = registered(u"alice"_s);
    auto bob = registered(u"bob"_s);
    auto carol = registered(u"carol"_s);
    QVERIFY(alice->saveProfile(u"  Alice Martin "_s, {}, false));
    QTRY_COMPARE(alice->displayName(), u"Alice Martin"_s);

    // A new direct chat: bob learns her name with her first message.
    const qint64 direct = openDirect(*alice, u"bob"_s);
    QVERIFY(direct > 0);
    alice->chat(direct)->sendText(u"hi bob"_s);
    QTRY_VERIFY_WITH_TIMEOUT(bob->conversations()->summary(direct) != nullptr, 10000);
    MessageListModel *bobView = bob->chat(direct)->messages();
    QTRY_VERIFY_WITH_TIMEOUT(rowWithText(bobView, u"hi bob"_s) >= 0, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(bob->displayNameOf(alice->userId()), u"Alice Martin"_s, 10000);
    QTRY_COMPARE(bob->chat(direct)->title(), u"Alice Martin"_s);
    QCOMPARE(bob->chat(direct)->peerUsername(), u"alice"_s);
    // The profile is no row: only the chat's start (a system line) and her message.
    for (int row = 0; row < bobView->rowCount(); ++row) {
        const QModelIndex index = bobView->index(row);
        QVERIFY2(index.data(MessageListModel::IsSystemRole).toBool()
                         || index.data(MessageListModel::TextRole).toString() == u"hi bob"_s,
                 qPrintable(index.data(MessageListModel::TextRole).toString()));
    }
    QCOMPARE(countText(bobView, u"hi bob"_s), 1);
    QCOMPARE(bobView->index(rowWithText(bobView, u"hi bob"_s))
                     .data(MessageListModel::SenderNameRole)
                     .toString(),
             u"Alice Martin"_s);
    QTRY_COMPARE(bob->conversations()->summary(direct)->unreadCount, 1);

    // A group, then carol added to it: her next message there brings the profile to carol.
    QSignalSpy opened(alice.get(), &Client::conversationOpened);
    alice->createGroup(u"Lunch"_s, {u"bob"_s});
    QTRY_COMPARE_WITH_TIMEOUT(opened.size(), 1, 10000);
    const qint64 group = opened.first().first().toLongLong();
    QTRY_COMPARE_WITH_TIMEOUT(alice->chat(group)->members()->rowCount(), 2, 10000);
    alice->chat(group)->addMember(u"carol"_s);
    QTRY_COMPARE_WITH_TIMEOUT(alice->chat(group)->members()->rowCount(), 3, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(carol->conversations()->summary(group) != nullptr, 10000);
    QVERIFY(carol->displayNameOf(alice->userId()).isEmpty());
    alice->chat(group)->sendText(u"hello all"_s);
    MessageListModel *carolView = carol->chat(group)->messages();
    QTRY_VERIFY_WITH_TIMEOUT(rowWithText(carolView, u"hello all"_s) >= 0, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(carol->displayNameOf(alice->userId()), u"Alice Martin"_s, 10000);
    QTRY_COMPARE(carolView->index(rowWithText(carolView, u"hello all"_s))
                         .data(MessageListModel::SenderNameRole)
                         .toString(),
                 u"Alice Martin"_s);
    MemberListModel *carolMembers = carol->chat(group)->members();
    bool named = false;
    for (int row = 0; row < carolMembers->rowCount(); ++row) {
        const QModelIndex index = carolMembers->index(row);
        if (index.data(MemberListModel::UserIdRole).toLongLong() == alice->userId())
            named = index.data(MemberListModel::DisplayNameRole).toString() == u"Alice Martin"_s;
    }
    QVERIFY(named);
    // No one else's name changed: bob and carol have none.
    QVERIFY(carol->displayNameOf(bob->userId()).isEmpty());
    QVERIFY(alice->displayNameOf(carol->userId()).isEmpty());
}

using FileScan::filesHolding;

void tst_Client::profileHoldsNoPlaintext()
{
    if (!m_hasKeychain)
        QSKIP("the cache's key lives in the keychain");
    auto alice = registered(u"alice"_s);
    auto bob = registered(u"bob"_s);
    const qint64 id = openDirect(*alice, u"bob"_s);
    MessageListModel *aliceView = alice->chat(id)->messages();
    QTRY_VERIFY_WITH_TIMEOUT(bob->conversations()->summary(id) != nullptr, 10000);
    MessageListModel *bobView = bob->chat(id)->messages();

    // Texts both ways, a reply, a reaction, an edit, a file with a caption, a draft, searches.
    const QString question = u"Periwinkle harbour at dusk"_s;
    const QString answer = u"Quokka lanterns are ready"_s;
    const QString edited = u"Marzipan observatory instead"_s;
    const QString caption = u"Tangerine ledger attached"_s;
    const QString draft = u"Unsent thought about walruses"_s;
    const QString fileName = u"Xylophone-budget-Zanzibar.ods"_s;
    const QString emoji = u"🦩"_s;
    alice->chat(id)->sendText(question);
    QTRY_VERIFY_WITH_TIMEOUT(rowWithText(bobView, question) >= 0, 10000);
    const qint64 seq = bobView->index(rowWithText(bobView, question))
                               .data(MessageListModel::SeqRole)
                               .toLongLong();
    bob->chat(id)->sendReply(seq, answer);
    QTRY_VERIFY_WITH_TIMEOUT(rowWithText(aliceView, answer) >= 0, 10000);
    bob->chat(id)->toggleReaction(seq, emoji);
    QTRY_VERIFY_WITH_TIMEOUT(!aliceView->index(aliceView->rowOfSeq(seq))
                                      .data(MessageListModel::ReactionsRole)
                                      .toList()
                                      .isEmpty(),
                             10000);
    alice->chat(id)->editMessage(seq, edited);
    QTRY_VERIFY_WITH_TIMEOUT(rowWithText(bobView, edited) >= 0, 10000);
    QByteArray bytes(40 * 1024, Qt::Uninitialized);
    QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(bytes.data()),
                                          bytes.size() / 4);
    const QString source = m_dir->filePath(u"outside/"_s + fileName);
    QVERIFY(QDir().mkpath(m_dir->filePath(u"outside"_s)));
    {
        QFile f(source);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QCOMPARE(f.write(bytes), bytes.size());
    }
    alice->chat(id)->sendFile(QUrl::fromLocalFile(source), caption);
    QTRY_VERIFY_WITH_TIMEOUT(rowWithFile(bobView, fileName) >= 0, 30000);
    bob->chat(id)->setDraft(draft);
    QSignalSpy aliceFound(alice.get(), &Client::searchFinished);
    alice->search(u"Quokka"_s);
    QTRY_COMPARE(aliceFound.size(), 1);
    QCOMPARE(aliceFound.first().at(1).toList().size(), 1);
    QSignalSpy bobFound(bob.get(), &Client::searchFinished);
    bob->search(u"Marzipan"_s);
    QTRY_COMPARE(bobFound.size(), 1);
    QCOMPARE(bobFound.first().at(1).toList().size(), 1);

    // (The reaction's four bytes are not looked for: random bytes match them too often.)
    const QStringList plaintexts{question,      answer,        edited,          caption,
                                 draft,         fileName,      u"Periwinkle"_s, u"Quokka"_s,
                                 u"Marzipan"_s, u"walruses"_s, u"Xylophone"_s};
    const QStringList profiles{m_dir->filePath(u"alice"_s), m_dir->filePath(u"bob"_s)};
    auto scan = [&] {
        QStringList hits;
        for (const QString &profile : profiles) {
            for (const QString &text : plaintexts) {
                for (const QString &file : filesHolding(profile, text))
                    hits << file + u": "_s + text;
            }
        }
        return hits;
    };
    // While the clients run (the WAL holds the latest pages) and after they quit (checkpointed
    // into the database file).
    QCOMPARE(scan(), QStringList());
    QCOMPARE(bob->chat(id)->draft(), draft);
    alice.reset();
    bob.reset();
    QCOMPARE(scan(), QStringList());
    for (const QString &profile : profiles)
        QCOMPARE(SealedCache::inspect(ProfilePaths::cacheFile(profile)),
                 SealedCache::FileState::Sealed);

    // The scan finds text that is there: a canary written in clear, in each encoding.
    const QString canary = u"Canary in clear %1"_s.arg(m_runTag);
    {
        QFile f(m_dir->filePath(u"alice/some cache/canary.bin"_s));
        QVERIFY(QDir().mkpath(m_dir->filePath(u"alice/some cache"_s)));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("header bytes ");
        f.write(reinterpret_cast<const char *>(canary.utf16()), canary.size() * 2);
    }
    QCOMPARE(filesHolding(profiles.first(), canary), QStringList{u"some cache/canary.bin"_s});
    QVERIFY(filesHolding(profiles.first(), canary + u"!"_s).isEmpty());
    {
        QFile f(m_dir->filePath(u"bob/canary.txt"_s));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(canary.toUtf8());
    }
    QCOMPARE(filesHolding(profiles.last(), canary), QStringList{u"canary.txt"_s});
    // And what alice's and bob's sessions kept comes back from the sealed caches.
    bob = makeClient(u"bob"_s);
    QTRY_COMPARE_WITH_TIMEOUT(bob->state(), Client::State::Online, 20000);
    QTRY_VERIFY_WITH_TIMEOUT(rowWithText(bob->chat(id)->messages(), edited) >= 0, 10000);
    QTRY_COMPARE(bob->chat(id)->draft(), draft);
}

void tst_Client::cacheKeyMissingChangesNothing()
{
    if (!m_hasKeychain)
        QSKIP("the cache's key lives in the keychain");
    auto alice = registered(u"alice"_s);
    alice.reset();
    const QString cache = ProfilePaths::cacheFile(m_dir->filePath(u"alice"_s));
    QCOMPARE(SealedCache::inspect(cache), SealedCache::FileState::Sealed);
    QFile file(cache);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray before = QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
    file.close();

    // The key is gone from the profile's secrets (or is another key): a clear error, the
    // cache untouched.
    const QString profile =
            u"alice-"_s + m_runTag + u'-' + QString::fromLatin1(QTest::currentTestFunction());
    for (const QByteArray &entry : {QByteArray(), QByteArray(32, 'k')}) {
        QVERIFY(ProfileSecretsProbe::write(profile, m_dir->filePath(u"alice"_s),
                                           CacheUnlock::secretName(), entry));
        auto again = makeClient(u"alice"_s);
        QTRY_VERIFY_WITH_TIMEOUT(again->isStarted(), 10000);
        QVERIFY2(again->errorString().contains(u"local cache"_s), qPrintable(again->errorString()));
        QCOMPARE(again->state(), Client::State::LoggedOut);
        again.reset();
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256), before);
        file.close();
    }
}

QTEST_GUILESS_MAIN(tst_Client)
#include "tst_client.moc"
