#include "Metrics.h"

namespace Parley {

namespace {

void header(QByteArray &out, const char *name, const char *type, const char *help)
{
    out.append("# HELP ").append(name).append(' ').append(help).append('\n');
    out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
}

void add(QByteArray &out, const char *name, const char *type, const char *help, quint64 value)
{
    header(out, name, type, help);
    out.append(name).append(' ').append(QByteArray::number(value)).append('\n');
}

void addByType(QByteArray &out, const char *name, const char *help,
               const Metrics::FrameCounters &counters)
{
    header(out, name, "counter", help);
    for (std::size_t i = 1; i < counters.size(); ++i) {
        const quint64 n = counters[i].loadRelaxed();
        if (n == 0)
            continue; // a type never seen: Prometheus treats a missing series as 0
        out.append(name).append("{type=\"").append(frameTypeName(FrameType(i)).data());
        out.append("\"} ").append(QByteArray::number(n)).append('\n');
    }
}

} // namespace

QByteArray Metrics::render(const MetricGauges &g) const
{
    QByteArray out;
    header(out, "parley_connections", "gauge", "Connections by state.");
    out += "parley_connections{state=\"handshake\"} " + QByteArray::number(g.handshakesInFlight)
            + "\nparley_connections{state=\"open\"} "
            + QByteArray::number(g.connectionsOpen - g.sessionsAuthenticated)
            + "\nparley_connections{state=\"authenticated\"} "
            + QByteArray::number(g.sessionsAuthenticated) + '\n';
    add(out, "parley_up", "gauge", "1 while /healthz answers 200.", g.healthy ? 1 : 0);
    add(out, "parley_cluster_degraded", "gauge",
        "1 while this cluster node cannot reach Redis (always 0 on a single node).",
        quint64(clusterDegraded.loadRelaxed()));
    add(out, "parley_connections_accepted_total", "counter", "TCP connections accepted.",
        connectionsAccepted.loadRelaxed());
    add(out, "parley_handshakes_failed_total", "counter",
        "TLS or WebSocket handshakes that failed or timed out.", handshakesFailed.loadRelaxed());
    addByType(out, "parley_frames_received_total", "Frames passed from sessions to the router.",
              framesIn);
    addByType(out, "parley_frames_sent_total",
              "Replies and pushes the router sent (a push to many counts once).", framesOut);
    add(out, "parley_messages_stored_total", "counter",
        "Log entries stored by send (retries not counted).", messagesStored.loadRelaxed());
    add(out, "parley_reports_total", "counter",
        "Abuse reports users filed (parleyd report list shows the open ones).",
        reportsStored.loadRelaxed());
    add(out, "parley_rate_limited_total", "counter",
        "Frames and uploads refused with rate_limited.", rateLimited.loadRelaxed());
    add(out, "parley_size_limited_total", "counter",
        "Frames, bodies and uploads refused as too large or too many.", sizeLimited.loadRelaxed());
    add(out, "parley_attachment_bytes_received_total", "counter",
        "Attachment bytes uploaded and stored.", attachmentBytesIn.loadRelaxed());
    add(out, "parley_attachment_bytes_sent_total", "counter", "Attachment bytes downloaded.",
        attachmentBytesOut.loadRelaxed());
    add(out, "parley_store_queue_depth", "gauge",
        "Store jobs waiting for the database (the fan-out waits behind them).",
        quint64(std::max(0, g.storeQueueDepth)));
    sendToAckSeconds.render(out, "parley_send_ack_seconds",
                            "From a send frame's arrival to its acknowledgement.");
    storeCommitSeconds.render(out, "parley_store_commit_seconds",
                              "One shared transaction of batched appends, begin to commit.");
    storeBatchSize.render(out, "parley_store_batch_size", "Jobs committed in one transaction.");
    return out;
}

} // namespace Parley
