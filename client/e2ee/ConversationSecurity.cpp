#include "ConversationSecurity.h"

namespace Parley {

ConversationSecurity::ConversationSecurity(qint64 conversationId, QObject *parent)
    : QObject(parent),
      m_conversationId(conversationId)
{
}

QString ConversationSecurity::keyChangeWarning() const
{
    if (m_usernames.isEmpty())
        return {};
    if (m_usernames.size() == 1)
        return tr("The safety number with %1 has changed: %1 may have reinstalled Parley, or "
                  "someone may be trying to listen in. Compare safety numbers, then acknowledge "
                  "the change; until then your messages here wait.")
                .arg(m_usernames.first());
    return tr("The safety numbers with %1 have changed. Compare safety numbers, then "
              "acknowledge the changes; until then your messages here wait.")
            .arg(m_usernames.join(QStringLiteral(", ")));
}

QVariantList ConversationSecurity::changedUserIds() const
{
    QVariantList ids;
    for (qint64 id : m_userIds)
        ids.append(id);
    return ids;
}

QVariantList ConversationSecurity::verifiedUserIds() const
{
    QVariantList ids;
    for (qint64 id : m_verified)
        ids.append(id);
    return ids;
}

void ConversationSecurity::setVerifiedMembers(const QList<qint64> &userIds, bool allOthers)
{
    if (userIds == m_verified && allOthers == m_othersVerified)
        return;
    m_verified = userIds;
    m_othersVerified = allOthers;
    Q_EMIT verifiedChanged();
}

void ConversationSecurity::setChangedMembers(const QList<qint64> &userIds,
                                             const QStringList &usernames)
{
    if (userIds == m_userIds && usernames == m_usernames)
        return;
    m_userIds = userIds;
    m_usernames = usernames;
    Q_EMIT changed();
}

} // namespace Parley
