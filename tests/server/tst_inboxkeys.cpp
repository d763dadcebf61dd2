// The device inbox (until acknowledged) and pre-key bundles (each one-time pre-key once).
#include "ServerFixture.h"

#include <QtCore/QSet>
#include <QtTest/QTest>

using namespace Parley;
using namespace Qt::StringLiterals;

class tst_InboxKeys : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void cleanup();

    void inboxUntilAcknowledged();
    void inboxRefusesWrongDevices();
    void inboxFull();
    void preKeysHandedOutOnce();
    void preKeysConcurrently();
    void identityKeyNeverChanges();

private:
    static UploadKeysFrame keys(const QByteArray &identity, int firstId, int count);
    ServerFixture f;
};

void tst_InboxKeys::initTestCase()
{
    PARLEY_START_SERVER(f);
}

void tst_InboxKeys::cleanupTestCase()
{
    PARLEY_STOP_SERVER(f);
}

void tst_InboxKeys::cleanup()
{
    f.logIfFailed();
}

UploadKeysFrame tst_InboxKeys::keys(const QByteArray &identity, int firstId, int count)
{
    UploadKeysFrame frame;
    frame.registrationId = 1234;
    frame.identityKey = identity;
    frame.signedPreKey = SignedPreKey{7, "signed-pre-key"_ba, "signature"_ba};
    for (int i = 0; i < count; ++i)
        frame.preKeys.append(
                OneTimePreKey{firstId + i, "one-time-" + QByteArray::number(firstId + i)});
    return frame;
}

void tst_InboxKeys::inboxUntilAcknowledged()
{
    auto a = f.newUser();
    auto b = f.newUser();
    QVERIFY(a && b);
    const qint64 bUser = b->account().userId;
    const qint64 bDevice = b->account().deviceId;
    PARLEY_VERIFY(a->callOk(InboxSendFrame{{InboxDelivery{bUser, bDevice, "first"_ba},
                                            InboxDelivery{bUser, bDevice, "second"_ba}}}));
    for (const QByteArray &body : {"first"_ba, "second"_ba}) {
        auto pushed = b->awaitPush(FrameType::InboxPushed);
        QVERIFY(pushed);
        const InboxItem item = FrameCodec::read<InboxPushedFrame>(*pushed)->item;
        QCOMPARE(item.body, body);
        QCOMPARE(item.fromUserId, a->account().userId);
        QCOMPARE(item.fromDeviceId, a->account().deviceId);
        QVERIFY(item.serverTime > 0);
    }
    auto page = b->call<InboxItemsFrame>(InboxFetchFrame{1});
    PARLEY_VERIFY(page);
    QCOMPARE(page->items.size(), 1);
    QVERIFY(page->more);
    QCOMPARE(page->items.first().body, "first"_ba);
    const qint64 firstId = page->items.first().itemId;
    // Another device's ack changes nothing; the owner's deletes it; a second ack is harmless.
    PARLEY_VERIFY(a->callOk(InboxAckFrame{{firstId}}));
    auto again = b->call<InboxItemsFrame>(InboxFetchFrame{10});
    PARLEY_VERIFY(again);
    QCOMPARE(again->items.size(), 2);
    PARLEY_VERIFY(b->callOk(InboxAckFrame{{firstId}}));
    PARLEY_VERIFY(b->callOk(InboxAckFrame{{firstId}}));
    auto rest = b->call<InboxItemsFrame>(InboxFetchFrame{10});
    PARLEY_VERIFY(rest);
    QCOMPARE(rest->items.size(), 1);
    QCOMPARE(rest->items.first().body, "second"_ba);
    QVERIFY(!rest->more);
    // Items wait for a device that is offline.
    const QByteArray token = b->account().token;
    b->close();
    PARLEY_VERIFY(a->callOk(InboxSendFrame{{InboxDelivery{bUser, bDevice, "while away"_ba}}}));
    TestClient back;
    QVERIFY(back.open(f.server.url(), f.server.fingerprint()) && back.hello());
    PARLEY_VERIFY(back.resume(token));
    auto waiting = back.call<InboxItemsFrame>(InboxFetchFrame{10});
    PARLEY_VERIFY(waiting);
    QCOMPARE(waiting->items.size(), 2);
    QCOMPARE(waiting->items.last().body, "while away"_ba);
}

void tst_InboxKeys::inboxRefusesWrongDevices()
{
    auto a = f.newUser();
    auto b = f.newUser();
    auto c = f.newUser();
    QVERIFY(a && b && c);
    // c's device under b's user id: nothing of the batch is stored.
    const Status wrong = a->callOk(
            InboxSendFrame{{InboxDelivery{b->account().userId, b->account().deviceId, "ok"_ba},
                            InboxDelivery{b->account().userId, c->account().deviceId, "no"_ba}}});
    QCOMPARE(wrong.error().code, ErrorCode::NoSuchDevice);
    auto empty = b->call<InboxItemsFrame>(InboxFetchFrame{10});
    PARLEY_VERIFY(empty);
    QVERIFY(empty->items.isEmpty());
    QCOMPARE(a->callOk(InboxSendFrame{{InboxDelivery{b->account().userId, 999999, "no"_ba}}})
                     .error()
                     .code,
             ErrorCode::NoSuchDevice);
    const QByteArray tooBig(MaxInboxBodyBytes + 1, 'x');
    QCOMPARE(a->callOk(InboxSendFrame{
                               {InboxDelivery{b->account().userId, b->account().deviceId, tooBig}}})
                     .error()
                     .code,
             ErrorCode::BodyTooLarge);
}

