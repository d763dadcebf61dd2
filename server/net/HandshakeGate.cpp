#include "HandshakeGate.h"

namespace Parley {

bool HandshakeGate::tryEnter(const QHostAddress &peer)
{
    QMutexLocker lock(&m_mutex);
    if (m_total >= m_maxTotal)
        return false;
    int &n = m_perAddress[peer];
    if (n >= m_maxPerAddress) {
        if (n == 0)
            m_perAddress.remove(peer);
        return false;
    }
    ++n;
    ++m_total;
    return true;
}

void HandshakeGate::leave(const QHostAddress &peer)
{
    QMutexLocker lock(&m_mutex);
    auto it = m_perAddress.find(peer);
    if (it == m_perAddress.end())
        return;
    --m_total;
    if (--*it <= 0)
        m_perAddress.erase(it);
}

int HandshakeGate::inFlight() const
{
    QMutexLocker lock(&m_mutex);
    return m_total;
}

} // namespace Parley
