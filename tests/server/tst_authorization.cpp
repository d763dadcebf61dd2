// The authorization matrix: each request by an outsider, a member, an admin and the owner of a
// group (a fresh one per row), allowed or denied with the documented code; and what a revoked
// device or another user's device can reach.
#include "ServerFixture.h"

#include <QtTest/QTest>

using namespace Parley;
using namespace Qt::StringLiterals;

class tst_Authorization : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void cleanup();

    void matrix_data();
    void matrix();
    void revokedDevice();
    void otherUsersDevice();

private:
    ServerFixture f;
    std::unique_ptr<TestClient> m_owner, m_admin, m_member, m_victim, m_outsider, m_fresh;
};

void tst_Authorization::initTestCase()
{
    // The owner makes a group per row: faster than the default rate limit allows.
    PARLEY_START_SERVER(f, {u"--rate-limit"_s, u"10000"_s, u"--rate-burst"_s, u"10000"_s});
    m_owner = f.newUser(u"owner"_s);
    m_admin = f.newUser(u"admin"_s);
    m_member = f.newUser(u"member"_s);
    m_victim = f.newUser(u"victim"_s);
    m_outsider = f.newUser(u"outsider"_s);
    m_fresh = f.newUser(u"fresh"_s);
    QVERIFY(m_owner && m_admin && m_member && m_victim && m_outsider && m_fresh);
}

void tst_Authorization::cleanupTestCase()
{
    PARLEY_STOP_SERVER(f);
}

void tst_Authorization::cleanup()
{
    f.logIfFailed(10000);
}

void tst_Authorization::matrix_data()
{
    QTest::addColumn<QString>("request");
    QTest::addColumn<QString>("actor");
    QTest::addColumn<ErrorCode>("expected"); // None: allowed

    struct Row
    {
        const char *request;
        ErrorCode outsider, member, admin, owner;
    };
    constexpr auto Ok = ErrorCode::None;
    const Row rows[] = {
            {"send", ErrorCode::NotMember, Ok, Ok, Ok},
            {"history", ErrorCode::NotMember, Ok, Ok, Ok},
            {"receipt", ErrorCode::NotMember, Ok, Ok, Ok},
            {"addMember", ErrorCode::NotMember, ErrorCode::NotAllowed, Ok, Ok},
            {"removeMember", ErrorCode::NotMember, ErrorCode::NotAllowed, Ok, Ok},
            {"removeOwner", ErrorCode::NotMember, ErrorCode::NotAllowed, ErrorCode::NotAllowed,
             ErrorCode::InvalidArgument},
            {"setRole", ErrorCode::NotMember, ErrorCode::NotAllowed, ErrorCode::NotAllowed, Ok},
            {"makeOwner", ErrorCode::NotMember, ErrorCode::NotAllowed, ErrorCode::NotAllowed,
             ErrorCode::InvalidArgument},
            {"rename", ErrorCode::NotMember, ErrorCode::NotAllowed, Ok, Ok},
            {"leave", ErrorCode::NotMember, Ok, Ok, Ok},
            {"syncCursor", Ok, Ok, Ok, Ok}, // allowed, but an outsider gets no messages (checked)
            {"uploadStart", ErrorCode::NotMember, Ok, Ok, Ok},
            {"download", ErrorCode::NotMember, Ok, Ok, Ok},
    };
    for (const Row &row : rows) {
        const std::pair<const char *, ErrorCode> cells[] = {{"outsider", row.outsider},
                                                            {"member", row.member},
                                                            {"admin", row.admin},
                                                            {"owner", row.owner}};
        for (const auto &[actor, code] : cells) {
            QTest::addRow("%s by %s", row.request, actor)
                    << QString::fromLatin1(row.request) << QString::fromLatin1(actor) << code;
        }
    }
}

