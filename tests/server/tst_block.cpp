// Blocking a user against a real parleyd: no direct chat and no messages in one, no presence or
// typing for the blocked user, no adding the blocker to groups, groups with both go on, and the
// block list reaches the blocker's other devices and survives a restart.
#include "ServerFixture.h"

#include <QtTest/QTest>

using namespace Parley;
using namespace Qt::StringLiterals;

class tst_Block : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void cleanup();

    void directChatRefused();
    void messagesInDirectChatRefused();
    void presenceHidden();
    void typingHidden();
    void cannotAddBlockerToGroup();
    void groupsWithBothContinue();
    void listSyncsToOtherDevices();
    void invalidTargets();
    void survivesRestart();

private:
    /// Everything `client` received until the reply to a router-handled request that was sent
    /// after `pushed` frames went out: a push not among them was never sent.
    static QList<RawFrame> drained(TestClient &client);
    static bool hasPresenceOf(const QList<RawFrame> &frames, qint64 userId);

    ServerFixture f;
};

void tst_Block::initTestCase()
{
    PARLEY_START_SERVER(f, {u"--presence-delay"_s, u"0"_s});
}

void tst_Block::cleanupTestCase()
{
    PARLEY_STOP_SERVER(f);
}

void tst_Block::cleanup()
{
    f.logIfFailed(10000);
}

QList<RawFrame> tst_Block::drained(TestClient &client)
{
    // The router handles requests in order and each session's output is FIFO: whatever the
    // router pushed to this client before it answered this request arrives before the answer.
    const qint64 id = client.send(ListBlockedFrame{});
    if (!client.awaitReply(id))
        return {};
    return client.takeAll([](const RawFrame &) { return true; });
}

bool tst_Block::hasPresenceOf(const QList<RawFrame> &frames, qint64 userId)
{
    return std::any_of(frames.cbegin(), frames.cend(), [userId](const RawFrame &f) {
        if (f.type != FrameType::Presence)
            return false;
        auto p = FrameCodec::read<PresenceFrame>(f);
        return p && p->presence.userId == userId;
    });
}

void tst_Block::directChatRefused()
{
    auto a = f.newUser();
    auto b = f.newUser();
    QVERIFY(a && b);
    PARLEY_VERIFY(a->callOk(BlockFrame{b->account().userId, true}));
    QCOMPARE(b->call<ConversationInfoFrame>(CreateDirectFrame{a->account().userId}).error().code,
             ErrorCode::Blocked);
    QCOMPARE(a->call<ConversationInfoFrame>(CreateDirectFrame{b->account().userId}).error().code,
             ErrorCode::Blocked);
    PARLEY_VERIFY(a->callOk(BlockFrame{b->account().userId, false}));
    PARLEY_VERIFY(b->call<ConversationInfoFrame>(CreateDirectFrame{a->account().userId}));
}

void tst_Block::messagesInDirectChatRefused()
{
    auto a = f.newUser();
    auto b = f.newUser();
    QVERIFY(a && b);
    auto conv = a->call<ConversationInfoFrame>(CreateDirectFrame{b->account().userId});
    PARLEY_VERIFY(conv);
    const qint64 id = conv->conversation.id;
    PARLEY_VERIFY(b->call<SentFrame>(SendFrame{id, TestClient::newClientId(), "hi"_ba}));
    PARLEY_VERIFY(a->callOk(BlockFrame{b->account().userId, true}));
    QCOMPARE(b->call<SentFrame>(SendFrame{id, TestClient::newClientId(), "spam"_ba}).error().code,
             ErrorCode::Blocked);
    // The blocker's log is untouched: still the created entry and the one message.
    auto page = a->call<MessagesFrame>(HistoryFrame{id, 0, 0, 50});
    PARLEY_VERIFY(page);
    QCOMPARE(page->messages.size(), 2);
    QCOMPARE(page->messages.last().body, "hi"_ba);
}

