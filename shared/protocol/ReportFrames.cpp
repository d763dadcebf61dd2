// The abuse report frames of Frames.h (docs/protocol.md, section 6.8).
#include "FieldReader.h"
#include "Frames.h"
#include "Limits.h"

#include <QtCore/QCborArray>

namespace Parley {

using namespace Qt::StringLiterals;

QCborMap ReportFrame::toCbor() const
{
    QCborMap map{{"user"_L1, userId}, {"reason"_L1, reportReasonName(reason)}};
    if (conversationId > 0)
        map.insert("conv"_L1, conversationId);
    if (!comment.isEmpty())
        map.insert("comment"_L1, comment);
    if (!messages.isEmpty()) {
        QCborArray list;
        for (const ReportedMessage &m : messages)
            list.append(m.toCbor());
        map.insert("messages"_L1, list);
    }
    return map;
}

Result<ReportFrame> ReportFrame::fromCbor(const QCborMap &map)
{
    ReportFrame f;
    QString reason;
    FieldReader r(map);
    r.id("user"_L1, f.userId)
            .optional()
            .id("conv"_L1, f.conversationId)
            .text("reason"_L1, reason, 16)
            .optional()
            .text("comment"_L1, f.comment, MaxReportCommentChars)
            .optional()
            .list("messages"_L1, f.messages, MaxReportMessages);
    if (r.hasFailed())
        return r.error();
    if (const auto known = reportReasonFromName(reason))
        f.reason = *known;
    else
        r.fail(ErrorCode::InvalidField,
               u"reason is one of \"spam\", \"harassment\", \"illegal\", \"other\""_s);
    if (!r.hasFailed() && f.userId == 0)
        r.fail(ErrorCode::InvalidField, u"user is missing"_s);
    for (qsizetype i = 1; !r.hasFailed() && i < f.messages.size(); ++i) {
        for (qsizetype j = 0; j < i; ++j) {
            if (f.messages.at(i).seq == f.messages.at(j).seq) {
                r.fail(ErrorCode::InvalidField,
                       u"messages: seq %1 is listed twice"_s.arg(f.messages.at(i).seq));
                break;
            }
        }
    }
    if (!r.hasFailed() && !f.messages.isEmpty() && f.conversationId == 0)
        r.fail(ErrorCode::InvalidArgument, u"disclosed messages need their conversation"_s);
    return r.finish(f);
}

QCborMap ReportedFrame::toCbor() const
{
    return {{"report"_L1, reportId}};
}

Result<ReportedFrame> ReportedFrame::fromCbor(const QCborMap &map)
{
    ReportedFrame f;
    FieldReader r(map);
    r.id("report"_L1, f.reportId);
    return r.finish(f);
}

} // namespace Parley
