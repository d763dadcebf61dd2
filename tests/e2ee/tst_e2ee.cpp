#include "Client.h"
#include "FrameRecorder.h"
#include "ParleydProcess.h"
#include "ProfileSecretsProbe.h"
#include "TestClient.h"
#include "crypto/DeviceIdentity.h"
#include "crypto/KeyStore.h"
#include "crypto/PairwiseCipher.h"
#include "crypto/RecordSealer.h"
#include "crypto/SenderKeyCipher.h"
#include "crypto/SignalContext.h"
#include "e2ee/ContactSafetyNumber.h"
#include "e2ee/ContactTrust.h"
#include "e2ee/ConversationSecurity.h"
#include "e2ee/DeviceKeyPublisher.h"
#include "e2ee/DeviceMessage.h"
#include "e2ee/EndToEndEncryption.h"
#include "e2ee/KeyVault.h"
#include "e2ee/PendingDecryptions.h"
#include "e2ee/SenderKeyContentCipher.h"
#include "e2ee/SenderKeyDistributor.h"
#include "net/Connection.h"
#include "net/ServerAddress.h"
#include "outbox/Outbox.h"
#include "platform/ProfilePaths.h"
#include "store/CacheUnlock.h"
#include "store/MessageStore.h"

#include <QtCore/QDirIterator>
#include <QtCore/QRandomGenerator>
#include <QtCore/QTemporaryDir>
#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlQuery>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

#include <limits>
#include <memory>
#include <optional>

using namespace Parley;
using namespace Qt::StringLiterals;

namespace {

constexpr int NetworkMs = 60000; // the test box is shared and busy: generous, never slept

} // namespace

/// End-to-end encryption through real Clients and one real parleyd (plain ws://, behind a
/// FrameRecorder that keeps every frame either way).
///
/// Each scenario uses its own users on the same server; every text any client sends is noted,
/// and the last function, serverSawNoPlaintext(), looks for each of them in the server's
/// database files, its log and the recorded frames. Runs with the session bus and unlocked
/// gnome-keyring that scripts/test provides: each device's storage key is in the keychain.
class tst_E2ee : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void directChat();
    void groupOfFiveWithTwoDevices();
    void removedMemberCannotDecrypt();
    void newDeviceReadsFromItsJoin();
    void revokedDeviceCannotDecrypt();
    void identityChangeRaisesWarning();
    void verifiedMarkFollowsDevices();
    void keysLowIsAnswered();
    void undecryptableRowHealsAfterReshare();
    void serverSawNoPlaintext(); // keep last: it scans what the others sent

private:
    std::unique_ptr<Client> makeClient(const QString &user, const QString &device);
    /// Registers (or logs in) and waits until Online with its keys published.
    std::unique_ptr<Client> signIn(const QString &user, const QString &device, bool registerFirst);
    qint64 openDirect(Client &from, const QString &to);
    qint64 createGroup(Client &owner, const QString &title, const QStringList &members);
    /// Sends a text with a random tag and notes it for serverSawNoPlaintext().
    QString say(Client &from, qint64 conversationId, const QString &what);
    static int rowWithText(MessageListModel *model, const QString &text);
    static bool shows(Client &client, qint64 conversationId, const QString &text);
    QString profileOf(const QString &user, const QString &device) const;
    /// The body `from` sent for the message with this text, as the recorder saw it.
    QByteArray sentBody(Client &from, qint64 conversationId, const QString &text);

    std::optional<QTemporaryDir> m_dir;
    std::unique_ptr<ParleydProcess> m_server;
    std::unique_ptr<FrameRecorder> m_recorder;
    QString m_runTag;
    QStringList m_plaintexts;
    QStringList m_usernames;
};

void tst_E2ee::initTestCase()
{
    if (ParleydProcess::binary().isEmpty())
        QFAIL("PARLEYD_BINARY is not set (parley_add_test sets it)");
    const QString bus = qEnvironmentVariable("DBUS_SESSION_BUS_ADDRESS");
    if (bus.isEmpty() || bus.contains(u"nonexistent"_s))
        QSKIP("needs a session bus with an unlocked keychain (scripts/test provides one)");
    m_runTag = QString::number(QCoreApplication::applicationPid());
    m_dir.emplace();
    QVERIFY(m_dir->isValid());
    m_server = std::make_unique<ParleydProcess>();
    m_server->setPlain(true);
    m_server->setArguments({u"--rate-limit"_s, u"1000"_s, u"--rate-burst"_s, u"1000"_s});
    // Everything the server logs, debug included, is scanned at the end.
    qputenv("QT_LOGGING_RULES", "parley.*=true");
    const bool started = m_server->start();
    qunsetenv("QT_LOGGING_RULES");
    QVERIFY2(started, m_server->log().constData());
    m_recorder = std::make_unique<FrameRecorder>(m_server->port());
    QVERIFY(m_recorder->listen());
}

void tst_E2ee::cleanupTestCase()
{
    m_recorder.reset();
    m_server.reset();
    m_dir.reset();
}

QString tst_E2ee::profileOf(const QString &user, const QString &device) const
{
    return user + u'-' + device + u'-' + m_runTag;
}

std::unique_ptr<Client> tst_E2ee::makeClient(const QString &user, const QString &device)
{
    ClientOptions options;
    options.profile = profileOf(user, device);
    options.dataDir = m_dir->filePath(user + u'-' + device);
    options.serverUrl = m_recorder->url().toString();
    options.deviceName = device;
    options.notifications = false;
    options.askBeforePinning = false; // nobody to ask: pinned on first use
    auto client = std::make_unique<Client>(options);
    client->connection()->setReconnectDelays(100, 1000);
    return client;
}

std::unique_ptr<Client> tst_E2ee::signIn(const QString &user, const QString &device,
                                         bool registerFirst)
{
    auto client = makeClient(user, device);
    [&] { QTRY_VERIFY(client->isStarted()); }();
    const QString url = m_recorder->url().toString();
    if (registerFirst)
        client->registerAccount(url, user, u"password-"_s + user);
    else
        client->login(url, user, u"password-"_s + user);
    [&] {
        QTRY_COMPARE_WITH_TIMEOUT(client->state(), Client::State::Online, NetworkMs);
        QVERIFY(client->encryption());
        QTRY_VERIFY_WITH_TIMEOUT(client->encryption()->publisher()->isPublished(), NetworkMs);
    }();
    if (!m_usernames.contains(user))
        m_usernames.append(user);
    return QTest::currentTestFailed() ? nullptr : std::move(client);
}

