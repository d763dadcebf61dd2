// Accounts and devices: register, login, resume, devices and revocation, passwords, finding
// and blocking users, and the limits around them.
#include "ServerFixture.h"

#include <QtTest/QTest>

using namespace Parley;
using namespace Qt::StringLiterals;

class tst_Accounts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void cleanup();

    void registerRules();
    void loginAndResume();
    void newDeviceIsToldItHasNoKeys();
    void revokeDeviceDisconnectsIt();
    void otherDevicesAreToldOfNewDevices();
    void logoutRevokesTheToken();
    void changePassword();
    void findUser();
    void blockStopsDirectChats();
    void registrationClosed();
    void tooManyDevices();
    void failedLoginsSlowDown();

private:
    ServerFixture f;
};

void tst_Accounts::initTestCase()
{
    PARLEY_START_SERVER(f);
}

void tst_Accounts::cleanupTestCase()
{
    PARLEY_STOP_SERVER(f);
}

void tst_Accounts::cleanup()
{
    f.logIfFailed();
}

void tst_Accounts::registerRules()
{
    auto first = f.newUser(u"taken"_s);
    QVERIFY(first);
    auto c = f.newConnection();
    QVERIFY(c);
    auto taken = c->registerUser(first->account().username, u"whatever-password"_s);
    QCOMPARE(taken.error().code, ErrorCode::UsernameTaken);
    auto badName = c->registerUser(u"Bad Name"_s, u"whatever-password"_s);
    QCOMPARE(badName.error().code, ErrorCode::InvalidUsername);
    auto weak = c->registerUser(u"weakling"_s, u"short"_s);
    QCOMPARE(weak.error().code, ErrorCode::WeakPassword);
    // After failures the connection may still register.
    auto ok = c->registerUser(u"finally"_s, u"long-enough"_s);
    PARLEY_VERIFY(ok);
    QCOMPARE(ok->username, u"finally"_s);
    QCOMPARE(ok->token.size(), 32);
    auto again = c->call<AuthenticatedFrame>(LoginFrame{u"finally"_s, u"long-enough"_s, u"x"_s});
    QCOMPARE(again.error().code, ErrorCode::AlreadyAuthenticated);
}

void tst_Accounts::loginAndResume()
{
    auto first = f.newUser(u"multi"_s);
    QVERIFY(first);
    const QString name = first->account().username;
    auto second = f.newDevice(name);
    QVERIFY(second);
    QCOMPARE(second->account().userId, first->account().userId);
    QVERIFY(second->account().deviceId != first->account().deviceId);
    QCOMPARE(second->account().token.size(), 32);

    auto devices = second->call<DeviceListFrame>(ListDevicesFrame{});
    PARLEY_VERIFY(devices);
    QCOMPARE(devices->devices.size(), 2);
    for (const Device &d : devices->devices)
        QCOMPARE(d.current, d.deviceId == second->account().deviceId);

    auto c = f.newConnection();
    QVERIFY(c);
    QCOMPARE(c->login(name, u"wrong-password"_s).error().code, ErrorCode::InvalidCredentials);
    QCOMPARE(c->login(u"nobody-here"_s, u"wrong-password"_s).error().code,
             ErrorCode::InvalidCredentials);
    QCOMPARE(c->resume(QByteArray(32, 'x')).error().code, ErrorCode::InvalidToken);

    // Reconnect as the first device with its token: no new token, same device.
    const QByteArray token = first->account().token;
    const qint64 device = first->account().deviceId;
    first->close();
    auto resumed = c->resume(token);
    PARLEY_VERIFY(resumed);
    QCOMPARE(resumed->deviceId, device);
    QCOMPARE(resumed->username, name);
    QVERIFY(resumed->token.isEmpty());
}

void tst_Accounts::newDeviceIsToldItHasNoKeys()
{
    TestClient c;
    QVERIFY(c.open(f.server.url(), f.server.fingerprint()));
    QVERIFY(c.hello());
    const QString name = f.uniqueName(u"fresh"_s);
    PARLEY_VERIFY(c.registerUser(name, ServerFixture::password(name)));
    auto low = c.awaitPush(FrameType::KeysLow);
    QVERIFY(low);
    QCOMPARE(FrameCodec::read<KeysLowFrame>(*low)->remaining, 0);
}