void tst_Block::presenceHidden()
{
    auto a = f.newUser();
    auto b = f.newUser();
    auto c = f.newUser();
    QVERIFY(a && b && c);
    const qint64 aUser = a->account().userId;
    PARLEY_VERIFY(a->call<ConversationInfoFrame>(
            CreateGroupFrame{u"all"_s, {b->account().userId, c->account().userId}}));
    // Starting the group told b that a is online (drained here); the block takes it back.
    QVERIFY(hasPresenceOf(drained(*b), aUser));
    PARLEY_VERIFY(a->callOk(BlockFrame{b->account().userId, true}));
    // At once: the blocked user is told the blocker is offline, never seen.
    auto cleared = b->await([aUser](const RawFrame &fr) {
        auto p = FrameCodec::read<PresenceFrame>(fr);
        return fr.type == FrameType::Presence && !fr.hasId() && p && p->presence.userId == aUser;
    });
    QVERIFY(cleared);
    QCOMPARE(FrameCodec::read<PresenceFrame>(*cleared)->presence, (Presence{aUser, false, 0}));
    auto synced = b->call<SyncedFrame>(SyncFrame{{}, 10});
    PARLEY_VERIFY(synced);
    for (const Presence &p : synced->presence)
        QVERIFY(p.userId != aUser);
    auto seenByC = c->call<SyncedFrame>(SyncFrame{{}, 10});
    PARLEY_VERIFY(seenByC);
    QVERIFY(std::any_of(seenByC->presence.cbegin(), seenByC->presence.cend(),
                        [aUser](const Presence &p) { return p.userId == aUser && p.online; }));

    // The blocker goes offline: c hears of it, b does not.
    b->clear();
    c->clear();
    const QString name = a->account().username;
    a->close();
    auto offline = c->await([aUser](const RawFrame &fr) {
        auto p = FrameCodec::read<PresenceFrame>(fr);
        return fr.type == FrameType::Presence && p && p->presence.userId == aUser
                && !p->presence.online;
    });
    QVERIFY(offline);
    QVERIFY(!hasPresenceOf(drained(*b), aUser));

    // After unblocking, b sees the blocker again.
    auto again = f.newDevice(name);
    QVERIFY(again);
    PARLEY_VERIFY(again->callOk(BlockFrame{b->account().userId, false}));
    auto back = b->await([aUser](const RawFrame &fr) {
        auto p = FrameCodec::read<PresenceFrame>(fr);
        return fr.type == FrameType::Presence && p && p->presence.userId == aUser
                && p->presence.online;
    });
    QVERIFY(back);
}

void tst_Block::typingHidden()
{
    auto a = f.newUser();
    auto b = f.newUser();
    auto c = f.newUser();
    QVERIFY(a && b && c);
    auto group = a->call<ConversationInfoFrame>(
            CreateGroupFrame{u"typing"_s, {b->account().userId, c->account().userId}});
    PARLEY_VERIFY(group);
    const qint64 conv = group->conversation.id;
    PARLEY_VERIFY(a->callOk(BlockFrame{b->account().userId, true}));
    b->clear();
    c->clear();
    // The blocker types: c sees it, b does not.
    a->sendWithoutId(TypingFrame{Typing{conv, 0, true}});
    QVERIFY(c->awaitPush(FrameType::Typing));
    auto toB = drained(*b);
    QVERIFY(std::none_of(toB.cbegin(), toB.cend(),
                         [](const RawFrame &fr) { return fr.type == FrameType::Typing; }));
    // The blocked user types: c sees it, the blocker does not.
    a->clear();
    b->sendWithoutId(TypingFrame{Typing{conv, 0, true}});
    QVERIFY(c->awaitPush(FrameType::Typing));
    auto toA = drained(*a);
    QVERIFY(std::none_of(toA.cbegin(), toA.cend(),
                         [](const RawFrame &fr) { return fr.type == FrameType::Typing; }));
}

void tst_Block::cannotAddBlockerToGroup()
{
    auto a = f.newUser();
    auto b = f.newUser();
    auto c = f.newUser();
    QVERIFY(a && b && c);
    PARLEY_VERIFY(a->callOk(BlockFrame{b->account().userId, true}));
    auto group = b->call<ConversationInfoFrame>(CreateGroupFrame{u"b's"_s, {c->account().userId}});
    PARLEY_VERIFY(group);
    QCOMPARE(b->callOk(AddMemberFrame{group->conversation.id, a->account().userId}).error().code,
             ErrorCode::Blocked);
    QCOMPARE(b->call<ConversationInfoFrame>(
                      CreateGroupFrame{u"with a"_s, {c->account().userId, a->account().userId}})
                     .error()
                     .code,
             ErrorCode::Blocked);
    // The blocker may still add the blocked user: it is the blocker's choice.
    auto mine = a->call<ConversationInfoFrame>(CreateGroupFrame{u"a's"_s, {}});
    PARLEY_VERIFY(mine);
    PARLEY_VERIFY(a->callOk(AddMemberFrame{mine->conversation.id, b->account().userId}));
    // Someone else adds the blocker to b's group: allowed, the block is between a and b only.
    PARLEY_VERIFY(
            b->callOk(SetRoleFrame{group->conversation.id, c->account().userId, Role::Admin}));
    PARLEY_VERIFY(c->callOk(AddMemberFrame{group->conversation.id, a->account().userId}));
}