qint64 tst_E2ee::openDirect(Client &from, const QString &to)
{
    QSignalSpy opened(&from, &Client::conversationOpened);
    from.startDirectChat(to);
    [&] { QTRY_COMPARE_WITH_TIMEOUT(opened.size(), 1, NetworkMs); }();
    return opened.isEmpty() ? 0 : opened.first().first().toLongLong();
}

qint64 tst_E2ee::createGroup(Client &owner, const QString &title, const QStringList &members)
{
    QSignalSpy opened(&owner, &Client::conversationOpened);
    owner.createGroup(title, members);
    [&] { QTRY_COMPARE_WITH_TIMEOUT(opened.size(), 1, NetworkMs); }();
    return opened.isEmpty() ? 0 : opened.first().first().toLongLong();
}

QString tst_E2ee::say(Client &from, qint64 conversationId, const QString &what)
{
    const QString text =
            what + u" #"_s + QString::number(QRandomGenerator::global()->generate64(), 16);
    m_plaintexts.append(text);
    from.chat(conversationId)->sendText(text);
    return text;
}

int tst_E2ee::rowWithText(MessageListModel *model, const QString &text)
{
    for (int i = 0; i < model->rowCount(); ++i) {
        if (model->index(i, 0).data(MessageListModel::TextRole).toString() == text)
            return i;
    }
    return -1;
}

bool tst_E2ee::shows(Client &client, qint64 conversationId, const QString &text)
{
    return rowWithText(client.chat(conversationId)->messages(), text) >= 0;
}

QByteArray tst_E2ee::sentBody(Client &from, qint64 conversationId, const QString &text)
{
    MessageListModel *view = from.chat(conversationId)->messages();
    [&] { QTRY_VERIFY_WITH_TIMEOUT(rowWithText(view, text) >= 0, NetworkMs); }();
    const int row = rowWithText(view, text);
    if (row < 0)
        return {};
    const QByteArray clientId = QByteArray::fromHex(
            view->index(row).data(MessageListModel::ClientIdRole).toString().toLatin1());
    for (const QByteArray &bytes : m_recorder->clientMessages()) {
        auto frame = FrameCodec::decode(bytes, FrameLimits::fromClient());
        if (!frame || frame->type != FrameType::Send)
            continue;
        auto send = FrameCodec::read<SendFrame>(*frame);
        if (send && send->clientId == clientId)
            return send->body;
    }
    return {};
}

void tst_E2ee::directChat()
{
    auto alice = signIn(u"dc-alice"_s, u"laptop"_s, true);
    QVERIFY(alice);
    auto bob = signIn(u"dc-bob"_s, u"laptop"_s, true);
    QVERIFY(bob);
    const qint64 id = openDirect(*alice, u"dc-bob"_s);
    QVERIFY(id > 0);

    const QString hello = say(*alice, id, u"hello bob"_s);
    QTRY_VERIFY_WITH_TIMEOUT(shows(*bob, id, hello), NetworkMs);
    const QString answer = say(*bob, id, u"hi alice"_s);
    QTRY_VERIFY_WITH_TIMEOUT(shows(*alice, id, answer), NetworkMs);
    QTRY_COMPARE_WITH_TIMEOUT(alice->conversations()->summary(id)->lastPreview, answer, NetworkMs);

    // Both see the same safety number: 60 digits in 12 groups.
    ContactSafetyNumber *seenByAlice = alice->safetyNumber(bob->userId());
    ContactSafetyNumber *seenByBob = bob->safetyNumber(alice->userId());
    QVERIFY(seenByAlice && seenByBob);
    QTRY_VERIFY_WITH_TIMEOUT(seenByAlice->isReady() && seenByBob->isReady(), NetworkMs);
    QCOMPARE(seenByAlice->displayText(), seenByBob->displayText());
    QCOMPARE(seenByAlice->groups().size(), 12);
    QCOMPARE(seenByAlice->displayText().size(), 60 + 11);
    QCOMPARE(seenByAlice->deviceCount(), 1);
    QVERIFY(!seenByAlice->keyChanged());
    QVERIFY(!alice->chat(id)->security()->hasKeyChange());

    // Bob restarts: his keys come back with the storage key from the keychain.
    const qint64 bobId = bob->userId();
    bob.reset();
    bob = makeClient(u"dc-bob"_s, u"laptop"_s);
    QTRY_COMPARE_WITH_TIMEOUT(bob->state(), Client::State::Online, NetworkMs);
    QCOMPARE(bob->userId(), bobId);
    QTRY_VERIFY_WITH_TIMEOUT(bob->encryption()->isReady(), NetworkMs);
    QVERIFY(!bob->encryption()->vault()->isNewDevice());
    QTRY_VERIFY_WITH_TIMEOUT(shows(*bob, id, hello), NetworkMs); // from the cache
    const QString again = say(*alice, id, u"still there?"_s);
    QTRY_VERIFY_WITH_TIMEOUT(shows(*bob, id, again), NetworkMs);
    const QString yes = say(*bob, id, u"yes, after a restart"_s);
    QTRY_VERIFY_WITH_TIMEOUT(shows(*alice, id, yes), NetworkMs);
}

void tst_E2ee::groupOfFiveWithTwoDevices()
{
    const QStringList names{u"g-ann"_s, u"g-ben"_s, u"g-cat"_s, u"g-dan"_s, u"g-eve"_s};
    std::vector<std::unique_ptr<Client>> devices;
    devices.push_back(signIn(names[0], u"desk"_s, true));
    devices.push_back(signIn(names[0], u"phone"_s, false)); // ann's second device
    for (int i = 1; i < names.size(); ++i)
        devices.push_back(signIn(names[i], u"laptop"_s, true));
    for (const auto &d : devices)
        QVERIFY(d);
    QVERIFY(devices[0]->deviceId() != devices[1]->deviceId());

    const qint64 id = createGroup(*devices[0], u"five of us"_s, names.mid(1));
    QVERIFY(id > 0);
    for (const auto &d : devices)
        QTRY_VERIFY_WITH_TIMEOUT(d->conversations()->summary(id) != nullptr, NetworkMs);

    // Every device writes; every device (the writer's other device included) reads it all.
    QStringList texts;
    for (std::size_t i = 0; i < devices.size(); ++i)
        texts.append(say(*devices[i], id, u"from device %1"_s.arg(i)));
    for (const auto &d : devices) {
        for (const QString &text : std::as_const(texts))
            QTRY_VERIFY2_WITH_TIMEOUT(shows(*d, id, text),
                                      qPrintable(d->username() + u" misses "_s + text), NetworkMs);
    }
}

