#include "platform/Keychain.h"

#include <QtCore/QProcessEnvironment>
#include <QtTest/QTest>

using namespace Parley;
using namespace Qt::StringLiterals;

/// Entries of the real OS keychain (gnome-keyring in a dbus-run-session, as
/// scripts/test runs every test), and what happens when there is no keychain at all.
///
/// The same executable runs twice: `tst_keychain` with the session bus scripts/test provides,
/// and `tst_keychain_nokeychain` with DBUS_SESSION_BUS_ADDRESS pointing at nothing.
class tst_Keychain : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void roundTrip();
    void profilesAreSeparate();
    void noKeychain();

private:
    template<typename T>
    static T wait(QFuture<T> future)
    {
        // QtKeychain answers over D-Bus on this thread: spin the event loop until it has.
        if (!QTest::qWaitFor([&future] { return future.isFinished(); }, 15000))
            qFatal("the keychain did not answer in 15 s");
        return future.result();
    }
    bool m_expectKeychain = true;
    QString m_server;
};

void tst_Keychain::initTestCase()
{
    const QString bus = qEnvironmentVariable("DBUS_SESSION_BUS_ADDRESS");
    m_expectKeychain = !bus.contains(u"nonexistent"_s);
    if (m_expectKeychain && bus.isEmpty())
        QFAIL("no D-Bus session bus: run under dbus-run-session with an unlocked gnome-keyring "
              "(scripts/test does; see docs/qa.md)");
    // A key no other run uses, so parallel runs and leftovers never collide.
    m_server = u"test-%1.invalid:7443/token"_s.arg(QCoreApplication::applicationPid());
}

void tst_Keychain::roundTrip()
{
    if (!m_expectKeychain)
        QSKIP("this run has no keychain on purpose");
    Keychain tokens(u"roundtrip"_s);
    const QByteArray token =
            QByteArray::fromHex("00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff");
    QVERIFY(wait(tokens.writeSecret(m_server, token)).isOk());
    Result<QByteArray> read = wait(tokens.readSecret(m_server));
    QVERIFY2(read.hasValue(), qPrintable(read ? QString() : read.error().message));
    QCOMPARE(*read, token);
    QVERIFY(wait(tokens.deleteSecret(m_server)).isOk());
    read = wait(tokens.readSecret(m_server));
    QVERIFY(read.hasValue());
    QVERIFY(read->isEmpty()); // gone: "no entry", not an error
    QVERIFY(wait(tokens.deleteSecret(m_server)).isOk()); // deleting twice is fine
}

void tst_Keychain::profilesAreSeparate()
{
    if (!m_expectKeychain)
        QSKIP("this run has no keychain on purpose");
    Keychain alice(u"alice"_s), bob(u"bob"_s);
    QCOMPARE(alice.keyFor(u"master-key"_s), u"alice/master-key"_s);
    QVERIFY(wait(alice.writeSecret(m_server, "alice-token")).isOk());
    QVERIFY(wait(bob.writeSecret(m_server, "bob-token")).isOk());
    QCOMPARE(*wait(alice.readSecret(m_server)), QByteArray("alice-token"));
    QCOMPARE(*wait(bob.readSecret(m_server)), QByteArray("bob-token"));
    QVERIFY(wait(alice.deleteSecret(m_server)).isOk());
    QVERIFY(wait(bob.deleteSecret(m_server)).isOk());
}

void tst_Keychain::noKeychain()
{
    if (m_expectKeychain)
        QSKIP("runs as tst_keychain_nokeychain");
    Keychain tokens(u"nokeychain"_s);
    const Status written = wait(tokens.writeSecret(m_server, "secret"));
    QVERIFY(!written.isOk());
    QCOMPARE(written.error().code, ErrorCode::Unavailable);
    QVERIFY(written.error().message.contains(u"keychain"_s));
    QVERIFY(!written.error().message.contains(u"secret"_s));
    const Result<QByteArray> read = wait(tokens.readSecret(m_server));
    QVERIFY(!read.hasValue()); // an error, not "no entry": the user must be told
}

QTEST_GUILESS_MAIN(tst_Keychain)
#include "tst_keychain.moc"
