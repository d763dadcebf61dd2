#pragma once

/// My own profile going to the people I talk to, end to end: saving it sends a `profile`
/// content to every conversation I am in, and a conversation that has not had my current version
/// yet (a new chat, a group I just joined, one with a new member) gets it just before my next
/// message there. Which version each conversation had is kept in the cache. My other devices
/// learn it from the same entries (Profiles). Lives on the GUI thread.

#include "store/StoreTypes.h"

#include <QtCore/QByteArray>
#include <QtCore/QHash>
#include <QtCore/QObject>
#include <QtCore/QSet>

namespace Parley {

class ConversationListModel;
class MessageContent;
class MessageStore;
class Outbox;
class Profiles;

class ProfileSharing : public QObject
{
    Q_OBJECT

public:
    ProfileSharing(MessageStore *store, Outbox *outbox, Profiles *profiles,
                   ConversationListModel *conversations, QObject *parent = nullptr);

    /// After login as `selfUserId`: reads which conversation had which version.
    void start(qint64 selfUserId);
    /// After logout.
    void stop();

    /// Keeps my new profile (`displayName` trimmed, at most MessageContent's limit; `picture`
    /// a ProfilePicture JPEG or empty) and sends it to every conversation I am in.
    void save(const QString &displayName, const QByteArray &picture);

private:
    void beforeQueue(qint64 conversationId, const MessageContent &content);
    void onSummaryChanged(qint64 conversationId);
    void sendTo(qint64 conversationId);

    MessageStore *m_store;
    Outbox *m_outbox;
    Profiles *m_profiles;
    ConversationListModel *m_conversations;
    qint64 m_selfUserId = 0;
    StoredProfile m_own; ///< my newest profile, saved here or learnt from another device
    quint64 m_generation = 0;
    QHash<qint64, qint64> m_sent; ///< conversation → version of mine it was sent
    QHash<qint64, QSet<qint64>> m_members; ///< conversation → members seen this run
};

} // namespace Parley
