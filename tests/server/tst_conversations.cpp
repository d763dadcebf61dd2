// Groups and direct chats: creation, members, roles, titles, and the membership entries and
// conversation pushes every change produces.
#include "ServerFixture.h"

#include <QtCore/QScopeGuard>
#include <QtCore/QUrl>
#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlError>
#include <QtSql/QSqlQuery>
#include <QtTest/QTest>

using namespace Parley;
using namespace Qt::StringLiterals;

class tst_Conversations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void cleanup();

    void directChatIsOnePerPair();
    void directChatsNeverChange();
    void createGroup();
    void addAndRemoveMembers();
    void rolesAndRename();
    void ownerLeavingHandsOver();
    void ownerHandsOverToAMemberWithoutAdmins();
    void groupFull();

private:
    ServerFixture f;
};

void tst_Conversations::initTestCase()
{
    PARLEY_START_SERVER(f);
}

void tst_Conversations::cleanupTestCase()
{
    PARLEY_STOP_SERVER(f);
}

void tst_Conversations::cleanup()
{
    f.logIfFailed();
}

void tst_Conversations::directChatIsOnePerPair()
{
    auto a = f.newUser();
    auto b = f.newUser();
    auto a2 = f.newDevice(a->account().username);
    QVERIFY(a && b && a2);
    // Both ask at once: one conversation.
    const qint64 ra = a->send(CreateDirectFrame{b->account().userId});
    const qint64 rb = b->send(CreateDirectFrame{a->account().userId});
    auto fromA = a->awaitReply(ra);
    auto fromB = b->awaitReply(rb);
    QVERIFY(fromA && fromB);
    auto ca = FrameCodec::read<ConversationInfoFrame>(*fromA);
    auto cb = FrameCodec::read<ConversationInfoFrame>(*fromB);
    PARLEY_VERIFY(ca);
    PARLEY_VERIFY(cb);
    QCOMPARE(ca->conversation.id, cb->conversation.id);
    const Conversation &c = ca->conversation;
    QCOMPARE(c.kind, ConversationKind::Direct);
    QVERIFY(c.title.isEmpty());
    QCOMPARE(c.members.size(), 2);
    for (const Member &m : c.members)
        QCOMPARE(m.role, Role::Member);
    QCOMPARE(c.lastSeq, 1);
    // A's other device learns of it, with its created entry at seq 1.
    QVERIFY(ServerFixture::nextConversation(*a2, c.id));
    auto created = ServerFixture::nextMembership(*a2, MembershipEvent::Action::Created);
    QVERIFY(created);
    QCOMPARE(created->first.seq, 1);
    QCOMPARE(created->first.senderDeviceId, 0);
    QCOMPARE(created->second.action, MembershipEvent::Action::Created);

    QCOMPARE(a->call<ConversationInfoFrame>(CreateDirectFrame{a->account().userId}).error().code,
             ErrorCode::InvalidArgument);
    QCOMPARE(a->call<ConversationInfoFrame>(CreateDirectFrame{987654}).error().code,
             ErrorCode::NoSuchUser);
}

void tst_Conversations::directChatsNeverChange()
{
    auto a = f.newUser();
    auto b = f.newUser();
    auto c = f.newUser();
    QVERIFY(a && b && c);
    auto direct = a->call<ConversationInfoFrame>(CreateDirectFrame{b->account().userId});
    PARLEY_VERIFY(direct);
    const qint64 id = direct->conversation.id;
    QCOMPARE(a->callOk(AddMemberFrame{id, c->account().userId}).error().code,
             ErrorCode::NotAllowed);
    QCOMPARE(a->callOk(RemoveMemberFrame{id, b->account().userId}).error().code,
             ErrorCode::NotAllowed);
    QCOMPARE(a->callOk(LeaveFrame{id}).error().code, ErrorCode::NotAllowed);
    QCOMPARE(a->callOk(SetRoleFrame{id, b->account().userId, Role::Admin}).error().code,
             ErrorCode::NotAllowed);
    QCOMPARE(a->callOk(RenameFrame{id, u"title"_s}).error().code, ErrorCode::NotAllowed);
}

