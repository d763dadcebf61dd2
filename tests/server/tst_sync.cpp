// Catching up and live signals: sync after being away, receipts, typing, presence.
#include "ServerFixture.h"

#include <QtTest/QTest>

using namespace Parley;
using namespace Qt::StringLiterals;

class tst_Sync : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void cleanup();

    void syncAfterBeingAway();
    void syncStaysWithinTheFrameLimit();
    void receipts();
    void deliveredReachesTheAuthors();
    void typing();
    void typingExpires();
    void presence();
    void presenceIsCoalesced();
    void newContactsLearnPresenceAtOnce();

private:
    ServerFixture f;
};

void tst_Sync::initTestCase()
{
    PARLEY_START_SERVER(f);
}

void tst_Sync::cleanupTestCase()
{
    PARLEY_STOP_SERVER(f);
}

void tst_Sync::cleanup()
{
    f.logIfFailed();
}

void tst_Sync::syncAfterBeingAway()
{
    auto a = f.newUser();
    auto b = f.newUser();
    QVERIFY(a && b);
    const qint64 id = f.direct(*a, *b);
    QVERIFY(id);
    const qint64 other = f.direct(*b, *f.newUser());
    QVERIFY(other);
    const QByteArray token = b->account().token;
    b->close();
    for (int i = 0; i < 5; ++i)
        QVERIFY(!f.send(*a, id, QByteArray::number(i)).isEmpty());

    TestClient back;
    QVERIFY(back.open(f.server.url(), f.server.fingerprint()) && back.hello());
    PARLEY_VERIFY(back.resume(token));
    // Cursor at 1 (the created entry): 3 of the 5 messages, then the rest.
    auto first = back.call<SyncedFrame>(SyncFrame{{SyncCursor{id, 1}}, 3});
    PARLEY_VERIFY(first);
    QCOMPARE(first->conversations.size(), 2);
    QVERIFY(first->more);
    QCOMPARE(first->messages.size(), 3);
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(first->messages[i].conversationId, id);
        QCOMPARE(first->messages[i].seq, i + 2);
        QCOMPARE(first->messages[i].body, QByteArray::number(i));
    }
    const auto conv = std::find_if(first->conversations.cbegin(), first->conversations.cend(),
                                   [id](const Conversation &c) { return c.id == id; });
    QVERIFY(conv != first->conversations.cend());
    QCOMPARE(conv->lastSeq, 6);
    QCOMPARE(conv->members.size(), 2);
    QCOMPARE(first->presence.size(), 2); // a and the other chat's user
    for (const Presence &p : first->presence) {
        if (p.userId == a->account().userId)
            QVERIFY(p.online);
    }
    auto second = back.call<SyncedFrame>(SyncFrame{{SyncCursor{id, 4}}, 3});
    PARLEY_VERIFY(second);
    QVERIFY(!second->more);
    QCOMPARE(second->messages.size(), 2);
    QCOMPARE(second->messages.last().seq, 6);
    // Without a cursor a conversation gets no messages; a cursor elsewhere is ignored.
    auto none = back.call<SyncedFrame>(SyncFrame{{SyncCursor{987654, 0}}, 50});
    PARLEY_VERIFY(none);
    QVERIFY(none->messages.isEmpty());
    QCOMPARE(none->conversations.size(), 2);
}

void tst_Sync::syncStaysWithinTheFrameLimit()
{
    auto a = f.newUser();
    auto b = f.newUser();
    QVERIFY(a && b);
    const qint64 id = f.direct(*a, *b);
    QVERIFY(id);
    // b is away while the backlog builds: online, the live pushes of 4.4 MiB would make a
    // busy test machine's b a slow reader, which the server rightly drops.
    const QByteArray token = b->account().token;
    b->close();
    // 70 bodies of 64 KiB: more than one synced reply carries (1 MiB of bodies).
    const QByteArray big(MaxBodyBytes, 'b');
    for (int i = 0; i < 70; ++i)
        QVERIFY(!f.send(*a, id, big).isEmpty());
    b = std::make_unique<TestClient>();
    QVERIFY(f.reconnect(*b, token));
    qint64 cursor = 1;
    int rounds = 0;
    qint64 received = 0;
    for (bool more = true; more; ++rounds) {
        auto synced =
                b->call<SyncedFrame>(SyncFrame{{SyncCursor{id, cursor}}, MaxPageMessages}, 30000);
        PARLEY_VERIFY(synced);
        QVERIFY(!synced->messages.isEmpty());
        for (const Envelope &e : synced->messages)
            QCOMPARE(e.seq, ++cursor); // gapless across replies
        received += synced->messages.size();
        more = synced->more;
    }
    QCOMPARE(received, 70);
    QVERIFY(rounds >= 5);
}

