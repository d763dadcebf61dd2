#include "ReportQueries.h"

#include "Database.h"
#include "SqlValues.h"
#include "model/Envelope.h"

#include <QtSql/QSqlQuery>

namespace Parley {

using namespace Qt::StringLiterals;
using SqlValues::text;

namespace {

constexpr qint64 HourMs = 3600 * 1000;

// The columns reportFrom() reads, in its order.
#define REPORT_COLUMNS                                                                    \
  "r.id, r.reporter_user_id, ru.username, r.reported_user_id, tu.username, tu.disabled, " \
  "r.conversation_id, r.reason, r.comment, r.created_at, r.resolved_at, r.resolved_by, "  \
  "r.resolution_note, (SELECT COUNT(*) FROM report_messages m WHERE m.report_id = r.id) " \
  "FROM reports r JOIN users ru ON ru.id = r.reporter_user_id "                           \
  "JOIN users tu ON tu.id = r.reported_user_id "

ReportRecord reportFrom(const QSqlQuery &q)
{
    ReportRecord r;
    r.id = q.value(0).toLongLong();
    r.reporterUserId = q.value(1).toLongLong();
    r.reporterName = q.value(2).toString();
    r.reportedUserId = q.value(3).toLongLong();
    r.reportedName = q.value(4).toString();
    r.reportedDisabled = q.value(5).toInt() != 0;
    r.conversationId = q.value(6).toLongLong();
    r.reason = reportReasonFromName(q.value(7).toString()).value_or(ReportReason::Other);
    r.comment = q.value(8).toString();
    r.createdAt = q.value(9).toLongLong();
    r.resolvedAt = q.value(10).toLongLong();
    r.resolvedBy = q.value(11).toString();
    r.resolutionNote = q.value(12).toString();
    r.messageCount = q.value(13).toInt();
    return r;
}

} // namespace

Status ReportQueries::checkMessages(const NewReport &report)
{
    // The log holds ciphertext only: what can be checked is that the entry exists, is a
    // message (not a membership entry) and was sent by the sender the reporter names.
    for (const ReportedMessage &m : report.messages) {
        QSqlQuery &q = m_db.prepared("SELECT sender_user_id, kind FROM messages "
                                     "WHERE conversation_id = ? AND seq = ?");
        q.bindValue(0, report.conversationId);
        q.bindValue(1, m.seq);
        if (!m_db.exec(q, "reported message lookup"))
            return m_db.storageError("look up the reported message");
        const bool found = q.next();
        const bool matches = found && q.value(0).toLongLong() == m.senderUserId
                && q.value(1).toInt() == int(MessageKind::Content);
        q.finish();
        if (!matches)
            return Error{ErrorCode::NoSuchMessage,
                         u"seq %1 is no message of user %2 in this conversation"_s.arg(m.seq).arg(
                                 m.senderUserId)};
    }
    return {};
}

Result<qint64> ReportQueries::create(const NewReport &report, qint64 now, int perHour)
{
    return m_db.inTransaction<qint64>([&]() -> Result<qint64> {
        QSqlQuery &recent = m_db.prepared(
                "SELECT COUNT(*) FROM reports WHERE reporter_user_id = ? AND created_at > ?");
        recent.bindValue(0, report.reporterUserId);
        recent.bindValue(1, now - HourMs);
        if (!m_db.exec(recent, "recent reports") || !recent.next())
            return m_db.storageError("count the reports");
        const int filed = recent.value(0).toInt();
        recent.finish();
        if (filed >= perHour)
            return Error{ErrorCode::RateLimited,
                         u"you filed %1 reports in the last hour; try again later"_s.arg(filed)};

        QSqlQuery &user = m_db.prepared("SELECT id FROM users WHERE id = ?");
        user.bindValue(0, report.reportedUserId);
        if (!m_db.exec(user, "reported user lookup"))
            return m_db.storageError("look up the reported user");
        const bool known = user.next();
        user.finish();
        if (!known)
            return Error{ErrorCode::NoSuchUser, u"no such user"_s};
        if (Status s = checkMessages(report); !s)
            return s.error();

        QSqlQuery &insert = m_db.prepared(
                "INSERT INTO reports (reporter_user_id, reported_user_id, conversation_id, "
                "reason, comment, created_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id");
        insert.bindValue(0, report.reporterUserId);
        insert.bindValue(1, report.reportedUserId);
        insert.bindValue(2,
                         report.conversationId > 0 ? QVariant(report.conversationId)
                                                   : QVariant(QMetaType::fromType<qint64>()));
        insert.bindValue(3, QString(reportReasonName(report.reason)));
        insert.bindValue(4, text(report.comment));
        insert.bindValue(5, now);
        if (!m_db.exec(insert, "report insert") || !insert.next())
            return m_db.storageError("store the report");
        const qint64 id = insert.value(0).toLongLong();
        insert.finish();

        for (const ReportedMessage &m : report.messages) {
            QSqlQuery &q = m_db.prepared(
                    "INSERT INTO report_messages (report_id, seq, sender_user_id, server_time, "
                    "text) SELECT CAST(? AS BIGINT), seq, sender_user_id, server_time, "
                    "CAST(? AS TEXT) FROM messages "
                    "WHERE conversation_id = ? AND seq = ?");
            q.bindValue(0, id);
            q.bindValue(1, text(m.text));
            q.bindValue(2, report.conversationId);
            q.bindValue(3, m.seq);
            if (!m_db.exec(q, "report message insert"))
                return m_db.storageError("store the report");
        }
        return id;
    });
}

Result<QList<ReportRecord>> ReportQueries::list(bool openOnly)
{
    QSqlQuery &q = openOnly ? m_db.prepared("SELECT " REPORT_COLUMNS
                                            "WHERE r.resolved_at IS NULL ORDER BY r.id DESC")
                            : m_db.prepared("SELECT " REPORT_COLUMNS "ORDER BY r.id DESC");
    if (!m_db.exec(q, "report list"))
        return m_db.storageError("list the reports");
    QList<ReportRecord> reports;
    while (q.next())
        reports.append(reportFrom(q));
    q.finish();
    return reports;
}

Result<ReportRecord> ReportQueries::report(qint64 reportId)
{
    QSqlQuery &q = m_db.prepared("SELECT " REPORT_COLUMNS "WHERE r.id = ?");
    q.bindValue(0, reportId);
    if (!m_db.exec(q, "report lookup"))
        return m_db.storageError("read the report");
    if (!q.next())
        return Error{ErrorCode::InvalidArgument, u"no report %1"_s.arg(reportId)};
    ReportRecord report = reportFrom(q);
    q.finish();

    QSqlQuery &m =
            m_db.prepared("SELECT m.seq, m.sender_user_id, u.username, m.server_time, m.text "
                          "FROM report_messages m LEFT JOIN users u ON u.id = m.sender_user_id "
                          "WHERE m.report_id = ? ORDER BY m.seq");
    m.bindValue(0, reportId);
    if (!m_db.exec(m, "report messages"))
        return m_db.storageError("read the report's messages");
    while (m.next()) {
        report.messages.append(ReportMessageRecord{m.value(0).toLongLong(), m.value(1).toLongLong(),
                                                   m.value(2).toString(), m.value(3).toLongLong(),
                                                   m.value(4).toString()});
    }
    m.finish();
    return report;
}

Status ReportQueries::resolve(qint64 reportId, const QString &resolvedBy, const QString &note,
                              qint64 now)
{
    auto r = m_db.inTransaction<bool>([&]() -> Result<bool> {
        QSqlQuery &q = m_db.prepared("UPDATE reports SET resolved_at = ?, resolved_by = ?, "
                                     "resolution_note = ? WHERE id = ? AND resolved_at IS NULL");
        q.bindValue(0, now);
        q.bindValue(1, text(resolvedBy));
        q.bindValue(2, text(note));
        q.bindValue(3, reportId);
        if (!m_db.exec(q, "report resolve"))
            return m_db.storageError("resolve the report");
        if (q.numRowsAffected() == 1)
            return true;
        QSqlQuery &exists = m_db.prepared("SELECT id FROM reports WHERE id = ?");
        exists.bindValue(0, reportId);
        if (!m_db.exec(exists, "report lookup"))
            return m_db.storageError("read the report");
        const bool known = exists.next();
        exists.finish();
        if (!known)
            return Error{ErrorCode::InvalidArgument, u"no report %1"_s.arg(reportId)};
        return Error{ErrorCode::NotAllowed, u"report %1 is resolved already"_s.arg(reportId)};
    });
    if (!r)
        return r.error();
    return {};
}

} // namespace Parley
