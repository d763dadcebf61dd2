// Client: privacy: whom the user blocks (BlockList), reports (AbuseReporter), and the choice
// for "last seen" (LastSeenPrivacy).
#include "Client.h"

#include "account/Account.h"
#include "contacts/BlockList.h"
#include "contacts/LastSeenPrivacy.h"
#include "models/ConversationListModel.h"

namespace Parley {

using namespace Qt::StringLiterals;

QVariantList Client::blockedUsers() const
{
    QVariantList users;
    if (!m_account->isLoggedIn())
        return users;
    const QList<qint64> ids = m_blockList->users();
    for (qint64 id : ids)
        users.append(id);
    return users;
}

QVariantList Client::blockedPeople() const
{
    QVariantList people;
    if (!m_account->isLoggedIn())
        return people;
    const QList<qint64> ids = m_blockList->users();
    for (qint64 id : ids) {
        people.append(
                QVariantMap{{u"userId"_s, id}, {u"username"_s, m_conversations->usernameOf(id)}});
    }
    std::sort(people.begin(), people.end(), [](const QVariant &a, const QVariant &b) {
        return a.toMap().value(u"username"_s).toString()
                < b.toMap().value(u"username"_s).toString();
    });
    return people;
}

bool Client::isBlocked(qint64 userId) const
{
    return m_account->isLoggedIn() && m_blockList->isBlocked(userId);
}

void Client::blockUser(qint64 userId)
{
    m_blockList->block(userId).then(this, [this](const Status &status) {
        if (!status)
            setError(status.error());
    });
}

void Client::reportUser(qint64 userId, AbuseReporter::Reason reason, const QString &comment)
{
    m_reporter->report(userId, 0, {}, reason, comment);
}

void Client::unblockUser(qint64 userId)
{
    m_blockList->unblock(userId).then(this, [this](const Status &status) {
        if (!status)
            setError(status.error());
    });
}

bool Client::showLastSeen() const
{
    return m_lastSeenPrivacy->showsLastSeen();
}

void Client::setShowLastSeen(bool shows)
{
    m_lastSeenPrivacy->setShowsLastSeen(shows);
}

bool Client::canChangeShowLastSeen() const
{
    return m_account->isLoggedIn() && m_lastSeenPrivacy->canChange();
}

} // namespace Parley
