#pragma once

/// Decides which newly stored messages notify, and how the notification reads: the newest
/// message from someone else in a batch, unless notifications are off, the conversation is
/// muted, or it is on screen in the focused window. A message whose content mentions me wins
/// over the others of its batch, notifies in a muted conversation too, and says so ("alice
/// mentioned you in Plans"). Shows it through Notifier.

#include "store/StoreTypes.h"

#include <QtCore/QObject>

namespace Parley {

class Account;
class ConversationListModel;
class Notifier;
class Profiles;

class NewMessageNotifier : public QObject
{
    Q_OBJECT

public:
    NewMessageNotifier(Notifier *notifier, Account *account, ConversationListModel *conversations,
                       QObject *parent = nullptr);

    bool isEnabled() const { return m_enabled; }
    void setEnabled(bool enabled) { m_enabled = enabled; }
    /// Whether a notification shows the message's text; if not, its body only says who wrote
    /// ("New message from alice", or "alice mentioned you in Plans").
    bool showsText() const { return m_showsText; }
    void setShowsText(bool shows) { m_showsText = shows; }
    /// Names senders by their display name when known (Profiles).
    void setProfiles(const Profiles *profiles) { m_profiles = profiles; }
    /// The conversation on screen (0: none).
    void setActiveConversation(qint64 conversationId) { m_activeConversation = conversationId; }

    /// Messages SyncEngine just stored in `conversationId`.
    void messagesStored(qint64 conversationId, const QList<StoredMessage> &messages);
    /// Entries of a conversation expired: the notification goes if it shows one of them.
    void messagesExpired(qint64 conversationId, const QList<qint64> &seqs);

private:
    bool mentionsMe(const StoredMessage &message) const;

    Notifier *m_notifier;
    Account *m_account;
    ConversationListModel *m_conversations;
    const Profiles *m_profiles = nullptr;
    bool m_enabled = true;
    bool m_showsText = true;
    qint64 m_activeConversation = 0;
    QHash<qint64, qint64> m_shown; ///< conversation → seq of the message its notification shows
};

} // namespace Parley
