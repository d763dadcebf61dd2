// Hiding "last seen" against a real parleyd (docs/protocol.md, 6.10): a user who hides it is
// shown to others without a time (pushes and sync), sees nobody's time either, still shows as
// online; showing it again brings the times back; the choice reaches the user's other devices,
// is checked for its type and survives a restart.
#include "ServerFixture.h"

#include <QtCore/QCborMap>
#include <QtTest/QTest>

using namespace Parley;
using namespace Qt::StringLiterals;

class tst_Privacy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void cleanup();

    void hiddenFromContacts();
    void hiderSeesNoTimes();
    void shownAgain();
    void otherDevicesFollow();
    void badValueRefused();
    void unknownBeforeVersion5();
    void survivesRestart();

private:
    struct People
    {
        std::unique_ptr<TestClient> a, b, c;
        QString aName, bName;
        qint64 aUser = 0, bUser = 0;
    };
    /// a, b and c in one group; a and b each went offline once (so both have a last-seen
    /// time) and are back online.
    bool meet(People &p);
    /// The next presence push about `user` that satisfies `match`.
    static std::optional<Presence> nextPresence(TestClient &client, qint64 user,
                                                const std::function<bool(const Presence &)> &match);
    /// What `client` syncs about `user` (a Presence with userId 0 if it is not there).
    static Presence syncedPresence(TestClient &client, qint64 user, bool *showLastSeen = nullptr);

    ServerFixture f;
};

void tst_Privacy::initTestCase()
{
    PARLEY_START_SERVER(f, {u"--presence-delay"_s, u"0"_s});
}

void tst_Privacy::cleanupTestCase()
{
    PARLEY_STOP_SERVER(f);
}

void tst_Privacy::cleanup()
{
    f.logIfFailed(10000);
}

std::optional<Presence>
tst_Privacy::nextPresence(TestClient &client, qint64 user,
                          const std::function<bool(const Presence &)> &match)
{
    auto frame = client.await([user, match](const RawFrame &fr) {
        if (fr.type != FrameType::Presence || fr.hasId())
            return false;
        auto p = FrameCodec::read<PresenceFrame>(fr);
        return p && p->presence.userId == user && match(p->presence);
    });
    if (!frame)
        return std::nullopt;
    return FrameCodec::read<PresenceFrame>(*frame)->presence;
}

Presence tst_Privacy::syncedPresence(TestClient &client, qint64 user, bool *showLastSeen)
{
    auto synced = client.call<SyncedFrame>(SyncFrame{{}, 10});
    if (!synced)
        return {};
    if (showLastSeen)
        *showLastSeen = synced->showLastSeen;
    for (const Presence &p : synced->presence) {
        if (p.userId == user)
            return p;
    }
    return {};
}

bool tst_Privacy::meet(People &p)
{
    p.a = f.newUser();
    p.b = f.newUser();
    p.c = f.newUser();
    if (!p.a || !p.b || !p.c)
        return false;
    p.aName = p.a->account().username;
    p.bName = p.b->account().username;
    p.aUser = p.a->account().userId;
    p.bUser = p.b->account().userId;
    if (ServerFixture::group(*p.a, u"friends"_s, {p.b.get(), p.c.get()}).id == 0)
        return false;
    // Each goes away once (the server notes when) and comes back as a new device.
    for (auto [client, name, user] :
         {std::tuple{&p.a, p.aName, p.aUser}, std::tuple{&p.b, p.bName, p.bUser}}) {
        p.c->clear();
        (*client)->close();
        if (!nextPresence(*p.c, user, [](const Presence &q) { return !q.online && q.lastSeen; }))
            return false;
        *client = f.newDevice(name);
        if (!*client || !nextPresence(*p.c, user, [](const Presence &q) { return q.online; }))
            return false;
    }
    p.a->clear();
    p.b->clear();
    p.c->clear();
    return true;
}