void tst_E2ee::removedMemberCannotDecrypt()
{
    auto owner = signIn(u"r-owner"_s, u"laptop"_s, true);
    auto member = signIn(u"r-member"_s, u"laptop"_s, true);
    auto gone = signIn(u"r-gone"_s, u"laptop"_s, true);
    QVERIFY(owner && member && gone);
    const qint64 id = createGroup(*owner, u"soon three"_s, {u"r-member"_s, u"r-gone"_s});
    QVERIFY(id > 0);
    QTRY_VERIFY_WITH_TIMEOUT(member->conversations()->summary(id), NetworkMs);
    QTRY_VERIFY_WITH_TIMEOUT(gone->conversations()->summary(id), NetworkMs);
    const QString before = say(*member, id, u"before the removal"_s);
    QTRY_VERIFY_WITH_TIMEOUT(shows(*gone, id, before), NetworkMs);
    QTRY_VERIFY_WITH_TIMEOUT(shows(*owner, id, before), NetworkMs);

    const qint64 goneId = gone->userId();
    // From the removal on: the member may rotate as soon as it sees the removal entry, before
    // it sends anything.
    QSignalSpy distributed(member->encryption()->distributor(), &SenderKeyDistributor::distributed);
    owner->chat(id)->removeMember(goneId);
    QTRY_VERIFY_WITH_TIMEOUT(!gone->chat(id)->canSend(), NetworkMs);
    QTRY_VERIFY_WITH_TIMEOUT(!member->conversations()->summary(id)->conversation.member(goneId),
                             NetworkMs);

    // The member's next message uses a new sender key that only the owner's device gets.
    const QString after = say(*member, id, u"after the removal"_s);
    QTRY_VERIFY_WITH_TIMEOUT(shows(*owner, id, after), NetworkMs);
    bool rotatedToOwnerOnly = false;
    for (const QList<QVariant> &call : std::as_const(distributed)) {
        const auto to = call.at(1).value<QList<DeviceAddress>>();
        QVERIFY(std::none_of(to.cbegin(), to.cend(),
                             [goneId](const DeviceAddress &d) { return d.userId == goneId; }));
        rotatedToOwnerOnly |= call.at(0).toLongLong() == id && !to.isEmpty();
    }
    QVERIFY(rotatedToOwnerOnly);

    // The removed member gets the entry's ciphertext anyway (as anyone reading the server
    // could): its device cannot decrypt it, and asking the member for the key is refused.
    MessageListModel *view = member->chat(id)->messages();
    QTRY_VERIFY_WITH_TIMEOUT(rowWithText(view, after) >= 0, NetworkMs);
    QTRY_VERIFY_WITH_TIMEOUT(
            view->index(rowWithText(view, after)).data(MessageListModel::SeqRole).toLongLong() > 0,
            NetworkMs);
    const int row = rowWithText(view, after);
    Envelope envelope;
    envelope.conversationId = id;
    envelope.seq = view->index(row).data(MessageListModel::SeqRole).toLongLong();
    envelope.senderUserId = member->userId();
    envelope.senderDeviceId = member->deviceId();
    envelope.clientId = QByteArray::fromHex(
            view->index(row).data(MessageListModel::ClientIdRole).toString().toLatin1());
    envelope.kind = MessageKind::Content;
    for (const QByteArray &bytes : m_recorder->clientMessages()) {
        auto frame = FrameCodec::decode(bytes, FrameLimits::fromClient());
        if (!frame || frame->type != FrameType::Send)
            continue;
        auto send = FrameCodec::read<SendFrame>(*frame);
        if (send && send->clientId == envelope.clientId)
            envelope.body = send->body;
    }
    QVERIFY(!envelope.body.isEmpty());
    QVERIFY(!envelope.body.contains(after.toUtf8()));

    QSignalSpy answered(member->encryption()->distributor(),
                        &SenderKeyDistributor::requestAnswered);
    SenderKeyContentCipher goneCipher;
    goneCipher.attach(gone->encryption());
    QFuture<Result<QByteArray>> attempt = goneCipher.decrypt(envelope);
    QTRY_VERIFY_WITH_TIMEOUT(attempt.isFinished(), NetworkMs);
    QVERIFY(!attempt.result());
    QTRY_VERIFY_WITH_TIMEOUT(!answered.isEmpty(), NetworkMs);
    QCOMPARE(answered.first().at(0).value<DeviceAddress>().userId, goneId);
    QCOMPARE(answered.first().at(2).toBool(), false);
    QFuture<Result<QByteArray>> again = goneCipher.decrypt(envelope);
    QTRY_VERIFY_WITH_TIMEOUT(again.isFinished(), NetworkMs);
    QVERIFY(!again.result());
    QVERIFY(!shows(*gone, id, after));
}

