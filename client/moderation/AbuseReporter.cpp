#include "AbuseReporter.h"

#include "Logging.h"
#include "net/Connection.h"
#include "protocol/FrameCodec.h"
#include "protocol/Frames.h"
#include "protocol/Limits.h"
#include "store/MessageStore.h"

namespace Parley {

using namespace Qt::StringLiterals;

namespace {

ReportReason protocolReason(AbuseReporter::Reason reason)
{
    switch (reason) {
    case AbuseReporter::Reason::Spam:
        return ReportReason::Spam;
    case AbuseReporter::Reason::Harassment:
        return ReportReason::Harassment;
    case AbuseReporter::Reason::Illegal:
        return ReportReason::Illegal;
    case AbuseReporter::Reason::Other:
        break;
    }
    return ReportReason::Other;
}

/// What a person reads when a report was not taken.
QString failureText(const Error &error)
{
    switch (error.code) {
    case ErrorCode::RateLimited:
        return AbuseReporter::tr("You sent many reports recently. Try again in an hour.");
    case ErrorCode::NoSuchMessage:
        return AbuseReporter::tr("That message cannot be reported.");
    case ErrorCode::NotMember:
        return AbuseReporter::tr("You are no longer a member of this conversation.");
    case ErrorCode::NoSuchUser:
        return AbuseReporter::tr("That account does not exist.");
    case ErrorCode::InvalidArgument:
        return error.message;
    case ErrorCode::Unavailable:
        return AbuseReporter::tr("No connection to the server. Try again when you are online.");
    default:
        return AbuseReporter::tr("The server did not take the report: %1").arg(error.message);
    }
}

} // namespace

AbuseReporter::AbuseReporter(Connection *connection, MessageStore *store, QObject *parent)
    : QObject(parent),
      m_connection(connection),
      m_store(store)
{
}

void AbuseReporter::reset()
{
    if (m_state != State::Sending)
        setState(State::Idle, {});
}

void AbuseReporter::report(qint64 userId, qint64 conversationId, const QList<qint64> &seqs,
                           Reason reason, const QString &comment)
{
    if (m_state == State::Sending)
        return;
    if (userId <= 0 && seqs.isEmpty()) {
        fail(Error{ErrorCode::InvalidArgument, tr("Choose whom to report.")});
        return;
    }
    if (seqs.size() > MaxReportMessages) {
        fail(Error{ErrorCode::InvalidArgument,
                   tr("A report can include at most %1 messages.").arg(MaxReportMessages)});
        return;
    }
    setState(State::Sending, tr("Sending the report…"));
    const QString trimmed = comment.trimmed().left(MaxReportCommentChars);
    collect(conversationId, seqs, {},
            [this, userId, conversationId, reason,
             trimmed](Result<QList<ReportedMessage>> messages) {
                if (!messages) {
                    fail(messages.error());
                    return;
                }
                const qint64 reported = userId > 0 ? userId : messages->constFirst().senderUserId;
                for (const ReportedMessage &m : std::as_const(*messages)) {
                    if (m.senderUserId != reported) {
                        fail(Error{ErrorCode::InvalidArgument,
                                   tr("Only messages of the person you report can be included.")});
                        return;
                    }
                }
                send(reported, conversationId, reason, trimmed, *messages);
            });
}

void AbuseReporter::collect(qint64 conversationId, QList<qint64> seqs, QList<ReportedMessage> found,
                            std::function<void(Result<QList<ReportedMessage>>)> done)
{
    if (seqs.isEmpty()) {
        done(found);
        return;
    }
    const qint64 seq = seqs.takeFirst();
    m_store->message(conversationId, seq)
            .then(this,
                  [this, conversationId, seq, seqs, found,
                   done](const std::optional<StoredMessage> &m) mutable {
                      const bool readable = m && m->kind == MessageKind::Content && !m->hidden
                              && !m->deleted && !m->undecryptable && !m->pending;
                      if (!readable) {
                          done(Error{ErrorCode::InvalidArgument,
                                     tr("That message cannot be reported.")});
                          return;
                      }
                      // The text as this device shows it (the latest edit), cut to the limit.
                      found.append(
                              ReportedMessage{seq, m->senderId, m->text.left(MaxReportTextChars)});
                      collect(conversationId, std::move(seqs), std::move(found), std::move(done));
                  });
}

void AbuseReporter::send(qint64 userId, qint64 conversationId, Reason reason,
                         const QString &comment, const QList<ReportedMessage> &messages)
{
    if (!m_connection || !m_connection->isReady()) {
        fail(Error{ErrorCode::Unavailable, {}});
        return;
    }
    const ReportFrame frame{userId, conversationId, protocolReason(reason), comment, messages};
    m_connection->request(frame).then(this, [this](const Result<RawFrame> &reply) {
        if (!reply) {
            fail(reply.error());
            return;
        }
        if (reply->type == FrameType::Error) {
            auto e = FrameCodec::read<ErrorFrame>(*reply);
            fail(e ? Error{e->code, e->message} : e.error());
            return;
        }
        auto reported = FrameCodec::read<ReportedFrame>(*reply);
        if (!reported) {
            fail(reported.error());
            return;
        }
        qCInfo(lcClient) << "report" << reported->reportId << "sent";
        setState(State::Sent, tr("Report sent. The admins of this server will look at it."));
        Q_EMIT reportSent(reported->reportId);
    });
}

void AbuseReporter::fail(const Error &error)
{
    qCInfo(lcClient) << "report not sent:" << errorCodeName(error.code);
    setState(State::Failed, failureText(error));
}

void AbuseReporter::setState(State state, const QString &text)
{
    if (state == m_state && text == m_statusText)
        return;
    m_state = state;
    m_statusText = text;
    Q_EMIT stateChanged();
}

} // namespace Parley