void tst_Conversations::createGroup()
{
    auto owner = f.newUser(u"owner"_s);
    auto m1 = f.newUser();
    auto m2 = f.newUser();
    QVERIFY(owner && m1 && m2);
    QList<qint64> ids{m1->account().userId, m2->account().userId, m1->account().userId,
                      owner->account().userId};
    auto created = owner->call<ConversationInfoFrame>(CreateGroupFrame{u"  Team  "_s, ids});
    PARLEY_VERIFY(created);
    const Conversation &c = created->conversation;
    QCOMPARE(c.kind, ConversationKind::Group);
    QCOMPARE(c.title, u"Team"_s);
    QCOMPARE(c.members.size(), 3); // duplicates and the creator ignored
    QCOMPARE(c.member(owner->account().userId)->role, Role::Owner);
    QCOMPARE(c.member(m1->account().userId)->role, Role::Member);
    QCOMPARE(c.member(m1->account().userId)->username, m1->account().username);
    auto pushed = ServerFixture::nextConversation(*m2, c.id);
    QVERIFY(pushed);
    QCOMPARE(*pushed, c);
    auto entry = ServerFixture::nextMembership(*m2, MembershipEvent::Action::Created);
    QVERIFY(entry);
    QCOMPARE(entry->second.action, MembershipEvent::Action::Created);
    QCOMPARE(entry->second.title, u"Team"_s);
    QCOMPARE(entry->second.actorUserId, owner->account().userId);

    QCOMPARE(owner->call<ConversationInfoFrame>(
                          CreateGroupFrame{u"x"_s, {m1->account().userId, 424242}})
                     .error()
                     .code,
             ErrorCode::NoSuchUser);
    QCOMPARE(owner->call<ConversationInfoFrame>(CreateGroupFrame{u"   "_s, {}}).error().code,
             ErrorCode::InvalidArgument);
}

