#pragma once

/// The queries of abuse reports: tables `reports` and `report_messages` (the plaintext the
/// reporter disclosed, kept with the report). Runs on the thread of the Database it belongs to.

#include "model/Report.h"
#include "protocol/Result.h"

#include <QtCore/QList>
#include <QtCore/QString>

class QSqlQuery;

namespace Parley {

class Database;

/// A report as a user filed it (the `report` frame, with the reporter).
struct NewReport
{
    qint64 reporterUserId = 0;
    qint64 reportedUserId = 0;
    qint64 conversationId = 0; ///< 0: none
    ReportReason reason = ReportReason::Other;
    QString comment;
    QList<ReportedMessage> messages;
};

/// One disclosed message as stored: the log's sender and time, the reporter's text.
struct ReportMessageRecord
{
    qint64 seq = 0;
    qint64 senderUserId = 0;
    QString senderName;
    qint64 sentAt = 0; ///< the log entry's server time
    QString text;
};

struct ReportRecord
{
    qint64 id = 0;
    qint64 reporterUserId = 0;
    QString reporterName;
    qint64 reportedUserId = 0;
    QString reportedName;
    bool reportedDisabled = false;
    qint64 conversationId = 0; ///< 0: none
    ReportReason reason = ReportReason::Other;
    QString comment;
    qint64 createdAt = 0;
    qint64 resolvedAt = 0; ///< 0: open
    QString resolvedBy; ///< the system account that ran `parleyd report resolve`
    QString resolutionNote;
    int messageCount = 0;
    QList<ReportMessageRecord> messages; ///< filled by report(id) only, ascending seq
};

class ReportQueries
{
public:
    explicit ReportQueries(Database &db) : m_db(db) { }

    /// Checks and stores a report in one transaction: RateLimited when the reporter filed
    /// `perHour` reports in the hour before `now`; NoSuchUser for an unknown reported user;
    /// NoSuchMessage when a disclosed seq is not a message of that sender in the conversation.
    /// Returns the report's id.
    Result<qint64> create(const NewReport &report, qint64 now, int perHour);
    /// Newest first, without their messages; only unresolved ones if `openOnly`.
    Result<QList<ReportRecord>> list(bool openOnly);
    /// One report with its messages; InvalidArgument if there is none.
    Result<ReportRecord> report(qint64 reportId);
    /// Marks an open report resolved; NotAllowed if it is resolved already.
    Status resolve(qint64 reportId, const QString &resolvedBy, const QString &note, qint64 now);

private:
    Status checkMessages(const NewReport &report);

    Database &m_db;
};

} // namespace Parley
