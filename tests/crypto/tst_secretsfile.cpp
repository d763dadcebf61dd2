#include "crypto/SecretsFile.h"

#include <QtCore/QCborMap>
#include <QtCore/QCborValue>
#include <QtCore/QFile>
#include <QtCore/QTemporaryDir>
#include <QtTest/QTest>

using namespace Parley;
using namespace Qt::StringLiterals;

// The sealed file of a profile's secrets: what opens it, what does not, and that it keeps
// nothing in clear.
class tst_SecretsFile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void recoveryKeyOpensIt();
    void passphraseOpensIt();
    void secretsSurviveTheDisk();
    void recoveryKeyReadsBackAsTyped();
    void recoveryKeyTyposAreRefused_data();
    void recoveryKeyTyposAreRefused();
    void damagedFilesAreRefused_data();
    void damagedFilesAreRefused();

private:
    static const QMap<QString, QByteArray> &someSecrets();
};

const QMap<QString, QByteArray> &tst_SecretsFile::someSecrets()
{
    static const QMap<QString, QByteArray> secrets{
            {u"chat.example.org:443/token"_s, "a-device-token-of-alice"},
            {u"e2ee/storage-key"_s, QByteArray(32, '\x07')},
    };
    return secrets;
}

void tst_SecretsFile::recoveryKeyOpensIt()
{
    const QByteArray master = SecretsFile::generateKey();
    const QByteArray recovery = SecretsFile::generateKey();
    auto file = SecretsFile::create(master, recovery);
    QVERIFY(file);
    QVERIFY(file.value().setSecrets(master, someSecrets()));
    QVERIFY(!file.value().hasPassphrase());

    auto opened = file.value().masterKeyFromRecoveryKey(recovery);
    QVERIFY(opened);
    QCOMPARE(opened.value(), master);
    auto secrets = file.value().secrets(opened.value());
    QVERIFY(secrets);
    QCOMPARE(secrets.value(), someSecrets());

    auto wrong = file.value().masterKeyFromRecoveryKey(SecretsFile::generateKey());
    QVERIFY(!wrong);
    QCOMPARE(wrong.error(), CryptoError::WrongRecoveryKey);
    QCOMPARE(file.value().secrets(SecretsFile::generateKey()).error(),
             CryptoError::WrongStorageKey);

    // A new recovery key replaces the old one.
    const QByteArray renewed = SecretsFile::generateKey();
    QVERIFY(file.value().setRecoveryKey(master, renewed));
    QVERIFY(!file.value().masterKeyFromRecoveryKey(recovery));
    QCOMPARE(file.value().masterKeyFromRecoveryKey(renewed).value(), master);
}

void tst_SecretsFile::passphraseOpensIt()
{
    const QByteArray master = SecretsFile::generateKey();
    auto file = SecretsFile::create(master, SecretsFile::generateKey());
    QVERIFY(file);
    QCOMPARE(file.value().masterKeyFromPassphrase(u"anything"_s).error(),
             CryptoError::WrongPassphrase);
    QVERIFY(!file.value().setPassphrase(master, QString(), SecretsFile::PassphraseCost::minimal()));

    const QString passphrase = u"correct horse battery stäple"_s;
    QVERIFY(file.value().setPassphrase(master, passphrase, SecretsFile::PassphraseCost::minimal()));
    QVERIFY(file.value().hasPassphrase());
    QCOMPARE(file.value().masterKeyFromPassphrase(passphrase).value(), master);
    QCOMPARE(file.value().masterKeyFromPassphrase(u"correct horse battery staple"_s).error(),
             CryptoError::WrongPassphrase);

    // Through bytes, as on disk.
    auto reread = SecretsFile::fromBytes(file.value().toBytes());
    QVERIFY(reread);
    QCOMPARE(reread.value().masterKeyFromPassphrase(passphrase).value(), master);
    QVERIFY(reread.value().keyInKeychain());

    // With the passphrase as the everyday way in, the file says so.
    file.value().setKeyInKeychain(false);
    reread = SecretsFile::fromBytes(file.value().toBytes());
    QVERIFY(reread);
    QVERIFY(!reread.value().keyInKeychain());
    file.value().setKeyInKeychain(true);

    file.value().clearPassphrase();
    QVERIFY(!file.value().hasPassphrase());
    QCOMPARE(SecretsFile::fromBytes(file.value().toBytes())
                     .value()
                     .masterKeyFromPassphrase(passphrase)
                     .error(),
             CryptoError::WrongPassphrase);
}

