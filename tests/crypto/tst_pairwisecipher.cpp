#include "TestDevice.h"

#include <QDir>
#include <QSqlDatabase>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Parley;

class tst_PairwiseCipher : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void messagesBothWays();
    void outOfOrderDelivery();
    void duplicateIsDistinctError();
    void tamperedCiphertextRefused_data();
    void tamperedCiphertextRefused();
    void oneTimePreKeyConsumedOnce();
    void sessionWithoutOneTimePreKey();
    void noSession();
    void invalidBundleRefused();
    void continuesAfterRestart();
    void decryptRollsBackWithCallersTransaction();
    void changedIdentityNeedsAcknowledgement();
    void messageEncodesForTheInbox();

private:
    //! Alice builds a session with Bob and they exchange one message each way.
    void establish();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<TestDevice> m_alice;
    std::unique_ptr<TestDevice> m_bob;
};

void tst_PairwiseCipher::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_alice = std::make_unique<TestDevice>(m_dir->path(), DeviceAddress{1, 1});
    m_bob = std::make_unique<TestDevice>(m_dir->path(), DeviceAddress{2, 1});
    QVERIFY(m_alice->open());
    QVERIFY(m_bob->open());
    QVERIFY(m_alice->createIdentity());
    QVERIFY(m_bob->createIdentity());
}

void tst_PairwiseCipher::cleanup()
{
    m_alice.reset();
    m_bob.reset();
    m_dir.reset();
}

void tst_PairwiseCipher::establish()
{
    PairwiseCipher alice = m_alice->pairwise();
    PairwiseCipher bob = m_bob->pairwise();
    QVERIFY(alice.buildSession(m_bob->address, m_bob->handOutBundle()));
    auto hello = alice.encrypt(m_bob->address, "hello bob");
    QVERIFY(hello);
    QCOMPARE(bob.decrypt(m_alice->address, hello.value()).value(), QByteArray("hello bob"));
    auto reply = bob.encrypt(m_alice->address, "hello alice");
    QVERIFY(reply);
    QCOMPARE(alice.decrypt(m_bob->address, reply.value()).value(), QByteArray("hello alice"));
}

void tst_PairwiseCipher::messagesBothWays()
{
    PairwiseCipher alice = m_alice->pairwise();
    PairwiseCipher bob = m_bob->pairwise();
    QVERIFY(!alice.hasSession(m_bob->address).value());
    QVERIFY(alice.buildSession(m_bob->address, m_bob->handOutBundle()));
    QVERIFY(alice.hasSession(m_bob->address).value());

    auto first = alice.encrypt(m_bob->address, "hello bob");
    QVERIFY(first);
    QCOMPARE(first.value().type, PairwiseMessage::Type::PreKey);
    QVERIFY(!first.value().body.contains("hello bob"));
    QCOMPARE(bob.decrypt(m_alice->address, first.value()).value(), QByteArray("hello bob"));
    QVERIFY(bob.hasSession(m_alice->address).value());

    auto reply = bob.encrypt(m_alice->address, "hello alice");
    QVERIFY(reply);
    QCOMPARE(reply.value().type, PairwiseMessage::Type::Signal);
    QCOMPARE(alice.decrypt(m_bob->address, reply.value()).value(), QByteArray("hello alice"));

    for (int round = 0; round < 5; ++round) {
        const QByteArray toBob = "to bob " + QByteArray::number(round);
        const QByteArray toAlice = "to alice " + QByteArray::number(round);
        auto a = alice.encrypt(m_bob->address, toBob);
        QVERIFY(a);
        QCOMPARE(a.value().type, PairwiseMessage::Type::Signal);
        QCOMPARE(bob.decrypt(m_alice->address, a.value()).value(), toBob);
        auto b = bob.encrypt(m_alice->address, toAlice);
        QVERIFY(b);
        QCOMPARE(alice.decrypt(m_bob->address, b.value()).value(), toAlice);
    }
}

