#include "Envelope.h"

#include "protocol/FieldReader.h"
#include "protocol/Limits.h"

namespace Parley {

using namespace Qt::StringLiterals;

QCborMap Envelope::toCbor() const
{
    QCborMap map{{"conv"_L1, conversationId}, {"seq"_L1, seq},
                 {"sender"_L1, senderUserId}, {"device"_L1, senderDeviceId},
                 {"clientId"_L1, clientId},   {"ts"_L1, serverTime},
                 {"kind"_L1, int(kind)},      {"body"_L1, body}};
    if (expiresAt > 0) // version 4; absent means it never expires
        map.insert("expires"_L1, expiresAt);
    return map;
}

Result<Envelope> Envelope::fromCbor(const QCborMap &map)
{
    Envelope e;
    int kind = 0;
    FieldReader r(map);
    r.id("conv"_L1, e.conversationId)
            .id("seq"_L1, e.seq)
            .id("sender"_L1, e.senderUserId)
            .id("device"_L1, e.senderDeviceId)
            .bytes("clientId"_L1, e.clientId, ClientIdBytes)
            .id("ts"_L1, e.serverTime)
            .integer("kind"_L1, kind, 0, 1)
            .bytes("body"_L1, e.body, MaxBodyBytes, ErrorCode::BodyTooLarge)
            .optional()
            .id("expires"_L1, e.expiresAt);
    e.kind = MessageKind(kind);
    return r.finish(e);
}

} // namespace Parley
