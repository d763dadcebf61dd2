#include "ConversationDirectory.h"

#include <limits>

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
    m_lastSent.clear();
    m_sendersTrackedAfter.clear();
    for (const Conversation &c : snapshot.conversations) {
        put(c);
        m_sendersTrackedAfter.insert(c.id, c.lastSeq); // who wrote what before is not loaded
    }
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
    // Created here: every message of it is seen sent (its first entries are membership ones,
    // which nobody waits to see delivered). Loaded ones are tracked from their last seq (load()).
    if (!m_sendersTrackedAfter.contains(conversation.id))
        m_sendersTrackedAfter.insert(conversation.id, 0);
    m_conversations.insert(conversation.id, conversation);
    for (const Member &m : conversation.members)
        m_byUser[m.userId].insert(conversation.id);
    if (conversation.kind == ConversationKind::Direct && conversation.members.size() == 2)
        m_direct.insert(ordered(conversation.members[0].userId, conversation.members[1].userId),
                        conversation.id);
}

void ConversationDirectory::learn(const Conversation &conversation,
                                  const QHash<qint64, qint64> &roleSince)
{
    Conversation c = conversation;
    if (const Conversation *old = find(c.id))
        c.lastSeq = std::max(c.lastSeq, old->lastSeq);
    else
        m_sendersTrackedAfter.insert(c.id, c.lastSeq);
    put(c);
    for (auto it = roleSince.cbegin(); it != roleSince.cend(); ++it)
        m_roleSince.insert({c.id, it.key()}, it.value());
}

void ConversationDirectory::setLastSeq(qint64 conversationId, qint64 seq)
{
    if (Conversation *c = findMutable(conversationId))
        c->lastSeq = std::max(c->lastSeq, seq);
}

void ConversationDirectory::noteSent(qint64 conversationId, qint64 userId, qint64 seq)
{
    qint64 &last = m_lastSent[{conversationId, userId}];
    last = std::max(last, seq);
}

QList<qint64> ConversationDirectory::sendersAfter(qint64 conversationId, qint64 seq) const
{
    const Conversation *c = find(conversationId);
    if (!c)
        return {};
    const bool untracked =
            seq < m_sendersTrackedAfter.value(conversationId, std::numeric_limits<qint64>::max());
    QList<qint64> users;
    for (const Member &m : c->members) {
        if (untracked || m_lastSent.value({conversationId, m.userId}, 0) > seq)
            users.append(m.userId);
    }
    return users;
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
