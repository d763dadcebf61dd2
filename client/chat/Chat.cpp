#include "Chat.h"

#include "attachments/Attachments.h"
#include "chat/MessageExpiry.h"
#include "chat/StateText.h"
#include "contacts/Profiles.h"
#include "content/Mentions.h"
#include "content/RecentEmoji.h"
#include "e2ee/ConversationSecurity.h"
#include "e2ee/EndToEndEncryption.h"
#include "e2ee/SecurityNotices.h"
#include "models/ConversationListModel.h"
#include "models/MemberListModel.h"
#include "models/MessageListModel.h"
#include "net/Connection.h"
#include "outbox/Outbox.h"
#include "platform/Notifier.h"
#include "protocol/Frames.h"
#include "search/CacheSearch.h"
#include "store/MessageStore.h"
#include "sync/SyncEngine.h"
#include "sync/TypingTracker.h"

namespace Parley {

using namespace Qt::StringLiterals;

Chat::Chat(qint64 conversationId, const ChatParts &parts, QObject *parent)
    : QObject(parent),
      m_conversationId(conversationId),
      m_parts(parts),
      m_messages(new MessageListModel(conversationId, parts.selfUserId, parts.store, parts.outbox,
                                      parts.sync, this)),
      m_members(new MemberListModel(conversationId, parts.selfUserId, this)),
      m_security(parts.encryption ? parts.encryption->security(conversationId) : nullptr),
      m_draft(new Draft(conversationId, parts.store, this))
{
    if (m_parts.profiles) {
        m_messages->setProfiles(m_parts.profiles);
        m_members->setProfiles(m_parts.profiles);
    }
    connect(m_draft, &Draft::changed, this, &Chat::draftChanged);
    const auto mine = [this](qint64 id) { return id == m_conversationId; };

    // The log: entries stored, older pages, rows the cache changed.
    connect(m_parts.sync, &SyncEngine::messagesStored, this,
            [this, mine](qint64 id, const QList<StoredMessage> &messages) {
                if (mine(id))
                    m_messages->addMessages(messages);
            });
    connect(m_parts.sync, &SyncEngine::olderMessagesStored, this,
            [this, mine](qint64 id, const QList<StoredMessage> &messages, bool more) {
                if (mine(id))
                    m_messages->addOlderMessages(messages, more);
            });
    connect(m_parts.store, &MessageStore::messagesChanged, this,
            [this, mine](qint64 id, const QList<StoredMessage> &rows) {
                if (mine(id))
                    m_messages->updateMessages(rows);
            });
    connect(m_parts.sync, &SyncEngine::synced, m_messages, &MessageListModel::setServerReachable);
    if (m_parts.expiry)
        connect(m_parts.expiry, &MessageExpiry::messagesExpired, this,
                [this, mine](qint64 id, const QList<qint64> &seqs) {
                    if (mine(id))
                        m_messages->removeMessages(seqs);
                });

    // The header and members: the summary the conversation list holds, presence, typing.
    connect(m_parts.conversations, &ConversationListModel::summaryChanged, this,
            [this, mine](qint64 id) {
                if (mine(id))
                    applySummary();
            });
    connect(m_parts.sync, &SyncEngine::presenceChanged, this, &Chat::onPresenceChanged);
    connect(m_parts.sync->typing(), &TypingTracker::typingChanged, this, [this, mine](qint64 id) {
        if (mine(id))
            updateTyping();
    });

    // What I send: outbox entries and uploads.
    connect(m_parts.outbox, &Outbox::entryQueued, this, [this](const StoredMessage &message) {
        if (message.conversationId == m_conversationId)
            m_messages->addPending(message);
    });
    connect(m_parts.outbox, &Outbox::entryChanged, this, [this](const StoredMessage &message) {
        if (message.conversationId == m_conversationId)
            m_messages->updatePending(message);
    });
    connect(m_parts.outbox, &Outbox::discarded, this,
            [this](qint64 conversation, const QByteArray &clientId) {
                if (conversation == m_conversationId)
                    m_messages->removePending(clientId);
            });
    connectAttachments();
    connectSecurityNotices();

    applySummary();
    updateTyping();
    showTransfers();
}

Chat::~Chat() = default;

void Chat::connectSecurityNotices()
{
    if (!m_parts.encryption)
        return;
    SecurityNotices *notices = m_parts.encryption->notices();
    // The lines about the other members, in this conversation only while they are in it.
    auto others = [this] {
        QList<qint64> ids;
        if (const ConversationSummary *summary = m_parts.conversations->summary(m_conversationId)) {
            for (const Member &m : summary->conversation.members) {
                if (m.userId != m_parts.selfUserId)
                    ids.append(m.userId);
            }
        }
        return ids;
    };
    auto showAll = [this, notices, others] { m_messages->addNotices(notices->of(others())); };
    connect(notices, &SecurityNotices::loaded, this, showAll);
    connect(notices, &SecurityNotices::added, this, [this, others](const SecurityNotice &notice) {
        if (others().contains(notice.userId))
            m_messages->addNotices({notice});
    });
    connect(m_parts.conversations, &ConversationListModel::summaryChanged, this,
            [this, showAll](qint64 id) {
                if (id == m_conversationId)
                    showAll();
            });
    if (notices->isLoaded())
        showAll();
}

void Chat::applySummary()
{
    const ConversationSummary *summary = m_parts.conversations->summary(m_conversationId);
    if (!summary)
        return;
    const Conversation &c = summary->conversation;
    m_messages->setConversation(*summary);
    for (const Member &m : c.members)
        m_members->setPresence(m_parts.sync->presence(m.userId));
    m_members->setMembers(c.members);

    qint64 peer = 0;
    if (c.kind == ConversationKind::Direct) {
        for (const Member &m : c.members) {
            if (m.userId != m_parts.selfUserId)
                peer = m.userId;
        }
    }
    const QString title = m_parts.conversations->titleOf(*summary);
    if (title != m_title) {
        m_title = title;
        Q_EMIT titleChanged();
    }
    const bool group = c.kind == ConversationKind::Group;
    if (group != m_isGroup) {
        m_isGroup = group;
        Q_EMIT isGroupChanged();
    }
    if (summary->isMember != m_canSend) {
        m_canSend = summary->isMember;
        Q_EMIT canSendChanged();
    }
    if (summary->muted != m_muted) {
        m_muted = summary->muted;
        Q_EMIT mutedChanged();
    }
    if (peer != m_peerUserId) {
        m_peerUserId = peer;
        Q_EMIT peerUserIdChanged();
    }
    QString peerUsername;
    if (const Member *p = peer ? c.member(peer) : nullptr)
        peerUsername = p->username;
    const QString avatar =
            peer && m_parts.profiles ? m_parts.profiles->avatarSourceOf(peer) : QString();
    if (peerUsername != m_peerUsername || avatar != m_avatarSource) {
        m_peerUsername = peerUsername;
        m_avatarSource = avatar;
        Q_EMIT peerProfileChanged();
    }
    const Member *me = c.member(m_parts.selfUserId);
    const bool canSetTimer = summary->isMember && me && (!group || me->role != Role::Member);
    if (c.timerSeconds != m_timerSeconds || canSetTimer != m_canSetTimer) {
        m_timerSeconds = c.timerSeconds;
        m_canSetTimer = canSetTimer;
        Q_EMIT timerChanged();
    }
    updateOnline();
}

void Chat::onPresenceChanged(qint64 userId)
{
    m_members->setPresence(m_parts.sync->presence(userId));
    if (userId == m_peerUserId)
        updateOnline();
}

void Chat::updateOnline()
{
    const Presence presence = m_peerUserId ? m_parts.sync->presence(m_peerUserId) : Presence{};
    const QDateTime lastSeen =
            presence.lastSeen > 0 ? QDateTime::fromMSecsSinceEpoch(presence.lastSeen) : QDateTime();
    if (presence.online == m_online && lastSeen == m_lastSeen
        && presence.lastSeenHidden == m_lastSeenHidden)
        return;
    m_online = presence.online;
    m_lastSeen = lastSeen;
    m_lastSeenHidden = presence.lastSeenHidden;
    Q_EMIT onlineChanged();
}

void Chat::updateTyping()
{
    const QString text =
            StateText::typing(m_parts.sync->typing()->typingUsers(m_conversationId),
                              m_parts.conversations->summary(m_conversationId), m_parts.profiles);
    if (text == m_typingText)
        return;
    m_typingText = text;
    Q_EMIT typingTextChanged();
}

void Chat::request(FrameType type, const QCborMap &fields)
{
    m_parts.connection->request(type, fields).then(this, [this](const Result<RawFrame> &reply) {
        if (!reply)
            Q_EMIT errorOccurred(reply.error());
    });
}

void Chat::sendText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return;
    m_parts.outbox->send(m_conversationId, textContent(trimmed, 0));
    m_parts.sync->setTyping(m_conversationId, false);
}

