#include "WebSocketFrameEncoder.h"

#include <algorithm>

namespace Parley {

int WebSocketFrameEncoder::writeHeader(char *out, WebSocketOpcode opcode, quint64 payloadSize)
{
    out[0] = char(0x80 | quint8(opcode));
    if (payloadSize < 126) {
        out[1] = char(payloadSize);
        return 2;
    }
    if (payloadSize <= 0xffff) {
        out[1] = char(126);
        out[2] = char(payloadSize >> 8);
        out[3] = char(payloadSize);
        return 4;
    }
    out[1] = char(127);
    for (int i = 0; i < 8; ++i)
        out[2 + i] = char(payloadSize >> (56 - 8 * i));
    return 10;
}

QByteArray WebSocketFrameEncoder::frame(WebSocketOpcode opcode, const QByteArray &payload)
{
    char header[MaxHeaderBytes];
    const int headerSize = writeHeader(header, opcode, quint64(payload.size()));
    QByteArray out;
    out.reserve(headerSize + payload.size());
    out.append(header, headerSize);
    out.append(payload);
    return out;
}

QByteArray WebSocketFrameEncoder::close(quint16 code, const QByteArray &reason)
{
    qsizetype reasonSize = std::min<qsizetype>(reason.size(), MaxControlPayloadBytes - 2);
    // Never cut a UTF-8 sequence: back up over continuation bytes.
    if (reasonSize < reason.size()) {
        while (reasonSize > 0 && (quint8(reason[reasonSize]) & 0xc0) == 0x80)
            --reasonSize;
    }
    QByteArray payload;
    payload.reserve(2 + reasonSize);
    payload.append(char(code >> 8));
    payload.append(char(code & 0xff));
    payload.append(reason.constData(), reasonSize);
    return frame(WebSocketOpcode::Close, payload);
}

} // namespace Parley