void tst_Conversations::addAndRemoveMembers()
{
    auto owner = f.newUser(u"owner"_s);
    auto member = f.newUser();
    auto newcomer = f.newUser();
    QVERIFY(owner && member && newcomer);
    const Conversation c = f.group(*owner, u"club"_s, {member.get()});
    QVERIFY(c.id);

    QCOMPARE(member->callOk(AddMemberFrame{c.id, newcomer->account().userId}).error().code,
             ErrorCode::NotAllowed);
    QCOMPARE(newcomer->callOk(AddMemberFrame{c.id, newcomer->account().userId}).error().code,
             ErrorCode::NotMember);
    QCOMPARE(owner->callOk(AddMemberFrame{c.id, member->account().userId}).error().code,
             ErrorCode::AlreadyMember);
    QCOMPARE(owner->callOk(AddMemberFrame{c.id, 555555}).error().code, ErrorCode::NoSuchUser);
    QCOMPARE(owner->callOk(AddMemberFrame{777777, member->account().userId}).error().code,
             ErrorCode::NoSuchConversation);

    PARLEY_VERIFY(owner->callOk(AddMemberFrame{c.id, newcomer->account().userId}));
    // Everyone, the newcomer and the acting device included, sees the entry and the new state.
    for (TestClient *client : {owner.get(), member.get(), newcomer.get()}) {
        auto entry = ServerFixture::nextMembership(*client, MembershipEvent::Action::Added);
        QVERIFY(entry);
        QCOMPARE(entry->first.seq, 2);
        QCOMPARE(entry->second.action, MembershipEvent::Action::Added);
        QCOMPARE(entry->second.targetUserId, newcomer->account().userId);
        QCOMPARE(entry->second.targetUsername, newcomer->account().username);
        QCOMPARE(entry->second.role, Role::Member);
        auto state = ServerFixture::nextConversation(
                *client, c.id, [](const Conversation &s) { return s.members.size() == 3; });
        QVERIFY(state);
        QCOMPARE(state->lastSeq, 2);
    }
    // The newcomer can read the log and write.
    PARLEY_VERIFY(
            newcomer->call<SentFrame>(SendFrame{c.id, TestClient::newClientId(), "hello"_ba}));

    QCOMPARE(member->callOk(RemoveMemberFrame{c.id, newcomer->account().userId}).error().code,
             ErrorCode::NotAllowed);
    QCOMPARE(owner->callOk(RemoveMemberFrame{c.id, owner->account().userId}).error().code,
             ErrorCode::InvalidArgument);
    QCOMPARE(owner->callOk(RemoveMemberFrame{c.id, 555555}).error().code,
             ErrorCode::InvalidArgument);
    owner->clear();
    member->clear();
    newcomer->clear();
    PARLEY_VERIFY(owner->callOk(RemoveMemberFrame{c.id, newcomer->account().userId}));
    // The removed user gets the entry and a state that no longer lists them.
    auto removed = ServerFixture::nextMembership(*newcomer, MembershipEvent::Action::Removed);
    QVERIFY(removed);
    QCOMPARE(removed->second.action, MembershipEvent::Action::Removed);
    auto state = ServerFixture::nextConversation(*newcomer, c.id, [&](const Conversation &s) {
        return !s.member(newcomer->account().userId);
    });
    QVERIFY(state);
    QCOMPARE(newcomer->call<SentFrame>(SendFrame{c.id, TestClient::newClientId(), "x"_ba})
                     .error()
                     .code,
             ErrorCode::NotMember);
    QCOMPARE(newcomer->call<MessagesFrame>(HistoryFrame{c.id, 0, 0, 10}).error().code,
             ErrorCode::NotMember);
    // Messages no longer reach them.
    PARLEY_VERIFY(member->call<SentFrame>(SendFrame{c.id, TestClient::newClientId(), "after"_ba}));
    QVERIFY(ServerFixture::nextContent(*owner));
    QVERIFY(!ServerFixture::nextContent(*newcomer, 300));
}

void tst_Conversations::rolesAndRename()
{
    auto owner = f.newUser(u"owner"_s);
    auto admin = f.newUser();
    auto member = f.newUser();
    auto extra = f.newUser();
    QVERIFY(owner && admin && member && extra);
    const Conversation c = f.group(*owner, u"roles"_s, {admin.get(), member.get()});
    QVERIFY(c.id);

    QCOMPARE(admin->callOk(SetRoleFrame{c.id, admin->account().userId, Role::Admin}).error().code,
             ErrorCode::NotAllowed);
    QCOMPARE(owner->callOk(SetRoleFrame{c.id, admin->account().userId, Role::Owner}).error().code,
             ErrorCode::InvalidArgument);
    QCOMPARE(owner->callOk(SetRoleFrame{c.id, owner->account().userId, Role::Admin}).error().code,
             ErrorCode::InvalidArgument);
    QCOMPARE(owner->callOk(SetRoleFrame{c.id, extra->account().userId, Role::Admin}).error().code,
             ErrorCode::InvalidArgument);
    member->clear();
    PARLEY_VERIFY(owner->callOk(SetRoleFrame{c.id, admin->account().userId, Role::Admin}));
    auto entry = ServerFixture::nextMembership(*member, MembershipEvent::Action::RoleChanged);
    QVERIFY(entry);
    QCOMPARE(entry->second.action, MembershipEvent::Action::RoleChanged);
    QCOMPARE(entry->second.role, Role::Admin);
    auto state = ServerFixture::nextConversation(*member, c.id, [&](const Conversation &s) {
        return s.member(admin->account().userId)->role == Role::Admin;
    });
    QVERIFY(state);

    // Admins add, remove and rename; they cannot set roles or remove the owner.
    PARLEY_VERIFY(admin->callOk(AddMemberFrame{c.id, extra->account().userId}));
    PARLEY_VERIFY(admin->callOk(RemoveMemberFrame{c.id, extra->account().userId}));
    QCOMPARE(admin->callOk(RemoveMemberFrame{c.id, owner->account().userId}).error().code,
             ErrorCode::NotAllowed);
    QCOMPARE(admin->callOk(SetRoleFrame{c.id, member->account().userId, Role::Admin}).error().code,
             ErrorCode::NotAllowed);
    QCOMPARE(member->callOk(RenameFrame{c.id, u"mine"_s}).error().code, ErrorCode::NotAllowed);
    member->clear();
    PARLEY_VERIFY(admin->callOk(RenameFrame{c.id, u"Renamed"_s}));
    auto renamed = ServerFixture::nextMembership(*member, MembershipEvent::Action::Renamed);
    QVERIFY(renamed);
    QCOMPARE(renamed->second.action, MembershipEvent::Action::Renamed);
    QCOMPARE(renamed->second.title, u"Renamed"_s);
    state = ServerFixture::nextConversation(
            *member, c.id, [](const Conversation &s) { return s.title == u"Renamed"_s; });
    QVERIFY(state);

    // The log holds every change, gaplessly.
    auto log = member->call<MessagesFrame>(HistoryFrame{c.id, 0, 0, 50});
    PARLEY_VERIFY(log);
    for (qsizetype i = 0; i < log->messages.size(); ++i) {
        QCOMPARE(log->messages[i].seq, i + 1);
        QCOMPARE(log->messages[i].kind, MessageKind::Membership);
    }
    QCOMPARE(log->messages.size(), 5); // created, roleChanged, added, removed, renamed
}