MessageContent Chat::textContent(const QString &text, qint64 replyToSeq) const
{
    const MessageContent content = MessageContent::text(text, replyToSeq);
    if (!m_isGroup)
        return content;
    // Ids, not names: a receiver need not parse the text, and a renamed or departed member
    // is still the one meant.
    return content.withMentions(Mentions::mentionedIds(text, m_members->memberList()));
}

QVariantList Chat::mentionCandidates(const QString &prefix) const
{
    QVariantList candidates;
    if (!m_isGroup)
        return candidates;
    const QList<Member> members = m_members->memberList();
    QList<Member> matching = Mentions::completions(prefix, members, m_parts.selfUserId);
    // Someone is also found by a word of the name they gave themselves ("mar" finds "Alice
    // Martin"); inserting still writes their username.
    for (const Member &m : members) {
        const QString name =
                m_parts.profiles ? m_parts.profiles->displayNameOf(m.userId) : QString();
        if (m.userId == m_parts.selfUserId || name.isEmpty() || prefix.isEmpty()
            || std::any_of(matching.cbegin(), matching.cend(),
                           [&m](const Member &o) { return o.userId == m.userId; }))
            continue;
        const QStringList words = name.split(u' ', Qt::SkipEmptyParts);
        if (std::any_of(words.cbegin(), words.cend(), [&prefix](const QString &word) {
                return word.startsWith(prefix, Qt::CaseInsensitive);
            }))
            matching.append(m);
    }
    for (const Member &m : std::as_const(matching)) {
        const QString name =
                m_parts.profiles ? m_parts.profiles->displayNameOf(m.userId) : QString();
        candidates.append(QVariantMap{
                {u"userId"_s, m.userId}, {u"username"_s, m.username}, {u"displayName"_s, name}});
    }
    return candidates;
}

