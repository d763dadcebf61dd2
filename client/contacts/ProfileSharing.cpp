#include "ProfileSharing.h"

#include "Profiles.h"
#include "content/MessageContent.h"
#include "models/ConversationListModel.h"
#include "outbox/Outbox.h"
#include "store/MessageStore.h"

#include <QtCore/QDateTime>

namespace Parley {

ProfileSharing::ProfileSharing(MessageStore *store, Outbox *outbox, Profiles *profiles,
                               ConversationListModel *conversations, QObject *parent)
    : QObject(parent),
      m_store(store),
      m_outbox(outbox),
      m_profiles(profiles),
      m_conversations(conversations)
{
    // Direct: the profile is queued before the message that is being queued.
    connect(m_outbox, &Outbox::aboutToQueue, this, &ProfileSharing::beforeQueue,
            Qt::DirectConnection);
    connect(m_conversations, &ConversationListModel::summaryChanged, this,
            &ProfileSharing::onSummaryChanged);
    connect(m_profiles, &Profiles::changed, this, [this](qint64 userId) {
        if (userId == m_selfUserId && m_selfUserId != 0
            && m_profiles->versionOf(userId) > m_own.version)
            m_own = m_profiles->profileOf(userId);
    });
}

void ProfileSharing::start(qint64 selfUserId)
{
    m_selfUserId = selfUserId;
    const quint64 generation = m_generation;
    m_store->profileSentVersions().then(
            this, [this, generation](const QHash<qint64, qint64> &sent) {
                if (generation != m_generation)
                    return;
                for (auto it = sent.cbegin(); it != sent.cend(); ++it)
                    m_sent.insert(it.key(), std::max(it.value(), m_sent.value(it.key())));
            });
}

void ProfileSharing::stop()
{
    ++m_generation;
    m_selfUserId = 0;
    m_own = {};
    m_sent.clear();
    m_members.clear();
}

void ProfileSharing::save(const QString &displayName, const QByteArray &picture)
{
    if (m_selfUserId == 0)
        return;
    const qint64 version = std::max(QDateTime::currentMSecsSinceEpoch(), m_own.version + 1);
    const MessageContent content = MessageContent::profile(displayName, picture, version);
    m_own = {m_selfUserId, content.displayName(), content.picture(), version};
    // Mine at once (Profiles learns it from the cache), then to everyone I talk to.
    m_store->saveProfile(m_own);
    for (const ConversationSummary &s : m_conversations->summaries()) {
        if (s.isMember)
            sendTo(s.conversation.id);
    }
}

void ProfileSharing::beforeQueue(qint64 conversationId, const MessageContent &content)
{
    if (m_selfUserId == 0 || content.type() == MessageContent::Type::Profile)
        return;
    sendTo(conversationId);
}

void ProfileSharing::onSummaryChanged(qint64 conversationId)
{
    const ConversationSummary *summary = m_conversations->summary(conversationId);
    if (!summary)
        return;
    QSet<qint64> members;
    for (const Member &m : summary->conversation.members)
        members.insert(m.userId);
    const auto seen = m_members.constFind(conversationId);
    // Someone who joined has not seen my profile (the cache forgets the sent version too when
    // it stores the log entry that added them).
    if (seen != m_members.cend() && !seen->contains(members))
        m_sent.remove(conversationId);
    m_members.insert(conversationId, members);
}

void ProfileSharing::sendTo(qint64 conversationId)
{
    if (m_own.version <= 0 || m_sent.value(conversationId) >= m_own.version)
        return;
    m_sent.insert(conversationId, m_own.version);
    m_outbox->send(conversationId,
                   MessageContent::profile(m_own.displayName, m_own.picture, m_own.version));
    m_store->setProfileSent(conversationId, m_own.version);
}

} // namespace Parley
