// parley-e2ee-bench: the client-side cost of end-to-end encryption (docs/security.md, "Cost").
//
// Devices are parley_crypto key stores, each in its own SQLite file (WAL, synchronous=NORMAL,
// as the client's cache), every operation one transaction. Measures
//   - per message: sender-key encrypt on the sending device, decrypt on a receiving one;
//   - per new device, the first message: the sender builds a session from the device's bundle
//     (X3DH), encrypts its sender key distribution for it; the device decrypts that pre-key
//     message, stores the sender key, and decrypts the first group message.

#include "crypto/DeviceIdentity.h"
#include "crypto/KeyStore.h"
#include "crypto/PairwiseCipher.h"
#include "crypto/RecordSealer.h"
#include "crypto/SenderKeyCipher.h"
#include "crypto/SignalContext.h"

#include <QtCore/QCommandLineParser>
#include <QtCore/QCoreApplication>
#include <QtCore/QElapsedTimer>
#include <QtCore/QLoggingCategory>
#include <QtCore/QTemporaryDir>
#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlQuery>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <vector>

using namespace Parley;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 Conversation = 42;

struct Device
{
    DeviceAddress address;
    QString connection;
    std::unique_ptr<SignalContext> context;
    std::unique_ptr<KeyStore> keys;
    PreKeyBundle published;
};

[[noreturn]] void die(const char *what, CryptoError error = CryptoError::CryptoFailure)
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

PreKeyBundle handOut(Device &device)
{
    PreKeyBundle bundle = device.published;
    bundle.preKeys.clear();
    if (!device.published.preKeys.isEmpty())
        bundle.preKeys.append(device.published.preKeys.takeFirst());
    return bundle;
}

struct Stats
{
    std::vector<double> us;
    void add(qint64 ns) { us.push_back(double(ns) / 1000.0); }
    double median() const
    {
        auto v = us;
        std::sort(v.begin(), v.end());
        return v.empty() ? 0 : v[v.size() / 2];
    }
    double p99() const
    {
        auto v = us;
        std::sort(v.begin(), v.end());
        return v.empty() ? 0 : v[std::min(v.size() - 1, v.size() * 99 / 100)];
    }
    double mean() const
    {
        double sum = 0;
        for (double x : us)
            sum += x;
        return us.empty() ? 0 : sum / double(us.size());
    }
};

void row(const char *what, const Stats &s)
{
    std::printf("%-44s %10.1f %10.1f %10.1f\n", what, s.median(), s.mean(), s.p99());
}

struct Options
{
    int messages = 2000;
    int newDevices = 200;
    QByteArray content;
};

Options parseOptions(const QCoreApplication &app)
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
    parser.process(app);
    Options o;
    o.messages = std::max(1, parser.value(u"messages"_s).toInt());
    o.newDevices = std::max(1, parser.value(u"devices"_s).toInt());
    o.content = QByteArray(std::max(1, parser.value(u"size"_s).toInt()), 'x');
    return o;
}

// Bob gets Alice's sender key once, as in a running conversation.
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

struct MessageCost
{
    Stats encrypt, decrypt, both;
    qsizetype ciphertextBytes = 0;
};

MessageCost measureMessages(Device &alice, Device &bob, const Options &o)
{
    MessageCost cost;
    QElapsedTimer clock;
    SenderKeyCipher aliceGroup(*alice.keys), bobGroup(*bob.keys);
    for (int i = 0; i < o.messages; ++i) {
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
        cost.ciphertextBytes = ciphertext.value().size();
    }
    return cost;
}

struct FirstMessageCost
{
    Stats senderSide, receiverSide, total;
    qsizetype preKeyMessageBytes = 0;
};

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

// First messages to new devices: each is a new device of Carol.
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

void report(const Options &o, const MessageCost &m, const FirstMessageCost &f)
{
    std::printf("parley-e2ee-bench: %d messages of %lld bytes, %d new devices\n", o.messages,
                static_cast<long long>(o.content.size()), o.newDevices);
    std::printf("%-44s %10s %10s %10s\n", "microseconds per operation", "median", "mean", "p99");
    row("sender-key encrypt (one message)", m.encrypt);
    row("sender-key decrypt (one message)", m.decrypt);
    row("encrypt + decrypt (one message)", m.both);
    row("first message to a new device: sender", f.senderSide);
    row("first message to a new device: receiver", f.receiverSide);
    row("first message to a new device: total", f.total);
    std::printf("sizes: group message body %lld bytes for %lld content bytes (+1 type byte on "
                "the wire); sender key in a pre-key message %lld bytes\n",
                static_cast<long long>(m.ciphertextBytes), static_cast<long long>(o.content.size()),
                static_cast<long long>(f.preKeyMessageBytes));
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"parley-e2ee-bench"_s);
    const Options options = parseOptions(app);
    // The key stores log each session and sender key: noise next to the table.
    QLoggingCategory::setFilterRules(u"parley.*.info=false"_s);

    QTemporaryDir dir;
    if (!dir.isValid())
        die("no temporary folder");
    auto alice = makeDevice(dir, 1, 1, 1);
    auto bob = makeDevice(dir, 2, 1, options.newDevices + 1);
    shareSenderKey(*alice, *bob);
    const MessageCost messages = measureMessages(*alice, *bob, options);
    const FirstMessageCost firsts = measureNewDevices(dir, *alice, *bob, options);
    report(options, messages, firsts);
    alice->keys.reset();
    bob->keys.reset();
    return 0;
}
