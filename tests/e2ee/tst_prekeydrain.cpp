// Pre-key abuse against a real parleyd: one account fetches a victim's key bundles as fast as it
// can. The server slows it down (rate_limited) and hands out only a few of the victim's one-time
// pre-keys; a new contact then still starts a pairwise session with the victim (X3DH on the
// signed pre-key) and the victim reads its first message. Real libsignal key stores on both
// ends (tests/crypto's TestDevice), real frames over a real socket.

#include "ParleydProcess.h"
#include "TestClient.h"
#include "TestDevice.h"

#include <QtCore/QSet>
#include <QtCore/QTemporaryDir>
#include <QtTest/QTest>

using namespace Parley;
using namespace Qt::StringLiterals;

namespace {

constexpr int FetchesPerMinute = 10;
constexpr int HandoutsPerMinute = 5;
constexpr int VictimPreKeys = 40;

/// What uploadKeys sends for a device's published bundle.
UploadKeysFrame uploadOf(const PreKeyBundle &bundle)
{
    UploadKeysFrame frame;
    frame.registrationId = bundle.registrationId;
    frame.identityKey = bundle.identityKey;
    frame.signedPreKey = {bundle.signedPreKey.id, bundle.signedPreKey.publicKey,
                          bundle.signedPreKey.signature};
    for (const PreKeyPublic &key : bundle.preKeys)
        frame.preKeys.append({key.id, key.publicKey});
    return frame;
}

/// What a client hands to libsignal for a fetched bundle.
PreKeyBundle bundleOf(const KeyBundle &keys)
{
    PreKeyBundle bundle;
    bundle.registrationId = quint32(keys.registrationId);
    bundle.identityKey = keys.identityKey;
    bundle.signedPreKey = {quint32(keys.signedPreKey.id), keys.signedPreKey.publicKey,
                           keys.signedPreKey.signature};
    if (keys.oneTimePreKey)
        bundle.preKeys.append({quint32(keys.oneTimePreKey->id), keys.oneTimePreKey->publicKey});
    return bundle;
}

DeviceAddress addressOf(const TestClient &client)
{
    return {client.account().userId, qint32(client.account().deviceId)};
}

} // namespace

class tst_PreKeyDrain : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void drainedVictimStillReachable();

private:
    ParleydProcess m_server;
    QTemporaryDir m_dir;
};

void tst_PreKeyDrain::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_server.setArguments({u"--key-fetches"_s, QString::number(FetchesPerMinute),
                           u"--prekey-handouts"_s, QString::number(HandoutsPerMinute)});
    QVERIFY2(m_server.start(), m_server.log().constData());
}

void tst_PreKeyDrain::cleanupTestCase()
{
    if (m_server.isRunning())
        QVERIFY2(m_server.stop(), m_server.log().constData());
}

void tst_PreKeyDrain::drainedVictimStillReachable()
{
    TestClient victim, drainer, newcomer;
    PARLEY_VERIFY(victim.connectAndRegister(m_server.url(), m_server.fingerprint(), u"victim"_s,
                                            u"victim-password"_s));
    PARLEY_VERIFY(drainer.connectAndRegister(m_server.url(), m_server.fingerprint(), u"drainer"_s,
                                             u"drainer-password"_s));
    PARLEY_VERIFY(newcomer.connectAndRegister(m_server.url(), m_server.fingerprint(), u"newcomer"_s,
                                              u"newcomer-password"_s));
    TestDevice victimKeys(m_dir.path(), addressOf(victim));
    TestDevice newcomerKeys(m_dir.path(), addressOf(newcomer));
    for (TestDevice *device : {&victimKeys, &newcomerKeys}) {
        QVERIFY(bool(device->open()));
        QVERIFY(bool(device->createIdentity(VictimPreKeys)));
    }
    PARLEY_VERIFY(victim.callOk(uploadOf(victimKeys.published)));

    // The drainer asks for the victim's bundles as fast as its connection allows.
    QList<qint64> requests;
    for (int i = 0; i < 4 * FetchesPerMinute; ++i)
        requests.append(drainer.send(FetchKeysFrame{victim.account().userId}));
    int answered = 0, slowed = 0;
    QSet<qint64> oneTimeKeys;
    for (qint64 id : std::as_const(requests)) {
        const auto reply = drainer.awaitReply(id);
        QVERIFY(reply);
        if (reply->type == FrameType::Error) {
            QCOMPARE(FrameCodec::read<ErrorFrame>(*reply)->code, ErrorCode::RateLimited);
            ++slowed;
            continue;
        }
        const auto bundles = FrameCodec::read<KeyBundlesFrame>(*reply);
        PARLEY_VERIFY(bundles);
        QCOMPARE(bundles->bundles.size(), 1);
        // Every answer still carries the signed pre-key.
        QVERIFY(!bundles->bundles.first().signedPreKey.signature.isEmpty());
        ++answered;
        if (const auto &key = bundles->bundles.first().oneTimePreKey)
            oneTimeKeys.insert(key->id);
    }
    // A minute's budget at most (plus what refilled meanwhile); the rest was refused.
    QVERIFY2(answered <= FetchesPerMinute + 1, qPrintable(QString::number(answered)));
    QVERIFY(slowed >= 4 * FetchesPerMinute - FetchesPerMinute - 1);
    // Of the victim's 40 one-time pre-keys only the target's budget went out.
    QVERIFY2(oneTimeKeys.size() <= HandoutsPerMinute + 1,
             qPrintable(QString::number(oneTimeKeys.size())));

    // A new contact still starts a session with the victim, on the signed pre-key alone if the
    // victim's budget is spent, and the victim reads what it sends.
    const auto fetched = newcomer.call<KeyBundlesFrame>(FetchKeysFrame{victim.account().userId});
    PARLEY_VERIFY(fetched);
    QCOMPARE(fetched->bundles.size(), 1);
    const KeyBundle &keys = fetched->bundles.first();
    QVERIFY(bool(newcomerKeys.pairwise().buildSession(addressOf(victim), bundleOf(keys))));
    const auto sealed = newcomerKeys.pairwise().encrypt(addressOf(victim), "hello, victim"_ba);
    QVERIFY(bool(sealed));
    QCOMPARE(sealed.value().type, PairwiseMessage::Type::PreKey);
    PARLEY_VERIFY(newcomer.callOk(InboxSendFrame{
            {{victim.account().userId, victim.account().deviceId, sealed.value().encode()}}}));

    const auto inbox = victim.call<InboxItemsFrame>(InboxFetchFrame{});
    PARLEY_VERIFY(inbox);
    QCOMPARE(inbox->items.size(), 1);
    const InboxItem &item = inbox->items.first();
    QCOMPARE(item.fromUserId, newcomer.account().userId);
    const auto message = PairwiseMessage::decode(item.body);
    QVERIFY(bool(message));
    const auto plain = victimKeys.pairwise().decrypt(addressOf(newcomer), message.value());
    QVERIFY(bool(plain));
    QCOMPARE(plain.value(), "hello, victim"_ba);
}

QTEST_GUILESS_MAIN(tst_PreKeyDrain)
#include "tst_prekeydrain.moc"
