// The admin subcommands for moderation: `parleyd report list|show|resolve`. A report holds the
// plaintext its reporter chose to disclose (docs/security.md, "Abuse reports"): shown here to
// the admin, never logged.
#include "AdminVerb.h"
#include "CommandLine.h"
#include "Logging.h"
#include "store/Database.h"

#include <QtCore/QDateTime>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonObject>

#include <pwd.h>
#include <unistd.h>

namespace Parley {

using namespace Qt::StringLiterals;

namespace {

/// Who runs the command: the account behind sudo, else the process's own.
QString adminName()
{
    const QString sudo = qEnvironmentVariable("SUDO_USER");
    if (!sudo.isEmpty())
        return sudo;
    if (const passwd *pw = ::getpwuid(::geteuid()))
        return QString::fromLocal8Bit(pw->pw_name);
    return u"uid %1"_s.arg(::geteuid());
}

QString stateText(const ReportRecord &r)
{
    return r.resolvedAt > 0 ? u"resolved"_s : u"open"_s;
}

QJsonValue conversationJson(qint64 id)
{
    return id > 0 ? QJsonValue(id) : QJsonValue::Null;
}

QJsonObject reportJson(const ReportRecord &r)
{
    QJsonObject json{
            {u"id"_s, r.id},
            {u"state"_s, stateText(r)},
            {u"reason"_s, QString(reportReasonName(r.reason))},
            {u"reported"_s,
             QJsonObject{{u"userId"_s, r.reportedUserId},
                         {u"username"_s, r.reportedName},
                         {u"state"_s, r.reportedDisabled ? u"disabled"_s : u"active"_s}}},
            {u"reporter"_s,
             QJsonObject{{u"userId"_s, r.reporterUserId}, {u"username"_s, r.reporterName}}},
            {u"conversationId"_s, conversationJson(r.conversationId)},
            {u"comment"_s, r.comment},
            {u"messageCount"_s, r.messageCount},
            {u"createdAt"_s, adminTimeJson(r.createdAt)},
            {u"resolvedAt"_s, adminTimeJson(r.resolvedAt)},
    };
    if (r.resolvedAt > 0) {
        json.insert(u"resolvedBy"_s, r.resolvedBy);
        json.insert(u"note"_s, r.resolutionNote);
    }
    return json;
}

Result<qint64> reportId(const AdminContext &c)
{
    bool ok = false;
    const qint64 id = c.arguments.at(0).toLongLong(&ok);
    if (!ok || id <= 0)
        return Error{ErrorCode::InvalidArgument, u"a report id is a number"_s};
    return id;
}

Result<AdminReply> reportList(AdminContext &c)
{
    auto db = c.database();
    if (!db)
        return db.error();
    auto reports = (*db)->reports().list(!c.invocation.allReports);
    if (!reports)
        return reports.error();
    AdminReply reply;
    QJsonArray list;
    for (const ReportRecord &r : std::as_const(*reports)) {
        reply.text += u"%1\t%2\t%3\t%4 reported by %5\t%6\t%7 messages\t%8\n"_s.arg(r.id)
                              .arg(stateText(r), reportReasonName(r.reason), r.reportedName,
                                   r.reporterName,
                                   r.conversationId > 0 ? u"conversation %1"_s.arg(r.conversationId)
                                                        : u"no conversation"_s)
                              .arg(r.messageCount)
                              .arg(adminTimeText(r.createdAt));
        list.append(reportJson(r));
    }
    if (reports->isEmpty() && !c.invocation.allReports)
        reply.text = u"no open reports"_s;
    reply.json = list;
    return reply;
}

Result<AdminReply> reportShow(AdminContext &c)
{
    const auto id = reportId(c);
    if (!id)
        return id.error();
    auto db = c.database();
    if (!db)
        return db.error();
    auto r = (*db)->reports().report(*id);
    if (!r)
        return r.error();

    QString text = u"report %1 (%2), filed %3\n"_s.arg(r->id).arg(stateText(*r),
                                                                  adminTimeText(r->createdAt));
    text += u"reported: %1 (user %2)%3\n"_s.arg(r->reportedName)
                    .arg(r->reportedUserId)
                    .arg(r->reportedDisabled ? u", disabled"_s : QString());
    text += u"reporter: %1 (user %2)\n"_s.arg(r->reporterName).arg(r->reporterUserId);
    text += r->conversationId > 0 ? u"conversation: %1\n"_s.arg(r->conversationId)
                                  : u"conversation: none\n"_s;
    text += u"reason: %1\n"_s.arg(reportReasonName(r->reason));
    text += u"comment: %1\n"_s.arg(r->comment.isEmpty() ? u"-"_s : r->comment);
    QJsonArray messages;
    if (r->messages.isEmpty()) {
        text += u"messages: none disclosed\n"_s;
    } else {
        text += u"messages, as the reporter's device disclosed them (seq and sender checked "
                "against the log; the text cannot be):\n"_s;
    }
    for (const ReportMessageRecord &m : std::as_const(r->messages)) {
        text += u"  seq %1\t%2 (user %3)\t%4\n    %5\n"_s.arg(m.seq)
                        .arg(m.senderName)
                        .arg(m.senderUserId)
                        .arg(adminTimeText(m.sentAt), QString(m.text).replace(u'\n', u"\n    "_s));
        messages.append(QJsonObject{{u"seq"_s, m.seq},
                                    {u"senderUserId"_s, m.senderUserId},
                                    {u"senderUsername"_s, m.senderName},
                                    {u"sentAt"_s, adminTimeJson(m.sentAt)},
                                    {u"text"_s, m.text}});
    }
    if (r->resolvedAt > 0)
        text += u"resolved %1 by %2: %3\n"_s.arg(adminTimeText(r->resolvedAt), r->resolvedBy,
                                                 r->resolutionNote);
    QJsonObject json = reportJson(*r);
    json.insert(u"messages"_s, messages);
    return AdminReply{text, json};
}

Result<AdminReply> reportResolve(AdminContext &c)
{
    const auto id = reportId(c);
    if (!id)
        return id.error();
    const QString note = c.invocation.note.value_or(QString()).trimmed();
    if (note.isEmpty())
        return Error{ErrorCode::InvalidArgument,
                     u"say what was decided: report resolve ID --note TEXT"_s};
    auto db = c.database();
    if (!db)
        return db.error();
    auto r = (*db)->reports().report(*id);
    if (!r)
        return r.error();
    if (r->resolvedAt > 0)
        return Error{ErrorCode::NotAllowed, u"report %1 is resolved already"_s.arg(*id)};
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    // First the account, as `user disable` does it: its devices are revoked, and the running
    // server closes their sessions within seconds. A failure leaves the report open.
    if (c.invocation.disableUser && !r->reportedDisabled) {
        if (Status s = (*db)->accounts().setUserDisabled(r->reportedUserId, true, now); !s)
            return s.error();
        qCInfo(lcServerAdmin) << "user" << r->reportedUserId << "disabled by report" << *id;
    }
    const QString by = adminName();
    if (Status s = (*db)->reports().resolve(*id, by, note, now); !s)
        return s.error();
    qCInfo(lcServerAdmin) << "report" << *id << "resolved";
    auto resolved = (*db)->reports().report(*id);
    if (!resolved)
        return resolved.error();
    QString text = u"report %1 resolved"_s.arg(*id);
    if (c.invocation.disableUser)
        text += u"; user %1 disabled and its devices revoked"_s.arg(resolved->reportedName);
    return AdminReply{text, reportJson(*resolved)};
}

} // namespace

QList<AdminVerb> reportVerbs()
{
    return {
            {{u"report"_s, u"list"_s},
             QString(),
             u"abuse reports, newest first: open ones (--all: resolved too)"_s,
             reportList},
            {{u"report"_s, u"show"_s},
             u"ID"_s,
             u"one report: who, where, why, and the messages disclosed"_s,
             reportShow},
            {{u"report"_s, u"resolve"_s},
             u"ID"_s,
             u"close a report with --note TEXT (--disable-user: disable the reported account)"_s,
             reportResolve},
    };
}

} // namespace Parley