void tst_E2ee::newDeviceReadsFromItsJoin()
{
    auto amy = signIn(u"n-amy"_s, u"laptop"_s, true);
    auto bo = signIn(u"n-bo"_s, u"laptop"_s, true);
    QVERIFY(amy && bo);
    const qint64 id = openDirect(*amy, u"n-bo"_s);
    QVERIFY(id > 0);
    const QString early = say(*amy, id, u"before the tablet"_s);
    QTRY_VERIFY_WITH_TIMEOUT(shows(*bo, id, early), NetworkMs);
    MessageListModel *amyView = amy->chat(id)->messages();
    auto seqOf = [amyView](const QString &text) {
        const int row = rowWithText(amyView, text);
        return row < 0 ? 0 : amyView->index(row).data(MessageListModel::SeqRole).toLongLong();
    };
    QTRY_VERIFY_WITH_TIMEOUT(seqOf(early) > 0, NetworkMs);
    const qint64 earlySeq = seqOf(early);

    // Bo logs in on a tablet. It introduces itself to every member device; they send it their
    // sender keys from then on.
    QSignalSpy amySent(amy->encryption()->distributor(), &SenderKeyDistributor::distributed);
    QSignalSpy boSent(bo->encryption()->distributor(), &SenderKeyDistributor::distributed);
    auto tablet = signIn(u"n-bo"_s, u"tablet"_s, false);
    QVERIFY(tablet);
    const DeviceAddress tabletAddress{tablet->userId(), qint32(tablet->deviceId())};
    auto reached = [&tabletAddress](const QSignalSpy &spy) {
        return std::any_of(spy.cbegin(), spy.cend(), [&tabletAddress](const QList<QVariant> &call) {
            return call.at(1).value<QList<DeviceAddress>>().contains(tabletAddress);
        });
    };
    QTRY_VERIFY_WITH_TIMEOUT(reached(amySent), NetworkMs);
    QTRY_VERIFY_WITH_TIMEOUT(reached(boSent), NetworkMs);

    const QString late = say(*amy, id, u"after the tablet joined"_s);
    QTRY_VERIFY_WITH_TIMEOUT(shows(*tablet, id, late), NetworkMs);
    QTRY_VERIFY_WITH_TIMEOUT(shows(*bo, id, late), NetworkMs);
    const QString fromTablet = say(*tablet, id, u"written on the tablet"_s);
    QTRY_VERIFY_WITH_TIMEOUT(shows(*amy, id, fromTablet), NetworkMs);
    QTRY_VERIFY_WITH_TIMEOUT(shows(*bo, id, fromTablet), NetworkMs);
    const QString fromLaptop = say(*bo, id, u"written on the laptop"_s);
    QTRY_VERIFY_WITH_TIMEOUT(shows(*tablet, id, fromLaptop), NetworkMs);

    // What was said before it joined is not readable there: the row says why.
    MessageListModel *tabletView = tablet->chat(id)->messages();
    auto earlyText = [tabletView, earlySeq] {
        for (int i = 0; i < tabletView->rowCount(); ++i) {
            if (tabletView->index(i).data(MessageListModel::SeqRole).toLongLong() == earlySeq)
                return tabletView->index(i).data(MessageListModel::TextRole).toString();
        }
        return QString();
    };
    QTRY_COMPARE_WITH_TIMEOUT(
            earlyText(), PendingDecryptions::explanation(PendingDecryptions::Outcome::BeforeKey),
            NetworkMs);
}

void tst_E2ee::revokedDeviceCannotDecrypt()
{
    auto laptop = signIn(u"p-pat"_s, u"laptop"_s, true);
    auto phone = signIn(u"p-pat"_s, u"phone"_s, false);
    auto quin = signIn(u"p-quin"_s, u"laptop"_s, true);
    QVERIFY(laptop && phone && quin);
    const qint64 id = openDirect(*quin, u"p-pat"_s);
    QVERIFY(id > 0);
    const QString before = say(*quin, id, u"before the revocation"_s);
    QTRY_VERIFY_WITH_TIMEOUT(shows(*phone, id, before), NetworkMs);
    QTRY_VERIFY_WITH_TIMEOUT(shows(*laptop, id, before), NetworkMs);

    // A thief keeps a copy of the phone's keys (and the storage key from its keychain).
    const QString phoneProfile = profileOf(u"p-pat"_s, u"phone"_s);
    const QString phoneDir = m_dir->filePath(u"p-pat-phone"_s);
    const Result<QByteArray> storageKey =
            ProfileSecretsProbe::read(phoneProfile, phoneDir, KeyVault::storageKeyName());
    QVERIFY(storageKey && !storageKey->isEmpty());
    QTemporaryDir stolen;
    const QString copy = stolen.filePath(u"phone.sqlite"_s);
    // And the cache's key: the copy is taken in clear through the sealed cache.
    const Result<QByteArray> cacheKey =
            ProfileSecretsProbe::read(phoneProfile, phoneDir, CacheUnlock::secretName());
    QVERIFY(cacheKey && !cacheKey->isEmpty());
    {
        QSqlDatabase live = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"phone-live"_s);
        QVERIFY(SealedCache::open(live, ProfilePaths::cacheFile(m_dir->filePath(u"p-pat-phone"_s)),
                                  CacheKey{*cacheKey, false})
                        .isOk());
        QSqlQuery vacuum(live);
        QVERIFY(vacuum.exec(
                u"VACUUM INTO '%1?vfs=unix'"_s.arg(QUrl::fromLocalFile(copy).toString())));
    }
    QSqlDatabase::removeDatabase(u"phone-live"_s);

    // Pat revokes the phone from the laptop: the server ends its session, the laptop tells quin,
    // and quin's next message goes out under a new key that only the laptop gets.
    QSignalSpy quinSent(quin->encryption()->distributor(), &SenderKeyDistributor::distributed);
    const DeviceAddress laptopAddress{laptop->userId(), qint32(laptop->deviceId())};
    laptop->revokeDevice(phone->deviceId());
    QTRY_COMPARE_WITH_TIMEOUT(phone->state(), Client::State::SignedOut, NetworkMs);
    QTRY_VERIFY_WITH_TIMEOUT(std::any_of(quinSent.cbegin(), quinSent.cend(),
                                         [&](const QList<QVariant> &call) {
                                             return call.at(0).toLongLong() == id
                                                     && call.at(1).value<QList<DeviceAddress>>()
                                                     == QList<DeviceAddress>{laptopAddress};
                                         }),
                             NetworkMs);
    const QString after = say(*quin, id, u"after the revocation"_s);
    QTRY_VERIFY_WITH_TIMEOUT(shows(*laptop, id, after), NetworkMs);

    // The phone's keys cannot read it.
    const auto ciphertext = SenderKeyContentCipher::ciphertextOf(sentBody(*quin, id, after));
    QVERIFY(ciphertext);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"phone-stolen"_s);
        db.setDatabaseName(copy);
        QVERIFY(db.open());
        auto context = SignalContext::create();
        QVERIFY(context);
        auto keys = KeyStore::open(*context.value(), u"phone-stolen"_s, *storageKey);
        QVERIFY(keys);
        const DeviceAddress quinAddress{quin->userId(), qint32(quin->deviceId())};
        SenderKeyCipher stolenKeys(*keys.value());
        QVERIFY(stolenKeys.hasSenderKey(id, quinAddress).value()); // it had quin's old key
        auto decrypted = stolenKeys.decrypt(id, quinAddress, *ciphertext);
        QVERIFY(!decrypted);
        QCOMPARE(decrypted.error(), CryptoError::NoSenderKey);
    }
    QSqlDatabase::removeDatabase(u"phone-stolen"_s);
}