void tst_Privacy::hiddenFromContacts()
{
    People p;
    QVERIFY(meet(p));
    QVERIFY(syncedPresence(*p.b, p.aUser).lastSeen > 0);

    PARLEY_VERIFY(p.a->callOk(SetPrivacyFrame{false}));
    // At once, b's screen loses a's time; a is still shown online.
    auto pushed = nextPresence(*p.b, p.aUser, [](const Presence &q) { return q.lastSeenHidden; });
    QVERIFY(pushed);
    QCOMPARE(*pushed, (Presence{p.aUser, true, 0, true}));
    QCOMPARE(syncedPresence(*p.b, p.aUser), (Presence{p.aUser, true, 0, true}));

    // a goes offline: contacts hear it, without the time.
    p.a->close();
    auto offline = nextPresence(*p.c, p.aUser, [](const Presence &q) { return !q.online; });
    QVERIFY(offline);
    QCOMPARE(*offline, (Presence{p.aUser, false, 0, true}));
    QCOMPARE(syncedPresence(*p.b, p.aUser), (Presence{p.aUser, false, 0, true}));

    // a's own devices are told their choice at sync.
    auto a2 = f.newDevice(p.aName);
    QVERIFY(a2);
    bool shows = true;
    syncedPresence(*a2, p.bUser, &shows);
    QVERIFY(!shows);
}

void tst_Privacy::hiderSeesNoTimes()
{
    People p;
    QVERIFY(meet(p));
    QVERIFY(syncedPresence(*p.a, p.bUser).lastSeen > 0);

    PARLEY_VERIFY(p.a->callOk(SetPrivacyFrame{false}));
    // Reciprocity: a's device is told at once that b's time is no longer shown to it.
    auto pushed = nextPresence(*p.a, p.bUser, [](const Presence &q) { return q.lastSeenHidden; });
    QVERIFY(pushed);
    QCOMPARE(*pushed, (Presence{p.bUser, true, 0, true}));
    QCOMPARE(syncedPresence(*p.a, p.bUser), (Presence{p.bUser, true, 0, true}));

    // b goes offline: a hears it without the time, c (who hides nothing) with it.
    p.b->close();
    auto seenByA = nextPresence(*p.a, p.bUser, [](const Presence &q) { return !q.online; });
    QVERIFY(seenByA);
    QCOMPARE(*seenByA, (Presence{p.bUser, false, 0, true}));
    auto seenByC = nextPresence(*p.c, p.bUser, [](const Presence &q) { return !q.online; });
    QVERIFY(seenByC);
    QVERIFY(seenByC->lastSeen > 0);
    QVERIFY(!seenByC->lastSeenHidden);
    // a's own time is a's to see.
    auto own = p.a->call<SyncedFrame>(SyncFrame{{}, 10});
    PARLEY_VERIFY(own);
    QVERIFY(!own->showLastSeen);
}

void tst_Privacy::shownAgain()
{
    People p;
    QVERIFY(meet(p));
    PARLEY_VERIFY(p.a->callOk(SetPrivacyFrame{false}));
    QVERIFY(nextPresence(*p.b, p.aUser, [](const Presence &q) { return q.lastSeenHidden; }));
    QVERIFY(nextPresence(*p.a, p.bUser, [](const Presence &q) { return q.lastSeenHidden; }));

    PARLEY_VERIFY(p.a->callOk(SetPrivacyFrame{true}));
    // Both ways the times come back at once, and in sync.
    auto toB = nextPresence(*p.b, p.aUser, [](const Presence &q) { return q.lastSeen > 0; });
    QVERIFY(toB);
    QVERIFY(!toB->lastSeenHidden);
    auto toA = nextPresence(*p.a, p.bUser, [](const Presence &q) { return q.lastSeen > 0; });
    QVERIFY(toA);
    QVERIFY(!toA->lastSeenHidden);
    QVERIFY(syncedPresence(*p.b, p.aUser).lastSeen > 0);
    bool shows = false;
    QVERIFY(syncedPresence(*p.a, p.bUser, &shows).lastSeen > 0);
    QVERIFY(shows);

    // Setting what is already set is fine and pushes nothing.
    p.b->clear();
    PARLEY_VERIFY(p.a->callOk(SetPrivacyFrame{true}));
    PARLEY_VERIFY(p.a->call<BlockListFrame>(ListBlockedFrame{}));
    PARLEY_VERIFY(p.b->call<BlockListFrame>(ListBlockedFrame{}));
    QVERIFY(p.b->takeAll([](const RawFrame &fr) {
                   return fr.type == FrameType::Presence;
               }).isEmpty());
}