void tst_PairwiseCipher::outOfOrderDelivery()
{
    PairwiseCipher alice = m_alice->pairwise();
    PairwiseCipher bob = m_bob->pairwise();
    QVERIFY(alice.buildSession(m_bob->address, m_bob->handOutBundle()));
    QList<PairwiseMessage> first;
    for (int i = 0; i < 3; ++i)
        first.append(alice.encrypt(m_bob->address, "first " + QByteArray::number(i)).value());
    QCOMPARE(bob.decrypt(m_alice->address, first[2]).value(), QByteArray("first 2"));
    QCOMPARE(bob.decrypt(m_alice->address, first[0]).value(), QByteArray("first 0"));
    QCOMPARE(bob.decrypt(m_alice->address, first[1]).value(), QByteArray("first 1"));

    QVERIFY(alice.decrypt(m_bob->address, bob.encrypt(m_alice->address, "ack").value()));
    QList<PairwiseMessage> later;
    for (int i = 0; i < 4; ++i)
        later.append(alice.encrypt(m_bob->address, "later " + QByteArray::number(i)).value());
    for (int i : {1, 3, 0, 2})
        QCOMPARE(bob.decrypt(m_alice->address, later[i]).value(), "later " + QByteArray::number(i));
}

void tst_PairwiseCipher::duplicateIsDistinctError()
{
    PairwiseCipher alice = m_alice->pairwise();
    PairwiseCipher bob = m_bob->pairwise();
    QVERIFY(alice.buildSession(m_bob->address, m_bob->handOutBundle()));
    const PairwiseMessage preKeyMessage = alice.encrypt(m_bob->address, "once").value();
    QVERIFY(bob.decrypt(m_alice->address, preKeyMessage));
    auto again = bob.decrypt(m_alice->address, preKeyMessage);
    QVERIFY(!again);
    QCOMPARE(again.error(), CryptoError::DuplicateMessage);

    const PairwiseMessage reply = bob.encrypt(m_alice->address, "reply").value();
    QVERIFY(alice.decrypt(m_bob->address, reply));
    auto replayed = alice.decrypt(m_bob->address, reply);
    QVERIFY(!replayed);
    QCOMPARE(replayed.error(), CryptoError::DuplicateMessage);
}

void tst_PairwiseCipher::tamperedCiphertextRefused_data()
{
    QTest::addColumn<int>("position");
    QTest::newRow("version byte") << 0;
    QTest::newRow("body") << 40;
    QTest::newRow("mac") << -1;
}

void tst_PairwiseCipher::tamperedCiphertextRefused()
{
    QFETCH(int, position);
    establish();
    PairwiseCipher alice = m_alice->pairwise();
    PairwiseCipher bob = m_bob->pairwise();
    const PairwiseMessage original = alice.encrypt(m_bob->address, "do not change me").value();
    QCOMPARE(original.type, PairwiseMessage::Type::Signal);

    PairwiseMessage tampered = original;
    const qsizetype index = position < 0 ? tampered.body.size() + position : position;
    tampered.body[index] = char(tampered.body.at(index) ^ 0x01);
    auto refused = bob.decrypt(m_alice->address, tampered);
    QVERIFY(!refused);
    QVERIFY(refused.error() == CryptoError::InvalidMessage
            || refused.error() == CryptoError::UnsupportedVersion);

    PairwiseMessage mislabelled = original;
    mislabelled.type = PairwiseMessage::Type::PreKey;
    QCOMPARE(bob.decrypt(m_alice->address, mislabelled).error(), CryptoError::InvalidMessage);
    QCOMPARE(bob.decrypt(m_alice->address, {PairwiseMessage::Type::Signal, "garbage"}).error(),
             CryptoError::InvalidMessage);

    // The refused copies left the session intact.
    QCOMPARE(bob.decrypt(m_alice->address, original).value(), QByteArray("do not change me"));
}

