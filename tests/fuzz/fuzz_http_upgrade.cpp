// libFuzzer entry point: any bytes as the HTTP request head a connection opens with, fed in two
// pieces split where the first byte says (a head arrives over several reads). Must never crash,
// hang or leak; once decided, the outcome must not change.

#include "net/HttpUpgrade.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

using namespace Parley;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const char *bytes = reinterpret_cast<const char *>(data) + 1;
    const qsizetype length = qsizetype(size) - 1;
    const qsizetype split = length == 0 ? 0 : qsizetype(data[0]) % (length + 1);

    HttpUpgrade whole;
    const HttpUpgrade::Result once = whole.feed(bytes, length);

    HttpUpgrade pieces;
    HttpUpgrade::Result first = pieces.feed(bytes, split);
    const HttpUpgrade::Result second = pieces.feed(bytes + split, length - split);
    const HttpUpgrade::Outcome decided =
            first.outcome != HttpUpgrade::Outcome::NeedMore ? first.outcome : second.outcome;
    // The same bytes decide the same way, however they were read.
    if (decided != once.outcome)
        std::abort();
    if (once.outcome == HttpUpgrade::Outcome::Upgrade && once.response.isEmpty())
        std::abort();
    return 0;
}
