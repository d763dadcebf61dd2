#include "TestDevice.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <vector>

using namespace Parley;

namespace {

constexpr qint64 Conversation = 42;

} // namespace

class tst_SenderKeyCipher : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void groupOfThree();
    void noSenderKeyYet();
    void outOfOrderAndDuplicates();
    void replayedDistributionIgnored();
    void tamperedCiphertextRefused();
    void rotationLeavesFormerMemberOut();
    void continuesAfterRestart();

private:
    //! Sends \a from's current distribution message to each of \a members.
    void distribute(TestDevice &from, const std::vector<TestDevice *> &members);
    //! Sends \a distribution to each of \a members through pairwise sessions, as the device
    //! inbox carries it, and has them process it.
    void deliver(TestDevice &from, const QByteArray &distribution,
                 const std::vector<TestDevice *> &members);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<TestDevice> m_alice;
    std::unique_ptr<TestDevice> m_bob;
    std::unique_ptr<TestDevice> m_carol;
};

void tst_SenderKeyCipher::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_alice = std::make_unique<TestDevice>(m_dir->path(), DeviceAddress{1, 1});
    m_bob = std::make_unique<TestDevice>(m_dir->path(), DeviceAddress{2, 1});
    m_carol = std::make_unique<TestDevice>(m_dir->path(), DeviceAddress{3, 1});
    for (TestDevice *device : {m_alice.get(), m_bob.get(), m_carol.get()}) {
        QVERIFY(device->open());
        QVERIFY(device->createIdentity());
    }
}

void tst_SenderKeyCipher::cleanup()
{
    m_alice.reset();
    m_bob.reset();
    m_carol.reset();
    m_dir.reset();
}

void tst_SenderKeyCipher::distribute(TestDevice &from, const std::vector<TestDevice *> &members)
{
    auto distribution = from.senderKeys().distributionMessage(Conversation, from.address);
    QVERIFY(distribution);
    deliver(from, distribution.value(), members);
}

void tst_SenderKeyCipher::deliver(TestDevice &from, const QByteArray &distribution,
                                  const std::vector<TestDevice *> &members)
{
    PairwiseCipher sender = from.pairwise();
    for (TestDevice *member : members) {
        if (!sender.hasSession(member->address).value())
            QVERIFY(sender.buildSession(member->address, member->handOutBundle()));
        auto envelope = sender.encrypt(member->address, distribution);
        QVERIFY(envelope);
        auto received = member->pairwise().decrypt(from.address, envelope.value());
        QVERIFY(received);
        QCOMPARE(received.value(), distribution);
        QVERIFY(member->senderKeys().processDistributionMessage(Conversation, from.address,
                                                                received.value()));
    }
}

void tst_SenderKeyCipher::groupOfThree()
{
    distribute(*m_alice, {m_bob.get(), m_carol.get()});
    distribute(*m_bob, {m_alice.get(), m_carol.get()});
    distribute(*m_carol, {m_alice.get(), m_bob.get()});

    const std::vector<TestDevice *> devices{m_alice.get(), m_bob.get(), m_carol.get()};
    for (int round = 0; round < 3; ++round) {
        for (TestDevice *sender : devices) {
            const QByteArray text = "round " + QByteArray::number(round) + " from "
                    + QByteArray::number(sender->address.userId);
            auto ciphertext = sender->senderKeys().encrypt(Conversation, sender->address, text);
            QVERIFY(ciphertext);
            QVERIFY(!ciphertext.value().contains(text));
            // One ciphertext for the whole conversation.
            for (TestDevice *reader : devices) {
                if (reader == sender)
                    continue;
                auto plaintext = reader->senderKeys().decrypt(Conversation, sender->address,
                                                              ciphertext.value());
                QVERIFY(plaintext);
                QCOMPARE(plaintext.value(), text);
            }
        }
    }
}