void tst_Conversations::ownerLeavingHandsOver()
{
    auto owner = f.newUser(u"owner"_s);
    auto first = f.newUser();
    auto older = f.newUser();
    auto newer = f.newUser();
    QVERIFY(owner && first && older && newer);
    const Conversation c = f.group(*owner, u"heirs"_s, {first.get(), older.get(), newer.get()});
    QVERIFY(c.id);
    // `first` joined first but is no admin; `older` became admin before `newer`.
    PARLEY_VERIFY(owner->callOk(SetRoleFrame{c.id, older->account().userId, Role::Admin}));
    PARLEY_VERIFY(owner->callOk(SetRoleFrame{c.id, newer->account().userId, Role::Admin}));
    first->clear();
    owner->clear();
    PARLEY_VERIFY(owner->callOk(LeaveFrame{c.id}));
    auto left = ServerFixture::nextMembership(*first, MembershipEvent::Action::Left);
    auto handedOver = ServerFixture::nextMembership(*first, MembershipEvent::Action::RoleChanged);
    // Skip the roleChanged entries of the setRole calls above, which may arrive late.
    while (handedOver && handedOver->second.role != Role::Owner)
        handedOver = ServerFixture::nextMembership(*first, MembershipEvent::Action::RoleChanged);
    QVERIFY(left && handedOver);
    QCOMPARE(left->second.action, MembershipEvent::Action::Left);
    QCOMPARE(handedOver->second.action, MembershipEvent::Action::RoleChanged);
    QCOMPARE(handedOver->second.actorUserId, owner->account().userId);
    QCOMPARE(handedOver->second.targetUserId, older->account().userId);
    QCOMPARE(handedOver->second.role, Role::Owner);
    QCOMPARE(handedOver->first.seq, left->first.seq + 1);
    // The one who left is told too.
    QVERIFY(ServerFixture::nextMembership(*owner, MembershipEvent::Action::Left));
    auto state = ServerFixture::nextConversation(*owner, c.id, [&](const Conversation &s) {
        return !s.member(owner->account().userId);
    });
    QVERIFY(state);
    QCOMPARE(state->member(older->account().userId)->role, Role::Owner);
    QCOMPARE(state->member(newer->account().userId)->role, Role::Admin);
    // The new owner sets roles now.
    PARLEY_VERIFY(older->callOk(SetRoleFrame{c.id, newer->account().userId, Role::Member}));
}

