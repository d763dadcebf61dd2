#include "crypto/SecretsFile.h"
#include "platform/Keychain.h"
#include "platform/ProfileSecrets.h"
#include "store/AwaitFuture.h"

#include <QtCore/QFile>
#include <QtCore/QProcess>
#include <QtCore/QTemporaryDir>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

#include <memory>

using namespace Parley;
using namespace Qt::StringLiterals;

/// The profile's secrets file with the real OS keychain (gnome-keyring in the dbus-run-session
/// of scripts/test): a new profile, a profile from before the file, a lost keychain entry, a
/// passphrase instead of the keychain. `tst_profilesecrets_nokeychain` runs the same executable
/// without a session bus: a profile that lives in memory until the user picks a passphrase.
class tst_ProfileSecrets : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void newProfileKeepsItsKeyInTheKeychain();
    void oldKeychainEntriesMoveIntoTheFile();
    void lostKeychainEntryNeedsTheRecoveryKey();
    void passphraseInsteadOfTheKeychain();
    void sessionOnlyUntilAPassphrase();
    void secretServiceStoppedAfterSetUp();
    /// The second half of secretServiceStoppedAfterSetUp, in a process without a session bus.
    void openedWithoutSecretService();

private:
    /// A ProfileSecrets on this case's profile and folder, opened; nullptr if it did not settle.
    std::unique_ptr<ProfileSecrets> opened();
    QString profile() const;

    bool m_hasKeychain = true;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Keychain> m_keychain;
};

void tst_ProfileSecrets::initTestCase()
{
    m_hasKeychain = !qEnvironmentVariable("DBUS_SESSION_BUS_ADDRESS").contains(u"nonexistent"_s);
}

void tst_ProfileSecrets::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_keychain = std::make_unique<Keychain>(profile());
    if (m_hasKeychain)
        QVERIFY(awaitFuture(m_keychain->deleteSecret(ProfileSecrets::masterKeyName())).result());
}

QString tst_ProfileSecrets::profile() const
{
    // Keychain entries of parallel runs and of other cases never meet.
    return u"secrets-%1-%2"_s.arg(QCoreApplication::applicationPid())
            .arg(QString::fromLatin1(QTest::currentTestFunction()));
}

std::unique_ptr<ProfileSecrets> tst_ProfileSecrets::opened()
{
    auto secrets = std::make_unique<ProfileSecrets>(m_keychain.get());
    secrets->open(m_dir->path());
    if (!QTest::qWaitFor([&] { return secrets->state() != ProfileSecrets::State::Opening; }, 15000))
        return nullptr;
    return secrets;
}

void tst_ProfileSecrets::newProfileKeepsItsKeyInTheKeychain()
{
    if (!m_hasKeychain)
        QSKIP("needs the keychain");
    auto secrets = opened();
    QVERIFY(secrets);
    QCOMPARE(secrets->state(), ProfileSecrets::State::Ready);
    QVERIFY(secrets->keyInKeychain());
    QVERIFY(!secrets->hasPassphrase());
    QVERIFY(!secrets->isSessionOnly());
    QVERIFY(QFile::exists(ProfileSecrets::filePath(m_dir->path())));
    const QString recoveryKey = secrets->recoveryKeyToShow();
    QVERIFY(SecretsFile::parseRecoveryKey(recoveryKey));
    QVERIFY(awaitFuture(secrets->writeToken(u"host:1"_s, "token")).result());

    // The next start opens without a question, and shows the same recovery key until the user
    // has written it down.
    secrets = opened();
    QCOMPARE(secrets->state(), ProfileSecrets::State::Ready);
    QCOMPARE(*awaitFuture(secrets->readToken(u"host:1"_s)).result(), QByteArray("token"));
    QCOMPARE(secrets->recoveryKeyToShow(), recoveryKey);
    secrets->confirmRecoveryKey();
    secrets = opened();
    QVERIFY(secrets->recoveryKeyToShow().isEmpty());

    // The file holds the token sealed: not in clear.
    QFile file(ProfileSecrets::filePath(m_dir->path()));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(!file.readAll().contains("token"));
}

void tst_ProfileSecrets::oldKeychainEntriesMoveIntoTheFile()
{
    if (!m_hasKeychain)
        QSKIP("needs the keychain");
    // A profile from before the file: each secret its own keychain entry.
    const QString name = u"e2ee/storage-key"_s;
    QVERIFY(awaitFuture(m_keychain->writeSecret(name, "old storage key")).result());
    auto secrets = opened();
    QCOMPARE(secrets->state(), ProfileSecrets::State::Ready);
    QCOMPARE(*awaitFuture(secrets->readSecret(name)).result(), QByteArray("old storage key"));
    // Moved: the entry left the keychain, and the file alone gives it back.
    QTRY_VERIFY(awaitFuture(m_keychain->readSecret(name)).result()->isEmpty());
    secrets = opened();
    QCOMPARE(*awaitFuture(secrets->readSecret(name)).result(), QByteArray("old storage key"));
    QVERIFY(awaitFuture(secrets->readSecret(u"nothing/here"_s)).result()->isEmpty());
}