void tst_Accounts::revokeDeviceDisconnectsIt()
{
    auto a = f.newUser(u"revoker"_s);
    QVERIFY(a);
    auto b = f.newDevice(a->account().username);
    QVERIFY(b);
    const QByteArray bToken = b->account().token;
    PARLEY_VERIFY(a->callOk(RevokeDeviceFrame{b->account().deviceId}));
    auto error = b->awaitPush(FrameType::Error);
    QVERIFY(error);
    QCOMPARE(FrameCodec::read<ErrorFrame>(*error)->code, ErrorCode::InvalidToken);
    QVERIFY(b->waitClosed());

    auto c = f.newConnection();
    QVERIFY(c);
    QCOMPARE(c->resume(bToken).error().code, ErrorCode::InvalidToken);
    // Gone from the list; revoking it again or someone else's device fails alike.
    auto devices = a->call<DeviceListFrame>(ListDevicesFrame{});
    PARLEY_VERIFY(devices);
    QCOMPARE(devices->devices.size(), 1);
    QCOMPARE(a->callOk(RevokeDeviceFrame{b->account().deviceId}).error().code,
             ErrorCode::NoSuchDevice);
    auto other = f.newUser(u"bystander"_s);
    QVERIFY(other);
    QCOMPARE(a->callOk(RevokeDeviceFrame{other->account().deviceId}).error().code,
             ErrorCode::NoSuchDevice);
    QVERIFY(other->isOpen());
}

void tst_Accounts::otherDevicesAreToldOfNewDevices()
{
    auto a = f.newUser(u"watcher"_s);
    QVERIFY(a);
    a->clear();
    // A login elsewhere: the device that was there gets the list, itself marked current.
    auto b = f.newDevice(a->account().username);
    QVERIFY(b);
    auto pushed = a->awaitPush(FrameType::DeviceList);
    QVERIFY(pushed);
    auto list = FrameCodec::read<DeviceListFrame>(*pushed);
    PARLEY_VERIFY(list);
    QCOMPARE(list->devices.size(), 2);
    for (const Device &d : list->devices)
        QCOMPARE(d.current, d.deviceId == a->account().deviceId);
    // The new device itself is told nothing; someone else's devices neither.
    auto stranger = f.newUser(u"stranger"_s);
    QVERIFY(stranger);
    stranger->clear();
    QVERIFY(!b->receivesPush(FrameType::DeviceList, 300));
    // A revoked device leaves the others' lists the same way.
    PARLEY_VERIFY(b->callOk(RevokeDeviceFrame{a->account().deviceId}));
    pushed = b->awaitPush(FrameType::DeviceList);
    QVERIFY(pushed);
    list = FrameCodec::read<DeviceListFrame>(*pushed);
    PARLEY_VERIFY(list);
    QCOMPARE(list->devices.size(), 1);
    QCOMPARE(list->devices.first().deviceId, b->account().deviceId);
    QVERIFY(list->devices.first().current);
    QVERIFY(!stranger->receivesPush(FrameType::DeviceList, 100));
}

void tst_Accounts::logoutRevokesTheToken()
{
    auto a = f.newUser(u"leaver"_s);
    QVERIFY(a);
    const QByteArray token = a->account().token;
    PARLEY_VERIFY(a->callOk(LogoutFrame{}));
    QVERIFY(a->waitClosed());
    auto c = f.newConnection();
    QVERIFY(c);
    QCOMPARE(c->resume(token).error().code, ErrorCode::InvalidToken);
}

void tst_Accounts::changePassword()
{
    auto a = f.newUser(u"changer"_s);
    QVERIFY(a);
    const QString name = a->account().username;
    QCOMPARE(a->callOk(ChangePasswordFrame{u"not-the-password"_s, u"new-password"_s}).error().code,
             ErrorCode::InvalidCredentials);
    QCOMPARE(a->callOk(ChangePasswordFrame{ServerFixture::password(name), u"short"_s}).error().code,
             ErrorCode::WeakPassword);
    PARLEY_VERIFY(a->callOk(ChangePasswordFrame{ServerFixture::password(name), u"new-password"_s}));
    auto c = f.newConnection();
    QVERIFY(c);
    QCOMPARE(c->login(name, ServerFixture::password(name)).error().code,
             ErrorCode::InvalidCredentials);
    PARLEY_VERIFY(c->login(name, u"new-password"_s));
    QVERIFY(a->isOpen()); // other devices stay signed in
}

void tst_Accounts::findUser()
{
    auto a = f.newUser(u"finder"_s);
    auto b = f.newUser(u"findee"_s);
    QVERIFY(a && b);
    auto found = a->call<UserFoundFrame>(FindUserFrame{b->account().username});
    PARLEY_VERIFY(found);
    QCOMPARE(found->user.userId, b->account().userId);
    QCOMPARE(found->user.username, b->account().username);
    QCOMPARE(a->call<UserFoundFrame>(FindUserFrame{u"nobody"_s}).error().code,
             ErrorCode::NoSuchUser);
}

