#pragma once

/// The proxies whose word about the client's address parleyd believes (--trusted-proxy), and
/// the rule that turns a connection's hops into the client's address: start from the TCP peer
/// (or what its PROXY header said) and walk X-Forwarded-For from the right while the hop is a
/// trusted proxy; the first untrusted hop is the client. An untrusted peer's headers are
/// never read, so a client cannot choose its own address. Immutable once built: shared by all
/// I/O threads.

#include "protocol/Result.h"

#include <QtCore/QList>
#include <QtNetwork/QHostAddress>

namespace Parley {

class TrustedProxies
{
public:
    /// "ADDR" or "ADDR/PREFIX", IPv4 or IPv6 (e.g. "10.0.0.2", "10.0.0.0/24", "fd00::/8").
    Status add(const QString &network);
    bool isEmpty() const { return m_networks.isEmpty(); }
    /// The networks as given, normalised ("10.0.0.2/32").
    QStringList networks() const;

    /// Whether `address` is a trusted proxy (an IPv4-mapped IPv6 address counts as IPv4).
    bool contains(const QHostAddress &address) const;

    /// The client's address for a connection from `peer` whose request said
    /// `X-Forwarded-For: forwardedFor` (all such headers joined by commas; empty: none).
    /// A malformed entry ends the walk: the last hop reached (a trusted proxy) is the answer.
    QHostAddress clientAddress(const QHostAddress &peer, const QByteArray &forwardedFor) const;

    /// An IPv4-mapped IPv6 address (::ffff:a.b.c.d, as a dual-stack socket reports IPv4
    /// peers) as plain IPv4; anything else unchanged.
    static QHostAddress normalized(const QHostAddress &address);

private:
    QList<QPair<QHostAddress, int>> m_networks;
};

} // namespace Parley
