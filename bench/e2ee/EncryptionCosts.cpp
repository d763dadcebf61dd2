#include "EncryptionCosts.h"

#include "BareSenderKeys.h"
#include "crypto/DeviceIdentity.h"
#include "crypto/PairwiseCipher.h"
#include "crypto/RecordSealer.h"
#include "crypto/SenderKeyCipher.h"
#include "store/AwaitFuture.h"
#include "store/MessageStore.h"

#include <QtCore/QCommandLineParser>
#include <QtCore/QCoreApplication>
#include <QtCore/QElapsedTimer>
#include <QtCore/QTemporaryDir>
#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlQuery>

#include <cstdio>
#include <ctime>

using namespace Qt::StringLiterals;

namespace Parley::E2eeBench {

namespace {

PreKeyBundle handOut(Device &device)
{
    PreKeyBundle bundle = device.published;
    bundle.preKeys.clear();
    if (!device.published.preKeys.isEmpty())
        bundle.preKeys.append(device.published.preKeys.takeFirst());
    return bundle;
}

// This thread's (or the whole process's) CPU time: what the work cost, whatever else the
// machine runs at the same time (wall times are only meaningful on a quiet machine).
qint64 cpuNs(clockid_t clock = CLOCK_THREAD_CPUTIME_ID)
{
    timespec now{};
    clock_gettime(clock, &now);
    return now.tv_sec * 1'000'000'000LL + now.tv_nsec;
}

// The sender's half: X3DH from the bundle, the sender key sealed for the device, one message.
qint64 sendFirst(Device &alice, Device &device, const QByteArray &content, QByteArray *wire,
                 QByteArray *group)
{
    QElapsedTimer clock;
    const PreKeyBundle bundle = handOut(device);
    clock.start();
    PairwiseCipher alicePairwise(*alice.keys);
    if (auto built = alicePairwise.buildSession(device.address, bundle); !built)
        die("no session", built.error());
    const auto current =
            SenderKeyCipher(*alice.keys).distributionMessage(Conversation, alice.address);
    if (!current)
        die("no distribution", current.error());
    const auto sealed = alicePairwise.encrypt(device.address, current.value());
    if (!sealed)
        die("pairwise encrypt failed", sealed.error());
    *wire = sealed.value().encode();
    const auto encrypted =
            SenderKeyCipher(*alice.keys).encrypt(Conversation, alice.address, content);
    if (!encrypted)
        die("encrypt failed", encrypted.error());
    *group = encrypted.value();
    return clock.nsecsElapsed();
}

// The new device's half: open the pre-key message, store the sender key, read the message.
qint64 receiveFirst(Device &alice, Device &device, const QByteArray &content,
                    const QByteArray &wire, const QByteArray &group)
{
    QElapsedTimer clock;
    clock.start();
    const auto received = PairwiseMessage::decode(wire);
    if (!received)
        die("undecodable", received.error());
    const auto opened = PairwiseCipher(*device.keys).decrypt(alice.address, received.value());
    if (!opened)
        die("pairwise decrypt failed", opened.error());
    if (auto stored =
                SenderKeyCipher(*device.keys)
                        .processDistributionMessage(Conversation, alice.address, opened.value());
        !stored)
        die("sender key not stored", stored.error());
    const auto first = SenderKeyCipher(*device.keys).decrypt(Conversation, alice.address, group);
    if (!first || first.value() != content)
        die("first decrypt failed", first ? CryptoError::InvalidMessage : first.error());
    return clock.nsecsElapsed();
}

} // namespace

Options Options::fromCommandLine(const QCoreApplication &app)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Client-side cost of Parley's end-to-end encryption."_s);
    parser.addHelpOption();
    parser.addOption({u"messages"_s, u"Messages to encrypt and decrypt (default 2000)."_s, u"n"_s,
                      u"2000"_s});
    parser.addOption({u"devices"_s, u"New devices to send a first message to (default 200)."_s,
                      u"n"_s, u"200"_s});
    parser.addOption(
            {u"size"_s, u"Content bytes per message (default 200)."_s, u"bytes"_s, u"200"_s});
    parser.addOption({u"catch-up"_s,
                      u"Group messages a device catches up, decrypts and stores (default 10000)."_s,
                      u"n"_s, u"10000"_s});
    parser.addOption({u"decrypt-only"_s,
                      u"Time only the receiving device's sender-key and pairwise decrypts."_s});
    parser.process(app);
    Options o;
    o.catchUp = std::max(1, parser.value(u"catch-up"_s).toInt());
    o.messages = std::max(1, parser.value(u"messages"_s).toInt());
    o.newDevices = std::max(1, parser.value(u"devices"_s).toInt());
    o.content = QByteArray(std::max(1, parser.value(u"size"_s).toInt()), 'x');
    o.decryptOnly = parser.isSet(u"decrypt-only"_s);
    return o;
}

void die(const char *what, CryptoError error)
{
    std::fprintf(stderr, "parley-e2ee-bench: %s (%s)\n", what,
                 qPrintable(cryptoErrorString(error)));
    std::exit(1);
}

