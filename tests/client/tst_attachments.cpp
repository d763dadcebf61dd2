// The client's attachment pieces: AttachmentCipher alone (round trip, and every way a damaged
// file or a wrong key must fail), then AttachmentTransfer and BlockList over a real Connection
// to a real parleyd, including an upload that goes on after the server was killed mid-way.
#include "ParleydProcess.h"
#include "TestClient.h"
#include "TestLogging.h"
#include "attachments/AttachmentCipher.h"
#include "attachments/AttachmentTransfer.h"
#include "contacts/BlockList.h"
#include "net/Connection.h"
#include "net/PushDispatcher.h"

#include <QtCore/QCryptographicHash>
#include <QtCore/QFile>
#include <QtCore/QRandomGenerator>
#include <QtCore/QTemporaryDir>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

using namespace Parley;
using namespace Qt::StringLiterals;

namespace {

QByteArray randomBytes(qsizetype size)
{
    QList<quint32> words((size + 3) / 4);
    QRandomGenerator::global()->fillRange(words.data(), words.size());
    return QByteArray(reinterpret_cast<const char *>(words.constData()), size);
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(data) == data.size();
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class tst_Attachments : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();

    void cipherRoundTrip_data();
    void cipherRoundTrip();
    void cipherRefusesDamage();
    void cipherFiles();
    void uploadAndDownload();
    void uploadResumesAfterServerDies();
    void downloadRefusedForOutsider();
    void blockListFollowsOtherDevices();

private:
    /// A Ready Connection of a freshly registered user (its TestClient registered and closed).
    std::unique_ptr<Connection> connectNewUser(AuthenticatedFrame *account = nullptr);
    std::unique_ptr<Connection> connectAs(const QByteArray &token);

    ParleydProcess m_server;
    std::unique_ptr<QTemporaryDir> m_dir;
    int m_users = 0;
};

void tst_Attachments::initTestCase()
{
    if (const QString reason = ParleydProcess::postgresUnavailableReason(); !reason.isEmpty())
        QSKIP(qPrintable(reason));
    m_server.setArguments({u"--rate-limit"_s, u"100000"_s, u"--rate-burst"_s, u"100000"_s});
    QVERIFY2(m_server.start(), m_server.log().constData());
}

void tst_Attachments::cleanupTestCase()
{
    if (m_server.isRunning())
        QVERIFY2(m_server.stop(), m_server.log().right(5000).constData());
}

void tst_Attachments::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void tst_Attachments::cleanup()
{
    if (QTest::currentTestFailed())
        qCWarning(lcTestClient).noquote() << "parleyd log:\n" << m_server.log().right(8000);
}

std::unique_ptr<Connection> tst_Attachments::connectAs(const QByteArray &token)
{
    auto connection = std::make_unique<Connection>();
    connection->setServerUrl(m_server.url());
    connection->setPinnedFingerprint(m_server.fingerprint());
    connection->setReconnectDelays(50, 500);
    connection->setToken(token);
    QSignalSpy ready(connection.get(), &Connection::authenticated);
    connection->open();
    if (!ready.wait(15000))
        return nullptr;
    return connection;
}

std::unique_ptr<Connection> tst_Attachments::connectNewUser(AuthenticatedFrame *account)
{
    TestClient registrar;
    const QString name = u"att"_s + QString::number(++m_users);
    auto r = registrar.connectAndRegister(m_server.url(), m_server.fingerprint(), name,
                                          name + u"-secret"_s);
    if (!r)
        return nullptr;
    if (account)
        *account = *r;
    registrar.close();
    return connectAs(r->token);
}

void tst_Attachments::cipherRoundTrip_data()
{
    QTest::addColumn<qsizetype>("size");
    QTest::newRow("empty") << qsizetype(0);
    QTest::newRow("one byte") << qsizetype(1);
    QTest::newRow("one record") << AttachmentCipher::RecordBytes;
    QTest::newRow("a record and a byte") << AttachmentCipher::RecordBytes + 1;
    QTest::newRow("several records") << 5 * AttachmentCipher::RecordBytes - 7;
}

void tst_Attachments::cipherRoundTrip()
{
    QFETCH(qsizetype, size);
    const QByteArray plain = randomBytes(size);
    QByteArray sealed;
    auto encrypted = AttachmentCipher::encrypt(plain, &sealed);
    QVERIFY(encrypted);
    QCOMPARE(encrypted->key.size(), AttachmentCipher::KeyBytes);
    QCOMPARE(encrypted->size, size);
    QCOMPARE(encrypted->encryptedSize, sealed.size());
    QCOMPARE(AttachmentCipher::encryptedSize(size), sealed.size());
    if (size > 16)
        QVERIFY(!sealed.contains(plain.left(16)));
    auto opened = AttachmentCipher::decrypt(sealed, encrypted->key);
    QVERIFY(opened);
    QCOMPARE(*opened, plain);
    // A fresh key each time: the same file never encrypts the same way twice.
    QByteArray again;
    auto second = AttachmentCipher::encrypt(plain, &again);
    QVERIFY(second);
    QVERIFY(second->key != encrypted->key);
    QVERIFY(again != sealed);
}

void tst_Attachments::cipherRefusesDamage()
{
    const QByteArray plain = randomBytes(3 * AttachmentCipher::RecordBytes + 100);
    QByteArray sealed;
    auto encrypted = AttachmentCipher::encrypt(plain, &sealed);
    QVERIFY(encrypted);
    const QByteArray key = encrypted->key;
    QByteArray wrongKey = key;
    wrongKey[0] = char(wrongKey[0] ^ 1);
    QVERIFY(!AttachmentCipher::decrypt(sealed, wrongKey));
    QVERIFY(!AttachmentCipher::decrypt(sealed, key.left(16)));
    QByteArray flipped = sealed;
    flipped[sealed.size() / 2] = char(flipped[sealed.size() / 2] ^ 0x40);
    QVERIFY(!AttachmentCipher::decrypt(flipped, key));
    // Cut at a record boundary (the final record is missing), cut anywhere, extended.
    const qsizetype record = AttachmentCipher::RecordBytes + AttachmentCipher::RecordOverhead;
    QVERIFY(!AttachmentCipher::decrypt(sealed.left(AttachmentCipher::HeaderBytes + 2 * record),
                                       key));
    QVERIFY(!AttachmentCipher::decrypt(sealed.left(sealed.size() - 1), key));
    QVERIFY(!AttachmentCipher::decrypt(sealed + "x"_ba, key));
    QVERIFY(!AttachmentCipher::decrypt({}, key));
    // Records swapped.
    QByteArray swapped = sealed;
    const qsizetype first = AttachmentCipher::HeaderBytes;
    swapped.replace(first, record, sealed.mid(first + record, record));
    swapped.replace(first + record, record, sealed.mid(first, record));
    QVERIFY(!AttachmentCipher::decrypt(swapped, key));
    QVERIFY(AttachmentCipher::decrypt(sealed, key));
}

void tst_Attachments::cipherFiles()
{
    const QByteArray plain = randomBytes(200000);
    const QString source = m_dir->filePath(u"photo.jpg"_s);
    const QString sealed = m_dir->filePath(u"photo.sealed"_s);
    const QString opened = m_dir->filePath(u"photo.opened"_s);
    QVERIFY(writeFile(source, plain));
    auto encrypted = AttachmentCipher::encryptFile(source, sealed);
    QVERIFY(encrypted);
    QCOMPARE(QFileInfo(sealed).size(), encrypted->encryptedSize);
    QVERIFY(AttachmentCipher::decryptFile(sealed, opened, encrypted->key));
    QCOMPARE(readFile(opened), plain);
    // A damaged file leaves no target behind.
    QByteArray damaged = readFile(sealed);
    damaged[100] = char(damaged[100] ^ 1);
    QVERIFY(writeFile(sealed, damaged));
    const QString never = m_dir->filePath(u"never"_s);
    QVERIFY(!AttachmentCipher::decryptFile(sealed, never, encrypted->key));
    QVERIFY(!QFile::exists(never));
}

void tst_Attachments::uploadAndDownload()
{
    AuthenticatedFrame bAccount;
    auto a = connectNewUser();
    auto b = connectNewUser(&bAccount);
    QVERIFY(a && b);
    auto group = a->request(CreateGroupFrame{u"photos"_s, {bAccount.userId}});
    QTRY_VERIFY(group.isFinished());
    QVERIFY(group.result());
    const qint64 conv = FrameCodec::read<ConversationInfoFrame>(*group.result())->conversation.id;

    const QByteArray plain = randomBytes(3 * 1024 * 1024 + 5);
    const QString source = m_dir->filePath(u"video.mp4"_s);
    QVERIFY(writeFile(source, plain));
    AttachmentTransfer up(a.get());
    QSignalSpy uploaded(&up, &AttachmentTransfer::uploaded);
    QSignalSpy progress(&up, &AttachmentTransfer::progressChanged);
    QSignalSpy failed(&up, &AttachmentTransfer::failed);
    up.upload(source, conv);
    QVERIFY2(uploaded.wait(60000) || !failed.isEmpty(), "no upload in time");
    QVERIFY2(failed.isEmpty(),
             failed.isEmpty() ? "" : qPrintable(failed.first().first().value<Error>().message));
    const auto ref = uploaded.first().first().value<AttachmentRef>();
    QCOMPARE(ref.size, plain.size());
    QCOMPARE(ref.encryptedSize, AttachmentCipher::encryptedSize(plain.size()));
    QCOMPARE(up.state(), AttachmentTransfer::State::Finished);
    // Progress only moves forward and ends at the total.
    qint64 last = -1;
    for (const auto &args : std::as_const(progress)) {
        QVERIFY(args.at(0).toLongLong() >= last);
        last = args.at(0).toLongLong();
    }
    QCOMPARE(last, ref.encryptedSize);
    // The reference survives the trip through message content.
    auto decoded = AttachmentRef::fromCbor(ref.toCbor());
    QVERIFY(decoded);
    QCOMPARE(*decoded, ref);

    const QString target = m_dir->filePath(u"received.mp4"_s);
    AttachmentTransfer down(b.get());
    QSignalSpy downloaded(&down, &AttachmentTransfer::downloaded);
    QSignalSpy downFailed(&down, &AttachmentTransfer::failed);
    down.download(*decoded, target);
    QVERIFY2(downloaded.wait(60000) || !downFailed.isEmpty(), "no download in time");
    QVERIFY(downFailed.isEmpty());
    QCOMPARE(downloaded.first().first().toString(), target);
    QCOMPARE(QCryptographicHash::hash(readFile(target), QCryptographicHash::Sha256),
             QCryptographicHash::hash(plain, QCryptographicHash::Sha256));

    // The wrong key: downloaded, refused, no file written.
    AttachmentRef wrong = ref;
    wrong.key[0] = char(wrong.key[0] ^ 1);
    AttachmentTransfer bad(b.get());
    QSignalSpy badFailed(&bad, &AttachmentTransfer::failed);
    bad.download(wrong, m_dir->filePath(u"bad"_s));
    QVERIFY(badFailed.wait(60000));
    QVERIFY(!QFile::exists(m_dir->filePath(u"bad"_s)));
}

void tst_Attachments::uploadResumesAfterServerDies()
{
    auto a = connectNewUser();
    QVERIFY(a);
    auto group = a->request(CreateGroupFrame{u"mine"_s, {}});
    QTRY_VERIFY(group.isFinished());
    QVERIFY(group.result());
    const qint64 conv = FrameCodec::read<ConversationInfoFrame>(*group.result())->conversation.id;
    const QByteArray plain = randomBytes(4 * 1024 * 1024);
    const QString source = m_dir->filePath(u"big.bin"_s);
    QVERIFY(writeFile(source, plain));

    AttachmentTransfer up(a.get());
    QSignalSpy uploaded(&up, &AttachmentTransfer::uploaded);
    QSignalSpy failed(&up, &AttachmentTransfer::failed);
    QSignalSpy lost(a.get(), &Connection::connectionLost);
    // The server dies (SIGKILL) as soon as a quarter is confirmed: the rest was in flight.
    bool killed = false;
    connect(&up, &AttachmentTransfer::progressChanged, this, [&](qint64 done, qint64 total) {
        if (!killed && done >= total / 4) {
            killed = true;
            m_server.kill();
        }
    });
    up.upload(source, conv);
    QTRY_VERIFY_WITH_TIMEOUT(killed, 60000);
    QVERIFY(up.bytesDone() < up.bytesTotal());
    QVERIFY(lost.count() > 0 || lost.wait(15000));
    QVERIFY2(m_server.start(), m_server.log().right(5000).constData());
    QVERIFY2(uploaded.wait(60000) || !failed.isEmpty(), "no upload after the restart");
    QVERIFY2(failed.isEmpty(),
             failed.isEmpty() ? "" : qPrintable(failed.first().first().value<Error>().message));
    const auto ref = uploaded.first().first().value<AttachmentRef>();

    const QString target = m_dir->filePath(u"big.out"_s);
    AttachmentTransfer down(a.get());
    QSignalSpy downloaded(&down, &AttachmentTransfer::downloaded);
    down.download(ref, target);
    QVERIFY(downloaded.wait(60000));
    QCOMPARE(readFile(target), plain);
}

void tst_Attachments::downloadRefusedForOutsider()
{
    auto a = connectNewUser();
    auto outsider = connectNewUser();
    QVERIFY(a && outsider);
    auto group = a->request(CreateGroupFrame{u"private"_s, {}});
    QTRY_VERIFY(group.isFinished());
    QVERIFY(group.result());
    const qint64 conv = FrameCodec::read<ConversationInfoFrame>(*group.result())->conversation.id;
    const QString source = m_dir->filePath(u"note.txt"_s);
    QVERIFY(writeFile(source, "secret plans"_ba));
    AttachmentTransfer up(a.get());
    QSignalSpy uploaded(&up, &AttachmentTransfer::uploaded);
    up.upload(source, conv);
    QVERIFY(uploaded.wait(30000));
    AttachmentTransfer down(outsider.get());
    QSignalSpy failed(&down, &AttachmentTransfer::failed);
    down.download(uploaded.first().first().value<AttachmentRef>(), m_dir->filePath(u"x"_s));
    QVERIFY(failed.wait(30000));
    QCOMPARE(failed.first().first().value<Error>().code, ErrorCode::NotMember);
    QCOMPARE(down.state(), AttachmentTransfer::State::Failed);
}

void tst_Attachments::blockListFollowsOtherDevices()
{
    AuthenticatedFrame account;
    AuthenticatedFrame other;
    auto first = connectNewUser(&account);
    auto someone = connectNewUser(&other);
    QVERIFY(first && someone);
    // A second device of the same user.
    TestClient login;
    QVERIFY(login.open(m_server.url(), m_server.fingerprint()));
    QVERIFY(login.hello());
    auto second = login.login(account.username, account.username + u"-secret"_s);
    QVERIFY(second);
    login.close();
    auto secondConnection = connectAs(second->token);
    QVERIFY(secondConnection);

    PushDispatcher minePushes(first.get());
    PushDispatcher theirPushes(secondConnection.get());
    BlockList mine(first.get(), &minePushes);
    BlockList theirs(secondConnection.get(), &theirPushes);
    QTRY_VERIFY(mine.isLoaded() && theirs.isLoaded());
    QVERIFY(mine.users().isEmpty());
    QSignalSpy changed(&theirs, &BlockList::changed);
    auto done = mine.block(other.userId);
    QTRY_VERIFY(done.isFinished());
    QVERIFY(done.result());
    QVERIFY(mine.isBlocked(other.userId));
    // The push may have come with the reply: the spy, not a new emission.
    QVERIFY(changed.count() > 0 || changed.wait(10000));
    QCOMPARE(theirs.users(), QList<qint64>{other.userId});
    auto refused = mine.block(account.userId);
    QTRY_VERIFY(refused.isFinished());
    QCOMPARE(refused.result().error().code, ErrorCode::InvalidArgument);
    auto undone = theirs.unblock(other.userId);
    QTRY_VERIFY(undone.isFinished());
    QVERIFY(undone.result());
    QTRY_VERIFY(mine.users().isEmpty());
}

QTEST_GUILESS_MAIN(tst_Attachments)
#include "tst_attachments.moc"