void Chat::sendReply(qint64 replyToSeq, const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return;
    m_parts.outbox->send(m_conversationId, textContent(trimmed, replyToSeq));
    m_parts.sync->setTyping(m_conversationId, false);
}

void Chat::annotate(qint64 seq, Annotating who,
                    std::function<MessageContent(const StoredMessage &)> make)
{
    if (seq <= 0)
        return;
    m_parts.store->message(m_conversationId, seq)
            .then(this, [this, who, make](const std::optional<StoredMessage> &m) {
                const bool usable = m && m->kind == MessageKind::Content && !m->hidden
                        && !m->deleted && !m->undecryptable;
                if (!usable) {
                    Q_EMIT errorOccurred(Error{ErrorCode::InvalidArgument,
                                               tr("That message cannot be changed any more.")});
                    return;
                }
                if (who == Annotating::OwnMessage && m->senderId != m_parts.selfUserId) {
                    Q_EMIT errorOccurred(
                            Error{ErrorCode::NotAllowed,
                                  tr("Only your own messages can be edited or deleted.")});
                    return;
                }
                // What other readers would refuse is not sent (e.g. an emoji that is too long).
                const MessageContent content = make(*m);
                if (!MessageContent::fromBytes(content.toBytes())) {
                    Q_EMIT errorOccurred(
                            Error{ErrorCode::InvalidArgument, tr("That cannot be sent.")});
                    return;
                }
                m_parts.outbox->send(m_conversationId, content);
            });
}

void Chat::react(qint64 seq, const QString &emoji)
{
    annotate(seq, Annotating::AnyMessage, [this, seq, emoji](const StoredMessage &) {
        rememberEmoji(emoji);
        return MessageContent::reaction(seq, emoji);
    });
}

void Chat::unreact(qint64 seq, const QString &emoji)
{
    annotate(seq, Annotating::AnyMessage, [seq, emoji](const StoredMessage &) {
        return MessageContent::reaction(seq, emoji, true);
    });
}

void Chat::toggleReaction(qint64 seq, const QString &emoji)
{
    const qint64 self = m_parts.selfUserId;
    annotate(seq, Annotating::AnyMessage, [this, seq, emoji, self](const StoredMessage &target) {
        const bool mine = std::any_of(
                target.reactions.cbegin(), target.reactions.cend(),
                [&](const Reaction &r) { return r.userId == self && r.emoji == emoji; });
        if (!mine)
            rememberEmoji(emoji);
        return MessageContent::reaction(seq, emoji, mine);
    });
}

void Chat::rememberEmoji(const QString &emoji)
{
    if (m_parts.recentEmoji)
        m_parts.recentEmoji->use(emoji);
}

void Chat::editMessage(qint64 seq, const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return;
    annotate(seq, Annotating::OwnMessage,
             [seq, trimmed](const StoredMessage &) { return MessageContent::edit(seq, trimmed); });
}

void Chat::deleteMessage(qint64 seq)
{
    annotate(seq, Annotating::OwnMessage,
             [seq](const StoredMessage &) { return MessageContent::deletion(seq); });
}

void Chat::retry(const QString &clientIdHex)
{
    const QByteArray clientId = QByteArray::fromHex(clientIdHex.toLatin1());
    if (m_parts.attachments->retryUpload(clientId)) {
        m_messages->setUploadFailed(clientId, {});
        return;
    }
    m_parts.outbox->retry(clientId);
}

void Chat::discard(const QString &clientIdHex)
{
    if (!m_parts.outbox->discard(QByteArray::fromHex(clientIdHex.toLatin1())))
        cancelUpload(clientIdHex);
}

void Chat::search(const QString &text)
{
    searchCache(m_parts.store, text, m_conversationId)
            .then(this, [this, text](const QVariantList &results) {
                Q_EMIT searchFinished(text, results);
            });
}

void Chat::setTyping(bool typing)
{
    m_parts.sync->setTyping(m_conversationId, typing);
}

void Chat::markRead()
{
    m_parts.sync->markRead(m_conversationId);
    m_parts.notifier->withdraw(m_conversationId);
}

void Chat::setMuted(bool muted)
{
    m_parts.store->setMuted(m_conversationId, muted);
    Q_EMIT summaryOutdated();
}

} // namespace Parley
