// UI automation: what is on the user's computer stays there until the user says otherwise.
// A device the server's admin revokes is signed out with its history and outbox kept, and
// signing in again sends what waited, once; "Log out" asks whether to keep or erase.

#include "AppWindow.h"
#include "Client.h"
#include "ProfileSecretsProbe.h"
#include "Steps.h"
#include "TwoPeople.h"
#include "crypto/SecretsFile.h"
#include "models/DeviceListModel.h"
#include "net/Connection.h"
#include "platform/ProfileLock.h"
#include "platform/ProfilePaths.h"
#include "store/CacheUnlock.h"

#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlQuery>

#include <QtQuick/QQuickItem>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;
using namespace Parley;

class tst_Trust : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void signedOutKeepsHistoryAndOutbox();
    void logoutAsksKeepOrErase();
    void firstConnectionShowsFingerprint();
    void keychainLostFallsBackToPassphrase();
    void recoveryKeyOpensProfile();
    void newOwnDeviceIsAnnounced();

private:
    /// The number `sql` (a COUNT) gives on `user`'s cache file, read beside the running app;
    /// -1 if it cannot be read.
    qint64 countOnDisk(const QString &user, const QString &sql) const;
    /// Main menu, "Log out": the question shows.
    void askToLogOut(AppWindow &app);
    /// The passphrase dialog is open: types `passphrase` twice and sets it.
    void choosePassphrase(AppWindow &app, const QString &passphrase);
    /// On the unlock page: types `secret` in `field` and unlocks.
    void unlockWith(AppWindow &app, const QString &field, const QString &secret);
    /// alice's window closes and her keychain entry vanishes behind Parley's back.
    void loseAlicesKeychainEntry();

    TwoPeople m_people;
};

void tst_Trust::init()
{
    m_people.start();
}

void tst_Trust::cleanup()
{
    m_people.finish();
}

void tst_Trust::signedOutKeepsHistoryAndOutbox()
{
    const QString before = u"Written before the admin stepped in"_s;
    m_people.openChatWith(before);
    if (QTest::currentTestFailed())
        return;
    AppWindow &bob = *m_people.bob;

    // The server's admin revokes alice's device (as `parleyd device revoke ID` on the server).
    const qint64 device = m_people.alice->client()->deviceId();
    QByteArray out;
    QCOMPARE(m_people.server->runAdmin({u"device"_s, u"revoke"_s, QString::number(device)}, &out),
             0);

    // alice is told why, and her history is still there.
    QTRY_VERIFY_WITH_TIMEOUT(m_people.alice->isShown(u"signedOutBanner"_s), Steps::NetworkTimeout);
    QVERIFY(m_people.alice->text(u"bannerText"_s, m_people.alice->item(u"signedOutBanner"_s))
                    .contains(u"removed by the server's admin"_s));
    QCOMPARE(m_people.alice->text(u"connectionState"_s), u"Signed out"_s);
    QVERIFY(m_people.alice->message(before));

    // What she writes now waits in the outbox.
    const QString queued = u"Written while signed out"_s;
    Steps::sendMessage(*m_people.alice, queued);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(m_people.alice->deliveryState(queued), u"queued"_s);
    m_people.alice->screenshot(u"signedOutKeepsHistoryAndOutbox-signedOut"_s);

    // Kept on disk: a restart shows the same, without the server's word.
    m_people.alice = m_people.reopen(u"alice"_s);
    AppWindow &alice = *m_people.alice;
    QTRY_VERIFY_WITH_TIMEOUT(alice.isShown(u"signedOutBanner"_s), Steps::NetworkTimeout);
    Steps::openConversation(alice, u"bob"_s);
    if (QTest::currentTestFailed())
        return;
    QTRY_COMPARE(alice.messageTexts(), (QStringList{before, queued}));
    QCOMPARE(alice.deliveryState(queued), u"queued"_s);

    // Signing in again makes a new device; the history stays and the message goes out once.
    QVERIFY(alice.click(alice.item(u"bannerActionButton"_s, alice.item(u"signedOutBanner"_s))));
    QTRY_VERIFY(alice.isShown(u"signInAgainDialog"_s));
    QVERIFY(alice.typeInto(u"signInAgainPassword"_s, u"alice-password"_s));
    QVERIFY(alice.click(u"signInAgainButton"_s));
    QTRY_COMPARE_WITH_TIMEOUT(alice.text(u"connectionState"_s), u"Online"_s, Steps::NetworkTimeout);
    if (!Steps::keychainAvailable()) {
        QTRY_VERIFY_WITH_TIMEOUT(alice.isShown(u"keychainDialog"_s), Steps::NetworkTimeout);
        QVERIFY(alice.click(u"continueWithoutKeychainButton"_s));
    }
    QVERIFY(!alice.isShown(u"signedOutBanner"_s));
    QVERIFY(alice.client()->deviceId() != device);

    QTRY_VERIFY_WITH_TIMEOUT(bob.message(queued), Steps::NetworkTimeout);
    QVERIFY(bob.activate());
    QTRY_COMPARE_WITH_TIMEOUT(alice.deliveryState(queued), u"read"_s, Steps::NetworkTimeout);
    QCOMPARE(bob.messageTexts(), (QStringList{before, queued}));
    QCOMPARE(alice.messageTexts(), (QStringList{before, queued}));
    alice.screenshot(u"signedOutKeepsHistoryAndOutbox"_s);
}

