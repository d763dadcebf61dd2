#include "Metrics.h"

namespace Parley {

namespace {

void add(QByteArray &out, const char *name, const char *type, const char *help, quint64 value)
{
    out.append("# HELP ").append(name).append(' ').append(help).append('\n');
    out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    out.append(name).append(' ').append(QByteArray::number(value)).append('\n');
}

} // namespace

QByteArray Metrics::render(int connections, int handshakesInFlight) const
{
    QByteArray out;
    add(out, "parley_connections", "gauge", "WebSocket connections open.", quint64(connections));
    add(out, "parley_tls_handshakes_in_flight", "gauge", "TLS handshakes not finished yet.",
        quint64(handshakesInFlight));
    add(out, "parley_connections_accepted_total", "counter", "TCP connections accepted.",
        connectionsAccepted.loadRelaxed());
    add(out, "parley_frames_received_total", "counter",
        "Frames passed from sessions to the router.", framesReceived.loadRelaxed());
    add(out, "parley_messages_stored_total", "counter",
        "Log entries stored by send (retries not counted).", messagesStored.loadRelaxed());
    return out;
}

} // namespace Parley