void tst_E2ee::identityChangeRaisesWarning()
{
    auto al = signIn(u"i-al"_s, u"laptop"_s, true);
    auto bea = signIn(u"i-bea"_s, u"laptop"_s, true);
    QVERIFY(al && bea);
    const qint64 id = openDirect(*al, u"i-bea"_s);
    QVERIFY(id > 0);
    const QString first = say(*al, id, u"first"_s);
    QTRY_VERIFY_WITH_TIMEOUT(shows(*bea, id, first), NetworkMs);
    ConversationSecurity *security = al->chat(id)->security();
    QVERIFY(security);
    QVERIFY(!security->hasKeyChange());
    // Al compared numbers with bea and marked her as verified.
    ContactSafetyNumber *number = al->safetyNumber(bea->userId());
    QTRY_VERIFY_WITH_TIMEOUT(number->isReady(), NetworkMs);
    number->setVerified(true);
    QTRY_VERIFY_WITH_TIMEOUT(number->isVerified(), NetworkMs);
    QTRY_VERIFY(security->othersVerified());

    // Someone with bea's device token (a reinstalled device, or a thief) writes to al with
    // another identity key.
    const Result<QByteArray> token = ProfileSecretsProbe::read(
            profileOf(u"i-bea"_s, u"laptop"_s), m_dir->filePath(u"i-bea-laptop"_s),
            serverKey(m_recorder->url()) + u"/token"_s);
    QVERIFY(token && !token->isEmpty());
    TestClient impostor;
    QVERIFY(impostor.open(m_recorder->url()));
    PARLEY_VERIFY(impostor.hello());
    PARLEY_VERIFY(impostor.resume(*token));
    QCOMPARE(impostor.account().deviceId, bea->deviceId());

    QTemporaryDir keysDir;
    const QString connection = u"impostor-keys"_s;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, connection);
        db.setDatabaseName(keysDir.filePath(u"keys.sqlite"_s));
        QVERIFY(db.open());
    }
    {
        auto context = SignalContext::create();
        QVERIFY(context);
        auto keys =
                KeyStore::open(*context.value(), connection, RecordSealer::generateStorageKey());
        QVERIFY(keys);
        QVERIFY(DeviceIdentity(*keys.value()).create(5));
        auto bundles = impostor.call<KeyBundlesFrame>(FetchKeysFrame{al->userId()});
        PARLEY_VERIFY(bundles);
        QCOMPARE(bundles->bundles.size(), 1);
        const KeyBundle &b = bundles->bundles.first();
        PreKeyBundle bundle{
                quint32(b.registrationId),
                b.identityKey,
                {quint32(b.signedPreKey.id), b.signedPreKey.publicKey, b.signedPreKey.signature},
                {}};
        if (b.oneTimePreKey)
            bundle.preKeys.append({quint32(b.oneTimePreKey->id), b.oneTimePreKey->publicKey});
        const DeviceAddress alDevice{al->userId(), qint32(al->deviceId())};
        PairwiseCipher pairwise(*keys.value());
        QVERIFY(pairwise.buildSession(alDevice, bundle));
        auto message = pairwise.encrypt(alDevice, DeviceMessage{}.encode());
        QVERIFY(message);
        PARLEY_VERIFY(impostor.callOk(InboxSendFrame{
                {InboxDelivery{al->userId(), al->deviceId(), message.value().encode()}}}));
    }
    QSqlDatabase::removeDatabase(connection);
    impostor.close();

    // Al is warned in the conversation and on the safety-number screen...
    QTRY_VERIFY_WITH_TIMEOUT(security->hasKeyChange(), NetworkMs);
    QCOMPARE(security->changedUsernames(), QStringList{u"i-bea"_s});
    QCOMPARE(security->changedUserIds(), QVariantList{bea->userId()});
    QVERIFY(security->keyChangeWarning().contains(u"i-bea"_s));
    QVERIFY(al->safetyNumber(bea->userId())->keyChanged());
    // The mark is gone, and the conversation says why (a line of this device, not a message).
    QTRY_VERIFY_WITH_TIMEOUT(!number->isVerified(), NetworkMs);
    QTRY_VERIFY_WITH_TIMEOUT(!security->othersVerified(), NetworkMs); // its own refresh follows
    const QString replaced =
            u"i-bea's safety number changed, so i-bea is no longer marked as verified."_s;
    QTRY_VERIFY_WITH_TIMEOUT(shows(*al, id, replaced), NetworkMs);
    MessageListModel *lines = al->chat(id)->messages();
    QVERIFY(lines->index(rowWithText(lines, replaced))
                    .data(MessageListModel::IsSystemRole)
                    .toBool());

    // ...and what al writes to bea waits until al acknowledges the change.
    QSignalSpy acknowledged(al->outbox(), &Outbox::acknowledged);
    MessageListModel *view = al->chat(id)->messages();
    const QString held = say(*al, id, u"held until acknowledged"_s);
    QTRY_VERIFY_WITH_TIMEOUT(rowWithText(view, held) >= 0, NetworkMs);
    QVERIFY(!acknowledged.wait(3000));
    QCOMPARE(view->index(rowWithText(view, held))
                     .data(MessageListModel::DeliveryStateRole)
                     .value<States::Delivery>(),
             States::Delivery::Queued);
    al->acknowledgeKeyChange(bea->userId());
    QTRY_COMPARE_WITH_TIMEOUT(acknowledged.size(), 1, NetworkMs);
}