void tst_SenderKeyCipher::noSenderKeyYet()
{
    SenderKeyCipher alice = m_alice->senderKeys();
    auto tooEarly = alice.encrypt(Conversation, m_alice->address, "nobody can read this");
    QVERIFY(!tooEarly);
    QCOMPARE(tooEarly.error(), CryptoError::NoSenderKey);

    auto distribution = alice.distributionMessage(Conversation, m_alice->address);
    QVERIFY(distribution);
    QVERIFY(alice.hasSenderKey(Conversation, m_alice->address).value());
    const QByteArray ciphertext = alice.encrypt(Conversation, m_alice->address, "queued").value();

    // The message overtook the distribution message: Bob keeps it and retries later.
    SenderKeyCipher bob = m_bob->senderKeys();
    QVERIFY(!bob.hasSenderKey(Conversation, m_alice->address).value());
    auto waiting = bob.decrypt(Conversation, m_alice->address, ciphertext);
    QVERIFY(!waiting);
    QCOMPARE(waiting.error(), CryptoError::NoSenderKey);

    deliver(*m_alice, distribution.value(), {m_bob.get()});
    QCOMPARE(bob.decrypt(Conversation, m_alice->address, ciphertext).value(), QByteArray("queued"));

    // A distribution message made after a message was encrypted starts after it: a device
    // that joins later reads from the point it received the key.
    deliver(*m_alice, alice.distributionMessage(Conversation, m_alice->address).value(),
            {m_carol.get()});
    QCOMPARE(m_carol->senderKeys().decrypt(Conversation, m_alice->address, ciphertext).error(),
             CryptoError::DuplicateMessage);
    QCOMPARE(m_carol->senderKeys()
                     .decrypt(Conversation, m_alice->address,
                              alice.encrypt(Conversation, m_alice->address, "later").value())
                     .value(),
             QByteArray("later"));
}

void tst_SenderKeyCipher::outOfOrderAndDuplicates()
{
    distribute(*m_alice, {m_bob.get()});
    SenderKeyCipher alice = m_alice->senderKeys();
    SenderKeyCipher bob = m_bob->senderKeys();
    QList<QByteArray> sent;
    for (int i = 0; i < 4; ++i)
        sent.append(
                alice.encrypt(Conversation, m_alice->address, "m" + QByteArray::number(i)).value());
    for (int i : {2, 0, 3, 1})
        QCOMPARE(bob.decrypt(Conversation, m_alice->address, sent[i]).value(),
                 "m" + QByteArray::number(i));
    for (const QByteArray &ciphertext : sent) {
        auto again = bob.decrypt(Conversation, m_alice->address, ciphertext);
        QVERIFY(!again);
        QCOMPARE(again.error(), CryptoError::DuplicateMessage);
    }
}

void tst_SenderKeyCipher::replayedDistributionIgnored()
{
    SenderKeyCipher alice = m_alice->senderKeys();
    SenderKeyCipher bob = m_bob->senderKeys();
    const QByteArray distribution =
            alice.distributionMessage(Conversation, m_alice->address).value();
    QVERIFY(bob.processDistributionMessage(Conversation, m_alice->address, distribution));
    const QByteArray first = alice.encrypt(Conversation, m_alice->address, "first").value();
    QVERIFY(bob.decrypt(Conversation, m_alice->address, first));

    // A replayed distribution message must not rewind the chain to make "first" readable again.
    QVERIFY(bob.processDistributionMessage(Conversation, m_alice->address, distribution));
    QCOMPARE(bob.decrypt(Conversation, m_alice->address, first).error(),
             CryptoError::DuplicateMessage);
    QCOMPARE(bob.decrypt(Conversation, m_alice->address,
                         alice.encrypt(Conversation, m_alice->address, "second").value())
                     .value(),
             QByteArray("second"));

    QCOMPARE(bob.processDistributionMessage(Conversation, m_alice->address, "garbage").error(),
             CryptoError::InvalidMessage);
}