void tst_Sync::receipts()
{
    auto a = f.newUser();
    auto b = f.newUser();
    QVERIFY(a && b);
    auto b2 = f.newDevice(b->account().username);
    QVERIFY(b2);
    const qint64 id = f.direct(*a, *b);
    QVERIFY(id);
    qint64 s1 = 0, s2 = 0;
    f.send(*a, id, "one", &s1);
    f.send(*a, id, "two", &s2);
    QVERIFY(s1 && s2);
    a->clear();
    b2->clear();

    PARLEY_VERIFY(b->callOk(ReceiptFrame{Receipt{id, 0, 0, ReceiptKind::Delivered, s2}}));
    for (TestClient *client : {a.get(), b2.get()}) {
        auto pushed = client->awaitPush(FrameType::Receipt);
        QVERIFY(pushed);
        const Receipt r = FrameCodec::read<ReceiptFrame>(*pushed)->receipt;
        QCOMPARE(r.conversationId, id);
        QCOMPARE(r.userId, b->account().userId);
        QCOMPARE(r.deviceId, b->account().deviceId);
        QCOMPARE(r.kind, ReceiptKind::Delivered);
        QCOMPARE(r.seq, s2);
    }
    QVERIFY(!b->receivesPush(FrameType::Receipt, 200)); // not back to the sending device
    // Lower: accepted, changes nothing, tells nobody.
    PARLEY_VERIFY(b->callOk(ReceiptFrame{Receipt{id, 0, 0, ReceiptKind::Delivered, s1}}));
    QVERIFY(!a->receivesPush(FrameType::Receipt, 300));
    QCOMPARE(b->callOk(ReceiptFrame{Receipt{id, 0, 0, ReceiptKind::Read, s2 + 10}}).error().code,
             ErrorCode::InvalidArgument);

    // Read, without an id: no reply, still pushed, with device 0.
    b2->sendWithoutId(ReceiptFrame{Receipt{id, 0, 0, ReceiptKind::Read, s1}});
    auto read = a->awaitPush(FrameType::Receipt);
    QVERIFY(read);
    QCOMPARE(FrameCodec::read<ReceiptFrame>(*read)->receipt.kind, ReceiptKind::Read);
    QCOMPARE(FrameCodec::read<ReceiptFrame>(*read)->receipt.deviceId, 0);
    QVERIFY(b->awaitPush(FrameType::Receipt)); // the user's other device
    QVERIFY(!b2->await([](const RawFrame &f) { return f.hasId(); }, 200));

    // The conversation carries them: delivered is the max over b's devices, read b's pointer.
    auto synced = a->call<SyncedFrame>(SyncFrame{{}, 10});
    PARLEY_VERIFY(synced);
    for (const Conversation &c : synced->conversations) {
        if (c.id != id)
            continue;
        QCOMPARE(c.member(b->account().userId)->deliveredUpTo, s2);
        QCOMPARE(c.member(b->account().userId)->readUpTo, s1);
        QCOMPARE(c.member(a->account().userId)->readUpTo, 0);
    }
}

