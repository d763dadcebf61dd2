#pragma once

/// What GET /metrics (on the admin listener) reports, in the Prometheus text format: counters
/// and histograms updated from any thread, and the gauges passed in when rendering.

#include "Histogram.h"
#include "protocol/ErrorCode.h"
#include "protocol/FrameType.h"

#include <QtCore/QAtomicInteger>
#include <QtCore/QByteArray>

#include <array>

namespace Parley {

/// Values read at scrape time from the parts that own them.
struct MetricGauges
{
    int connectionsOpen = 0; ///< WebSocket sessions
    int handshakesInFlight = 0; ///< TLS and WebSocket handshakes not finished
    int storeQueueDepth = 0; ///< store jobs posted and not run yet
    int sessionsAuthenticated = 0; ///< sessions with a logged-in device
    bool healthy = true;
};

struct Metrics
{
    using FrameCounters = std::array<QAtomicInteger<quint64>, std::size_t(LastFrameType) + 1>;

    /// 1 while a cluster node cannot reach Redis (GET /healthz answers 503 "redis: unreachable").
    QAtomicInt clusterDegraded = 0;

    QAtomicInteger<quint64> connectionsAccepted = 0;
    QAtomicInteger<quint64> handshakesFailed = 0; ///< TLS or WebSocket handshake refused or late
    QAtomicInteger<quint64> messagesStored = 0;
    QAtomicInteger<quint64> reportsStored = 0; ///< abuse reports filed by users
    FrameCounters framesIn{}; ///< by type, passed from sessions to the router
    FrameCounters framesOut{}; ///< by type, replies and pushes (a push counts once)
    QAtomicInteger<quint64> rateLimited = 0; ///< frames and uploads refused as too frequent
    QAtomicInteger<quint64> sizeLimited = 0; ///< frames, bodies, uploads refused as too large
    QAtomicInteger<quint64> attachmentBytesIn = 0; ///< upload chunk bytes stored
    QAtomicInteger<quint64> attachmentBytesOut = 0; ///< download chunk bytes sent
    /// From a send frame's arrival at the router to its `sent` (after the commit).
    Histogram sendToAckSeconds{0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                               0.1,    0.25,  0.5,    1,     2.5,  5};
    /// One shared transaction of batched appends: begin to commit.
    Histogram storeCommitSeconds{0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                 0.1,    0.25,  0.5,    1,     2.5,  5};
    /// Jobs (mostly appends) per shared transaction.
    Histogram storeBatchSize{1, 2, 4, 8, 16, 32, 64, 128, 256, 512};

    void frameIn(FrameType type) { framesIn[std::size_t(type)].ref(); }
    void frameOut(FrameType type) { framesOut[std::size_t(type)].ref(); }
    /// Counts a refusal with `code` as rate- or size-limited (other codes are not limits).
    void refused(ErrorCode code)
    {
        switch (code) {
        case ErrorCode::RateLimited:
        case ErrorCode::SlowDown:
            rateLimited.ref();
            break;
        case ErrorCode::FrameTooLarge:
        case ErrorCode::LimitExceeded:
        case ErrorCode::BodyTooLarge:
        case ErrorCode::TooManyItems:
        case ErrorCode::AttachmentTooLarge:
        case ErrorCode::UploadQuotaExceeded:
            sizeLimited.ref();
            break;
        default:
            break;
        }
    }

    /// The exposition text.
    QByteArray render(const MetricGauges &gauges) const;
};

} // namespace Parley
