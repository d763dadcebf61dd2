#include "Listener.h"

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

namespace Parley {

Listener::Listener(std::function<void(qintptr)> handOff, QObject *parent)
    : QTcpServer(parent),
      m_handOff(std::move(handOff))
{
    setListenBacklogSize(Backlog);
}

void Listener::incomingConnection(qintptr descriptor)
{
    // Without it every TLS handshake stalls ~40 ms on Nagle + delayed ACK.
    const int one = 1;
    ::setsockopt(int(descriptor), IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    m_handOff(descriptor);
}

} // namespace Parley