void tst_E2ee::verifiedMarkFollowsDevices()
{
    auto vi = signIn(u"v-vi"_s, u"laptop"_s, true);
    auto ed = signIn(u"v-ed"_s, u"laptop"_s, true);
    QVERIFY(vi && ed);
    const qint64 id = openDirect(*vi, u"v-ed"_s);
    QVERIFY(id > 0);
    const QString hello = say(*vi, id, u"let us compare"_s);
    QTRY_VERIFY_WITH_TIMEOUT(shows(*ed, id, hello), NetworkMs);
    const qint64 edId = ed->userId();

    // Vi marks ed as verified: the safety number, the conversation and ContactTrust say so.
    ContactSafetyNumber *number = vi->safetyNumber(edId);
    QTRY_VERIFY_WITH_TIMEOUT(number->isReady(), NetworkMs);
    QVERIFY(!number->isVerified());
    ConversationSecurity *security = vi->chat(id)->security();
    QVERIFY(!security->othersVerified());
    number->setVerified(true);
    QTRY_VERIFY_WITH_TIMEOUT(number->isVerified(), NetworkMs);
    QTRY_VERIFY(security->othersVerified());
    QCOMPARE(security->verifiedUserIds(), QVariantList{edId});
    // ...and clears it, and sets it again.
    number->setVerified(false);
    QTRY_VERIFY_WITH_TIMEOUT(!number->isVerified(), NetworkMs);
    QTRY_VERIFY(!security->othersVerified());
    number->setVerified(true);
    QTRY_VERIFY_WITH_TIMEOUT(number->isVerified(), NetworkMs);

    // The mark is kept with the keys: a restart keeps it.
    vi.reset();
    vi = makeClient(u"v-vi"_s, u"laptop"_s);
    QTRY_COMPARE_WITH_TIMEOUT(vi->state(), Client::State::Online, NetworkMs);
    QTRY_VERIFY_WITH_TIMEOUT(vi->encryption()->isReady(), NetworkMs);
    QTRY_VERIFY_WITH_TIMEOUT(vi->encryption()->trust()->isVerified(edId), NetworkMs);
    number = vi->safetyNumber(edId);
    QTRY_VERIFY(number->isVerified());
    QTRY_VERIFY(vi->chat(id)->security()->othersVerified());

    // Ed signs in on a tablet and writes from it: the mark goes and the conversation says so.
    auto tablet = signIn(u"v-ed"_s, u"tablet"_s, false);
    QVERIFY(tablet);
    const QString fromTablet = say(*tablet, id, u"from the tablet"_s);
    QTRY_VERIFY_WITH_TIMEOUT(shows(*vi, id, fromTablet), NetworkMs);
    const QString added = u"v-ed added a new device. Your safety number with v-ed changed, so v-ed "
                          u"is no longer marked as verified."_s;
    QTRY_VERIFY_WITH_TIMEOUT(shows(*vi, id, added), NetworkMs);
    QVERIFY(!number->isVerified());
    QVERIFY(!vi->encryption()->trust()->isVerified(edId));
    QTRY_VERIFY(!vi->chat(id)->security()->othersVerified());
    // The line is this device's own: not the conversation's preview.
    QVERIFY(vi->conversations()->summary(id)->lastPreview != added);

    // After a restart: the line once, still not verified.
    vi.reset();
    vi = makeClient(u"v-vi"_s, u"laptop"_s);
    QTRY_VERIFY_WITH_TIMEOUT(vi->encryption()->isReady(), NetworkMs);
    QTRY_VERIFY_WITH_TIMEOUT(shows(*vi, id, added), NetworkMs);
    MessageListModel *view = vi->chat(id)->messages();
    int count = 0;
    for (int i = 0; i < view->rowCount(); ++i)
        count += view->index(i).data(MessageListModel::TextRole).toString() == added ? 1 : 0;
    QCOMPARE(count, 1);
    QVERIFY(!vi->encryption()->trust()->isVerified(edId));

    // Verified again with both devices; the tablet is revoked: the mark goes again.
    number = vi->safetyNumber(edId);
    QTRY_COMPARE_WITH_TIMEOUT(number->deviceCount(), 2, NetworkMs);
    number->setVerified(true);
    QTRY_VERIFY_WITH_TIMEOUT(number->isVerified(), NetworkMs);
    ed->revokeDevice(tablet->deviceId());
    const QString removed =
            u"Your safety number with v-ed changed, so v-ed is no longer marked as verified."_s;
    QTRY_VERIFY_WITH_TIMEOUT(shows(*vi, id, removed), NetworkMs);
    QVERIFY(!number->isVerified());
}

void tst_E2ee::keysLowIsAnswered()
{
    // A server that wants more than the 100 one-time pre-keys a device publishes at first says
    // keysLow right after the upload; the device answers with DeviceKeyPublisher::PreKeyBatch.
    ParleydProcess server;
    server.setPlain(true);
    server.setArguments({u"--keys-low"_s, u"150"_s});
    QVERIFY2(server.start(), server.log().constData());
    ClientOptions options;
    options.profile = profileOf(u"k-kim"_s, u"laptop"_s);
    options.dataDir = m_dir->filePath(u"k-kim"_s);
    options.notifications = false;
    options.askBeforePinning = false; // nobody to ask: pinned on first use
    Client kim(options);
    QSignalSpy replenished(kim.encryption()->publisher(), &DeviceKeyPublisher::preKeysReplenished);
    QTRY_VERIFY(kim.isStarted());
    kim.registerAccount(server.url().toString(), u"k-kim"_s, u"password-k-kim"_s);
    QTRY_COMPARE_WITH_TIMEOUT(kim.state(), Client::State::Online, NetworkMs);
    QTRY_VERIFY_WITH_TIMEOUT(!replenished.isEmpty(), NetworkMs);
    QCOMPARE(replenished.first().first().toInt(), DeviceKeyPublisher::PreKeyBatch);
    // 200 now: no more keysLow, so no second batch.
    QVERIFY(!replenished.wait(2000));
}

