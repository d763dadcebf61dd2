#pragma once

/// Keeps the conversation list (ConversationListModel) in step with the cache: a summary is
/// reloaded when its conversation changed, all of them after login, and a conversation the
/// server just made is put into the cache and the list before it is reported open.

#include "model/Conversation.h"

#include <QtCore/QObject>

namespace Parley {

class Account;
class ConversationListModel;
class MessageStore;
class SyncEngine;

class ConversationFeed : public QObject
{
    Q_OBJECT

public:
    ConversationFeed(MessageStore *store, SyncEngine *sync, Account *account,
                     ConversationListModel *conversations, QObject *parent = nullptr);

    /// Reloads the summary of `conversationId` (its Chat follows summaryChanged).
    void refresh(qint64 conversationId);
    void refreshAll();
    /// A conversation the server made or gave me: cached, listed, then opened().
    void open(const Parley::Conversation &conversation);

Q_SIGNALS:
    void opened(qint64 conversationId);

private:
    MessageStore *m_store;
    SyncEngine *m_sync;
    Account *m_account;
    ConversationListModel *m_conversations;
};

} // namespace Parley