void tst_Accounts::blockStopsDirectChats()
{
    auto a = f.newUser(u"blocker"_s);
    auto b = f.newUser(u"blocked"_s);
    auto c = f.newUser(u"other"_s);
    QVERIFY(a && b && c);
    auto ab = a->call<ConversationInfoFrame>(CreateDirectFrame{b->account().userId});
    PARLEY_VERIFY(ab);
    const qint64 id = ab->conversation.id;
    QCOMPARE(a->callOk(BlockFrame{a->account().userId, true}).error().code,
             ErrorCode::InvalidArgument);
    QCOMPARE(a->callOk(BlockFrame{999999, true}).error().code, ErrorCode::NoSuchUser);
    PARLEY_VERIFY(a->callOk(BlockFrame{b->account().userId, true}));

    QCOMPARE(b->call<SentFrame>(SendFrame{id, TestClient::newClientId(), "hi"_ba}).error().code,
             ErrorCode::Blocked);
    QCOMPARE(a->call<SentFrame>(SendFrame{id, TestClient::newClientId(), "hi"_ba}).error().code,
             ErrorCode::Blocked);
    QCOMPARE(b->call<ConversationInfoFrame>(CreateDirectFrame{a->account().userId}).error().code,
             ErrorCode::Blocked);
    // Groups with both go on (the blocked user cannot add the blocker to one: tst_block).
    auto group = a->call<ConversationInfoFrame>(
            CreateGroupFrame{u"all"_s, {b->account().userId, c->account().userId}});
    PARLEY_VERIFY(group);
    PARLEY_VERIFY(b->call<SentFrame>(
            SendFrame{group->conversation.id, TestClient::newClientId(), "hi"_ba}));

    PARLEY_VERIFY(a->callOk(BlockFrame{b->account().userId, false}));
    PARLEY_VERIFY(b->call<SentFrame>(SendFrame{id, TestClient::newClientId(), "hi again"_ba}));
}

void tst_Accounts::registrationClosed()
{
    ParleydProcess closed;
    closed.setArguments({u"--registration"_s, u"closed"_s});
    QByteArray output;
    QCOMPARE(
            closed.runAdmin({u"user"_s, u"add"_s, u"admitted"_s, u"--password"_s, u"admitted-pw"_s},
                            &output),
            0);
    QVERIFY2(closed.start(), closed.log().constData());
    TestClient c;
    QVERIFY(c.open(closed.url(), closed.fingerprint()));
    auto welcome = c.hello();
    PARLEY_VERIFY(welcome);
    QVERIFY(!welcome->registrationOpen);
    QCOMPARE(c.registerUser(u"newcomer"_s, u"newcomer-pw"_s).error().code,
             ErrorCode::RegistrationClosed);
    PARLEY_VERIFY(c.login(u"admitted"_s, u"admitted-pw"_s));
    c.close();
    QVERIFY(closed.stop());
}

void tst_Accounts::tooManyDevices()
{
    ServerFixture small;
    QVERIFY2(small.start({u"--max-devices"_s, u"2"_s}), small.server.log().constData());
    auto a = small.registerUser(u"busy"_s);
    QVERIFY(a);
    auto b = small.newDevice(u"busy"_s);
    QVERIFY(b);
    auto c = small.newConnection();
    QVERIFY(c);
    const QString password = ServerFixture::password(u"busy"_s);
    QCOMPARE(c->login(u"busy"_s, password).error().code, ErrorCode::TooManyDevices);
    // Freeing a slot lets the next login in.
    PARLEY_VERIFY(a->callOk(RevokeDeviceFrame{b->account().deviceId}));
    PARLEY_VERIFY(c->login(u"busy"_s, password));
    QVERIFY(small.stop());
}

void tst_Accounts::failedLoginsSlowDown()
{
    ServerFixture strict;
    QVERIFY2(strict.start({u"--login-failures"_s, u"2"_s, u"--login-backoff"_s, u"300"_s}),
             strict.server.log().constData());
    auto a = strict.registerUser(u"target"_s);
    QVERIFY(a);
    auto c = strict.newConnection();
    QVERIFY(c);
    QCOMPARE(c->login(u"target"_s, u"guess-one"_s).error().code, ErrorCode::InvalidCredentials);
    QCOMPARE(c->login(u"target"_s, u"guess-two"_s).error().code, ErrorCode::InvalidCredentials);
    // Now even the right password waits.
    QCOMPARE(c->login(u"target"_s, ServerFixture::password(u"target"_s)).error().code,
             ErrorCode::SlowDown);
    QVERIFY(c->isOpen());
    QVERIFY(strict.stop());
}

QTEST_GUILESS_MAIN(tst_Accounts)
#include "tst_accounts.moc"