void tst_Privacy::otherDevicesFollow()
{
    auto a = f.newUser();
    QVERIFY(a);
    auto a2 = f.newDevice(a->account().username);
    QVERIFY(a2);
    PARLEY_VERIFY(a->callOk(SetPrivacyFrame{false}));
    auto pushed = a2->awaitPush(FrameType::Privacy);
    QVERIFY(pushed);
    QCOMPARE(FrameCodec::read<PrivacyFrame>(*pushed)->showLastSeen, false);
    // Not to the device that asked: it has its ok.
    PARLEY_VERIFY(a->call<BlockListFrame>(ListBlockedFrame{}));
    QVERIFY(a->takeAll([](const RawFrame &fr) { return fr.type == FrameType::Privacy; }).isEmpty());
    PARLEY_VERIFY(a2->callOk(SetPrivacyFrame{true}));
    pushed = a->awaitPush(FrameType::Privacy);
    QVERIFY(pushed);
    QCOMPARE(FrameCodec::read<PrivacyFrame>(*pushed)->showLastSeen, true);
}

void tst_Privacy::badValueRefused()
{
    auto a = f.newUser();
    QVERIFY(a);
    const auto refusal = [&a](const QCborValue &value) {
        QCborMap frame{{"t"_L1, "setPrivacy"_L1}, {"id"_L1, 77}};
        if (!value.isUndefined())
            frame.insert("showLastSeen"_L1, value);
        a->sendBytes(frame.toCborValue().toCbor());
        return ServerFixture::errorOf(a->awaitReply(77));
    };
    QCOMPARE(refusal(QCborValue(1)), ErrorCode::InvalidField);
    QCOMPARE(refusal(QCborValue(u"no"_s)), ErrorCode::InvalidField);
    QCOMPARE(refusal(QCborValue()), ErrorCode::InvalidField); // missing
    // Nothing changed.
    bool shows = false;
    syncedPresence(*a, 0, &shows);
    QVERIFY(shows);
}

void tst_Privacy::unknownBeforeVersion5()
{
    // A version-4 session gets what a version-4 server would answer.
    auto user = f.newUser();
    QVERIFY(user);
    TestClient old;
    QVERIFY(old.open(f.server.url(), f.server.fingerprint()));
    auto welcome = old.call<WelcomeFrame>(HelloFrame{1, 4, u"parley/old"_s});
    PARLEY_VERIFY(welcome);
    QCOMPARE(welcome->version, 4);
    PARLEY_VERIFY(
            old.login(user->account().username, ServerFixture::password(user->account().username)));
    old.send(SetPrivacyFrame{false});
    auto refused = old.await([](const RawFrame &fr) { return fr.type == FrameType::Error; });
    QVERIFY(refused);
    QVERIFY(!refused->hasId());
    QCOMPARE(FrameCodec::read<ErrorFrame>(*refused)->code, ErrorCode::UnknownFrameType);
}

void tst_Privacy::survivesRestart()
{
    People p;
    QVERIFY(meet(p));
    PARLEY_VERIFY(p.a->callOk(SetPrivacyFrame{false}));
    const QString cName = p.c->account().username;
    p.a.reset();
    p.b.reset();
    p.c.reset();
    QVERIFY2(f.server.stop(), f.server.log().right(5000).constData());
    QVERIFY2(f.server.start(), f.server.log().right(5000).constData());
    auto c = f.newDevice(cName);
    auto a = f.newDevice(p.aName);
    QVERIFY(c && a);
    QCOMPARE(syncedPresence(*c, p.aUser), (Presence{p.aUser, true, 0, true}));
    bool shows = true;
    const Presence b = syncedPresence(*a, p.bUser, &shows);
    QVERIFY(!shows);
    QCOMPARE(b, (Presence{p.bUser, false, 0, true}));
}

QTEST_GUILESS_MAIN(tst_Privacy)
#include "tst_privacy.moc"
