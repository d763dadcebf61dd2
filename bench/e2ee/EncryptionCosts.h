#pragma once

/// What parley-e2ee-bench measures: the client-side cost of end-to-end encryption
/// (docs/security.md, "Cost").
///
/// Devices are parley_crypto key stores, each in its own SQLite file (WAL, synchronous=NORMAL,
/// as the client's cache), every operation one transaction. Measures
///   - per message: sender-key encrypt on the sending device, decrypt on a receiving one;
///   - per new device, the first message: the sender builds a session from the device's bundle
///     (X3DH), encrypts its sender key distribution for it; the device decrypts that pre-key
///     message, stores the sender key, and decrypts the first group message;
///   - libsignal's own cost of the same per-message operation without the store (BareSenderKeys:
///     the same group_cipher calls on records kept in memory), in the same run, and the ratio
///     of the full operation to it;
///   - a device catching up a run of group messages (default 10 000): each decrypted in its own
///     key-store transaction as the client does, then written to the real message cache
///     (MessageStore) in pages of the size sync fetches.

#include "crypto/KeyStore.h"
#include "crypto/PreKeyBundle.h"
#include "crypto/SignalContext.h"

#include <QtCore/QByteArray>
#include <QtCore/QString>

#include <algorithm>
#include <memory>
#include <vector>

class QCoreApplication;
class QTemporaryDir;

namespace Parley::E2eeBench {

/// The conversation every measurement writes in.
inline constexpr qint64 Conversation = 42;

/// What to measure, from the command line.
struct Options
{
    int messages = 2000;
    int newDevices = 200;
    int catchUp = 10000;
    QByteArray content;
    bool decryptOnly = false; ///< only the two decrypt paths (DecryptCost), for A/B runs

    /// The options given to parley-e2ee-bench (--messages, --devices, --size, --catch-up,
    /// --decrypt-only).
    static Options fromCommandLine(const QCoreApplication &app);
};

struct Device
{
    DeviceAddress address;
    QString connection;
    std::unique_ptr<SignalContext> context;
    std::unique_ptr<KeyStore> keys;
    PreKeyBundle published;
};

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

struct MessageCost
{
    Stats encrypt, decrypt, both;
    Stats bothCpu; ///< encrypt + decrypt in this thread's CPU time
    qsizetype ciphertextBytes = 0;
};

struct CatchUpCost
{
    double decryptSeconds = 0;
    double storeSeconds = 0;
    double cpuSeconds = 0; ///< the process's CPU time for both (the cache has its own thread)
};

struct FirstMessageCost
{
    Stats senderSide, receiverSide, total;
    qsizetype preKeyMessageBytes = 0;
};

/// A receiving device's two decrypt paths on an established session, each message in its own
/// key-store transaction; wall and thread CPU time per message.
struct DecryptCost
{
    Stats senderKey, senderKeyCpu, pairwise, pairwiseCpu;
};

/// Ends the run with `what` on stderr: a bench that cannot do its work has no figures.
[[noreturn]] void die(const char *what, CryptoError error = CryptoError::CryptoFailure);

/// A device of `user` with a fresh identity and `preKeys` one-time pre-keys, its key store in
/// its own SQLite file in `dir`.
std::unique_ptr<Device> makeDevice(const QTemporaryDir &dir, qint64 user, qint32 device,
                                   int preKeys);
/// Bob gets Alice's sender key once, as in a running conversation.
void shareSenderKey(Device &alice, Device &bob);

MessageCost measureMessages(Device &alice, Device &bob, const Options &o);
/// Bob decrypts `o.messages` group messages from Alice, then `o.messages` pairwise ones (after
/// one exchange each way, so none is a pre-key message); the encrypting is not timed.
DecryptCost measureDecrypts(Device &alice, Device &bob, const Options &o);
/// The same encrypt and decrypt as measureMessages, by libsignal alone (no store).
MessageCost measureBare(const SignalContext &context, const Options &o);
/// Alice's next `o.catchUp` group messages reach `device`, which was offline.
CatchUpCost measureCatchUp(const QTemporaryDir &dir, Device &alice, Device &device,
                           const Options &o);
/// First messages to `o.newDevices` new devices (of a third user).
FirstMessageCost measureNewDevices(const QTemporaryDir &dir, Device &alice, Device &bob,
                                   const Options &o);

} // namespace Parley::E2eeBench