void tst_Authorization::matrix()
{
    QFETCH(QString, request);
    QFETCH(QString, actor);
    QFETCH(ErrorCode, expected);

    // A fresh group: owner, admin, member and a victim to act on.
    auto created = m_owner->call<ConversationInfoFrame>(CreateGroupFrame{
            u"matrix"_s,
            {m_admin->account().userId, m_member->account().userId, m_victim->account().userId}});
    PARLEY_VERIFY(created);
    const qint64 conv = created->conversation.id;
    PARLEY_VERIFY(m_owner->callOk(SetRoleFrame{conv, m_admin->account().userId, Role::Admin}));

    TestClient *who = actor == "outsider"_L1 ? m_outsider.get()
            : actor == "member"_L1           ? m_member.get()
            : actor == "admin"_L1            ? m_admin.get()
                                             : m_owner.get();
    const qint64 victim = m_victim->account().userId;
    std::optional<RawFrame> reply;
    if (request == "send"_L1)
        reply = who->awaitReply(who->send(SendFrame{conv, TestClient::newClientId(), "x"_ba}));
    else if (request == "history"_L1)
        reply = who->awaitReply(who->send(HistoryFrame{conv, 0, 0, 10}));
    else if (request == "receipt"_L1)
        reply = who->awaitReply(who->send(ReceiptFrame{Receipt{conv, 0, 0, ReceiptKind::Read, 1}}));
    else if (request == "addMember"_L1)
        reply = who->awaitReply(who->send(AddMemberFrame{conv, m_fresh->account().userId}));
    else if (request == "removeMember"_L1)
        reply = who->awaitReply(who->send(RemoveMemberFrame{conv, victim}));
    else if (request == "removeOwner"_L1)
        reply = who->awaitReply(who->send(RemoveMemberFrame{conv, m_owner->account().userId}));
    else if (request == "setRole"_L1)
        reply = who->awaitReply(who->send(SetRoleFrame{conv, victim, Role::Admin}));
    else if (request == "makeOwner"_L1)
        reply = who->awaitReply(who->send(SetRoleFrame{conv, victim, Role::Owner}));
    else if (request == "rename"_L1)
        reply = who->awaitReply(who->send(RenameFrame{conv, u"renamed"_s}));
    else if (request == "leave"_L1)
        reply = who->awaitReply(who->send(LeaveFrame{conv}));
    else if (request == "syncCursor"_L1)
        reply = who->awaitReply(who->send(SyncFrame{{SyncCursor{conv, 0}}, 10}));
    else if (request == "uploadStart"_L1)
        reply = who->awaitReply(who->send(UploadStartFrame{conv, 10}));
    else if (request == "download"_L1) {
        // The owner shares an attachment in the group first.
        auto started = m_owner->call<UploadProgressFrame>(UploadStartFrame{conv, 3});
        PARLEY_VERIFY(started);
        PARLEY_VERIFY(m_owner->call<UploadProgressFrame>(
                UploadChunkFrame{started->uploadId, 0, "abc"_ba}));
        auto finished = m_owner->call<UploadFinishedFrame>(UploadFinishFrame{started->uploadId});
        PARLEY_VERIFY(finished);
        reply = who->awaitReply(who->send(DownloadFrame{finished->attachmentId, 0}));
        if (expected == ErrorCode::None) {
            QVERIFY(reply);
            QCOMPARE(FrameCodec::read<DownloadChunkFrame>(*reply)->data, "abc"_ba);
        }
    }
    QVERIFY(reply);
    QCOMPARE(ServerFixture::errorOf(reply), expected);

    // What a denied request must not have done; what an allowed one did.
    auto state = m_owner->call<SyncedFrame>(SyncFrame{{SyncCursor{conv, 0}}, 50});
    PARLEY_VERIFY(state);
    const auto it = std::find_if(state->conversations.cbegin(), state->conversations.cend(),
                                 [conv](const Conversation &c) { return c.id == conv; });
    if (it == state->conversations.cend()) {
        QCOMPARE(request, u"leave"_s); // the owner left
        return;
    }
    const Conversation &c = *it;
    if (expected != ErrorCode::None) {
        QCOMPARE(c.lastSeq, 2); // created + the admin's roleChanged: nothing was written
        QCOMPARE(c.title, u"matrix"_s);
        QCOMPARE(c.members.size(), 4);
    } else if (request == "removeMember"_L1) {
        QVERIFY(!c.member(victim));
    } else if (request == "addMember"_L1) {
        QVERIFY(c.member(m_fresh->account().userId));
    } else if (request == "syncCursor"_L1) {
        auto synced = FrameCodec::read<SyncedFrame>(*reply);
        PARLEY_VERIFY(synced);
        QCOMPARE(synced->messages.isEmpty(), actor == "outsider"_L1);
        const bool listed =
                std::any_of(synced->conversations.cbegin(), synced->conversations.cend(),
                            [conv](const Conversation &x) { return x.id == conv; });
        QCOMPARE(listed, actor != "outsider"_L1);
    }
}