void tst_ProfileSecrets::lostKeychainEntryNeedsTheRecoveryKey()
{
    if (!m_hasKeychain)
        QSKIP("needs the keychain");
    auto secrets = opened();
    const QString recoveryKey = secrets->recoveryKeyToShow();
    QVERIFY(awaitFuture(secrets->writeSecret(u"cache-key"_s, "cache key")).result());
    secrets.reset();
    QVERIFY(awaitFuture(m_keychain->deleteSecret(ProfileSecrets::masterKeyName())).result());

    secrets = opened();
    QCOMPARE(secrets->state(), ProfileSecrets::State::Locked);
    QVERIFY2(secrets->lockReason().contains(u"no longer has"_s), qPrintable(secrets->lockReason()));
    QVERIFY(!awaitFuture(secrets->readSecret(u"cache-key"_s)).result());
    const Status wrong = secrets->unlockWithRecoveryKey(
            SecretsFile::formatRecoveryKey(SecretsFile::generateKey()));
    QCOMPARE(wrong.error().code, ErrorCode::InvalidCredentials);
    QCOMPARE(secrets->unlockWithRecoveryKey(u"not a key"_s).error().code,
             ErrorCode::InvalidArgument);
    QCOMPARE(secrets->state(), ProfileSecrets::State::Locked);

    // Typed as people type: lower case, spaces instead of dashes.
    QVERIFY(secrets->unlockWithRecoveryKey(recoveryKey.toLower().replace(u'-', u' ')));
    QCOMPARE(secrets->state(), ProfileSecrets::State::Ready);
    QCOMPARE(*awaitFuture(secrets->readSecret(u"cache-key"_s)).result(), QByteArray("cache key"));
    // The key went back into the keychain: the next start asks nothing.
    QTRY_VERIFY(!awaitFuture(m_keychain->readSecret(ProfileSecrets::masterKeyName()))
                         .result()
                         ->isEmpty());
    QCOMPARE(opened()->state(), ProfileSecrets::State::Ready);
}

void tst_ProfileSecrets::passphraseInsteadOfTheKeychain()
{
    if (!m_hasKeychain)
        QSKIP("needs the keychain");
    auto secrets = opened();
    QVERIFY(awaitFuture(secrets->writeSecret(u"cache-key"_s, "cache key")).result());
    // No passphrase yet: the keychain cannot be left.
    QCOMPARE(awaitFuture(secrets->setKeyInKeychain(false)).result().error().code,
             ErrorCode::NotAllowed);
    const QString passphrase = u"correct horse battery staple"_s;
    QVERIFY(awaitFuture(secrets->setPassphrase(passphrase)).result());
    QVERIFY(secrets->hasPassphrase());
    QVERIFY(awaitFuture(secrets->setKeyInKeychain(false)).result());
    QVERIFY(!secrets->keyInKeychain());
    QTRY_VERIFY(awaitFuture(m_keychain->readSecret(ProfileSecrets::masterKeyName()))
                        .result()
                        ->isEmpty());
    QCOMPARE(secrets->removePassphrase().error().code, ErrorCode::NotAllowed);

    // Every start asks for it; a wrong one is refused.
    secrets = opened();
    QCOMPARE(secrets->state(), ProfileSecrets::State::Locked);
    QVERIFY(secrets->lockReason().isEmpty()); // the user chose this: nothing went wrong
    QCOMPARE(awaitFuture(secrets->unlockWithPassphrase(u"correct horse battery stable"_s))
                     .result()
                     .error()
                     .code,
             ErrorCode::InvalidCredentials);
    QCOMPARE(secrets->state(), ProfileSecrets::State::Locked);
    QVERIFY(awaitFuture(secrets->unlockWithPassphrase(passphrase)).result());
    QCOMPARE(*awaitFuture(secrets->readSecret(u"cache-key"_s)).result(), QByteArray("cache key"));

    // Back to the keychain, and the passphrase can go.
    QVERIFY(awaitFuture(secrets->setKeyInKeychain(true)).result());
    QVERIFY(secrets->removePassphrase());
    secrets = opened();
    QCOMPARE(secrets->state(), ProfileSecrets::State::Ready);
    QVERIFY(!secrets->hasPassphrase());
}