void tst_PairwiseCipher::oneTimePreKeyConsumedOnce()
{
    const PreKeyBundle bundle = m_bob->handOutBundle();
    QCOMPARE(bundle.preKeys.size(), 1);
    const quint32 preKeyId = bundle.preKeys.first().id;
    QVERIFY(m_bob->store().preKeys().contains(preKeyId).value());

    PairwiseCipher alice = m_alice->pairwise();
    QVERIFY(alice.buildSession(m_bob->address, bundle));
    QVERIFY(m_bob->pairwise().decrypt(m_alice->address,
                                      alice.encrypt(m_bob->address, "first").value()));
    QVERIFY(!m_bob->store().preKeys().contains(preKeyId).value());

    // The same bundle handed out a second time (to Carol) no longer works.
    TestDevice carol(m_dir->path(), DeviceAddress{3, 1});
    QVERIFY(carol.open());
    QVERIFY(carol.createIdentity(1));
    PairwiseCipher carolCipher = carol.pairwise();
    QVERIFY(carolCipher.buildSession(m_bob->address, bundle));
    auto refused = m_bob->pairwise().decrypt(carol.address,
                                             carolCipher.encrypt(m_bob->address, "me too").value());
    QVERIFY(!refused);
    QCOMPARE(refused.error(), CryptoError::UnknownPreKey);
    QVERIFY(!m_bob->pairwise().hasSession(carol.address).value());
}

void tst_PairwiseCipher::sessionWithoutOneTimePreKey()
{
    m_bob->published.preKeys.clear(); // the server's stock ran out
    const PreKeyBundle bundle = m_bob->handOutBundle();
    QVERIFY(bundle.preKeys.isEmpty());
    PairwiseCipher alice = m_alice->pairwise();
    QVERIFY(alice.buildSession(m_bob->address, bundle));
    QCOMPARE(m_bob->pairwise()
                     .decrypt(m_alice->address, alice.encrypt(m_bob->address, "no otpk").value())
                     .value(),
             QByteArray("no otpk"));
    QCOMPARE(m_bob->identity().preKeyCount().value(), 10);
}

void tst_PairwiseCipher::noSession()
{
    auto encrypted = m_alice->pairwise().encrypt(m_bob->address, "nobody listens");
    QVERIFY(!encrypted);
    QCOMPARE(encrypted.error(), CryptoError::NoSession);

    establish();
    const PairwiseMessage signalMessage =
            m_alice->pairwise().encrypt(m_bob->address, "for bob").value();
    // Bob's other device never had a session with Alice.
    TestDevice bobLaptop(m_dir->path(), DeviceAddress{2, 2});
    QVERIFY(bobLaptop.open());
    QVERIFY(bobLaptop.createIdentity(1));
    auto decrypted = bobLaptop.pairwise().decrypt(m_alice->address, signalMessage);
    QVERIFY(!decrypted);
    QCOMPARE(decrypted.error(), CryptoError::NoSession);
}

void tst_PairwiseCipher::invalidBundleRefused()
{
    PairwiseCipher alice = m_alice->pairwise();
    PreKeyBundle badSignature = m_bob->handOutBundle();
    badSignature.signedPreKey.signature[10] = char(badSignature.signedPreKey.signature.at(10) ^ 1);
    QCOMPARE(alice.buildSession(m_bob->address, badSignature).error(), CryptoError::InvalidBundle);

    PreKeyBundle badKey = m_bob->handOutBundle();
    badKey.identityKey = "not a key";
    QCOMPARE(alice.buildSession(m_bob->address, badKey).error(), CryptoError::InvalidBundle);

    PreKeyBundle empty;
    QCOMPARE(alice.buildSession(m_bob->address, empty).error(), CryptoError::InvalidBundle);
    QVERIFY(!alice.hasSession(m_bob->address).value());
}

void tst_PairwiseCipher::continuesAfterRestart()
{
    establish();
    const PairwiseMessage inFlight =
            m_alice->pairwise().encrypt(m_bob->address, "sent before the restart").value();

    m_alice->close();
    m_bob->close();
    QVERIFY(m_alice->open());
    QVERIFY(m_bob->open());

    PairwiseCipher alice = m_alice->pairwise();
    PairwiseCipher bob = m_bob->pairwise();
    QCOMPARE(bob.decrypt(m_alice->address, inFlight).value(),
             QByteArray("sent before the restart"));
    QCOMPARE(bob.decrypt(m_alice->address, inFlight).error(), CryptoError::DuplicateMessage);
    for (int round = 0; round < 3; ++round) {
        QCOMPARE(bob.decrypt(m_alice->address, alice.encrypt(m_bob->address, "a").value()).value(),
                 QByteArray("a"));
        QCOMPARE(alice.decrypt(m_bob->address, bob.encrypt(m_alice->address, "b").value()).value(),
                 QByteArray("b"));
    }
}