void tst_SenderKeyCipher::tamperedCiphertextRefused()
{
    distribute(*m_alice, {m_bob.get()});
    SenderKeyCipher bob = m_bob->senderKeys();
    const QByteArray original =
            m_alice->senderKeys().encrypt(Conversation, m_alice->address, "intact").value();
    for (qsizetype index : {qsizetype(12), original.size() - 1}) {
        QByteArray tampered = original;
        tampered[index] = char(tampered.at(index) ^ 0x01);
        auto refused = bob.decrypt(Conversation, m_alice->address, tampered);
        QVERIFY(!refused);
        QCOMPARE(refused.error(), CryptoError::InvalidMessage);
    }
    QCOMPARE(bob.decrypt(Conversation, m_alice->address, "garbage").error(),
             CryptoError::InvalidMessage);
    // Another member's name on Alice's ciphertext: no key of Carol's is known.
    QCOMPARE(bob.decrypt(Conversation, m_carol->address, original).error(),
             CryptoError::NoSenderKey);
    QCOMPARE(bob.decrypt(Conversation, m_alice->address, original).value(), QByteArray("intact"));
}

void tst_SenderKeyCipher::rotationLeavesFormerMemberOut()
{
    distribute(*m_alice, {m_bob.get(), m_carol.get()});
    SenderKeyCipher alice = m_alice->senderKeys();
    const QByteArray before = alice.encrypt(Conversation, m_alice->address, "before").value();

    // Carol leaves: Alice starts a new sender key and gives it to Bob only.
    QVERIFY(alice.rotate(Conversation, m_alice->address));
    QVERIFY(!alice.hasSenderKey(Conversation, m_alice->address).value());
    distribute(*m_alice, {m_bob.get()});
    const QByteArray after = alice.encrypt(Conversation, m_alice->address, "after").value();

    QCOMPARE(m_bob->senderKeys().decrypt(Conversation, m_alice->address, before).value(),
             QByteArray("before"));
    QCOMPARE(m_bob->senderKeys().decrypt(Conversation, m_alice->address, after).value(),
             QByteArray("after"));
    QCOMPARE(m_carol->senderKeys().decrypt(Conversation, m_alice->address, before).value(),
             QByteArray("before"));
    QCOMPARE(m_carol->senderKeys().decrypt(Conversation, m_alice->address, after).error(),
             CryptoError::NoSenderKey);
}

void tst_SenderKeyCipher::continuesAfterRestart()
{
    distribute(*m_alice, {m_bob.get(), m_carol.get()});
    distribute(*m_bob, {m_alice.get(), m_carol.get()});
    const QByteArray inFlight =
            m_alice->senderKeys().encrypt(Conversation, m_alice->address, "in flight").value();
    QCOMPARE(m_bob->senderKeys().decrypt(Conversation, m_alice->address, inFlight).value(),
             QByteArray("in flight"));

    for (TestDevice *device : {m_alice.get(), m_bob.get(), m_carol.get()}) {
        device->close();
        QVERIFY(device->open());
    }

    QCOMPARE(m_carol->senderKeys().decrypt(Conversation, m_alice->address, inFlight).value(),
             QByteArray("in flight"));
    QCOMPARE(m_bob->senderKeys().decrypt(Conversation, m_alice->address, inFlight).error(),
             CryptoError::DuplicateMessage);
    const QByteArray fromBob =
            m_bob->senderKeys().encrypt(Conversation, m_bob->address, "after restart").value();
    QCOMPARE(m_alice->senderKeys().decrypt(Conversation, m_bob->address, fromBob).value(),
             QByteArray("after restart"));
    QCOMPARE(m_carol->senderKeys().decrypt(Conversation, m_bob->address, fromBob).value(),
             QByteArray("after restart"));
    const QByteArray fromAlice =
            m_alice->senderKeys().encrypt(Conversation, m_alice->address, "still here").value();
    QCOMPARE(m_bob->senderKeys().decrypt(Conversation, m_alice->address, fromAlice).value(),
             QByteArray("still here"));
}

QTEST_GUILESS_MAIN(tst_SenderKeyCipher)
#include "tst_senderkeycipher.moc"