std::unique_ptr<Device> makeDevice(const QTemporaryDir &dir, qint64 user, qint32 device,
                                   int preKeys)
{
    auto d = std::make_unique<Device>();
    d->address = {user, device};
    d->connection = u"bench-%1-%2"_s.arg(user).arg(device);
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, d->connection);
    db.setDatabaseName(dir.filePath(d->connection + u".sqlite"_s));
    if (!db.open())
        die("cannot open SQLite");
    QSqlQuery q(db);
    q.exec(u"PRAGMA journal_mode = WAL"_s);
    q.exec(u"PRAGMA synchronous = NORMAL"_s);
    auto context = SignalContext::create();
    if (!context)
        die("no signal context", context.error());
    d->context = std::move(context).value();
    auto keys = KeyStore::open(*d->context, d->connection, RecordSealer::generateStorageKey());
    if (!keys)
        die("no key store", keys.error());
    d->keys = std::move(keys).value();
    auto bundle = DeviceIdentity(*d->keys).create(preKeys);
    if (!bundle)
        die("no identity", bundle.error());
    d->published = bundle.value();
    return d;
}

void shareSenderKey(Device &alice, Device &bob)
{
    if (auto built = PairwiseCipher(*alice.keys).buildSession(bob.address, handOut(bob)); !built)
        die("no session", built.error());
    const auto distribution =
            SenderKeyCipher(*alice.keys).distributionMessage(Conversation, alice.address);
    if (!distribution)
        die("no sender key", distribution.error());
    if (auto stored = SenderKeyCipher(*bob.keys).processDistributionMessage(
                Conversation, alice.address, distribution.value());
        !stored)
        die("sender key not stored", stored.error());
}

MessageCost measureMessages(Device &alice, Device &bob, const Options &o)
{
    MessageCost cost;
    QElapsedTimer clock;
    SenderKeyCipher aliceGroup(*alice.keys), bobGroup(*bob.keys);
    for (int i = 0; i < o.messages; ++i) {
        const qint64 cpuBefore = cpuNs();
        clock.start();
        auto ciphertext = aliceGroup.encrypt(Conversation, alice.address, o.content);
        const qint64 e = clock.nsecsElapsed();
        if (!ciphertext)
            die("encrypt failed", ciphertext.error());
        clock.start();
        auto plaintext = bobGroup.decrypt(Conversation, alice.address, ciphertext.value());
        const qint64 d = clock.nsecsElapsed();
        if (!plaintext || plaintext.value() != o.content)
            die("decrypt failed", plaintext ? CryptoError::InvalidMessage : plaintext.error());
        cost.encrypt.add(e);
        cost.decrypt.add(d);
        cost.both.add(e + d);
        cost.bothCpu.add(cpuNs() - cpuBefore);
        cost.ciphertextBytes = ciphertext.value().size();
    }
    return cost;
}

DecryptCost measureDecrypts(Device &alice, Device &bob, const Options &o)
{
    DecryptCost cost;
    QElapsedTimer clock;
    SenderKeyCipher aliceGroup(*alice.keys), bobGroup(*bob.keys);
    for (int i = 0; i < o.messages; ++i) {
        auto ciphertext = aliceGroup.encrypt(Conversation, alice.address, o.content);
        if (!ciphertext)
            die("encrypt failed", ciphertext.error());
        const qint64 cpuBefore = cpuNs();
        clock.start();
        auto plaintext = bobGroup.decrypt(Conversation, alice.address, ciphertext.value());
        cost.senderKey.add(clock.nsecsElapsed());
        cost.senderKeyCpu.add(cpuNs() - cpuBefore);
        if (!plaintext || plaintext.value() != o.content)
            die("decrypt failed", plaintext ? CryptoError::InvalidMessage : plaintext.error());
    }

    // Alice's session with Bob is from shareSenderKey; one message each way establishes it.
    PairwiseCipher alicePairwise(*alice.keys), bobPairwise(*bob.keys);
    const auto exchange = [&](PairwiseCipher &from, const Device &sender, PairwiseCipher &to,
                              const Device &receiver) {
        auto sealed = from.encrypt(receiver.address, o.content);
        if (!sealed)
            die("pairwise encrypt failed", sealed.error());
        auto opened = to.decrypt(sender.address, sealed.value());
        if (!opened || opened.value() != o.content)
            die("pairwise decrypt failed", opened ? CryptoError::InvalidMessage : opened.error());
    };
    exchange(alicePairwise, alice, bobPairwise, bob);
    exchange(bobPairwise, bob, alicePairwise, alice);
    for (int i = 0; i < o.messages; ++i) {
        auto sealed = alicePairwise.encrypt(bob.address, o.content);
        if (!sealed)
            die("pairwise encrypt failed", sealed.error());
        const qint64 cpuBefore = cpuNs();
        clock.start();
        auto opened = bobPairwise.decrypt(alice.address, sealed.value());
        cost.pairwise.add(clock.nsecsElapsed());
        cost.pairwiseCpu.add(cpuNs() - cpuBefore);
        if (!opened || opened.value() != o.content)
            die("pairwise decrypt failed", opened ? CryptoError::InvalidMessage : opened.error());
    }
    return cost;
}

