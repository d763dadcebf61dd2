#include "Client.h"
#include "ParleydProcess.h"
#include "chat/StateText.h"
#include "net/Connection.h"
#include "outbox/Outbox.h"

#include <QtCore/QTemporaryDir>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

#include <memory>
#include <optional>

using namespace Parley;
using namespace Qt::StringLiterals;

/// A server restored from an older backup, as the people on it meet it: real Clients (end to
/// end encrypted) against a real parleyd that `parleyd backup` saved and `parleyd restore`
/// brought back. What they hold stays; what they write next arrives, once and in order; a
/// device the restored server never heard of is signed out with its history kept.
class tst_Restore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void restoredServerKeepsClientsWorking();

private:
    std::unique_ptr<Client> makeClient(const QString &name);
    std::unique_ptr<Client> registered(const QString &name);
    qint64 openDirect(Client &from, const QString &to);
    /// The texts `view` shows, top to bottom (system rows left out).
    static QStringList texts(const QAbstractItemModel *view);
    /// The seq of the row showing `text`, 0 if none.
    static qint64 seqOf(const QAbstractItemModel *view, const QString &text);

    std::optional<QTemporaryDir> m_dir;
    std::unique_ptr<ParleydProcess> m_server;
    QString m_runTag;
    bool m_hasKeychain = true;
};

void tst_Restore::initTestCase()
{
    if (ParleydProcess::binary().isEmpty())
        QFAIL("PARLEYD_BINARY is not set (parley_add_test sets it)");
    const QString bus = qEnvironmentVariable("DBUS_SESSION_BUS_ADDRESS");
    m_hasKeychain = !bus.isEmpty() && !bus.contains(u"nonexistent"_s);
    m_runTag = QString::number(QCoreApplication::applicationPid());
    m_dir.emplace();
    QVERIFY(m_dir->isValid());
    m_server = std::make_unique<ParleydProcess>();
    QVERIFY2(m_server->start(), m_server->log().constData());
}

std::unique_ptr<Client> tst_Restore::makeClient(const QString &name)
{
    ClientOptions options;
    // Keychain entries are per profile: a tag per run keeps parallel runs apart.
    options.profile = name + u'-' + m_runTag;
    options.dataDir = m_dir->filePath(name);
    options.serverUrl = m_server->url().toString();
    options.deviceName = u"test device"_s;
    options.notifications = false;
    options.askBeforePinning = false; // nobody to ask: pinned on first use
    auto client = std::make_unique<Client>(options);
    client->connection()->setReconnectDelays(100, 1000);
    return client;
}

std::unique_ptr<Client> tst_Restore::registered(const QString &name)
{
    auto client = makeClient(name);
    [&] { QTRY_VERIFY(client->isStarted()); }();
    client->registerAccount(m_server->url().toString(), name, u"password-"_s + name);
    [&] { QTRY_COMPARE_WITH_TIMEOUT(client->state(), Client::State::Online, 15000); }();
    return client;
}

qint64 tst_Restore::openDirect(Client &from, const QString &to)
{
    QSignalSpy opened(&from, &Client::conversationOpened);
    from.startDirectChat(to);
    [&] { QTRY_COMPARE_WITH_TIMEOUT(opened.size(), 1, 10000); }();
    return opened.isEmpty() ? 0 : opened.first().first().toLongLong();
}

QStringList tst_Restore::texts(const QAbstractItemModel *view)
{
    QStringList list;
    for (int i = 0; i < view->rowCount(); ++i) {
        const QModelIndex row = view->index(i, 0);
        if (!row.data(MessageListModel::IsSystemRole).toBool())
            list.append(row.data(MessageListModel::TextRole).toString());
    }
    return list;
}

qint64 tst_Restore::seqOf(const QAbstractItemModel *view, const QString &text)
{
    for (int i = 0; i < view->rowCount(); ++i) {
        const QModelIndex row = view->index(i, 0);
        if (row.data(MessageListModel::TextRole).toString() == text)
            return row.data(MessageListModel::SeqRole).toLongLong();
    }
    return 0;
}