void tst_PairwiseCipher::decryptRollsBackWithCallersTransaction()
{
    establish();
    const PairwiseMessage message = m_alice->pairwise().encrypt(m_bob->address, "keep me").value();
    PairwiseCipher bob = m_bob->pairwise();
    QSqlDatabase db = QSqlDatabase::database(m_bob->connectionName, false);

    // Storing the plaintext failed, so the caller rolls back: the message decrypts again.
    QVERIFY(db.transaction());
    QCOMPARE(bob.decrypt(m_alice->address, message).value(), QByteArray("keep me"));
    QVERIFY(db.rollback());

    QVERIFY(db.transaction());
    QCOMPARE(bob.decrypt(m_alice->address, message).value(), QByteArray("keep me"));
    QVERIFY(db.commit());
    QCOMPARE(bob.decrypt(m_alice->address, message).error(), CryptoError::DuplicateMessage);
}

void tst_PairwiseCipher::changedIdentityNeedsAcknowledgement()
{
    establish();
    const QByteArray oldKey = m_bob->identity().identityKey().value();

    // Bob reinstalls: same user and device id, new database and identity.
    QVERIFY(QDir(m_dir->path()).mkdir(QStringLiteral("reinstall")));
    TestDevice newBob(m_dir->filePath(QStringLiteral("reinstall")), m_bob->address);
    QVERIFY(newBob.open());
    QVERIFY(newBob.createIdentity(2));
    const QByteArray newKey = newBob.identity().identityKey().value();
    QVERIFY(newKey != oldKey);

    PairwiseCipher newBobCipher = newBob.pairwise();
    QVERIFY(newBobCipher.buildSession(m_alice->address, m_alice->handOutBundle()));
    const PairwiseMessage fromNewBob =
            newBobCipher.encrypt(m_alice->address, "it is me, new phone").value();

    PairwiseCipher alice = m_alice->pairwise();
    auto refused = alice.decrypt(m_bob->address, fromNewBob);
    QVERIFY(!refused);
    QCOMPARE(refused.error(), CryptoError::UntrustedIdentity);
    QCOMPARE(alice.buildSession(m_bob->address, newBob.handOutBundle()).error(),
             CryptoError::UntrustedIdentity);

    auto changes = m_alice->store().changedIdentities();
    QVERIFY(changes);
    QCOMPARE(changes.value().size(), 1);
    QCOMPARE(changes.value().first().address, m_bob->address);
    QCOMPARE(changes.value().first().trustedKey, oldKey);
    QCOMPARE(changes.value().first().offeredKey, newKey);

    QVERIFY(m_alice->store().acknowledgeIdentityChange(m_bob->address));
    QVERIFY(m_alice->store().changedIdentities().value().isEmpty());
    QCOMPARE(alice.decrypt(m_bob->address, fromNewBob).value(), QByteArray("it is me, new phone"));
    auto reply = alice.encrypt(m_bob->address, "welcome back");
    QVERIFY(reply);
    QCOMPARE(newBobCipher.decrypt(m_alice->address, reply.value()).value(),
             QByteArray("welcome back"));
}

void tst_PairwiseCipher::messageEncodesForTheInbox()
{
    PairwiseCipher alice = m_alice->pairwise();
    QVERIFY(alice.buildSession(m_bob->address, m_bob->handOutBundle()));
    const PairwiseMessage message = alice.encrypt(m_bob->address, "via the inbox").value();
    const QByteArray body = message.encode();
    QCOMPARE(body.at(0), char(PairwiseMessage::Type::PreKey));
    auto decoded = PairwiseMessage::decode(body);
    QVERIFY(decoded);
    QCOMPARE(decoded.value(), message);
    QCOMPARE(m_bob->pairwise().decrypt(m_alice->address, decoded.value()).value(),
             QByteArray("via the inbox"));

    QCOMPARE(PairwiseMessage::decode(QByteArray()).error(), CryptoError::InvalidMessage);
    QCOMPARE(PairwiseMessage::decode(QByteArray("\x02")).error(), CryptoError::InvalidMessage);
    QCOMPARE(PairwiseMessage::decode(QByteArray("\x07body")).error(), CryptoError::InvalidMessage);
}

QTEST_GUILESS_MAIN(tst_PairwiseCipher)
#include "tst_pairwisecipher.moc"
