#include "HttpUpgrade.h"

#include <QtCore/QByteArrayList>
#include <QtCore/QCryptographicHash>

#include <algorithm>

namespace Parley {

namespace {

const QByteArray Probes[] = {"GET /healthz", "GET /metrics"};

/// Whether a comma-separated header value lists `token` (case-insensitive).
bool hasToken(const QByteArray &value, const QByteArray &token)
{
    const QByteArrayList parts = value.split(',');
    for (const QByteArray &part : parts) {
        if (part.trimmed().compare(token, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

} // namespace

QByteArray HttpUpgrade::acceptKey(const QByteArray &key)
{
    return QCryptographicHash::hash(QByteArray(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"),
                                    QCryptographicHash::Sha1)
            .toBase64();
}

QByteArray HttpUpgrade::okResponse(const QByteArray &contentType, const QByteArray &body)
{
    return "HTTP/1.1 200 OK\r\nContent-Type: " + contentType + "\r\nContent-Length: "
            + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
}

QByteArray HttpUpgrade::errorResponse(const QByteArray &status, const QByteArray &reason,
                                      const QByteArray &extraHeaders)
{
    const QByteArray body = reason + '\n';
    return "HTTP/1.1 " + status + "\r\nContent-Type: text/plain; charset=utf-8\r\n" + extraHeaders
            + "Content-Length: " + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n"
            + body;
}

HttpUpgrade::Result HttpUpgrade::feed(const char *data, qsizetype size)
{
    if (m_decided)
        return {m_outcome, {}, {}, {}, {}};
    const qsizetype before = m_buffer.size();
    // Never hold more than the head's bound; what follows it arrived in this same read.
    const qsizetype room = MaxHeadBytes - before;
    const qsizetype kept = std::min(size, room);
    m_buffer.append(data, kept);
    const QByteArray overflow = QByteArray(data + kept, size - kept);

    // The probes are recognised by their first bytes, exactly as the Qt transport does.
    const qsizetype probeSize = Probes[0].size();
    bool couldBeProbe = false;
    for (const QByteArray &probe : Probes) {
        if (m_buffer.startsWith(probe)) {
            m_decided = true;
            m_outcome = Outcome::Probe;
            m_buffer.clear();
            return {Outcome::Probe, probe.mid(4), {}, {}, {}};
        }
        if (m_buffer.size() < probeSize && probe.startsWith(m_buffer))
            couldBeProbe = true;
    }
    if (couldBeProbe)
        return {};

    // Search from a little before the new bytes: the marker may straddle two reads.
    const qsizetype end = m_buffer.indexOf("\r\n\r\n", std::max<qsizetype>(0, before - 3));
    if (end < 0) {
        if (m_buffer.size() < MaxHeadBytes)
            return {};
        m_decided = true;
        m_outcome = Outcome::Refuse;
        m_buffer.clear();
        return {Outcome::Refuse,
                {},
                errorResponse("431 Request Header Fields Too Large",
                              "the request head is larger than 8 KiB"),
                {},
                {}};
    }
    Result result = decide(end);
    if (result.outcome == Outcome::Upgrade)
        result.rest = m_buffer.mid(end + 4) + overflow;
    m_decided = true;
    m_outcome = result.outcome;
    m_buffer.clear();
    return result;
}

HttpUpgrade::Result HttpUpgrade::decide(qsizetype headEnd)
{
    const auto refuse = [](const QByteArray &status, const QByteArray &reason,
                           const QByteArray &extra = {}) {
        return Result{Outcome::Refuse, {}, errorResponse(status, reason, extra), {}, {}};
    };
    const QByteArrayList lines = m_buffer.left(headEnd).split('\n');
    const QByteArray requestLine = lines.first().chopped(lines.first().endsWith('\r') ? 1 : 0);
    const QByteArrayList request = requestLine.split(' ');
    if (request.size() != 3 || !request[2].startsWith("HTTP/1."))
        return refuse("400 Bad Request", "not an HTTP/1.1 request");
    if (request[0] != "GET")
        return refuse("400 Bad Request", "a WebSocket upgrade is a GET request");
    if (request[2] == "HTTP/1.0")
        return refuse("400 Bad Request", "a WebSocket upgrade needs HTTP/1.1");

    QByteArray upgrade, connection, version, key, forwardedFor;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        QByteArray line = lines[i];
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.isEmpty())
            continue;
        if (line.startsWith(' ') || line.startsWith('\t'))
            return refuse("400 Bad Request", "folded header lines are not allowed");
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            return refuse("400 Bad Request", "malformed header line");
        const QByteArray name = line.left(colon).toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        // Repeated fields combine as one comma-separated list (RFC 9110 section 5.3).
        const auto add = [&value](QByteArray &to) {
            to = to.isEmpty() ? value : to + ", " + value;
        };
        if (name == "upgrade")
            add(upgrade);
        else if (name == "connection")
            add(connection);
        else if (name == "sec-websocket-version")
            add(version);
        else if (name == "sec-websocket-key")
            add(key);
        else if (name == "x-forwarded-for")
            add(forwardedFor);
    }
    const QByteArray upgradeRequired = "Upgrade: websocket\r\n";
    if (!hasToken(upgrade, "websocket"))
        return refuse("426 Upgrade Required", "this server speaks WebSocket only", upgradeRequired);
    if (!hasToken(connection, "upgrade"))
        return refuse("400 Bad Request", "Connection must include Upgrade");
    if (version != "13")
        return refuse("426 Upgrade Required", "only WebSocket version 13 is supported",
                      "Sec-WebSocket-Version: 13\r\n");
    if (QByteArray::fromBase64(key, QByteArray::AbortOnBase64DecodingErrors).size() != 16)
        return refuse("400 Bad Request", "Sec-WebSocket-Key must be 16 bytes in base64");
    return {Outcome::Upgrade,
            {},
            "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            "Sec-WebSocket-Accept: "
                    + acceptKey(key) + "\r\n\r\n",
            {},
            forwardedFor};
}

} // namespace Parley
