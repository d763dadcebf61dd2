#include "Report.h"

#include "protocol/FieldReader.h"
#include "protocol/Limits.h"

#include <utility>

namespace Parley {

using namespace Qt::StringLiterals;

namespace {

constexpr std::pair<ReportReason, QLatin1StringView> ReasonNames[] = {
        {ReportReason::Spam, "spam"_L1},
        {ReportReason::Harassment, "harassment"_L1},
        {ReportReason::Illegal, "illegal"_L1},
        {ReportReason::Other, "other"_L1},
};

} // namespace

QLatin1StringView reportReasonName(ReportReason reason)
{
    for (const auto &[r, name] : ReasonNames) {
        if (r == reason)
            return name;
    }
    return "other"_L1;
}

std::optional<ReportReason> reportReasonFromName(QStringView name)
{
    for (const auto &[r, n] : ReasonNames) {
        if (n == name)
            return r;
    }
    return std::nullopt;
}

QCborMap ReportedMessage::toCbor() const
{
    return {{"seq"_L1, seq}, {"sender"_L1, senderUserId}, {"text"_L1, text}};
}

Result<ReportedMessage> ReportedMessage::fromCbor(const QCborMap &map)
{
    ReportedMessage m;
    FieldReader r(map);
    r.id("seq"_L1, m.seq)
            .id("sender"_L1, m.senderUserId)
            .text("text"_L1, m.text, MaxReportTextChars);
    if (!r.hasFailed() && m.seq == 0)
        r.fail(ErrorCode::InvalidField, u"seq starts at 1"_s);
    return r.finish(m);
}

} // namespace Parley