void tst_Authorization::revokedDevice()
{
    auto a = f.newUser();
    QVERIFY(a);
    auto old = f.newDevice(a->account().username);
    QVERIFY(old);
    const QByteArray token = old->account().token;
    auto conv = a->call<ConversationInfoFrame>(CreateGroupFrame{u"mine"_s, {}});
    PARLEY_VERIFY(conv);
    PARLEY_VERIFY(a->callOk(RevokeDeviceFrame{old->account().deviceId}));
    QVERIFY(old->waitClosed());
    // Its token opens nothing, and without authenticating nothing is reachable.
    auto c = f.newConnection();
    QVERIFY(c);
    QCOMPARE(c->resume(token).error().code, ErrorCode::InvalidToken);
    QCOMPARE(ServerFixture::errorOf(
                     c->awaitReply(c->send(HistoryFrame{conv->conversation.id, 0, 0, 10}))),
             ErrorCode::AuthRequired);
    QCOMPARE(ServerFixture::errorOf(c->awaitReply(c->send(InboxFetchFrame{10}))),
             ErrorCode::AuthRequired);
    // Nothing is delivered to it any more either: its keys and inbox are gone.
    auto keys = m_outsider->call<KeyBundlesFrame>(FetchKeysFrame{a->account().userId});
    PARLEY_VERIFY(keys);
    for (const KeyBundle &b : keys->bundles)
        QVERIFY(b.deviceId != old->account().deviceId);
    QCOMPARE(m_outsider
                     ->callOk(InboxSendFrame{
                             {InboxDelivery{a->account().userId, old->account().deviceId, "x"_ba}}})
                     .error()
                     .code,
             ErrorCode::NoSuchDevice);
}

void tst_Authorization::otherUsersDevice()
{
    auto a = f.newUser();
    auto b = f.newUser();
    QVERIFY(a && b);
    // Revoking someone else's device: as if it did not exist.
    QCOMPARE(a->callOk(RevokeDeviceFrame{b->account().deviceId}).error().code,
             ErrorCode::NoSuchDevice);
    QVERIFY(b->isOpen());
    // Acknowledging someone else's inbox items deletes nothing.
    PARLEY_VERIFY(a->callOk(InboxSendFrame{
            {InboxDelivery{b->account().userId, b->account().deviceId, "for b"_ba}}}));
    auto items = b->call<InboxItemsFrame>(InboxFetchFrame{10});
    PARLEY_VERIFY(items);
    QCOMPARE(items->items.size(), 1);
    PARLEY_VERIFY(a->callOk(InboxAckFrame{{items->items.first().itemId}}));
    auto still = b->call<InboxItemsFrame>(InboxFetchFrame{10});
    PARLEY_VERIFY(still);
    QCOMPARE(still->items.size(), 1);
    // One's own inbox fetch never shows another device's items.
    auto mine = a->call<InboxItemsFrame>(InboxFetchFrame{10});
    PARLEY_VERIFY(mine);
    QVERIFY(mine->items.isEmpty());
    // The device list is one's own only.
    auto devices = a->call<DeviceListFrame>(ListDevicesFrame{});
    PARLEY_VERIFY(devices);
    for (const Device &d : devices->devices)
        QVERIFY(d.deviceId != b->account().deviceId);
}

QTEST_GUILESS_MAIN(tst_Authorization)
#include "tst_authorization.moc"
