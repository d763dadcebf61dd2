// Client: how its pieces are wired together (what follows what), apart from what it does.
#include "Client.h"

#include "attachments/Attachments.h"
#include "chat/ConversationFeed.h"
#include "chat/MessageExpiry.h"
#include "chat/NewMessageNotifier.h"
#include "chat/StateText.h"
#include "contacts/LastSeenPrivacy.h"
#include "net/Connection.h"
#include "outbox/Outbox.h"
#include "platform/LanguageSwitcher.h"
#include "platform/Notifier.h"
#include "store/MessageStore.h"
#include "sync/SyncEngine.h"
#include "sync/TypingTracker.h"

namespace Parley {

void Client::connectPieces()
{
    // The conversation list and notifications follow the cache; each Chat follows its own.
    connect(m_sync, &SyncEngine::synced, this, [this] {
        if (m_connection->welcome().registrationOpen != m_registrationOpen) {
            m_registrationOpen = m_connection->welcome().registrationOpen;
            Q_EMIT registrationOpenChanged();
        }
    });
    connect(m_sync, &SyncEngine::conversationChanged, m_feed, &ConversationFeed::refresh);
    connect(m_store, &MessageStore::messagesChanged, this,
            [this](qint64 conversationId) { m_feed->refresh(conversationId); });
    connect(m_sync, &SyncEngine::messagesStored, this,
            [this](qint64 conversationId, const QList<StoredMessage> &messages) {
                m_attachments->ownEntriesStored(messages);
                m_expiry->messagesStored(messages);
                m_feed->refresh(conversationId);
                m_newMessages->messagesStored(conversationId, messages);
            });
    connect(m_sync, &SyncEngine::olderMessagesStored, this,
            [this](qint64, const QList<StoredMessage> &messages) {
                m_expiry->messagesStored(messages);
            });
    connect(m_expiry, &MessageExpiry::messagesExpired, m_feed, &ConversationFeed::refresh);
    connect(m_expiry, &MessageExpiry::messagesExpired, m_newMessages,
            &NewMessageNotifier::messagesExpired);
    connect(m_sync, &SyncEngine::presenceChanged, this, [this](qint64 userId) {
        m_conversations->setPresence(m_sync->presence(userId));
        m_contacts->setPresence(m_sync->presence(userId));
    });
    connect(m_sync->typing(), &TypingTracker::typingChanged, this, [this](qint64 conversationId) {
        m_conversations->setTypingText(
                conversationId,
                StateText::typing(m_sync->typing()->typingUsers(conversationId),
                                  m_conversations->summary(conversationId), m_profiles));
    });
    connect(m_outbox, &Outbox::entryQueued, this,
            [this](const StoredMessage &message) { m_feed->refresh(message.conversationId); });
    connect(m_notifier, &Notifier::activated, this, [this](qint64 conversationId) {
        if (m_state != State::LoggedOut && m_conversations->summary(conversationId))
            Q_EMIT conversationActivated(conversationId);
    });
    connect(m_attachments, &Attachments::uploadFailed, this,
            [this](qint64, const QByteArray &, const Error &error) { setError(error); });
    connect(m_attachments, &Attachments::downloadFailed, this,
            [this](qint64, qint64, const Error &error) { setError(error); });

    // The ack: the entry leaves the outbox and becomes the log entry; the log tells the outbox
    // about own entries it got another way (a sync after a lost ack).
    connect(m_outbox, &Outbox::acknowledged, m_sync, &SyncEngine::ingestOwnMessage);
    connect(m_sync, &SyncEngine::ownEntriesStored, m_outbox, &Outbox::forget);

    connect(m_languages, &LanguageSwitcher::languageChanged, this, [this] {
        // The words the models make (day labels, "(just you)") in the new language too.
        const auto refresh = [](QAbstractItemModel *model) {
            if (model->rowCount() > 0)
                Q_EMIT model->dataChanged(model->index(0, 0),
                                          model->index(model->rowCount() - 1, 0));
        };
        refresh(m_conversations);
        for (const QPointer<Chat> &chat : std::as_const(m_chats)) {
            if (chat)
                refresh(chat->messages());
        }
        Q_EMIT languageChanged();
    });

    // Privacy: the server's word on each sync and push; the switch follows the connection.
    connect(m_sync, &SyncEngine::ownPrivacySynced, m_lastSeenPrivacy, &LastSeenPrivacy::learn);
    connect(m_lastSeenPrivacy, &LastSeenPrivacy::changed, this, &Client::showLastSeenChanged);
    connect(m_lastSeenPrivacy, &LastSeenPrivacy::availabilityChanged, this,
            &Client::canChangeShowLastSeenChanged);
    connect(m_lastSeenPrivacy, &LastSeenPrivacy::errorOccurred, this, &Client::setError);
}

} // namespace Parley
