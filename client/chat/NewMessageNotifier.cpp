#include "NewMessageNotifier.h"

#include "account/Account.h"
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
    // One notification per batch: the newest message from someone else.
    const StoredMessage *newest = nullptr;
    for (const StoredMessage &m : messages) {
        if (m.kind == MessageKind::Content && !m.hidden && m.senderId != m_account->userId())
            newest = &m;
    }
    if (!newest || !m_enabled)
        return;
    const ConversationSummary *summary = m_conversations->summary(conversationId);
    if (summary && summary->muted)
        return;
    const auto *app = qobject_cast<QGuiApplication *>(QCoreApplication::instance());
    const bool focused = app && app->applicationState() == Qt::ApplicationActive;
    if (focused && m_activeConversation == conversationId)
        return;
    const QString sender = newest->senderName;
    QString title = sender;
    if (summary && summary->conversation.kind == ConversationKind::Group)
        title = tr("%1 in %2").arg(sender, m_conversations->titleOf(*summary));
    m_notifier->notify(conversationId, title,
                       m_showsText ? newest->text : tr("New message from %1").arg(sender));
}

} // namespace Parley