void tst_Conversations::ownerHandsOverToAMemberWithoutAdmins()
{
    auto owner = f.newUser(u"owner"_s);
    auto first = f.newUser();
    auto second = f.newUser();
    QVERIFY(owner && first && second);
    const Conversation c = f.group(*owner, u"plain"_s, {first.get(), second.get()});
    QVERIFY(c.id);
    second->clear();
    PARLEY_VERIFY(owner->callOk(LeaveFrame{c.id}));
    QVERIFY(ServerFixture::nextMembership(*second, MembershipEvent::Action::Left));
    auto handedOver = ServerFixture::nextMembership(*second, MembershipEvent::Action::RoleChanged);
    QVERIFY(handedOver);
    QCOMPARE(handedOver->second.targetUserId, first->account().userId);
    // The last member leaving leaves an empty group, and no hand-over.
    PARLEY_VERIFY(first->callOk(LeaveFrame{c.id}));
    second->clear();
    PARLEY_VERIFY(second->callOk(LeaveFrame{c.id}));
    auto last = ServerFixture::nextConversation(
            *second, c.id, [](const Conversation &s) { return s.members.isEmpty(); });
    QVERIFY(last);
}

void tst_Conversations::groupFull()
{
    // MaxGroupMembers users, written straight into the store (registering 500 users through
    // argon2id would take minutes).
    QSqlDatabase db;
    {
        const QString url = f.server.database();
        if (url.isEmpty()) {
            db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"raw"_s);
            db.setDatabaseName(f.server.dataDir() + u"/parley.db"_s);
            db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=10000"_s);
        } else {
            const QUrl u(url);
            db = QSqlDatabase::addDatabase(u"QPSQL"_s, u"raw"_s);
            db.setHostName(u.host());
            db.setPort(u.port(5432));
            db.setUserName(u.userName());
            db.setPassword(u.password());
            db.setDatabaseName(u.path().mid(1));
        }
    }
    const auto closeRaw = qScopeGuard([&db] {
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(u"raw"_s);
    });
    QVERIFY(db.open());
    QList<qint64> ids;
    {
        QSqlQuery q(db);
        QVERIFY(db.transaction());
        QVERIFY(q.prepare(
                u"INSERT INTO users (username, password_hash, created_at) VALUES (?, 'x', 1) RETURNING id"_s));
        for (int i = 0; i < MaxGroupMembers; ++i) {
            q.addBindValue(u"crowd%1"_s.arg(i));
            QVERIFY2(q.exec() && q.next(), qPrintable(q.lastError().text()));
            ids.append(q.value(0).toLongLong());
        }
        q.finish();
        QVERIFY(db.commit());
    }
    auto owner = f.newUser(u"owner"_s);
    QVERIFY(owner);
    // Too many at creation: the frame itself is refused.
    QVERIFY(owner->call<ConversationInfoFrame>(CreateGroupFrame{u"crowd"_s, ids}).error().code
            != ErrorCode::None);
    auto full = owner->call<ConversationInfoFrame>(
            CreateGroupFrame{u"crowd"_s, ids.mid(0, MaxGroupMembers - 1)});
    PARLEY_VERIFY(full);
    QCOMPARE(full->conversation.members.size(), MaxGroupMembers);
    QCOMPARE(owner->callOk(AddMemberFrame{full->conversation.id, ids.last()}).error().code,
             ErrorCode::GroupFull);
    PARLEY_VERIFY(owner->callOk(RemoveMemberFrame{full->conversation.id, ids.first()}));
    PARLEY_VERIFY(owner->callOk(AddMemberFrame{full->conversation.id, ids.last()}));
}

QTEST_GUILESS_MAIN(tst_Conversations)
#include "tst_conversations.moc"
