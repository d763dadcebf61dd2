#pragma once

/// The table parley-e2ee-bench prints: microseconds per operation (median, mean, p99), sizes,
/// and the ratios of the full operations to libsignal alone.

#include "EncryptionCosts.h"

namespace Parley::E2eeBench {

void report(const Options &o, const MessageCost &m, const MessageCost &bare,
            const FirstMessageCost &f, const CatchUpCost &c);
/// The table of --decrypt-only.
void reportDecrypts(const Options &o, const DecryptCost &d);

} // namespace Parley::E2eeBench
