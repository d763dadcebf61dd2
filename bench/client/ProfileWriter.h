#pragma once

/// Fills a client cache the way months of use would (parley-profile-gen): conversations, then
/// messages that each went through a real sender key (encrypted by a sender's device, decrypted
/// by the profile's own), then the account as a login leaves it.

#include "model/Conversation.h"

#include <QtCore/QList>
#include <QtCore/QString>

class QElapsedTimer;
class QUrl;

namespace Parley {

class MessageStore;

namespace ProfileGen {

/// Ends the run with `what` on stderr: a half-written profile is of no use to the bench.
[[noreturn]] void die(const QString &what);

class ProfileWriter
{
public:
    explicit ProfileWriter(MessageStore &cache) : m_cache(cache) { }

    /// Makes the folder of the new profile `profile` (which must not exist) and opens its
    /// cache in it.
    void createProfile(const QString &profile);
    /// Conversation 1 is a group of 20 with `largest` messages; the others alternate direct
    /// chats and groups of 5 and share the rest of `messages`.
    void writeConversations(int conversations, int messages, int largest);
    /// Every conversation's messages, stored in pages of the size sync fetches; progress on
    /// stderr. Returns how many were written.
    int writeMessages(const QElapsedTimer &clock);
    /// The account (server, user, device) in the cache's settings and its token in the
    /// keychain of `profile`, so that `parley --profile NAME` opens on the conversation list.
    void writeAccount(const QString &profile, const QUrl &server);

private:
    MessageStore &m_cache;
    QList<Conversation> m_conversations;
    QList<int> m_counts; ///< messages per conversation
};

} // namespace ProfileGen
} // namespace Parley
