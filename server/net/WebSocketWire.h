#pragma once

/// RFC 6455 opcodes and close codes, shared by the native transport's frame parser and encoder.

#include <QtCore/QtGlobal>

namespace Parley {

enum class WebSocketOpcode : quint8 {
    Continuation = 0x0,
    Text = 0x1,
    Binary = 0x2,
    Close = 0x8,
    Ping = 0x9,
    Pong = 0xA,
};

/// The close codes this server sends (RFC 6455 section 7.4.1).
enum class WebSocketCloseCode : quint16 {
    Normal = 1000,
    GoingAway = 1001,
    ProtocolError = 1002,
    InvalidPayload = 1007,
    PolicyViolation = 1008,
    TooBig = 1009,
};

/// Control frames carry at most this much (RFC 6455 section 5.5).
inline constexpr qsizetype MaxControlPayloadBytes = 125;

} // namespace Parley
