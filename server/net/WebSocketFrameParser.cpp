#include "WebSocketFrameParser.h"

#include <QtCore/QStringDecoder>

#include <algorithm>
#include <utility>

namespace Parley {

namespace {

constexpr quint8 FinalBit = 0x80;
constexpr quint8 ReservedBits = 0x70;
constexpr quint8 OpcodeBits = 0x0f;
constexpr quint8 MaskBit = 0x80;
constexpr quint8 LengthBits = 0x7f;

bool isControl(WebSocketOpcode op)
{
    return (quint8(op) & 0x8) != 0;
}

bool isKnown(quint8 op)
{
    switch (WebSocketOpcode(op)) {
    case WebSocketOpcode::Continuation:
    case WebSocketOpcode::Text:
    case WebSocketOpcode::Binary:
    case WebSocketOpcode::Close:
    case WebSocketOpcode::Ping:
    case WebSocketOpcode::Pong:
        return true;
    }
    return false;
}

/// A close code a peer may send (RFC 6455 section 7.4, IANA registry).
bool isValidCloseCode(quint16 code)
{
    return (code >= 1000 && code <= 1003) || (code >= 1007 && code <= 1014)
            || (code >= 3000 && code <= 4999);
}

bool isValidUtf8(const QByteArray &bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    [[maybe_unused]] const QString text = decoder(bytes);
    return !decoder.hasError();
}

} // namespace

WebSocketFrameParser::WebSocketFrameParser(qsizetype maxMessageBytes)
    : m_maxMessageBytes(maxMessageBytes)
{
}

void WebSocketFrameParser::fail(WebSocketCloseCode code, const char *reason,
                                std::vector<Event> &events)
{
    m_state = State::Ended;
    m_message.clear();
    m_control.clear();
    events.push_back({Event::Kind::Error, QByteArray(reason), quint16(code)});
}

bool WebSocketFrameParser::checkHeader(std::vector<Event> &events)
{
    // Called with 2 bytes, then once more with the whole header when it is longer.
    const quint8 b0 = m_header[0];
    const quint8 b1 = m_header[1];
    if (m_headerSize == 2) {
        if (b0 & ReservedBits) {
            fail(WebSocketCloseCode::ProtocolError, "reserved bits set", events);
            return false;
        }
        if (!isKnown(b0 & OpcodeBits)) {
            fail(WebSocketCloseCode::ProtocolError, "unknown opcode", events);
            return false;
        }
        if (!(b1 & MaskBit)) {
            fail(WebSocketCloseCode::ProtocolError, "client frames must be masked", events);
            return false;
        }
        m_opcode = WebSocketOpcode(b0 & OpcodeBits);
        m_final = (b0 & FinalBit) != 0;
        const quint8 length = b1 & LengthBits;
        if (isControl(m_opcode)) {
            if (!m_final || length > MaxControlPayloadBytes) {
                fail(WebSocketCloseCode::ProtocolError,
                     "control frames are single frames of at most 125 bytes", events);
                return false;
            }
        } else if (m_opcode == WebSocketOpcode::Continuation) {
            if (!m_inMessage) {
                fail(WebSocketCloseCode::ProtocolError, "continuation without a message", events);
                return false;
            }
        } else if (m_inMessage) {
            fail(WebSocketCloseCode::ProtocolError, "new message before the last one ended",
                 events);
            return false;
        }
        m_headerNeeded = 2 + (length == 126 ? 2 : length == 127 ? 8 : 0) + 4;
        if (m_headerSize < m_headerNeeded)
            return true;
    }
    // The whole header is here.
    const quint8 length = b1 & LengthBits;
    quint64 size = length;
    int at = 2;
    if (length == 126) {
        size = quint64(m_header[2]) << 8 | m_header[3];
        at = 4;
    } else if (length == 127) {
        size = 0;
        for (int i = 2; i < 10; ++i)
            size = size << 8 | m_header[i];
        at = 10;
        if (size >> 63) {
            fail(WebSocketCloseCode::ProtocolError, "64-bit length with its top bit set", events);
            return false;
        }
    }
    Q_ASSERT(at + 4 == m_headerNeeded);
    if (!isControl(m_opcode)) {
        // Checked against the declared length: nothing is buffered for a message too big.
        if (size > quint64(m_maxMessageBytes - m_messageBytes)) {
            fail(WebSocketCloseCode::TooBig, "message too big", events);
            return false;
        }
        if (m_opcode != WebSocketOpcode::Continuation) {
            m_inMessage = true;
            m_messageIsText = m_opcode == WebSocketOpcode::Text;
        }
    }
    m_remaining = size;
    m_maskOffset = 0;
    return true;
}

void WebSocketFrameParser::unmaskInto(QByteArray &to, const char *data, qsizetype size)
{
    const quint8 *mask = m_header + m_headerNeeded - 4;
    const qsizetype start = to.size();
    to.append(data, size);
    char *out = to.data() + start;
    for (qsizetype i = 0; i < size; ++i)
        out[i] = char(quint8(out[i]) ^ mask[(m_maskOffset + quint32(i)) & 3]);
    m_maskOffset = (m_maskOffset + quint32(size & 3)) & 3;
}

void WebSocketFrameParser::finishFrame(std::vector<Event> &events)
{
    m_state = State::Header;
    m_headerSize = 0;
    m_headerNeeded = 2;
    switch (m_opcode) {
    case WebSocketOpcode::Ping:
        events.push_back({Event::Kind::Ping, std::exchange(m_control, {}), 0});
        return;
    case WebSocketOpcode::Pong:
        m_control.clear();
        return;
    case WebSocketOpcode::Close: {
        const QByteArray payload = std::exchange(m_control, {});
        if (payload.size() == 1) {
            fail(WebSocketCloseCode::ProtocolError, "close frame with a 1-byte payload", events);
            return;
        }
        quint16 code = 0;
        if (payload.size() >= 2) {
            code = quint16(quint8(payload[0]) << 8 | quint8(payload[1]));
            if (!isValidCloseCode(code)) {
                fail(WebSocketCloseCode::ProtocolError, "invalid close code", events);
                return;
            }
        }
        const QByteArray reason = payload.mid(2);
        if (!isValidUtf8(reason)) {
            fail(WebSocketCloseCode::InvalidPayload, "close reason is not UTF-8", events);
            return;
        }
        m_state = State::Ended;
        events.push_back({Event::Kind::Close, reason, code});
        return;
    }
    case WebSocketOpcode::Continuation:
    case WebSocketOpcode::Text:
    case WebSocketOpcode::Binary:
        if (!m_final)
            return;
        if (m_messageIsText)
            events.push_back({Event::Kind::Text, {}, 0});
        else
            events.push_back({Event::Kind::Binary, std::exchange(m_message, {}), 0});
        m_inMessage = false;
        m_messageIsText = false;
        m_messageBytes = 0;
        return;
    }
}

void WebSocketFrameParser::feed(const char *data, qsizetype size, std::vector<Event> &events)
{
    while (m_state != State::Ended) {
        if (m_state == State::Header) {
            if (size == 0)
                return;
            while (size > 0 && m_headerSize < m_headerNeeded) {
                m_header[m_headerSize++] = quint8(*data++);
                --size;
                if ((m_headerSize == 2 || m_headerSize == m_headerNeeded) && !checkHeader(events))
                    return;
            }
            if (m_headerSize < m_headerNeeded)
                return;
            m_state = State::Payload;
        }
        // Payload (possibly empty).
        const qsizetype take = qsizetype(std::min<quint64>(m_remaining, quint64(size)));
        if (take > 0) {
            if (isControl(m_opcode)) {
                unmaskInto(m_control, data, take);
            } else if (m_messageIsText) {
                m_maskOffset = (m_maskOffset + quint32(take & 3)) & 3; // counted, not kept
            } else {
                unmaskInto(m_message, data, take);
            }
            if (!isControl(m_opcode))
                m_messageBytes += take;
            data += take;
            size -= take;
            m_remaining -= quint64(take);
        }
        if (m_remaining > 0)
            return;
        finishFrame(events);
    }
}

} // namespace Parley
