#include "PhaseStats.h"

#include <algorithm>

namespace Parley::Bench {

using namespace Qt::StringLiterals;

namespace {
qint64 earliest(qint64 a, qint64 b)
{
    if (a == 0)
        return b;
    if (b == 0)
        return a;
    return std::min(a, b);
}
} // namespace

void PhaseStats::merge(const PhaseStats &other)
{
    sent += other.sent;
    acked += other.acked;
    rejected += other.rejected;
    received += other.received;
    duplicates += other.duplicates;
    firstSendNs = earliest(firstSendNs, other.firstSendNs);
    lastAckNs = std::max(lastAckNs, other.lastAckNs);
    lastReceiveNs = std::max(lastReceiveNs, other.lastReceiveNs);
    ackLatency.merge(other.ackLatency);
    receiveLatency.merge(other.receiveLatency);
}

QJsonObject PhaseStats::toJson() const
{
    return {{u"sent"_s, sent},
            {u"acked"_s, acked},
            {u"rejected"_s, rejected},
            {u"received"_s, received},
            {u"duplicates"_s, duplicates},
            {u"firstSendNs"_s, firstSendNs},
            {u"lastAckNs"_s, lastAckNs},
            {u"lastReceiveNs"_s, lastReceiveNs},
            {u"ackHist"_s, ackLatency.toJson()},
            {u"receiveHist"_s, receiveLatency.toJson()}};
}

PhaseStats PhaseStats::fromJson(const QJsonObject &json)
{
    PhaseStats s;
    s.sent = json.value(u"sent"_s).toInteger();
    s.acked = json.value(u"acked"_s).toInteger();
    s.rejected = json.value(u"rejected"_s).toInteger();
    s.received = json.value(u"received"_s).toInteger();
    s.duplicates = json.value(u"duplicates"_s).toInteger();
    s.firstSendNs = json.value(u"firstSendNs"_s).toInteger();
    s.lastAckNs = json.value(u"lastAckNs"_s).toInteger();
    s.lastReceiveNs = json.value(u"lastReceiveNs"_s).toInteger();
    s.ackLatency = LatencyHistogram::fromJson(json.value(u"ackHist"_s).toArray());
    s.receiveLatency = LatencyHistogram::fromJson(json.value(u"receiveHist"_s).toArray());
    return s;
}

} // namespace Parley::Bench
