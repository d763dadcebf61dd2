#include "NewMessageNotifier.h"

#include "account/Account.h"
#include "contacts/Profiles.h"
#include "content/MessageContent.h"
#include "models/ConversationListModel.h"
#include "platform/Notifier.h"

#include <QtGui/QGuiApplication>

namespace Parley {

NewMessageNotifier::NewMessageNotifier(Notifier *notifier, Account *account,
                                       ConversationListModel *conversations, QObject *parent)
    : QObject(parent),
      m_notifier(notifier),
      m_account(account),
      m_conversations(conversations)
{
}

void NewMessageNotifier::messagesStored(qint64 conversationId, const QList<StoredMessage> &messages)
{
    // One notification per batch: the newest message from someone else, or the newest that
    // mentions me when there is one (a mention is worth more than what came after it).
    const StoredMessage *newest = nullptr;
    const StoredMessage *mention = nullptr;
    // A profile that came with the message names its sender at once (Profiles learns it a
    // moment later).
    QHash<qint64, QString> namesInBatch;
    for (const StoredMessage &m : messages) {
        if (m.kind == MessageKind::Content && m.hidden) {
            const auto content = MessageContent::fromBytes(m.body);
            if (content && content->type() == MessageContent::Type::Profile)
                namesInBatch.insert(m.senderId, content->displayName());
        }
        if (m.kind != MessageKind::Content || m.hidden || m.senderId == m_account->userId())
            continue;
        newest = &m;
        if (mentionsMe(m))
            mention = &m;
    }
    if (!newest || !m_enabled)
        return;
    const ConversationSummary *summary = m_conversations->summary(conversationId);
    // Muting silences a conversation, but not someone calling me by my name.
    if (summary && summary->muted && !mention)
        return;
    const auto *app = qobject_cast<QGuiApplication *>(QCoreApplication::instance());
    const bool focused = app && app->applicationState() == Qt::ApplicationActive;
    if (focused && m_activeConversation == conversationId)
        return;
    const bool group = summary && summary->conversation.kind == ConversationKind::Group;
    const auto nameOf = [&](const StoredMessage &m) {
        if (const auto it = namesInBatch.constFind(m.senderId); it != namesInBatch.cend())
            return it->isEmpty() ? m.senderName : *it;
        return m_profiles ? m_profiles->nameOf(m.senderId, m.senderName) : m.senderName;
    };
    if (mention) {
        const QString title = group
                ? tr("%1 mentioned you in %2")
                          .arg(nameOf(*mention), m_conversations->titleOf(*summary))
                : tr("%1 mentioned you").arg(nameOf(*mention));
        m_notifier->notify(conversationId, title, m_showsText ? mention->text : title);
        m_shown.insert(conversationId, mention->seq);
        return;
    }
    const QString sender = nameOf(*newest);
    QString title = sender;
    if (group)
        title = tr("%1 in %2").arg(sender, m_conversations->titleOf(*summary));
    m_notifier->notify(conversationId, title,
                       m_showsText ? newest->text : tr("New message from %1").arg(sender));
    m_shown.insert(conversationId, newest->seq);
}

void NewMessageNotifier::messagesExpired(qint64 conversationId, const QList<qint64> &seqs)
{
    // A disappearing message must not stay readable in the desktop's notification list.
    const auto shown = m_shown.constFind(conversationId);
    if (shown == m_shown.cend() || !seqs.contains(*shown))
        return;
    m_shown.erase(shown);
    m_notifier->withdraw(conversationId);
}

bool NewMessageNotifier::mentionsMe(const StoredMessage &message) const
{
    if (message.undecryptable || message.deleted)
        return false;
    const auto content = MessageContent::fromBytes(message.body);
    return content && content->mentions().contains(m_account->userId());
}

} // namespace Parley