void tst_Sync::deliveredReachesTheAuthors()
{
    // In a group a member's delivered position matters to the authors of the messages it covers
    // (their ticks) and to the member's own devices; telling every member of every member's
    // delivery would cost n^2 pushes per message.
    auto a = f.newUser();
    auto b = f.newUser();
    auto c = f.newUser();
    QVERIFY(a && b && c);
    auto c2 = f.newDevice(c->account().username);
    QVERIFY(c2);
    auto group = a->call<ConversationInfoFrame>(
            CreateGroupFrame{u"ticks"_s, {b->account().userId, c->account().userId}});
    PARLEY_VERIFY(group);
    const qint64 id = group->conversation.id;
    qint64 s1 = 0;
    QVERIFY(!f.send(*a, id, "from a", &s1).isEmpty());
    QVERIFY(b->awaitPush(FrameType::Message));
    a->clear();
    b->clear();
    c2->clear();
    PARLEY_VERIFY(c->callOk(ReceiptFrame{Receipt{id, 0, 0, ReceiptKind::Delivered, s1}}));
    auto toAuthor = a->awaitPush(FrameType::Receipt);
    QVERIFY(toAuthor);
    QCOMPARE(FrameCodec::read<ReceiptFrame>(*toAuthor)->receipt.seq, s1);
    QVERIFY(c2->awaitPush(FrameType::Receipt)); // c's other device
    QVERIFY(!b->receivesPush(FrameType::Receipt, 300));

    // b writes: b now hears of c's delivery, a (nothing of a's in the range) does not.
    qint64 s2 = 0;
    QVERIFY(!f.send(*b, id, "from b", &s2).isEmpty());
    QVERIFY(a->awaitPush(FrameType::Message));
    a->clear();
    b->clear();
    PARLEY_VERIFY(c->callOk(ReceiptFrame{Receipt{id, 0, 0, ReceiptKind::Delivered, s2}}));
    auto toB = b->awaitPush(FrameType::Receipt);
    QVERIFY(toB);
    QCOMPARE(FrameCodec::read<ReceiptFrame>(*toB)->receipt.seq, s2);
    QVERIFY(!a->receivesPush(FrameType::Receipt, 300));

    // Read receipts still go to everyone.
    PARLEY_VERIFY(c->callOk(ReceiptFrame{Receipt{id, 0, 0, ReceiptKind::Read, s2}}));
    QVERIFY(a->awaitPush(FrameType::Receipt));
    QVERIFY(b->awaitPush(FrameType::Receipt));
}

void tst_Sync::typing()
{
    auto a = f.newUser();
    auto b = f.newUser();
    auto outsider = f.newUser();
    QVERIFY(a && b && outsider);
    auto a2 = f.newDevice(a->account().username);
    QVERIFY(a2);
    const qint64 id = f.direct(*a, *b);
    QVERIFY(id);
    b->clear();
    a->sendWithoutId(TypingFrame{Typing{id, 0, true}});
    auto pushed = b->awaitPush(FrameType::Typing);
    QVERIFY(pushed);
    const Typing t = FrameCodec::read<TypingFrame>(*pushed)->typing;
    QCOMPARE(t.conversationId, id);
    QCOMPARE(t.userId, a->account().userId);
    QVERIFY(t.typing);
    a->sendWithoutId(TypingFrame{Typing{id, 0, false}});
    pushed = b->awaitPush(FrameType::Typing);
    QVERIFY(pushed);
    QVERIFY(!FrameCodec::read<TypingFrame>(*pushed)->typing.typing);
    QVERIFY(!a2->receivesPush(FrameType::Typing, 200)); // never back to the typing user
    // An outsider's typing is dropped without a word; an id on it changes nothing.
    outsider->send(TypingFrame{Typing{id, 0, true}});
    QVERIFY(!b->receivesPush(FrameType::Typing, 300));
    QVERIFY(!outsider->await([](const RawFrame &f) { return f.hasId(); }, 100));
}

void tst_Sync::typingExpires()
{
    auto a = f.newUser();
    auto b = f.newUser();
    QVERIFY(a && b);
    const qint64 id = f.direct(*a, *b);
    QVERIFY(id);
    a->sendWithoutId(TypingFrame{Typing{id, 0, true}});
    auto started = b->awaitPush(FrameType::Typing);
    QVERIFY(started);
    QVERIFY(FrameCodec::read<TypingFrame>(*started)->typing.typing);
    QElapsedTimer timer;
    timer.start();
    // No stop comes: the server ends it after about 6 s.
    auto stopped = b->awaitPush(FrameType::Typing, 9000);
    QVERIFY(stopped);
    QVERIFY(!FrameCodec::read<TypingFrame>(*stopped)->typing.typing);
    QVERIFY(timer.elapsed() > 4000);
}