MessageCost measureBare(const SignalContext &context, const Options &o)
{
    BareSenderKeys alice(context.handle()), bob(context.handle());
    const QByteArray group = "42", sender = "1";
    if (!bob.processDistribution(group, sender, alice.createSession(group, sender)))
        die("bare: no sender key");
    MessageCost cost;
    QElapsedTimer clock;
    for (int i = 0; i < o.messages; ++i) {
        const qint64 cpuBefore = cpuNs();
        clock.start();
        const QByteArray ciphertext = alice.encrypt(group, sender, o.content);
        const qint64 e = clock.nsecsElapsed();
        clock.start();
        const QByteArray plaintext = bob.decrypt(group, sender, ciphertext);
        const qint64 d = clock.nsecsElapsed();
        if (ciphertext.isEmpty() || plaintext != o.content)
            die("bare: encrypt or decrypt failed");
        cost.encrypt.add(e);
        cost.decrypt.add(d);
        cost.both.add(e + d);
        cost.bothCpu.add(cpuNs() - cpuBefore);
        cost.ciphertextBytes = ciphertext.size();
    }
    return cost;
}

// Alice's next `o.catchUp` group messages reach a device that was offline: it decrypts each in
// its own key-store transaction (as the client's vault does), then stores them in the message
// cache in pages of the size sync fetches (CatchUpPageSize, client/sync/SyncEngine.cpp).
CatchUpCost measureCatchUp(const QTemporaryDir &dir, Device &alice, Device &device,
                           const Options &o)
{
    constexpr int PageSize = 100;
    SenderKeyCipher aliceGroup(*alice.keys), deviceGroup(*device.keys);
    QList<QByteArray> ciphertexts;
    ciphertexts.reserve(o.catchUp);
    for (int i = 0; i < o.catchUp; ++i) {
        auto ciphertext = aliceGroup.encrypt(Conversation, alice.address, o.content);
        if (!ciphertext)
            die("catch-up: encrypt failed", ciphertext.error());
        ciphertexts.append(ciphertext.value());
    }
    MessageStore cache;
    if (!awaitFuture(cache.open(dir.filePath(u"catch-up-cache.sqlite"_s))).result())
        die("catch-up: no message cache");
    QElapsedTimer clock;
    const qint64 cpuBefore = cpuNs(CLOCK_PROCESS_CPUTIME_ID);
    clock.start();
    QList<StoredMessage> rows;
    rows.reserve(o.catchUp);
    for (int i = 0; i < o.catchUp; ++i) {
        auto plaintext = deviceGroup.decrypt(Conversation, alice.address, ciphertexts.at(i));
        if (!plaintext || plaintext.value() != o.content)
            die("catch-up: decrypt failed",
                plaintext ? CryptoError::InvalidMessage : plaintext.error());
        StoredMessage row;
        row.conversationId = Conversation;
        row.seq = i + 1;
        row.senderId = alice.address.userId;
        row.senderDeviceId = alice.address.deviceId;
        row.timestamp = 1'700'000'000'000 + i;
        row.body = plaintext.value();
        row.text = QString::fromUtf8(plaintext.value());
        rows.append(row);
    }
    CatchUpCost cost;
    cost.decryptSeconds = double(clock.nsecsElapsed()) / 1e9;
    clock.start();
    for (qsizetype i = 0; i < rows.size(); i += PageSize)
        awaitFuture(cache.storeMessages(rows.mid(i, PageSize), 0));
    cost.storeSeconds = double(clock.nsecsElapsed()) / 1e9;
    cost.cpuSeconds = double(cpuNs(CLOCK_PROCESS_CPUTIME_ID) - cpuBefore) / 1e9;
    return cost;
}

FirstMessageCost measureNewDevices(const QTemporaryDir &dir, Device &alice, Device &bob,
                                   const Options &o)
{
    FirstMessageCost cost;
    SenderKeyCipher bobGroup(*bob.keys);
    for (int i = 0; i < o.newDevices; ++i) {
        auto device = makeDevice(dir, 3, qint32(i + 1), 1);
        QByteArray wire, group;
        const qint64 sender = sendFirst(alice, *device, o.content, &wire, &group);
        const qint64 receiver = receiveFirst(alice, *device, o.content, wire, group);
        cost.senderSide.add(sender);
        cost.receiverSide.add(receiver);
        cost.total.add(sender + receiver);
        cost.preKeyMessageBytes = wire.size();
        // bob keeps decrypting alice's messages too (same chain)
        if (!bobGroup.decrypt(Conversation, alice.address, group))
            die("bob fell behind");
        device->keys.reset();
        QSqlDatabase::removeDatabase(device->connection);
    }
    return cost;
}

} // namespace Parley::E2eeBench
