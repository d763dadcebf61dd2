#pragma once

/// Bounds the TLS handshakes in flight, in total and per peer address, across all I/O threads;
/// a client that opens connections and never finishes them cannot stop others from connecting.

#include <QtCore/QHash>
#include <QtCore/QMutex>
#include <QtNetwork/QHostAddress>

namespace Parley {

class HandshakeGate
{
public:
    HandshakeGate(int maxTotal, int maxPerAddress)
        : m_maxTotal(maxTotal),
          m_maxPerAddress(maxPerAddress)
    {
    }

    /// Thread-safe. false: refuse this connection now.
    bool tryEnter(const QHostAddress &peer);
    /// Thread-safe. Call once per successful tryEnter, when the handshake ends either way.
    void leave(const QHostAddress &peer);
    int inFlight() const;

private:
    mutable QMutex m_mutex;
    QHash<QHostAddress, int> m_perAddress;
    int m_total = 0;
    int m_maxTotal;
    int m_maxPerAddress;
};

} // namespace Parley