void tst_SecretsFile::secretsSurviveTheDisk()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"secrets"_s);
    const QByteArray master = SecretsFile::generateKey();
    const QByteArray recovery = SecretsFile::generateKey();
    auto file = SecretsFile::create(master, recovery);
    QVERIFY(file);
    QVERIFY(file.value().setSecrets(master, someSecrets()));
    QVERIFY(file.value().setPassphrase(master, u"pass"_s, SecretsFile::PassphraseCost::minimal()));
    QVERIFY(file.value().write(path));

    QFile written(path);
    QVERIFY(written.open(QIODevice::ReadOnly));
    QCOMPARE(written.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
             QFileDevice::Permissions());
    const QByteArray bytes = written.readAll();
    for (auto it = someSecrets().cbegin(); it != someSecrets().cend(); ++it) {
        QVERIFY2(!bytes.contains(it.key().toUtf8()), qPrintable(it.key()));
        QVERIFY(!bytes.contains(it.value()));
    }
    QVERIFY(!bytes.contains(master) && !bytes.contains(recovery));

    auto reread = SecretsFile::read(path);
    QVERIFY(reread);
    auto viaPassphrase = reread.value().masterKeyFromPassphrase(u"pass"_s);
    QVERIFY(viaPassphrase);
    QCOMPARE(reread.value().secrets(viaPassphrase.value()).value(), someSecrets());
    QCOMPARE(SecretsFile::read(dir.filePath(u"missing"_s)).error(), CryptoError::DatabaseError);
}

void tst_SecretsFile::recoveryKeyReadsBackAsTyped()
{
    for (int i = 0; i < 50; ++i) {
        const QByteArray key = SecretsFile::generateKey();
        const QString shown = SecretsFile::formatRecoveryKey(key);
        QCOMPARE(shown.size(), 52 + 12); // 13 groups of four
        QCOMPARE(shown.count(u'-'), 12);
        QCOMPARE(SecretsFile::parseRecoveryKey(shown), std::optional<QByteArray>(key));
        // As people type it: lower case, spaces instead of dashes, a new line.
        QString typed = shown.toLower();
        typed.replace(u'-', u' ');
        typed.insert(30, u'\n');
        QCOMPARE(SecretsFile::parseRecoveryKey(typed), std::optional<QByteArray>(key));
    }
}

void tst_SecretsFile::recoveryKeyTyposAreRefused_data()
{
    const QString shown = SecretsFile::formatRecoveryKey(SecretsFile::generateKey());
    QTest::addColumn<QString>("typed");
    QTest::newRow("empty") << QString();
    QTest::newRow("one character short") << shown.chopped(1);
    QTest::newRow("one character more") << shown + u"A"_s;
    QTest::newRow("a digit base32 has not") << QString(shown).replace(0, 1, u"1"_s);
    QTest::newRow("not latin") << QString(shown).replace(0, 1, u"Ж"_s);
}

void tst_SecretsFile::recoveryKeyTyposAreRefused()
{
    QFETCH(QString, typed);
    QCOMPARE(SecretsFile::parseRecoveryKey(typed), std::nullopt);
}

void tst_SecretsFile::damagedFilesAreRefused_data()
{
    const QByteArray master = SecretsFile::generateKey();
    auto file = SecretsFile::create(master, SecretsFile::generateKey());
    QVERIFY(file);
    QVERIFY(file.value().setPassphrase(master, u"pass"_s, SecretsFile::PassphraseCost::minimal()));
    const QByteArray good = file.value().toBytes();

    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("error");
    const int corrupt = int(CryptoError::CorruptRecord);
    QTest::newRow("empty") << QByteArray() << corrupt;
    QTest::newRow("not CBOR") << QByteArray("{\"v\":1}") << corrupt;
    QTest::newRow("truncated") << good.left(good.size() / 2) << corrupt;
    QCborMap newer = QCborValue::fromCbor(good).toMap();
    newer.insert(u"v"_s, 2);
    QTest::newRow("newer version")
            << newer.toCborValue().toCbor() << int(CryptoError::UnsupportedStoreVersion);
    QCborMap noSecrets = QCborValue::fromCbor(good).toMap();
    noSecrets.remove(u"secrets"_s);
    QTest::newRow("no secrets") << noSecrets.toCborValue().toCbor() << corrupt;
    // A file that asks for 4 TiB of memory or a billion rounds is refused before hashing.
    QCborMap greedy = QCborValue::fromCbor(good).toMap();
    QCborMap passphrase = greedy.value(u"passphrase"_s).toMap();
    passphrase.insert(u"mem"_s, qint64(1) << 42);
    greedy.insert(u"passphrase"_s, passphrase);
    QTest::newRow("greedy costs") << greedy.toCborValue().toCbor() << corrupt;
}

void tst_SecretsFile::damagedFilesAreRefused()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, error);
    auto file = SecretsFile::fromBytes(bytes);
    QVERIFY(!file);
    QCOMPARE(int(file.error()), error);
}

QTEST_GUILESS_MAIN(tst_SecretsFile)
#include "tst_secretsfile.moc"
