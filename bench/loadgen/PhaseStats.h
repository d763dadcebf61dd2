#pragma once

/// What one measurement phase counted, per thread, per worker and in total.

#include "LatencyHistogram.h"

#include <QtCore/QJsonObject>

namespace Parley::Bench {

struct PhaseStats
{
    qint64 sent = 0;
    qint64 acked = 0;
    qint64 rejected = 0;
    qint64 received = 0; ///< first arrivals of a message at a device
    qint64 duplicates = 0; ///< further arrivals of a message already received by that device
    qint64 firstSendNs = 0;
    qint64 lastAckNs = 0;
    qint64 lastReceiveNs = 0;
    LatencyHistogram ackLatency; ///< intended send → server ack, µs
    LatencyHistogram receiveLatency; ///< intended send → arrival at a receiving device, µs

    void merge(const PhaseStats &other);
    QJsonObject toJson() const;
    static PhaseStats fromJson(const QJsonObject &json);
};

} // namespace Parley::Bench