void tst_Block::groupsWithBothContinue()
{
    auto a = f.newUser();
    auto b = f.newUser();
    QVERIFY(a && b);
    auto group = a->call<ConversationInfoFrame>(CreateGroupFrame{u"both"_s, {b->account().userId}});
    PARLEY_VERIFY(group);
    PARLEY_VERIFY(a->callOk(BlockFrame{b->account().userId, true}));
    PARLEY_VERIFY(b->call<SentFrame>(
            SendFrame{group->conversation.id, TestClient::newClientId(), "still here"_ba}));
    auto got = ServerFixture::nextContent(*a);
    QVERIFY(got);
    QCOMPARE(got->body, "still here"_ba);
    PARLEY_VERIFY(a->call<SentFrame>(
            SendFrame{group->conversation.id, TestClient::newClientId(), "me too"_ba}));
}

void tst_Block::listSyncsToOtherDevices()
{
    auto a = f.newUser();
    auto b = f.newUser();
    auto c = f.newUser();
    QVERIFY(a && b && c);
    auto other = f.newDevice(a->account().username);
    QVERIFY(other);
    auto empty = a->call<BlockListFrame>(ListBlockedFrame{});
    PARLEY_VERIFY(empty);
    QVERIFY(empty->userIds.isEmpty());

    PARLEY_VERIFY(a->callOk(BlockFrame{c->account().userId, true}));
    auto pushed = other->awaitPush(FrameType::BlockList);
    QVERIFY(pushed);
    QCOMPARE(FrameCodec::read<BlockListFrame>(*pushed)->userIds,
             QList<qint64>{c->account().userId});
    PARLEY_VERIFY(a->callOk(BlockFrame{b->account().userId, true}));
    pushed = other->awaitPush(FrameType::BlockList);
    QVERIFY(pushed);
    QList<qint64> both{b->account().userId, c->account().userId};
    std::sort(both.begin(), both.end());
    QCOMPARE(FrameCodec::read<BlockListFrame>(*pushed)->userIds, both);
    // Not to the device that asked: it has its ok.
    auto own = drained(*a);
    QVERIFY(std::none_of(own.cbegin(), own.cend(),
                         [](const RawFrame &fr) { return fr.type == FrameType::BlockList; }));
    // Blocking again changes nothing and pushes nothing.
    PARLEY_VERIFY(a->callOk(BlockFrame{b->account().userId, true}));
    auto quiet = drained(*other);
    QVERIFY(std::none_of(quiet.cbegin(), quiet.cend(),
                         [](const RawFrame &fr) { return fr.type == FrameType::BlockList; }));

    PARLEY_VERIFY(other->callOk(BlockFrame{b->account().userId, false}));
    pushed = a->awaitPush(FrameType::BlockList);
    QVERIFY(pushed);
    QCOMPARE(FrameCodec::read<BlockListFrame>(*pushed)->userIds,
             QList<qint64>{c->account().userId});
    auto listed = other->call<BlockListFrame>(ListBlockedFrame{});
    PARLEY_VERIFY(listed);
    QCOMPARE(listed->userIds, QList<qint64>{c->account().userId});
}

void tst_Block::invalidTargets()
{
    auto a = f.newUser();
    QVERIFY(a);
    QCOMPARE(a->callOk(BlockFrame{a->account().userId, true}).error().code,
             ErrorCode::InvalidArgument);
    QCOMPARE(a->callOk(BlockFrame{99999999, true}).error().code, ErrorCode::NoSuchUser);
    auto list = a->call<BlockListFrame>(ListBlockedFrame{});
    PARLEY_VERIFY(list);
    QVERIFY(list->userIds.isEmpty());
}

void tst_Block::survivesRestart()
{
    auto a = f.newUser();
    auto b = f.newUser();
    QVERIFY(a && b);
    const QString aName = a->account().username;
    const QString bName = b->account().username;
    const qint64 aUser = a->account().userId;
    const qint64 bUser = b->account().userId;
    PARLEY_VERIFY(a->callOk(BlockFrame{bUser, true}));
    a.reset();
    b.reset();
    QVERIFY2(f.server.stop(), f.server.log().right(5000).constData());
    QVERIFY2(f.server.start(), f.server.log().right(5000).constData());
    auto a2 = f.newDevice(aName);
    auto b2 = f.newDevice(bName);
    QVERIFY(a2 && b2);
    auto list = a2->call<BlockListFrame>(ListBlockedFrame{});
    PARLEY_VERIFY(list);
    QCOMPARE(list->userIds, QList<qint64>{bUser});
    QCOMPARE(b2->call<ConversationInfoFrame>(CreateDirectFrame{aUser}).error().code,
             ErrorCode::Blocked);
}

QTEST_GUILESS_MAIN(tst_Block)
#include "tst_block.moc"
