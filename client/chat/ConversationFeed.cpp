#include "ConversationFeed.h"

#include "account/Account.h"
#include "models/ConversationListModel.h"
#include "store/MessageStore.h"
#include "sync/SyncEngine.h"

namespace Parley {

ConversationFeed::ConversationFeed(MessageStore *store, SyncEngine *sync, Account *account,
                                   ConversationListModel *conversations, QObject *parent)
    : QObject(parent),
      m_store(store),
      m_sync(sync),
      m_account(account),
      m_conversations(conversations)
{
}

void ConversationFeed::refresh(qint64 conversationId)
{
    m_store->conversationSummary(conversationId, m_account->userId())
            .then(this, [this](const std::optional<ConversationSummary> &summary) {
                // A reply that comes after logout belongs to nobody.
                if (summary && m_account->isLoggedIn())
                    m_conversations->updateSummary(*summary);
            });
}

void ConversationFeed::refreshAll()
{
    m_store->conversationSummaries(m_account->userId())
            .then(this, [this](const QList<ConversationSummary> &list) {
                if (m_account->isLoggedIn())
                    m_conversations->setSummaries(list);
            });
}

void ConversationFeed::open(const Conversation &conversation)
{
    m_sync->applyConversation(conversation);
    const qint64 id = conversation.id;
    m_store->conversationSummary(id, m_account->userId())
            .then(this, [this, id](const std::optional<ConversationSummary> &summary) {
                if (summary)
                    m_conversations->updateSummary(*summary);
                Q_EMIT opened(id);
            });
}

} // namespace Parley
