#pragma once

/// Reads the HTTP/1.1 request head a connection opens with (at most MaxHeadBytes) and decides:
/// an HTTP probe (/healthz, /metrics, recognised by the first bytes as the Qt transport does),
/// a valid WebSocket upgrade (RFC 6455 section 4.2: answered with 101), or a refusal (400,
/// 426 or 431, with the reason in the body). No I/O.

#include <QtCore/QByteArray>

namespace Parley {

class HttpUpgrade
{
public:
    static constexpr qsizetype MaxHeadBytes = 8 * 1024;

    enum class Outcome {
        NeedMore, ///< the head is not complete yet
        Probe, ///< answer `path` with probeResponse() and close
        Upgrade, ///< send `response` (101); `rest` are bytes after the head (WebSocket frames)
        Refuse, ///< send `response` (an HTTP error) and close
    };
    struct Result
    {
        Outcome outcome = Outcome::NeedMore;
        QByteArray path; ///< Probe: "/healthz" or "/metrics"
        QByteArray response; ///< Upgrade, Refuse: what to send
        QByteArray rest; ///< Upgrade: what followed the head
        /// Upgrade: every X-Forwarded-For line, in order, joined by commas (empty: none).
        QByteArray forwardedFor;
    };

    /// Adds bytes; once the result is not NeedMore, the request has been decided and further
    /// calls return the same outcome without a response.
    Result feed(const char *data, qsizetype size);

    /// Sec-WebSocket-Accept for a Sec-WebSocket-Key: base64(SHA-1(key + RFC 6455 GUID)).
    static QByteArray acceptKey(const QByteArray &key);
    /// "200 OK" with the body, closing the connection (the probes' answer).
    static QByteArray okResponse(const QByteArray &contentType, const QByteArray &body);
    /// An error status line such as "400 Bad Request", with `reason` as the plain-text body.
    static QByteArray errorResponse(const QByteArray &status, const QByteArray &reason,
                                    const QByteArray &extraHeaders = {});

private:
    Result decide(qsizetype headEnd);

    QByteArray m_buffer;
    bool m_decided = false;
    Outcome m_outcome = Outcome::NeedMore;
};

} // namespace Parley
