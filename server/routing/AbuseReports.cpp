#include "AbuseReports.h"

#include "Logging.h"
#include "admin/ServerConfig.h"
#include "store/Store.h"

#include <QtCore/QDateTime>

namespace Parley {

using namespace Qt::StringLiterals;

void AbuseReports::report(const Request &r, const ReportFrame &f)
{
    if (f.userId == r.userId) {
        m_ctx.fail(r, ErrorCode::InvalidArgument, u"you cannot report yourself"_s);
        return;
    }
    if (f.conversationId > 0) {
        const Conversation *c = m_ctx.directory.find(f.conversationId);
        if (!c) {
            m_ctx.fail(r, ErrorCode::NoSuchConversation, u"no such conversation"_s);
            return;
        }
        // Only what a member could read may be reported from a conversation.
        if (!c->member(r.userId)) {
            m_ctx.fail(r, ErrorCode::NotMember, u"you are not a member of this conversation"_s);
            return;
        }
    }
    NewReport report{r.userId, f.userId, f.conversationId, f.reason, f.comment, f.messages};
    m_ctx.store.run<qint64>(
            m_ctx.thread,
            [report = std::move(report), now = QDateTime::currentMSecsSinceEpoch(),
             perHour = m_ctx.config.reportsPerHour](Database &db) {
                return db.reports().create(report, now, perHour);
            },
            [this, r, reported = f.userId, disclosed = f.messages.size()](Result<qint64> id) {
                if (!id) {
                    m_ctx.fail(r, id.error());
                    return;
                }
                // Ids and counts only: the disclosed text stays in the database.
                qCInfo(lcServerRouting) << "report" << *id << "by user" << r.userId << "about user"
                                        << reported << "with" << disclosed << "messages";
                if (m_ctx.metrics)
                    m_ctx.metrics->reportsStored.ref();
                m_ctx.reply(r, ReportedFrame{*id});
            });
}

} // namespace Parley