void tst_ProfileSecrets::sessionOnlyUntilAPassphrase()
{
    if (m_hasKeychain)
        QSKIP("runs as tst_profilesecrets_nokeychain");
    auto secrets = opened();
    QCOMPARE(secrets->state(), ProfileSecrets::State::Ready);
    QVERIFY(secrets->isSessionOnly());
    QVERIFY(!QFile::exists(ProfileSecrets::filePath(m_dir->path())));
    // Kept for the session, and the caller learns it goes no further.
    const Status written = awaitFuture(secrets->writeToken(u"host:1"_s, "token")).result();
    QCOMPARE(written.error().code, ErrorCode::Unavailable);
    QCOMPARE(*awaitFuture(secrets->readToken(u"host:1"_s)).result(), QByteArray("token"));

    // A passphrase writes everything so far to the file.
    const QString passphrase = u"a passphrase for no keychain"_s;
    QSignalSpy changed(secrets.get(), &ProfileSecrets::protectionChanged);
    QVERIFY(awaitFuture(secrets->setPassphrase(passphrase)).result());
    QVERIFY(!secrets->isSessionOnly());
    QVERIFY(!secrets->keyInKeychain());
    QVERIFY(!changed.isEmpty());
    const QString recoveryKey = secrets->recoveryKeyToShow();
    QVERIFY(SecretsFile::parseRecoveryKey(recoveryKey));
    QVERIFY(awaitFuture(secrets->writeSecret(u"cache-key"_s, "cache key")).result());

    secrets = opened();
    QCOMPARE(secrets->state(), ProfileSecrets::State::Locked);
    QVERIFY(awaitFuture(secrets->unlockWithPassphrase(passphrase)).result());
    QCOMPARE(*awaitFuture(secrets->readToken(u"host:1"_s)).result(), QByteArray("token"));
    QCOMPARE(*awaitFuture(secrets->readSecret(u"cache-key"_s)).result(), QByteArray("cache key"));
    // And the recovery key opens it too.
    secrets = opened();
    QVERIFY(secrets->unlockWithRecoveryKey(recoveryKey));
    QCOMPARE(*awaitFuture(secrets->readToken(u"host:1"_s)).result(), QByteArray("token"));
}

void tst_ProfileSecrets::secretServiceStoppedAfterSetUp()
{
    if (!m_hasKeychain)
        QSKIP("needs the keychain for the set-up");
    // Set up with the keychain, and a passphrase besides.
    auto secrets = opened();
    QCOMPARE(secrets->state(), ProfileSecrets::State::Ready);
    QVERIFY(awaitFuture(secrets->writeSecret(u"cache-key"_s, "cache key")).result());
    const QString passphrase = u"for the day the keychain is gone"_s;
    QVERIFY(awaitFuture(secrets->setPassphrase(passphrase)).result());
    QVERIFY(secrets->keyInKeychain());
    secrets.reset();

    // The same profile in a process whose session has no Secret Service at all.
    QProcess child;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"DBUS_SESSION_BUS_ADDRESS"_s, u"unix:path=/nonexistent/bus"_s);
    env.insert(u"PARLEY_TEST_SECRETS_DIR"_s, m_dir->path());
    env.insert(u"PARLEY_TEST_SECRETS_PROFILE"_s, profile());
    env.insert(u"PARLEY_TEST_SECRETS_PASSPHRASE"_s, passphrase);
    child.setProcessEnvironment(env);
    child.setProcessChannelMode(QProcess::MergedChannels);
    child.start(QCoreApplication::applicationFilePath(), {u"openedWithoutSecretService"_s});
    QVERIFY(child.waitForFinished(60000));
    const QByteArray output = child.readAll();
    QVERIFY2(child.exitCode() == 0, output.constData());
    QVERIFY2(output.contains("PASS   : tst_ProfileSecrets::openedWithoutSecretService()"),
             output.constData());
}

void tst_ProfileSecrets::openedWithoutSecretService()
{
    const QString dir = qEnvironmentVariable("PARLEY_TEST_SECRETS_DIR");
    if (dir.isEmpty())
        QSKIP("runs as a child of secretServiceStoppedAfterSetUp");
    QVERIFY(!m_hasKeychain);
    Keychain keychain(qEnvironmentVariable("PARLEY_TEST_SECRETS_PROFILE"));
    ProfileSecrets secrets(&keychain);
    secrets.open(dir);
    QTRY_VERIFY_WITH_TIMEOUT(secrets.state() != ProfileSecrets::State::Opening, 15000);
    QCOMPARE(secrets.state(), ProfileSecrets::State::Locked);
    QVERIFY2(secrets.lockReason().contains(u"cannot use the system keychain"_s),
             qPrintable(secrets.lockReason()));
    QVERIFY(secrets.hasPassphrase());
    QCOMPARE(awaitFuture(secrets.unlockWithPassphrase(u"not it"_s)).result().error().code,
             ErrorCode::InvalidCredentials);
    QVERIFY(awaitFuture(secrets.unlockWithPassphrase(
                                qEnvironmentVariable("PARLEY_TEST_SECRETS_PASSPHRASE")))
                    .result());
    QCOMPARE(*awaitFuture(secrets.readSecret(u"cache-key"_s)).result(), QByteArray("cache key"));
}

QTEST_GUILESS_MAIN(tst_ProfileSecrets)
#include "tst_profilesecrets.moc"
