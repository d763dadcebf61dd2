#include "ConversationDirectory.h"

#include "store/Database.h"

#include <algorithm>

namespace Parley {

namespace {

QPair<qint64, qint64> ordered(qint64 a, qint64 b)
{
    return a < b ? qMakePair(a, b) : qMakePair(b, a);
}

} // namespace

void ConversationDirectory::load(const Snapshot &snapshot)
{
    m_conversations.clear();
    m_byUser.clear();
    m_direct.clear();
    m_blocks.clear();
    m_blockedBy.clear();
    m_roleSince.clear();
    for (const Conversation &c : snapshot.conversations)
        put(c);
    for (const auto &[user, blocked] : snapshot.blocks)
        setBlocked(user, blocked, true);
    m_roleSince = snapshot.roleSince;
}

const Conversation *ConversationDirectory::find(qint64 conversationId) const
{
    auto it = m_conversations.constFind(conversationId);
    return it == m_conversations.cend() ? nullptr : &*it;
}

Conversation *ConversationDirectory::findMutable(qint64 conversationId)
{
    auto it = m_conversations.find(conversationId);
    return it == m_conversations.end() ? nullptr : &*it;
}

const Member *ConversationDirectory::member(qint64 conversationId, qint64 userId) const
{
    const Conversation *c = find(conversationId);
    return c ? c->member(userId) : nullptr;
}

qint64 ConversationDirectory::directBetween(qint64 a, qint64 b) const
{
    return m_direct.value(ordered(a, b), 0);
}

QList<qint64> ConversationDirectory::conversationsOf(qint64 userId) const
{
    const QSet<qint64> ids = m_byUser.value(userId);
    QList<qint64> list(ids.begin(), ids.end());
    std::sort(list.begin(), list.end());
    return list;
}

QSet<qint64> ConversationDirectory::contactsOf(qint64 userId) const
{
    QSet<qint64> contacts;
    for (qint64 id : m_byUser.value(userId)) {
        if (const Conversation *c = find(id)) {
            for (const Member &m : c->members) {
                if (m.userId != userId)
                    contacts.insert(m.userId);
            }
        }
    }
    return contacts;
}

QList<qint64> ConversationDirectory::memberIds(qint64 conversationId) const
{
    QList<qint64> ids;
    if (const Conversation *c = find(conversationId)) {
        ids.reserve(c->members.size());
        for (const Member &m : c->members)
            ids.append(m.userId);
    }
    return ids;
}

void ConversationDirectory::put(const Conversation &conversation)
{
    if (const Conversation *old = find(conversation.id)) {
        for (const Member &m : old->members) {
            auto it = m_byUser.find(m.userId);
            if (it != m_byUser.end()) {
                it->remove(conversation.id);
                if (it->isEmpty())
                    m_byUser.erase(it);
            }
        }
    }
    m_conversations.insert(conversation.id, conversation);
    for (const Member &m : conversation.members)
        m_byUser[m.userId].insert(conversation.id);
    if (conversation.kind == ConversationKind::Direct && conversation.members.size() == 2)
        m_direct.insert(ordered(conversation.members[0].userId, conversation.members[1].userId),
                        conversation.id);
}

void ConversationDirectory::setLastSeq(qint64 conversationId, qint64 seq)
{
    if (Conversation *c = findMutable(conversationId))
        c->lastSeq = std::max(c->lastSeq, seq);
}

bool ConversationDirectory::hasBlocked(qint64 userId, qint64 otherUserId) const
{
    return m_blocks.contains({userId, otherUserId});
}

void ConversationDirectory::setBlocked(qint64 userId, qint64 otherUserId, bool blocked)
{
    if (blocked) {
        m_blocks.insert({userId, otherUserId});
        m_blockedBy[userId].insert(otherUserId);
    } else {
        m_blocks.remove({userId, otherUserId});
        auto it = m_blockedBy.find(userId);
        if (it != m_blockedBy.end()) {
            it->remove(otherUserId);
            if (it->isEmpty())
                m_blockedBy.erase(it);
        }
    }
}

QList<qint64> ConversationDirectory::blockedBy(qint64 userId) const
{
    const QSet<qint64> set = m_blockedBy.value(userId);
    QList<qint64> list(set.begin(), set.end());
    std::sort(list.begin(), list.end());
    return list;
}

} // namespace Parley
