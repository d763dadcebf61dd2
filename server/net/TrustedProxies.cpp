#include "TrustedProxies.h"

#include <QtCore/QByteArrayList>

namespace Parley {

using namespace Qt::StringLiterals;

QHostAddress TrustedProxies::normalized(const QHostAddress &address)
{
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4);
    if (isV4 && address.protocol() == QAbstractSocket::IPv6Protocol)
        return QHostAddress(v4);
    return address;
}

Status TrustedProxies::add(const QString &network)
{
    const QString text = network.trimmed();
    QHostAddress address;
    int prefix = -1;
    if (text.contains(u'/')) {
        const auto parsed = QHostAddress::parseSubnet(text);
        address = parsed.first;
        prefix = parsed.second;
    } else if (address.setAddress(text)) {
        prefix = address.protocol() == QAbstractSocket::IPv4Protocol ? 32 : 128;
    }
    if (address.isNull() || prefix < 0 || !address.scopeId().isEmpty())
        return Error{ErrorCode::InvalidArgument,
                     u"\"%1\" is not an address or ADDRESS/PREFIX"_s.arg(network)};
    address = normalized(address);
    if (address.protocol() == QAbstractSocket::IPv4Protocol && prefix > 32)
        prefix -= 96; // ::ffff:a.b.c.d/120 is a.b.c.d/24
    m_networks.append({address, prefix});
    return {};
}

QStringList TrustedProxies::networks() const
{
    QStringList out;
    for (const auto &[address, prefix] : m_networks)
        out << u"%1/%2"_s.arg(address.toString()).arg(prefix);
    return out;
}

bool TrustedProxies::contains(const QHostAddress &address) const
{
    const QHostAddress a = normalized(address);
    for (const auto &network : m_networks) {
        if (a.isInSubnet(network))
            return true;
    }
    return false;
}

QHostAddress TrustedProxies::clientAddress(const QHostAddress &peer,
                                           const QByteArray &forwardedFor) const
{
    QHostAddress hop = normalized(peer);
    if (forwardedFor.isEmpty() || !contains(hop))
        return hop;
    const QByteArrayList entries = forwardedFor.split(',');
    for (qsizetype i = entries.size() - 1; i >= 0; --i) {
        QByteArray entry = entries[i].trimmed();
        // HAProxy and nginx write bare addresses; "[v6]" and "v4:port" appear elsewhere.
        if (entry.startsWith('[') && entry.contains(']'))
            entry = entry.mid(1, entry.indexOf(']') - 1);
        else if (entry.count(':') == 1)
            entry = entry.left(entry.indexOf(':'));
        QHostAddress next;
        if (!next.setAddress(QString::fromLatin1(entry)) || !next.scopeId().isEmpty())
            return hop;
        hop = normalized(next);
        if (!contains(hop))
            return hop;
    }
    return hop; // every hop a trusted proxy: the leftmost is as far as anyone can tell
}

} // namespace Parley
