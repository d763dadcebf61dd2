#include "ProxyHeaderParser.h"

#include <QtCore/QtEndian>

#include <algorithm>
#include <cstring>

namespace Parley {

using namespace Qt::StringLiterals;

namespace {

constexpr char Signature[12] = {'\r', '\n', '\r', '\n', '\0', '\r', '\n', 'Q', 'U', 'I', 'T', '\n'};
constexpr quint8 Version2 = 0x20;
constexpr quint8 CommandLocal = 0x0;
constexpr quint8 CommandProxy = 0x1;
constexpr quint8 FamilyUnspec = 0x0;
constexpr quint8 FamilyInet = 0x1;
constexpr quint8 FamilyInet6 = 0x2;
constexpr quint8 FamilyUnix = 0x3;
constexpr quint8 ProtocolStream = 0x1;

} // namespace

qsizetype ProxyHeaderParser::bytesWanted() const
{
    if (m_result.outcome != Outcome::NeedMore)
        return 0;
    return m_total - m_buffer.size();
}

ProxyHeaderParser::Result ProxyHeaderParser::invalid(const QString &why)
{
    m_buffer.clear();
    m_result = {Outcome::Invalid, {}, 0, why};
    return m_result;
}

ProxyHeaderParser::Result ProxyHeaderParser::feed(const char *data, qsizetype size)
{
    if (m_result.outcome != Outcome::NeedMore)
        return m_result;
    if (size > bytesWanted())
        return invalid(u"more bytes than the PROXY header has"_s);
    m_buffer.append(data, size);
    // Wrong from the first byte on (a TLS ClientHello, an HTTP request): say so at once
    // rather than wait for 16 bytes that may never come.
    const qsizetype signatureSeen = std::min<qsizetype>(m_buffer.size(), sizeof Signature);
    if (std::memcmp(m_buffer.constData(), Signature, size_t(signatureSeen)) != 0)
        return invalid(m_buffer.startsWith("PROXY ")
                               ? u"PROXY protocol version 1 is not supported; send version 2"_s
                               : u"the connection does not start with a PROXY v2 header"_s);
    if (m_buffer.size() < PreambleBytes)
        return m_result;
    if (m_buffer.size() == PreambleBytes) {
        const auto *p = reinterpret_cast<const uchar *>(m_buffer.constData());
        if ((p[12] & 0xF0) != Version2)
            return invalid(u"PROXY header version %1 is not 2"_s.arg(p[12] >> 4));
        const qsizetype payload = qFromBigEndian<quint16>(p + 14);
        if (payload > MaxPayloadBytes)
            return invalid(u"PROXY header of %1 bytes is too large"_s.arg(payload));
        m_total = PreambleBytes + payload;
    }
    if (m_buffer.size() < m_total)
        return m_result;
    return decide();
}

ProxyHeaderParser::Result ProxyHeaderParser::decide()
{
    const auto *p = reinterpret_cast<const uchar *>(m_buffer.constData());
    const quint8 command = p[12] & 0x0F;
    const quint8 family = p[13] >> 4;
    const quint8 protocol = p[13] & 0x0F;
    const qsizetype payload = m_total - PreambleBytes;
    const uchar *address = p + PreambleBytes;
    if (command == CommandLocal) {
        // The receiver must skip whatever address block is there (section 2.2).
        m_buffer.clear();
        m_result = {Outcome::Local, {}, 0, {}};
        return m_result;
    }
    if (command != CommandProxy)
        return invalid(u"PROXY header command %1 is unassigned"_s.arg(command));
    if (family > FamilyUnix || protocol > 0x2)
        return invalid(u"PROXY header address family %1 protocol %2 is invalid"_s.arg(family).arg(
                protocol));
    if (protocol != ProtocolStream || (family != FamilyInet && family != FamilyInet6)) {
        // UNSPEC, UNIX or datagram: nothing here names a TCP client. A proxy in front of
        // parleyd relays TCP, so this is a misconfiguration, not a client to guess about.
        return invalid(family == FamilyUnspec
                               ? u"PROXY header names no client address (UNSPEC)"_s
                               : u"PROXY header is not for a TCP connection over IP"_s);
    }
    Result result{Outcome::Proxied, {}, 0, {}};
    if (family == FamilyInet) {
        if (payload < 12)
            return invalid(u"PROXY header too short for IPv4 addresses"_s);
        result.source = QHostAddress(qFromBigEndian<quint32>(address));
        result.sourcePort = qFromBigEndian<quint16>(address + 8);
    } else {
        if (payload < 36)
            return invalid(u"PROXY header too short for IPv6 addresses"_s);
        result.source = QHostAddress(address);
        result.sourcePort = qFromBigEndian<quint16>(address + 32);
    }
    m_buffer.clear();
    m_result = result;
    return m_result;
}

QByteArray ProxyHeaderParser::encode(const QHostAddress &source, quint16 sourcePort,
                                     const QHostAddress &destination, quint16 destinationPort)
{
    QByteArray out(Signature, sizeof Signature);
    out.append(char(Version2 | CommandProxy));
    const bool v4 = source.protocol() == QAbstractSocket::IPv4Protocol;
    out.append(char((v4 ? FamilyInet : FamilyInet6) << 4 | ProtocolStream));
    const quint16 length = v4 ? 12 : 36;
    uchar scratch[16];
    qToBigEndian(length, scratch);
    out.append(reinterpret_cast<const char *>(scratch), 2);
    for (const QHostAddress &a : {source, destination}) {
        if (v4) {
            qToBigEndian(a.toIPv4Address(), scratch);
            out.append(reinterpret_cast<const char *>(scratch), 4);
        } else {
            const Q_IPV6ADDR six = a.toIPv6Address();
            out.append(reinterpret_cast<const char *>(six.c), 16);
        }
    }
    for (quint16 port : {sourcePort, destinationPort}) {
        qToBigEndian(port, scratch);
        out.append(reinterpret_cast<const char *>(scratch), 2);
    }
    return out;
}

QByteArray ProxyHeaderParser::encodeLocal()
{
    QByteArray out(Signature, sizeof Signature);
    out.append(char(Version2 | CommandLocal));
    out.append(char(FamilyUnspec));
    out.append(2, '\0');
    return out;
}

} // namespace Parley
