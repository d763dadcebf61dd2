#pragma once

/// Incremental parser of what a WebSocket client sends (RFC 6455 section 5), without I/O:
/// masked frames, 7/16/64-bit lengths, fragmented messages up to a size cap, control frames
/// between fragments. A violation ends parsing with the close code to answer with.

#include "WebSocketWire.h"

#include <QtCore/QByteArray>

#include <vector>

namespace Parley {

class WebSocketFrameParser
{
public:
    struct Event
    {
        enum class Kind {
            Binary, ///< a complete binary message in `payload`
            Text, ///< a complete text message (its payload is not kept: the protocol rejects it)
            Ping, ///< answer with a pong carrying `payload`
            Close, ///< the peer closes: `code` (0 when it gave none) and the UTF-8 `payload`
            Error, ///< the peer broke the protocol: close with `code`, `payload` the reason
        };
        Kind kind;
        QByteArray payload;
        quint16 code = 0;
    };

    /// `maxMessageBytes`: the largest message (all fragments together) accepted.
    explicit WebSocketFrameParser(qsizetype maxMessageBytes);

    /// Parses `size` more bytes and appends the events they complete, in order. After a Close or
    /// an Error event parsing has ended and later input is ignored.
    void feed(const char *data, qsizetype size, std::vector<Event> &events);
    bool hasEnded() const { return m_state == State::Ended; }
    /// Payload bytes held for the message in progress (at most the cap).
    qsizetype bufferedBytes() const { return m_message.size(); }

private:
    enum class State { Header, Payload, Ended };

    /// Checks the header bytes so far; false after appending an Error event.
    bool checkHeader(std::vector<Event> &events);
    void finishFrame(std::vector<Event> &events);
    void fail(WebSocketCloseCode code, const char *reason, std::vector<Event> &events);
    void unmaskInto(QByteArray &to, const char *data, qsizetype size);

    qsizetype m_maxMessageBytes;
    State m_state = State::Header;
    // The frame being read.
    quint8 m_header[14] = {};
    int m_headerSize = 0;
    int m_headerNeeded = 2;
    WebSocketOpcode m_opcode = WebSocketOpcode::Continuation;
    bool m_final = false;
    quint64 m_remaining = 0;
    quint32 m_maskOffset = 0;
    QByteArray m_control; ///< a control frame's payload (at most 125 bytes)
    // The message being read (over one or more frames).
    bool m_inMessage = false;
    bool m_messageIsText = false;
    qsizetype m_messageBytes = 0;
    QByteArray m_message;
};

} // namespace Parley
