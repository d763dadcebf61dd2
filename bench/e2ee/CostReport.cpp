#include "CostReport.h"

#include <cstdio>

namespace Parley::E2eeBench {

namespace {

void row(const char *what, const Stats &s)
{
    std::printf("%-44s %10.1f %10.1f %10.1f\n", what, s.median(), s.mean(), s.p99());
}

} // namespace

void report(const Options &o, const MessageCost &m, const MessageCost &bare,
            const FirstMessageCost &f, const CatchUpCost &c)
{
    std::printf("parley-e2ee-bench: %d messages of %lld bytes, %d new devices\n", o.messages,
                static_cast<long long>(o.content.size()), o.newDevices);
    std::printf("%-44s %10s %10s %10s\n", "microseconds per operation", "median", "mean", "p99");
    row("sender-key encrypt (one message)", m.encrypt);
    row("sender-key decrypt (one message)", m.decrypt);
    row("encrypt + decrypt (one message)", m.both);
    row("libsignal alone: sender-key encrypt", bare.encrypt);
    row("libsignal alone: sender-key decrypt", bare.decrypt);
    row("libsignal alone: encrypt + decrypt", bare.both);
    row("encrypt + decrypt, thread CPU time", m.bothCpu);
    row("libsignal alone: encrypt + decrypt, CPU time", bare.bothCpu);
    row("first message to a new device: sender", f.senderSide);
    row("first message to a new device: receiver", f.receiverSide);
    row("first message to a new device: total", f.total);
    std::printf("sizes: group message body %lld bytes for %lld content bytes (+1 type byte on "
                "the wire); sender key in a pre-key message %lld bytes\n",
                static_cast<long long>(m.ciphertextBytes), static_cast<long long>(o.content.size()),
                static_cast<long long>(f.preKeyMessageBytes));
    std::printf("full operation / libsignal alone (encrypt + decrypt, median): %.2fx "
                "(encrypt %.2fx, decrypt %.2fx)\n",
                m.both.median() / bare.both.median(), m.encrypt.median() / bare.encrypt.median(),
                m.decrypt.median() / bare.decrypt.median());
    std::printf("full operation / libsignal alone (encrypt + decrypt, median CPU time): %.2fx\n",
                m.bothCpu.median() / bare.bothCpu.median());
    std::printf("catch-up of %d group messages: %.2f s (decrypt %.2f s, store %.2f s), "
                "%.2f s of CPU\n",
                o.catchUp, c.decryptSeconds + c.storeSeconds, c.decryptSeconds, c.storeSeconds,
                c.cpuSeconds);
}

void reportDecrypts(const Options &o, const DecryptCost &d)
{
    std::printf("parley-e2ee-bench --decrypt-only: %d messages of %lld bytes per path\n",
                o.messages, static_cast<long long>(o.content.size()));
    std::printf("%-44s %10s %10s %10s\n", "microseconds per message", "median", "mean", "p99");
    row("sender-key decrypt", d.senderKey);
    row("sender-key decrypt, thread CPU time", d.senderKeyCpu);
    row("pairwise decrypt", d.pairwise);
    row("pairwise decrypt, thread CPU time", d.pairwiseCpu);
}

} // namespace Parley::E2eeBench