void tst_Sync::presence()
{
    auto a = f.newUser();
    auto b = f.newUser();
    auto stranger = f.newUser();
    QVERIFY(a && b && stranger);
    QVERIFY(f.direct(*a, *b));
    a->clear();
    stranger->clear();
    const QByteArray token = b->account().token;
    const qint64 bId = b->account().userId;
    b->close();
    auto offline = a->await([bId](const RawFrame &f) {
        auto p = FrameCodec::read<PresenceFrame>(f);
        return f.type == FrameType::Presence && p && p->presence.userId == bId
                && !p->presence.online;
    });
    QVERIFY(offline);
    QVERIFY(FrameCodec::read<PresenceFrame>(*offline)->presence.lastSeen > 0);

    TestClient back;
    QVERIFY(back.open(f.server.url(), f.server.fingerprint()) && back.hello());
    PARLEY_VERIFY(back.resume(token));
    auto online = a->await([bId](const RawFrame &f) {
        auto p = FrameCodec::read<PresenceFrame>(f);
        return f.type == FrameType::Presence && p && p->presence.userId == bId
                && p->presence.online;
    });
    QVERIFY(online);
    // Only people who share a conversation see it.
    QVERIFY(!stranger->receivesPush(FrameType::Presence, 300));
}

void tst_Sync::newContactsLearnPresenceAtOnce()
{
    // Three people online who share nothing yet.
    auto a = f.newUser();
    auto b = f.newUser();
    auto c = f.newUser();
    auto stranger = f.newUser();
    QVERIFY(a && b && c && stranger);
    const qint64 aId = a->account().userId, bId = b->account().userId, cId = c->account().userId;
    const auto onlineFrom = [](qint64 userId) {
        return [userId](const RawFrame &f) {
            auto p = FrameCodec::read<PresenceFrame>(f);
            return f.type == FrameType::Presence && p && p->presence.userId == userId
                    && p->presence.online;
        };
    };

    // A direct chat: each sees the other online without syncing again.
    QVERIFY(f.direct(*a, *b));
    QVERIFY(b->await(onlineFrom(aId)));
    QVERIFY(a->await(onlineFrom(bId)));

    // c added to a group of a: c sees a, a sees c; the stranger sees nobody.
    auto group = a->call<ConversationInfoFrame>(CreateGroupFrame{u"three"_s, {}});
    PARLEY_VERIFY(group);
    a->clear();
    PARLEY_VERIFY(a->callOk(AddMemberFrame{group->conversation.id, cId}));
    QVERIFY(c->await(onlineFrom(aId)));
    QVERIFY(a->await(onlineFrom(cId)));
    QVERIFY(!stranger->receivesPush(FrameType::Presence, 300));
}

void tst_Sync::presenceIsCoalesced()
{
    ServerFixture slow;
    QVERIFY2(slow.start({u"--presence-delay"_s, u"3000"_s}), slow.server.log().constData());
    auto a = slow.registerUser(u"watcher"_s);
    auto b = slow.registerUser(u"flapper"_s);
    QVERIFY(a && b);
    PARLEY_VERIFY(a->call<ConversationInfoFrame>(CreateDirectFrame{b->account().userId}));
    QVERIFY(a->receivesPush(FrameType::Presence, 4000)); // b came online (in the window)
    a->clear();
    // Away and back within the window: nothing to tell.
    const QByteArray token = b->account().token;
    b->close();
    TestClient back;
    QVERIFY(slow.reconnect(back, token));
    // (Being introduced by the new chat and the window's flush may both have said "online".)
    const qint64 bId = b->account().userId;
    QVERIFY(!a->await(
            [bId](const RawFrame &f) {
                auto p = FrameCodec::read<PresenceFrame>(f);
                return f.type == FrameType::Presence && p && p->presence.userId == bId
                        && !p->presence.online;
            },
            4000));
    QVERIFY(slow.stop());
}

QTEST_GUILESS_MAIN(tst_Sync)
#include "tst_sync.moc"
