// libFuzzer entry point: any bytes as what a WebSocket client sends (RFC 6455 frames), fed in
// pieces of the sizes the first byte says, to a parser with a small message cap. Must never
// crash, hang or leak; a message never exceeds the cap and nothing follows a Close or Error.

#include "net/WebSocketFrameParser.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <vector>

using namespace Parley;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    constexpr qsizetype Cap = 4096;
    const qsizetype step = 1 + data[0];
    const char *bytes = reinterpret_cast<const char *>(data) + 1;
    const qsizetype length = qsizetype(size) - 1;

    WebSocketFrameParser parser(Cap);
    std::vector<WebSocketFrameParser::Event> events;
    for (qsizetype at = 0; at < length; at += step) {
        const qsizetype before = qsizetype(events.size());
        const bool ended = parser.hasEnded();
        parser.feed(bytes + at, std::min(step, length - at), events);
        if (ended && qsizetype(events.size()) != before)
            std::abort();
        if (parser.bufferedBytes() > Cap)
            std::abort();
    }
    for (const auto &event : events) {
        if (event.kind == WebSocketFrameParser::Event::Kind::Binary && event.payload.size() > Cap)
            std::abort();
    }
    return 0;
}