void tst_E2ee::undecryptableRowHealsAfterReshare()
{
    auto ada = signIn(u"h-ada"_s, u"laptop"_s, true);
    auto bram = signIn(u"h-bram"_s, u"laptop"_s, true);
    auto cleo = signIn(u"h-cleo"_s, u"laptop"_s, true);
    QVERIFY(ada && bram && cleo);
    const DeviceAddress adaDevice{ada->userId(), qint32(ada->deviceId())};
    const DeviceAddress bramDevice{bram->userId(), qint32(bram->deviceId())};

    // Ada's sender key of the new group is damaged on its way to bram's device, which cannot
    // decrypt that inbox item and drops it: the key is lost, not late.
    const int damagedBefore = m_recorder->damagedItems();
    m_recorder->damageNextInboxItem(ada->userId(), ada->deviceId(), bram->deviceId());
    const qint64 id = createGroup(*ada, u"healing"_s, {u"h-bram"_s, u"h-cleo"_s});
    QVERIFY(id > 0);
    QTRY_VERIFY_WITH_TIMEOUT(bram->conversations()->summary(id), NetworkMs);

    // What bram's open conversation shows for each entry, every time it changes.
    MessageListModel *view = bram->chat(id)->messages();
    QHash<qint64, QStringList> shown;
    auto note = [view, &shown](int first, int last) {
        for (int i = first; i <= last; ++i) {
            const QModelIndex index = view->index(i);
            QStringList &texts = shown[index.data(MessageListModel::SeqRole).toLongLong()];
            const QString text = index.data(MessageListModel::TextRole).toString();
            if (texts.isEmpty() || texts.constLast() != text)
                texts.append(text);
        }
    };
    QObject watcher;
    connect(view, &QAbstractItemModel::rowsInserted, &watcher,
            [note](const QModelIndex &, int first, int last) { note(first, last); });
    connect(view, &QAbstractItemModel::dataChanged, &watcher,
            [note](const QModelIndex &from, const QModelIndex &to) { note(from.row(), to.row()); });
    connect(view, &QAbstractItemModel::modelReset, &watcher,
            [note, view] { note(0, view->rowCount() - 1); });
    MessageListModel *adaView = ada->chat(id)->messages();
    auto seqOf = [adaView](const QString &text) {
        const int row = rowWithText(adaView, text);
        return row < 0 ? 0 : adaView->index(row).data(MessageListModel::SeqRole).toLongLong();
    };
    QSignalSpy answered(ada->encryption()->distributor(), &SenderKeyDistributor::requestAnswered);
    QSignalSpy missing(bram->encryption()->pending(), &PendingDecryptions::keyMissing);
    auto answersTo = [&answered, id](const DeviceAddress &device, bool granted) {
        return int(std::count_if(answered.cbegin(), answered.cend(), [&](const QList<QVariant> &a) {
            return a.at(0).value<DeviceAddress>() == device && a.at(1).toLongLong() == id
                    && a.at(2).toBool() == granted;
        }));
    };

    // Bram's device cannot read ada's message: the row says why and what happens next, and the
    // device asks ada's device for the key by itself; ada's device sends it again and the row
    // fills in.
    const QString lost = say(*ada, id, u"the key to this got lost"_s);
    QTRY_COMPARE_WITH_TIMEOUT(m_recorder->damagedItems(), damagedBefore + 1, NetworkMs);
    QTRY_VERIFY_WITH_TIMEOUT(seqOf(lost) > 0, NetworkMs);
    const qint64 lostSeq = seqOf(lost);
    QTRY_VERIFY_WITH_TIMEOUT(shows(*bram, id, lost), NetworkMs);
    const QString waiting = u"Waiting for the key to this message. h-ada's device was asked to "
                            u"send it again; the message appears here when it arrives."_s;
    QVERIFY2(!shown.value(lostSeq).isEmpty(), "the row was never shown before it was read");
    QCOMPARE(shown.value(lostSeq).constFirst(), waiting);
    QCOMPARE(shown.value(lostSeq).constLast(), lost);
    QCOMPARE(answersTo(bramDevice, true), 1);
    QCOMPARE(answersTo(bramDevice, false), 0);
    const int row = rowWithText(view, lost);
    QCOMPARE(view->index(row).data(MessageListModel::SeqRole).toLongLong(), lostSeq);
    QCOMPARE(view->index(row).data(MessageListModel::SenderIdRole).toLongLong(), ada->userId());

    // The cache holds the message itself now, and search finds it.
    QFuture<std::optional<StoredMessage>> cached = bram->store()->message(id, lostSeq);
    QTRY_VERIFY_WITH_TIMEOUT(cached.isFinished(), NetworkMs);
    QVERIFY(cached.result().has_value());
    QCOMPARE(cached.result()->text, lost);
    QVERIFY(!cached.result()->undecryptable);
    const QString tag = lost.mid(lost.lastIndexOf(u'#') + 1);
    QFuture<QList<SearchHit>> found = bram->store()->searchMessages(tag, id, {}, 10);
    QTRY_VERIFY_WITH_TIMEOUT(found.isFinished(), NetworkMs);
    QCOMPARE(found.result().size(), 1);
    QCOMPARE(found.result().constFirst().message.seq, lostSeq);

    // Cleo leaves, so ada's key rotates; the new one is damaged on its way to bram as well.
    // Ada's next message is missing its key again, well within the minute of the first
    // request: bram's device notices but does not ask a second time.
    m_recorder->damageNextInboxItem(ada->userId(), ada->deviceId(), bram->deviceId());
    ada->chat(id)->removeMember(cleo->userId());
    QTRY_VERIFY_WITH_TIMEOUT(
            !bram->conversations()->summary(id)->conversation.member(cleo->userId()), NetworkMs);
    const qsizetype missingBefore = missing.size();
    const QString again = say(*ada, id, u"and again"_s);
    QTRY_VERIFY_WITH_TIMEOUT(seqOf(again) > 0, NetworkMs);
    const qint64 againSeq = seqOf(again);
    QTRY_VERIFY_WITH_TIMEOUT(shown.value(againSeq).contains(waiting), NetworkMs);
    QCOMPARE(m_recorder->damagedItems(), damagedBefore + 2);
    QTRY_VERIFY_WITH_TIMEOUT(std::any_of(missing.cbegin() + missingBefore, missing.cend(),
                                         [&](const QList<QVariant> &m) {
                                             return m.at(0).toLongLong() == id
                                                     && m.at(1).value<DeviceAddress>() == adaDevice;
                                         }),
                             NetworkMs);
    // A request would be answered within seconds: none comes.
    QVERIFY(!QTest::qWaitFor([&] { return answersTo(bramDevice, true) > 1; }, 5000));
    QCOMPARE(answersTo(bramDevice, true), 1);
    QVERIFY(!shows(*bram, id, again));

    // Bram restarts the app: the device asks again by itself, and that row fills in too.
    bram.reset();
    bram = makeClient(u"h-bram"_s, u"laptop"_s);
    QTRY_COMPARE_WITH_TIMEOUT(bram->state(), Client::State::Online, NetworkMs);
    QTRY_VERIFY_WITH_TIMEOUT(bram->encryption()->isReady(), NetworkMs);
    QTRY_VERIFY_WITH_TIMEOUT(shows(*bram, id, again), NetworkMs);
    QTRY_COMPARE_WITH_TIMEOUT(answersTo(bramDevice, true), 2, NetworkMs);
    QVERIFY(shows(*bram, id, lost));

    // Dora joins after those messages. Ada's key reaches her device damaged too, so her device
    // asks for it; she is a member now and gets again what she was sent, the key from her
    // joining on: what ada writes next, never the message from before.
    auto dora = signIn(u"h-dora"_s, u"laptop"_s, true);
    QVERIFY(dora);
    const DeviceAddress doraDevice{dora->userId(), qint32(dora->deviceId())};
    m_recorder->damageNextInboxItem(ada->userId(), ada->deviceId(), dora->deviceId());
    ada->chat(id)->addMember(u"h-dora"_s);
    QTRY_VERIFY_WITH_TIMEOUT(dora->conversations()->summary(id), NetworkMs);
    QTRY_COMPARE_WITH_TIMEOUT(m_recorder->damagedItems(), damagedBefore + 3, NetworkMs);
    const QString joined = say(*ada, id, u"welcome dora"_s);
    QTRY_VERIFY_WITH_TIMEOUT(shows(*dora, id, joined), NetworkMs);
    QTRY_COMPARE_WITH_TIMEOUT(answersTo(doraDevice, true), 1, NetworkMs);
    // She scrolls up to what was said before she joined: her device loads it from the server.
    MessageListModel *doraView = dora->chat(id)->messages();
    auto scrolledTo = [doraView](qint64 seq) {
        if (doraView->rowCount() > 0
            && doraView->index(0).data(MessageListModel::SeqRole).toLongLong() <= seq)
            return true;
        doraView->fetchMore({}); // does nothing while a page is on its way
        return false;
    };
    QTRY_VERIFY_WITH_TIMEOUT(scrolledTo(againSeq), NetworkMs);
    auto doraText = [doraView](qint64 seq) {
        for (int i = 0; i < doraView->rowCount(); ++i) {
            if (doraView->index(i).data(MessageListModel::SeqRole).toLongLong() == seq)
                return doraView->index(i).data(MessageListModel::TextRole).toString();
        }
        return QString();
    };
    QTRY_COMPARE_WITH_TIMEOUT(
            doraText(againSeq),
            PendingDecryptions::explanation(PendingDecryptions::Outcome::BeforeKey), NetworkMs);
    QVERIFY(!shows(*dora, id, again));
}

