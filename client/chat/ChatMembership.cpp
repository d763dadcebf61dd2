// Chat: a group's members and settings, leaving, and reports about the conversation.
#include "Chat.h"

#include "contacts/UserLookup.h"
#include "content/SystemText.h"
#include "protocol/Frames.h"
#include "protocol/Limits.h"

namespace Parley {

using namespace Qt::StringLiterals;

void Chat::addMember(const QString &username)
{
    lookUpUser(m_parts.connection, username).then(this, [this](const Result<qint64> &userId) {
        if (!userId) {
            Q_EMIT errorOccurred(userId.error());
            return;
        }
        const AddMemberFrame frame{m_conversationId, *userId};
        request(AddMemberFrame::Type, frame.toCbor());
    });
}

void Chat::removeMember(qint64 userId)
{
    const RemoveMemberFrame frame{m_conversationId, userId};
    request(RemoveMemberFrame::Type, frame.toCbor());
}

void Chat::setRole(qint64 userId, States::MemberRole role)
{
    if (role == States::MemberRole::Owner) {
        Q_EMIT errorOccurred(
                Error{ErrorCode::InvalidArgument, tr("A role is \"member\" or \"admin\".")});
        return;
    }
    const SetRoleFrame frame{m_conversationId, userId, States::protocolRole(role)};
    request(SetRoleFrame::Type, frame.toCbor());
}

void Chat::rename(const QString &title)
{
    const RenameFrame frame{m_conversationId, title.trimmed()};
    request(RenameFrame::Type, frame.toCbor());
}

QString Chat::timerText() const
{
    return Parley::timerText(m_timerSeconds);
}

QVariantList Chat::timerOptions() const
{
    QVariantList options;
    for (qint64 seconds : DisappearingTimers) {
        QVariantMap option;
        option.insert(QStringLiteral("seconds"), seconds);
        option.insert(QStringLiteral("text"), Parley::timerText(seconds));
        options.append(option);
    }
    return options;
}

void Chat::setTimer(qint64 seconds)
{
    const SetTimerFrame frame{m_conversationId, seconds};
    request(SetTimerFrame::Type, frame.toCbor());
}

void Chat::leave()
{
    const LeaveFrame frame{m_conversationId};
    request(LeaveFrame::Type, frame.toCbor());
}

void Chat::report(const QVariantList &seqs, AbuseReporter::Reason reason, const QString &comment)
{
    QList<qint64> numbers;
    for (const QVariant &seq : seqs) {
        bool ok = false;
        const qint64 n = seq.toLongLong(&ok);
        if (ok && n > 0 && !numbers.contains(n))
            numbers.append(n);
    }
    if (numbers.isEmpty())
        return;
    m_parts.reporter->report(0, m_conversationId, numbers, reason, comment);
}

void Chat::reportMember(qint64 userId, AbuseReporter::Reason reason, const QString &comment)
{
    m_parts.reporter->report(userId, m_conversationId, {}, reason, comment);
}

} // namespace Parley