void tst_InboxKeys::inboxFull()
{
    ServerFixture small;
    QVERIFY2(small.start({u"--max-inbox-items"_s, u"2"_s}), small.server.log().constData());
    auto a = small.registerUser(u"sender"_s);
    auto b = small.registerUser(u"receiver"_s);
    QVERIFY(a && b);
    const InboxDelivery one{b->account().userId, b->account().deviceId, "x"_ba};
    PARLEY_VERIFY(a->callOk(InboxSendFrame{{one, one}}));
    QCOMPARE(a->callOk(InboxSendFrame{{one}}).error().code, ErrorCode::TooManyItems);
    QVERIFY(small.stop());
}

void tst_InboxKeys::preKeysHandedOutOnce()
{
    auto owner = f.newUser();
    auto asker = f.newUser();
    QVERIFY(owner && asker);
    auto second = f.newDevice(owner->account().username);
    QVERIFY(second);
    PARLEY_VERIFY(owner->callOk(keys("identity-1"_ba, 100, 3)));
    // After the upload: 3 left (the keysLow of 0 sent at login may come first).
    auto low = owner->await([](const RawFrame &f) {
        auto k = FrameCodec::read<KeysLowFrame>(f);
        return f.type == FrameType::KeysLow && k && k->remaining == 3;
    });
    QVERIFY(low);
    owner->clear();

    QSet<qint64> seen;
    for (int round = 0; round < 4; ++round) {
        auto bundles = asker->call<KeyBundlesFrame>(FetchKeysFrame{owner->account().userId});
        PARLEY_VERIFY(bundles);
        QCOMPARE(bundles->userId, owner->account().userId);
        QCOMPARE(bundles->bundles.size(), 1); // the second device has uploaded nothing
        const KeyBundle &b = bundles->bundles.first();
        QCOMPARE(b.deviceId, owner->account().deviceId);
        QCOMPARE(b.registrationId, 1234);
        QCOMPARE(b.identityKey, "identity-1"_ba);
        QCOMPARE(b.signedPreKey.signature, "signature"_ba);
        if (round < 3) {
            QVERIFY(b.oneTimePreKey);
            QVERIFY(!seen.contains(b.oneTimePreKey->id));
            seen.insert(b.oneTimePreKey->id);
            auto left = owner->awaitPush(FrameType::KeysLow);
            QVERIFY(left);
            QCOMPARE(FrameCodec::read<KeysLowFrame>(*left)->remaining, 2 - round);
        } else {
            QVERIFY(!b.oneTimePreKey); // the stock is empty
        }
    }
    QCOMPARE(seen, (QSet<qint64>{100, 101, 102}));
    // Asking for one's own user gives the other devices only.
    PARLEY_VERIFY(second->callOk(keys("identity-2"_ba, 1, 1)));
    auto own = owner->call<KeyBundlesFrame>(FetchKeysFrame{owner->account().userId});
    PARLEY_VERIFY(own);
    QCOMPARE(own->bundles.size(), 1);
    QCOMPARE(own->bundles.first().deviceId, second->account().deviceId);
    QCOMPARE(asker->call<KeyBundlesFrame>(FetchKeysFrame{999999}).error().code,
             ErrorCode::NoSuchUser);
}

void tst_InboxKeys::preKeysConcurrently()
{
    auto owner = f.newUser();
    QVERIFY(owner);
    PARLEY_VERIFY(owner->callOk(keys("identity"_ba, 1, 50)));
    std::vector<std::unique_ptr<TestClient>> askers;
    for (int i = 0; i < 5; ++i) {
        askers.push_back(f.newUser(u"asker"_s));
        QVERIFY(askers.back());
    }
    // Everyone asks many times at once; no key is handed out twice.
    QList<QPair<TestClient *, qint64>> requests;
    for (int round = 0; round < 10; ++round) {
        for (auto &a : askers)
            requests.append({a.get(), a->send(FetchKeysFrame{owner->account().userId})});
    }
    QSet<qint64> seen;
    for (const auto &[client, id] : requests) {
        auto reply = client->awaitReply(id);
        QVERIFY(reply);
        auto bundles = FrameCodec::read<KeyBundlesFrame>(*reply);
        PARLEY_VERIFY(bundles);
        QCOMPARE(bundles->bundles.size(), 1);
        QVERIFY(bundles->bundles.first().oneTimePreKey);
        const qint64 key = bundles->bundles.first().oneTimePreKey->id;
        QVERIFY2(!seen.contains(key), "a one-time pre-key was handed out twice");
        seen.insert(key);
    }
    QCOMPARE(seen.size(), 50);
}

void tst_InboxKeys::identityKeyNeverChanges()
{
    auto owner = f.newUser();
    QVERIFY(owner);
    PARLEY_VERIFY(owner->callOk(keys("identity"_ba, 1, 30)));
    // The same identity adds keys and replaces the signed pre-key.
    PARLEY_VERIFY(owner->callOk(keys("identity"_ba, 31, 5)));
    QCOMPARE(owner->callOk(keys("another"_ba, 100, 1)).error().code, ErrorCode::InvalidArgument);
}

QTEST_GUILESS_MAIN(tst_InboxKeys)
#include "tst_inboxkeys.moc"
