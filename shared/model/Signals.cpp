#include "Signals.h"

#include "protocol/FieldReader.h"

namespace Parley {

using namespace Qt::StringLiterals;

QCborMap Receipt::toCbor() const
{
    return {{"conv"_L1, conversationId},
            {"user"_L1, userId},
            {"device"_L1, deviceId},
            {"kind"_L1, kind == ReceiptKind::Read ? "read"_L1 : "delivered"_L1},
            {"seq"_L1, seq}};
}

Result<Receipt> Receipt::fromCbor(const QCborMap &map)
{
    Receipt r;
    QString kind;
    FieldReader f(map);
    f.id("conv"_L1, r.conversationId)
            .optional()
            .id("user"_L1, r.userId)
            .optional()
            .id("device"_L1, r.deviceId)
            .text("kind"_L1, kind, 16)
            .id("seq"_L1, r.seq);
    if (!f.hasFailed()) {
        if (kind == "read"_L1)
            r.kind = ReceiptKind::Read;
        else if (kind == "delivered"_L1)
            r.kind = ReceiptKind::Delivered;
        else
            f.fail(ErrorCode::InvalidField, u"unknown receipt kind"_s);
    }
    return f.finish(r);
}

QCborMap Typing::toCbor() const
{
    return {{"conv"_L1, conversationId}, {"user"_L1, userId}, {"typing"_L1, typing}};
}

Result<Typing> Typing::fromCbor(const QCborMap &map)
{
    Typing t;
    FieldReader f(map);
    f.id("conv"_L1, t.conversationId)
            .optional()
            .id("user"_L1, t.userId)
            .boolean("typing"_L1, t.typing);
    return f.finish(t);
}

QCborMap Presence::toCbor() const
{
    QCborMap map{{"user"_L1, userId}, {"online"_L1, online}, {"lastSeen"_L1, lastSeen}};
    if (lastSeenHidden)
        map.insert("lastSeenHidden"_L1, true);
    return map;
}

Result<Presence> Presence::fromCbor(const QCborMap &map)
{
    Presence p;
    FieldReader f(map);
    f.id("user"_L1, p.userId)
            .boolean("online"_L1, p.online)
            .optional()
            .id("lastSeen"_L1, p.lastSeen)
            .optional()
            .boolean("lastSeenHidden"_L1, p.lastSeenHidden);
    return f.finish(p);
}

} // namespace Parley