qint64 tst_Trust::countOnDisk(const QString &user, const QString &sql) const
{
    const QString name = u"disk-check"_s;
    qint64 count = -1;
    // The cache is sealed (docs/security.md, "The cache at rest"): its key is one of the
    // profile's secrets.
    const Result<QByteArray> key = ProfileSecretsProbe::read(
            TwoPeople::profile(user), m_people.dir->filePath(user), CacheUnlock::secretName());
    if (!key || key->isEmpty())
        return -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        if (SealedCache::open(db, ProfilePaths::cacheFile(m_people.dir->filePath(user)),
                              CacheKey{*key, false})
                    .isOk()) {
            QSqlQuery q(db);
            if (q.exec(sql) && q.next())
                count = q.value(0).toLongLong();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return count;
}

void tst_Trust::askToLogOut(AppWindow &app)
{
    QVERIFY(app.click(u"mainMenuButton"_s));
    QTRY_VERIFY(app.isShown(u"logoutMenuItem"_s));
    QVERIFY(app.click(u"logoutMenuItem"_s));
    QTRY_VERIFY(app.isShown(u"logoutDialog"_s));
    QVERIFY(app.isShown(u"keepHistoryButton"_s));
    QVERIFY(app.isShown(u"eraseEverythingButton"_s));
}

void tst_Trust::logoutAsksKeepOrErase()
{
    const QString text = u"Kept on this computer"_s;
    m_people.openChatWith(text);
    if (QTest::currentTestFailed())
        return;
    AppWindow &alice = *m_people.alice;
    const QString messages = u"SELECT COUNT(*) FROM messages"_s;
    const QString account = u"SELECT COUNT(*) FROM settings WHERE key LIKE 'account/%'"_s;

    // Keep: back on the welcome page, and the history is still on disk.
    askToLogOut(alice);
    if (QTest::currentTestFailed())
        return;
    alice.screenshot(u"logoutAsksKeepOrErase-asks"_s);
    QVERIFY(alice.click(u"keepHistoryButton"_s));
    QTRY_VERIFY_WITH_TIMEOUT(alice.isShown(u"welcomeLoginButton"_s), Steps::NetworkTimeout);
    QVERIFY(countOnDisk(u"alice"_s, messages) > 0);
    QCOMPARE(countOnDisk(u"alice"_s, u"SELECT COUNT(*) FROM conversations"_s), 1);

    // Logging in again shows it.
    Steps::logIn(alice, u"alice"_s, u"alice-password"_s);
    if (QTest::currentTestFailed())
        return;
    Steps::openConversation(alice, u"bob"_s);
    if (QTest::currentTestFailed())
        return;
    QTRY_VERIFY(alice.message(text));

    // Erase asks once more; cancelling erases nothing and keeps the login.
    askToLogOut(alice);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(alice.click(u"eraseEverythingButton"_s));
    QTRY_VERIFY(alice.isShown(u"eraseConfirmDialog"_s));
    alice.screenshot(u"logoutAsksKeepOrErase-confirm"_s);
    QVERIFY(alice.click(u"cancelEraseButton"_s));
    QTRY_VERIFY(!alice.isShown(u"eraseConfirmDialog"_s));
    QCOMPARE(alice.text(u"ownUsername"_s), u"alice"_s);
    QVERIFY(alice.message(text));
    QVERIFY(countOnDisk(u"alice"_s, messages) > 0);

    // Confirmed: nothing of the account is left in the cache.
    askToLogOut(alice);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(alice.click(u"eraseEverythingButton"_s));
    QTRY_VERIFY(alice.isShown(u"eraseConfirmDialog"_s));
    QVERIFY(alice.click(u"confirmEraseButton"_s));
    QTRY_VERIFY_WITH_TIMEOUT(alice.isShown(u"welcomeLoginButton"_s), Steps::NetworkTimeout);
    QTRY_COMPARE(countOnDisk(u"alice"_s, messages), 0);
    QCOMPARE(countOnDisk(u"alice"_s, u"SELECT COUNT(*) FROM conversations"_s), 0);
    QCOMPARE(countOnDisk(u"alice"_s, u"SELECT COUNT(*) FROM outbox"_s), 0);
    QCOMPARE(countOnDisk(u"alice"_s, account), 0);
    alice.screenshot(u"logoutAsksKeepOrErase"_s);
}

void tst_Trust::firstConnectionShowsFingerprint()
{
    AppWindow &alice = *m_people.alice;
    // What the admin gives people to compare: `parleyd fingerprint` (the same as in the log).
    QByteArray out;
    QVERIFY2(m_people.server->runAdmin({u"fingerprint"_s}, &out) == 0, out.constData());
    const QString logged = QString::fromUtf8(out).trimmed().split(u'\n').last().trimmed();
    QCOMPARE(logged, m_people.server->fingerprint()); // from parleyd's listening line
    QVERIFY(!logged.isEmpty());
    auto submit = [&alice] {
        QVERIFY(alice.click(u"welcomeRegisterButton"_s));
        QTRY_VERIFY(alice.isShown(u"confirmPasswordField"_s));
        QTRY_VERIFY(!alice.text(u"serverField"_s).isEmpty());
        QVERIFY(alice.typeInto(u"usernameField"_s, u"alice"_s));
        QVERIFY(alice.typeInto(u"passwordField"_s, u"alice-password"_s));
        QVERIFY(alice.typeInto(u"confirmPasswordField"_s, u"alice-password"_s));
        QVERIFY(alice.click(u"accountSubmitButton"_s));
    };

    // The first connection stops at the certificate and shows the fingerprint parleyd logged.
    QTRY_VERIFY(alice.isShown(u"welcomeRegisterButton"_s));
    submit();
    if (QTest::currentTestFailed())
        return;
    QTRY_VERIFY_WITH_TIMEOUT(alice.isShown(u"trustCertificateDialog"_s), Steps::NetworkTimeout);
    QCOMPARE(alice.text(u"trustCertificateFingerprint"_s), logged);
    QVERIFY(alice.client()->state() != Client::State::Online);
    alice.screenshot(u"firstConnectionShowsFingerprint"_s);

    // Refused: back at the start, not registered, nothing pinned (the next try asks again).
    QVERIFY(alice.click(u"refuseCertificateButton"_s));
    QTRY_VERIFY_WITH_TIMEOUT(alice.isShown(u"welcomeRegisterButton"_s), Steps::NetworkTimeout);
    QCOMPARE(alice.client()->userId(), 0);
    QVERIFY(alice.client()->connection()->pinnedFingerprint().isEmpty());
    submit();
    if (QTest::currentTestFailed())
        return;
    QTRY_VERIFY_WITH_TIMEOUT(alice.isShown(u"trustCertificateDialog"_s), Steps::NetworkTimeout);
    QCOMPARE(alice.text(u"trustCertificateFingerprint"_s), logged);

    // Trusted: registered and online.
    QVERIFY(alice.click(u"trustCertificateButton"_s));
    QTRY_COMPARE_WITH_TIMEOUT(alice.text(u"ownUsername"_s), u"alice"_s, Steps::NetworkTimeout);
    QTRY_COMPARE_WITH_TIMEOUT(alice.text(u"connectionState"_s), u"Online"_s, Steps::NetworkTimeout);
}

void tst_Trust::choosePassphrase(AppWindow &app, const QString &passphrase)
{
    QTRY_VERIFY(app.isShown(u"passphraseDialog"_s));
    QVERIFY(app.typeInto(u"newPassphrase"_s, passphrase));
    QVERIFY(app.typeInto(u"repeatPassphrase"_s, passphrase));
    QVERIFY(app.click(u"setPassphraseButton"_s));
    // Argon2id takes a second or so.
    QTRY_VERIFY_WITH_TIMEOUT(!app.isShown(u"passphraseDialog"_s), Steps::NetworkTimeout);
    QVERIFY(app.client()->profileLock()->hasPassphrase());
}

void tst_Trust::unlockWith(AppWindow &app, const QString &field, const QString &secret)
{
    QTRY_VERIFY(app.isShown(field));
    QVERIFY(app.typeInto(field, secret));
    QVERIFY(app.click(u"unlockButton"_s));
    QTRY_VERIFY_WITH_TIMEOUT(!app.client()->profileLock()->isBusy(), Steps::NetworkTimeout);
}

void tst_Trust::loseAlicesKeychainEntry()
{
    m_people.alice.reset();
    Keychain keychain(TwoPeople::profile(u"alice"_s));
    QVERIFY(awaitFuture(keychain.deleteSecret(ProfileSecrets::masterKeyName())).result());
}

void tst_Trust::keychainLostFallsBackToPassphrase()
{
    const QString passphrase = u"a passphrase only I know"_s;
    const QString text = u"Behind my passphrase"_s;
    if (Steps::keychainAvailable()) {
        // The keychain works; alice adds a passphrase in Settings → Security.
        m_people.openChatWith(text);
        if (QTest::currentTestFailed())
            return;
        AppWindow &alice = *m_people.alice;
        Steps::openSettings(alice, u"securityTab"_s);
        if (QTest::currentTestFailed())
            return;
        QTRY_VERIFY(alice.isShown(u"passphraseButton"_s));
        QVERIFY(alice.click(u"passphraseButton"_s));
        choosePassphrase(alice, passphrase);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(alice.client()->profileLock()->keyInKeychain());
        alice.screenshot(u"keychainLostFallsBackToPassphrase-settings"_s);

        // The entry disappears behind Parley's back: the next start says so and asks.
        loseAlicesKeychainEntry();
        if (QTest::currentTestFailed())
            return;
        m_people.alice = m_people.reopen(u"alice"_s);
    } else {
        // No Secret Service at all (this run has no session bus): Parley offers a passphrase
        // before anything is kept.
        AppWindow &alice = *m_people.alice;
        QTRY_VERIFY_WITH_TIMEOUT(alice.isShown(u"keychainDialog"_s), Steps::NetworkTimeout);
        alice.screenshot(u"keychainLostFallsBackToPassphrase-noKeychain"_s);
        QVERIFY(alice.click(u"protectWithPassphraseButton"_s));
        choosePassphrase(alice, passphrase);
        if (QTest::currentTestFailed())
            return;
        QTRY_VERIFY(!alice.isShown(u"keychainDialog"_s));
        QVERIFY(!alice.client()->profileLock()->keyInKeychain());
        // bob goes on without saving anything.
        AppWindow &bob = *m_people.bob;
        QTRY_VERIFY_WITH_TIMEOUT(bob.isShown(u"keychainDialog"_s), Steps::NetworkTimeout);
        QVERIFY(bob.click(u"continueWithoutKeychainButton"_s));
        QTRY_VERIFY(!bob.isShown(u"keychainDialog"_s));
        m_people.openChatWith(text);
        if (QTest::currentTestFailed())
            return;
        m_people.alice.reset();
        m_people.alice = m_people.reopen(u"alice"_s);
    }
    AppWindow &alice = *m_people.alice;
    QTRY_VERIFY_WITH_TIMEOUT(alice.isShown(u"unlockPage"_s), Steps::NetworkTimeout);
    QVERIFY(!alice.isShown(u"welcomeLoginButton"_s));
    if (Steps::keychainAvailable())
        QVERIFY2(alice.text(u"lockReason"_s).contains(u"no longer has"_s),
                 qPrintable(alice.text(u"lockReason"_s)));

    // A wrong passphrase is refused, and says so.
    unlockWith(alice, u"unlockPassphrase"_s, u"a passphrase only I knew"_s);
    QTRY_VERIFY(alice.text(u"unlockError"_s).contains(u"not right"_s));
    QVERIFY(alice.isShown(u"unlockPage"_s));
    alice.screenshot(u"keychainLostFallsBackToPassphrase-wrong"_s);

    // The right one opens everything: history, login, online.
    unlockWith(alice, u"unlockPassphrase"_s, passphrase);
    QTRY_VERIFY_WITH_TIMEOUT(!alice.isShown(u"unlockPage"_s), Steps::NetworkTimeout);
    QTRY_COMPARE_WITH_TIMEOUT(alice.text(u"ownUsername"_s), u"alice"_s, Steps::NetworkTimeout);
    Steps::openConversation(alice, u"bob"_s);
    if (QTest::currentTestFailed())
        return;
    QTRY_VERIFY(alice.message(text));
    QTRY_COMPARE_WITH_TIMEOUT(alice.text(u"connectionState"_s), u"Online"_s, Steps::NetworkTimeout);
    const QString after = u"Written after unlocking"_s;
    Steps::sendMessage(alice, after);
    if (QTest::currentTestFailed())
        return;
    QTRY_VERIFY_WITH_TIMEOUT(m_people.bob->message(after), Steps::NetworkTimeout);
    alice.screenshot(u"keychainLostFallsBackToPassphrase"_s);

    if (Steps::keychainAvailable()) {
        // The key is back in the keychain: the next start asks nothing.
        Keychain keychain(TwoPeople::profile(u"alice"_s));
        QTRY_VERIFY(!awaitFuture(keychain.readSecret(ProfileSecrets::masterKeyName()))
                             .result()
                             ->isEmpty());
    }
}

void tst_Trust::recoveryKeyOpensProfile()
{
    if (!Steps::keychainAvailable())
        QSKIP("the keychain is what gets lost here");
    const QString text = u"Only my recovery key opens this"_s;
    m_people.openChatWith(text);
    if (QTest::currentTestFailed())
        return;
    AppWindow &alice = *m_people.alice;

    // At set-up Parley asks her to write the recovery key down; she does.
    QTRY_VERIFY(alice.isShown(u"recoveryKeyBanner"_s));
    QVERIFY(alice.click(alice.item(u"bannerActionButton"_s, alice.item(u"recoveryKeyBanner"_s))));
    QTRY_VERIFY(alice.isShown(u"recoveryKeyDialog"_s));
    const QString written = alice.text(u"recoveryKeyText"_s);
    QCOMPARE(written.size(), 52 + 12); // 13 groups of four, with dashes
    alice.screenshot(u"recoveryKeyOpensProfile-shown"_s);
    QVERIFY(alice.click(u"confirmRecoveryKeyButton"_s));
    QTRY_VERIFY(!alice.isShown(u"recoveryKeyDialog"_s));
    QTRY_VERIFY(!alice.isShown(u"recoveryKeyBanner"_s));

    // Keychain entry lost, no passphrase: only the recovery key is offered.
    loseAlicesKeychainEntry();
    if (QTest::currentTestFailed())
        return;
    m_people.alice = m_people.reopen(u"alice"_s);
    AppWindow &again = *m_people.alice;
    QTRY_VERIFY_WITH_TIMEOUT(again.isShown(u"unlockPage"_s), Steps::NetworkTimeout);
    QVERIFY(again.isShown(u"recoveryKeyField"_s));
    QVERIFY(!again.isShown(u"unlockPassphrase"_s));
    QVERIFY(!again.isShown(u"switchUnlockMethodButton"_s));

    // Someone else's key does not open it.
    unlockWith(again, u"recoveryKeyField"_s,
               SecretsFile::formatRecoveryKey(SecretsFile::generateKey()));
    QTRY_VERIFY(again.text(u"unlockError"_s).contains(u"not this profile's"_s));

    // Hers does, typed as people type it.
    unlockWith(again, u"recoveryKeyField"_s, written.toLower().replace(u'-', u' '));
    QTRY_VERIFY_WITH_TIMEOUT(!again.isShown(u"unlockPage"_s), Steps::NetworkTimeout);
    Steps::openConversation(again, u"bob"_s);
    if (QTest::currentTestFailed())
        return;
    QTRY_VERIFY(again.message(text));
    QTRY_COMPARE_WITH_TIMEOUT(again.text(u"connectionState"_s), u"Online"_s, Steps::NetworkTimeout);
    // Written down once: not asked again.
    QVERIFY(!again.isShown(u"recoveryKeyBanner"_s));
    again.screenshot(u"recoveryKeyOpensProfile"_s);

    // And the keychain has the key again: the next start opens at once.
    m_people.alice.reset();
    m_people.alice = m_people.reopen(u"alice"_s);
    QTRY_COMPARE_WITH_TIMEOUT(m_people.alice->text(u"ownUsername"_s), u"alice"_s,
                              Steps::NetworkTimeout);
    QVERIFY(!m_people.alice->isShown(u"unlockPage"_s));

    // A new recovery key from Settings → Security replaces the old one.
    AppWindow &later = *m_people.alice;
    Steps::openSettings(later, u"securityTab"_s);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(later.click(u"renewRecoveryKeyButton"_s));
    QTRY_VERIFY(later.isShown(u"renewRecoveryKeyDialog"_s));
    QVERIFY(later.click(u"confirmRenewRecoveryKeyButton"_s));
    QTRY_VERIFY(later.isShown(u"recoveryKeyDialog"_s));
    const QString renewed = later.text(u"recoveryKeyText"_s);
    QVERIFY(SecretsFile::parseRecoveryKey(renewed));
    QVERIFY(renewed != written);
    QVERIFY(later.click(u"confirmRecoveryKeyButton"_s));
    QTRY_VERIFY(!later.isShown(u"recoveryKeyDialog"_s));
    loseAlicesKeychainEntry();
    if (QTest::currentTestFailed())
        return;
    m_people.alice = m_people.reopen(u"alice"_s);
    AppWindow &last = *m_people.alice;
    QTRY_VERIFY_WITH_TIMEOUT(last.isShown(u"unlockPage"_s), Steps::NetworkTimeout);
    unlockWith(last, u"recoveryKeyField"_s, written);
    QTRY_VERIFY(last.text(u"unlockError"_s).contains(u"not this profile's"_s));
    unlockWith(last, u"recoveryKeyField"_s, renewed);
    QTRY_VERIFY_WITH_TIMEOUT(!last.isShown(u"unlockPage"_s), Steps::NetworkTimeout);
    QTRY_COMPARE_WITH_TIMEOUT(last.text(u"ownUsername"_s), u"alice"_s, Steps::NetworkTimeout);
}

void tst_Trust::newOwnDeviceIsAnnounced()
{
    m_people.registerBoth();
    if (QTest::currentTestFailed())
        return;
    const auto bannerText = [](AppWindow &app) {
        QQuickItem *banner = app.item(u"newDeviceBanner"_s);
        return banner ? app.text(u"bannerText"_s, banner) : QString();
    };

    // Someone signs in as alice on another computer: her open window says so at once, with the
    // device's name; the new device itself announces nothing.
    const QString laptopProfile = TwoPeople::profile(u"alice-laptop"_s);
    auto laptop = std::make_unique<AppWindow>(
            laptopProfile, m_people.dir->filePath(u"alice-laptop"_s), m_people.server->url());
    Steps::logIn(*laptop, u"alice"_s, u"alice-password"_s);
    if (QTest::currentTestFailed())
        return;
    const QString laptopName = u"UI test (%1)"_s.arg(laptopProfile);
    QTRY_VERIFY_WITH_TIMEOUT(bannerText(*m_people.alice).contains(laptopName),
                             Steps::NetworkTimeout);
    QVERIFY(bannerText(*m_people.alice).contains(u"If that was not you"_s));
    m_people.alice->screenshot(u"newOwnDeviceIsAnnounced-banner"_s);
    QVERIFY(!laptop->isShown(u"newDeviceBanner"_s));
    QVERIFY(!m_people.bob->isShown(u"newDeviceBanner"_s));

    // Until she answers, it stays, across a restart; "It was me" ends it for good.
    m_people.alice.reset();
    m_people.alice = m_people.reopen(u"alice"_s);
    QTRY_VERIFY_WITH_TIMEOUT(bannerText(*m_people.alice).contains(laptopName),
                             Steps::NetworkTimeout);
    QVERIFY(m_people.alice->click(m_people.alice->item(
            u"bannerSecondActionButton"_s, m_people.alice->item(u"newDeviceBanner"_s))));
    QTRY_VERIFY(!m_people.alice->isShown(u"newDeviceBanner"_s));
    m_people.alice.reset();
    m_people.alice = m_people.reopen(u"alice"_s);
    QTRY_COMPARE_WITH_TIMEOUT(m_people.alice->client()->state(), Client::State::Online,
                              Steps::NetworkTimeout);
    QTRY_COMPARE_WITH_TIMEOUT(m_people.alice->client()->devices()->rowCount(), 2,
                              Steps::NetworkTimeout);
    QVERIFY(!m_people.alice->isShown(u"newDeviceBanner"_s));

    // A device that signs in while her window is closed is announced at the next start;
    // "Review…" opens Settings on Devices, where it is listed with the others.
    m_people.alice.reset();
    const QString phoneProfile = TwoPeople::profile(u"alice-phone"_s);
    auto phone = std::make_unique<AppWindow>(phoneProfile, m_people.dir->filePath(u"alice-phone"_s),
                                             m_people.server->url());
    Steps::logIn(*phone, u"alice"_s, u"alice-password"_s);
    if (QTest::currentTestFailed())
        return;
    m_people.alice = m_people.reopen(u"alice"_s);
    const QString phoneName = u"UI test (%1)"_s.arg(phoneProfile);
    QTRY_VERIFY_WITH_TIMEOUT(bannerText(*m_people.alice).contains(phoneName),
                             Steps::NetworkTimeout);
    QVERIFY(!bannerText(*m_people.alice).contains(laptopName));
    QVERIFY(m_people.alice->click(m_people.alice->item(
            u"bannerActionButton"_s, m_people.alice->item(u"newDeviceBanner"_s))));
    QTRY_VERIFY(m_people.alice->isShown(u"settingsDialog"_s));
    QTRY_COMPARE(m_people.alice->item(u"devicesTab"_s)->property("checked").toBool(), true);
    QTRY_COMPARE(m_people.alice->items(u"revokeDeviceButton"_s).size(), 2);
    QVERIFY(!m_people.alice->isShown(u"newDeviceBanner"_s));
    m_people.alice->screenshot(u"newOwnDeviceIsAnnounced-devices"_s);
}

QTEST_MAIN(tst_Trust)
#include "tst_trust.moc"