void tst_E2ee::serverSawNoPlaintext()
{
    if (m_plaintexts.size() < 15)
        QSKIP("run the whole of tst_e2ee: this scans what the other functions sent");

    // A canary: a client without end-to-end encryption sends a text as the body. The scan must
    // find it in the database and the frames, as it would find any leaked plaintext.
    const QByteArray canary = "canary sent in clear #"
            + QByteArray::number(QRandomGenerator::global()->generate64(), 16);
    {
        TestClient plain;
        PARLEY_VERIFY(
                plain.connectAndRegister(m_recorder->url(), {}, u"canary"_s, u"password-canary"_s));
        auto group = plain.call<ConversationInfoFrame>(CreateGroupFrame{u"canary's own"_s, {}});
        PARLEY_VERIFY(group);
        auto sent = plain.call<SentFrame>(
                SendFrame{group->conversation.id, TestClient::newClientId(), canary});
        PARLEY_VERIFY(sent);
        plain.close();
    }

    QVERIFY(m_server->stop()); // its WAL is checkpointed into parley.db; both are scanned

    // What the server holds and saw: every file in its data folder (database, WAL, journal),
    // everything it logged (debug included), every frame either way.
    QByteArray files;
    QStringList names;
    QDirIterator it(m_server->dataDir(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        QVERIFY(file.open(QIODevice::ReadOnly));
        files += file.readAll();
        names.append(file.fileName());
    }
    QVERIFY2(names.join(u' ').contains(u"parley.db"_s), qPrintable(names.join(u' ')));
    const QByteArray log = m_server->log();
    QByteArray frames = m_recorder->rawTraffic();
    for (const QByteArray &m : m_recorder->clientMessages())
        frames += m;
    for (const QByteArray &m : m_recorder->serverMessages())
        frames += m;
    QVERIFY(!log.isEmpty());
    QVERIFY(m_recorder->clientMessages().size() > 100);

    // The scan can see: what the server is told in clear (user names, group titles) is found.
    for (const QString &user : std::as_const(m_usernames)) {
        QVERIFY2(files.contains(user.toUtf8()), qPrintable(user));
        QVERIFY2(frames.contains(user.toUtf8()), qPrintable(user));
    }
    QVERIFY(files.contains("five of us"));
    QVERIFY(files.contains(canary));
    QVERIFY(frames.contains(canary));

    // Lengths are padded: every text sent here is under 50 characters, so every message body
    // the clients sent (the canary aside) has nearly the same size, although the texts differ
    // in length by far more. Only the sender-key message's own header varies (its key id and
    // iteration are varints): a byte or two.
    qsizetype shortestText = std::numeric_limits<qsizetype>::max(), longestText = 0;
    for (const QString &text : std::as_const(m_plaintexts)) {
        shortestText = std::min(shortestText, text.toUtf8().size());
        longestText = std::max(longestText, text.toUtf8().size());
    }
    QVERIFY(longestText - shortestText >= 10);
    qsizetype smallestBody = std::numeric_limits<qsizetype>::max(), largestBody = 0;
    for (const QByteArray &m : m_recorder->clientMessages()) {
        const auto raw = FrameCodec::decode(m, FrameLimits::fromClient());
        if (!raw || raw->type != FrameType::Send)
            continue;
        const auto send = FrameCodec::read<SendFrame>(*raw);
        QVERIFY(send);
        if (send->body == canary)
            continue;
        smallestBody = std::min(smallestBody, send->body.size());
        largestBody = std::max(largestBody, send->body.size());
    }
    QVERIFY(largestBody > 0);
    QVERIFY2(largestBody - smallestBody <= 4,
             qPrintable(u"bodies of %1 to %2 bytes"_s.arg(smallestBody).arg(largestBody)));

    // No text any client sent is anywhere, in UTF-8 or UTF-16, whole or its random tag alone.
    for (const QString &text : std::as_const(m_plaintexts)) {
        const QString tag = text.mid(text.lastIndexOf(u'#'));
        for (const QString &needle : {text, tag}) {
            for (const QByteArray &bytes :
                 {needle.toUtf8(),
                  QByteArray(reinterpret_cast<const char *>(needle.utf16()), needle.size() * 2)}) {
                QVERIFY2(!files.contains(bytes), qPrintable(u"database: "_s + needle));
                QVERIFY2(!log.contains(bytes), qPrintable(u"log: "_s + needle));
                QVERIFY2(!frames.contains(bytes), qPrintable(u"frames: "_s + needle));
            }
        }
    }
}

QTEST_GUILESS_MAIN(tst_E2ee)
#include "tst_e2ee.moc"
