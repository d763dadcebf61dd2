#pragma once

/// Writes the unmasked frames a WebSocket server sends (RFC 6455 section 5.2): binary messages
/// as single frames, pongs, close frames. No I/O.

#include "WebSocketWire.h"

#include <QtCore/QByteArray>

namespace Parley {

class WebSocketFrameEncoder
{
public:
    /// The most header bytes a frame needs.
    static constexpr int MaxHeaderBytes = 10;

    /// Writes the header of a final, unmasked frame of `payloadSize` bytes into `out`
    /// (MaxHeaderBytes long); returns its length (2, 4 or 10).
    static int writeHeader(char *out, WebSocketOpcode opcode, quint64 payloadSize);
    /// A whole frame: header and payload.
    static QByteArray frame(WebSocketOpcode opcode, const QByteArray &payload);
    /// A close frame with `code` and `reason` (cut to fit 125 bytes on a UTF-8 boundary).
    static QByteArray close(quint16 code, const QByteArray &reason);
};

} // namespace Parley
