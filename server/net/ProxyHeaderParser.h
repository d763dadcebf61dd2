#pragma once

/// Reads the PROXY protocol version 2 header a trusted proxy (HAProxy's send-proxy-v2) puts
/// before the client's bytes: the 16-byte preamble, then the addresses and any TLVs, whose
/// length the preamble gives (HAProxy's doc/proxy-protocol.txt, section 2.2). It asks for
/// exactly the bytes it still needs, so that nothing after the header is read with it. No I/O.
/// Version 1 (text) is refused: the proxies Parley documents send version 2.

#include <QtCore/QByteArray>
#include <QtCore/QString>
#include <QtNetwork/QHostAddress>

namespace Parley {

class ProxyHeaderParser
{
public:
    static constexpr qsizetype PreambleBytes = 16;
    /// Addresses and TLVs beyond this are refused (HAProxy sends 12 or 36 bytes by default).
    static constexpr qsizetype MaxPayloadBytes = 2048;

    enum class Outcome {
        NeedMore, ///< bytesWanted() more bytes
        Proxied, ///< `source` (and `sourcePort`) is the client the proxy relayed
        Local, ///< the proxy's own connection (a health check): the peer is the client
        Invalid, ///< not a PROXY v2 header, or a malformed one: refuse the connection
    };
    struct Result
    {
        Outcome outcome = Outcome::NeedMore;
        QHostAddress source;
        quint16 sourcePort = 0;
        QString error; ///< Invalid: why
    };

    /// Adds at most bytesWanted() bytes (more is a caller's error and reports Invalid).
    /// Once the outcome is not NeedMore it stays.
    Result feed(const char *data, qsizetype size);
    /// How many more bytes the header needs (0 once decided).
    qsizetype bytesWanted() const;

    /// The whole header for `source` → `destination` (both IPv4 or both IPv6), as a proxy
    /// sends it; the tests' proxies use it.
    static QByteArray encode(const QHostAddress &source, quint16 sourcePort,
                             const QHostAddress &destination, quint16 destinationPort);
    /// A LOCAL header (what a proxy's health check sends).
    static QByteArray encodeLocal();

private:
    Result decide();
    Result invalid(const QString &why);

    QByteArray m_buffer;
    qsizetype m_total = PreambleBytes; ///< the header's whole size, once the preamble is in
    Result m_result;
};

} // namespace Parley