void tst_Restore::restoredServerKeepsClientsWorking()
{
    auto alice = registered(u"alice"_s);
    auto bob = registered(u"bob"_s);
    const qint64 id = openDirect(*alice, u"bob"_s);
    QVERIFY(id > 0);
    MessageListModel *aliceView = alice->chat(id)->messages();
    alice->chat(id)->sendText(u"saved in the backup"_s);
    QTRY_VERIFY_WITH_TIMEOUT(bob->conversations()->summary(id) != nullptr, 10000);
    MessageListModel *bobView = bob->chat(id)->messages();
    QTRY_COMPARE_WITH_TIMEOUT(texts(bobView), QStringList{u"saved in the backup"_s}, 10000);

    // The admin's nightly backup; then the day goes on.
    const QString backup = m_dir->filePath(u"nightly.parley"_s);
    QByteArray out;
    QVERIFY2(m_server->runAdmin({u"backup"_s, backup}, &out) == 0, out.constData());
    alice->chat(id)->sendText(u"after the backup"_s);
    QTRY_COMPARE_WITH_TIMEOUT(texts(bobView).size(), 2, 10000);
    bob->chat(id)->sendText(u"bob after the backup"_s);
    const QStringList beforeRestore{u"saved in the backup"_s, u"after the backup"_s,
                                    u"bob after the backup"_s};
    QTRY_COMPARE_WITH_TIMEOUT(texts(aliceView), beforeRestore, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(texts(bobView), beforeRestore, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(alice->outbox()->entries().isEmpty(), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(bob->outbox()->entries().isEmpty(), 10000);
    const qint64 lastHeld = seqOf(aliceView, u"bob after the backup"_s);
    QCOMPARE(seqOf(bobView, u"bob after the backup"_s), lastHeld);
    // Carol joins after the backup: the restored server will not know her or her device.
    auto carol = registered(u"carol"_s);
    const qint64 carolChat = openDirect(*carol, u"alice"_s);
    carol->chat(carolChat)->sendText(u"carol after the backup"_s);
    MessageListModel *carolView = carol->chat(carolChat)->messages();
    QTRY_VERIFY_WITH_TIMEOUT(carol->outbox()->entries().isEmpty(), 10000);
    QCOMPARE(texts(carolView), QStringList{u"carol after the backup"_s});

    // The disk dies: the admin restores the backup and starts the server again.
    QVERIFY(m_server->stop());
    QVERIFY2(m_server->runAdmin({u"restore"_s, backup, u"--force"_s}, &out) == 0, out.constData());
    QVERIFY2(m_server->runAdmin({u"migrate"_s}, &out) == 0, out.constData());
    QVERIFY2(m_server->start(), m_server->log().constData());

    // Alice and bob are back online, with everything they held, in the same order.
    QTRY_COMPARE_WITH_TIMEOUT(alice->state(), Client::State::Online, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(bob->state(), Client::State::Online, 20000);
    QCOMPARE(texts(aliceView), beforeRestore);
    QCOMPARE(texts(bobView), beforeRestore);

    // Carol's device is unknown now: signed out, told why, her history kept.
    QTRY_COMPARE_WITH_TIMEOUT(carol->state(), Client::State::SignedOut, 20000);
    QCOMPARE(carol->signOutReason(), States::SignOut::UnknownDevice);
    QVERIFY(StateText::signOut(carol->signOutReason())
                    .contains(u"the server does not know this device"_s));
    QCOMPARE(texts(carolView), QStringList{u"carol after the backup"_s});

    // They go on talking: each new message arrives once, after everything held, with the seq
    // the server gave it (the same on both sides).
    alice->chat(id)->sendText(u"after the restore"_s);
    QStringList expected = beforeRestore;
    expected.append(u"after the restore"_s);
    QTRY_COMPARE_WITH_TIMEOUT(texts(bobView), expected, 10000);
    bob->chat(id)->sendText(u"bob after the restore"_s);
    expected.append(u"bob after the restore"_s);
    QTRY_COMPARE_WITH_TIMEOUT(texts(aliceView), expected, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(texts(bobView), expected, 10000);
    const qint64 first = seqOf(aliceView, u"after the restore"_s);
    const qint64 second = seqOf(aliceView, u"bob after the restore"_s);
    QVERIFY2(first > lastHeld, qPrintable(u"%1 after %2"_s.arg(first).arg(lastHeld)));
    QVERIFY(second > first);
    QCOMPARE(seqOf(bobView, u"after the restore"_s), first);
    QCOMPARE(seqOf(bobView, u"bob after the restore"_s), second);
    QTRY_VERIFY_WITH_TIMEOUT(alice->outbox()->entries().isEmpty(), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(bob->outbox()->entries().isEmpty(), 10000);

    // A restart shows the same history from the cache and syncs on from it.
    if (!m_hasKeychain)
        return; // resuming after a restart needs the token from the keychain
    alice.reset();
    alice = makeClient(u"alice"_s);
    QTRY_COMPARE_WITH_TIMEOUT(alice->state(), Client::State::Online, 20000);
    aliceView = alice->chat(id)->messages();
    QTRY_VERIFY(aliceView->isLoaded());
    QCOMPARE(texts(aliceView), expected);
    bob->chat(id)->sendText(u"bob after the restart"_s);
    expected.append(u"bob after the restart"_s);
    QTRY_COMPARE_WITH_TIMEOUT(texts(aliceView), expected, 10000);
}

QTEST_GUILESS_MAIN(tst_Restore)
#include "tst_restore.moc"
