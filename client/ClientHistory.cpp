// Client: exporting the history to a folder and importing it back (client/export); what a
// restored backup adds (client/backup).
#include "Client.h"

#include "account/Account.h"
#include "backup/HistoryBackup.h"
#include "chat/ConversationFeed.h"
#include "export/ConversationExport.h"
#include "export/HistoryImport.h"
#include "models/MessageListModel.h"

#include <QtCore/QUrl>

namespace Parley {

using namespace Qt::StringLiterals;

bool Client::isHistoryBusy() const
{
    return (m_export && m_export->isRunning()) || (m_import && m_import->isRunning());
}

void Client::exportHistory(const QUrl &folder, qint64 conversationId)
{
    if (isHistoryBusy())
        return;
    if (!folder.isLocalFile() || m_account->userId() == 0) {
        Q_EMIT historyFinished(false,
                               m_account->userId() == 0
                                       ? tr("Sign in to export your conversations.")
                                       : tr("Choose a folder on this computer."));
        return;
    }
    if (!m_export) {
        m_export = new ConversationExport(m_store, this);
        connect(m_export, &ConversationExport::progress, this, &Client::historyProgress);
        connect(m_export, &ConversationExport::finished, this,
                [this](int newMessages, const QString &error) {
                    Q_EMIT historyBusyChanged();
                    if (!error.isEmpty())
                        Q_EMIT historyFinished(false, error);
                    else
                        Q_EMIT historyFinished(true,
                                               tr("New messages exported: %1.").arg(newMessages));
                });
    }
    m_export->start(folder.toLocalFile(), conversationId, m_account->userId(),
                    m_account->username());
    Q_EMIT historyBusyChanged();
}

void Client::importHistory(const QUrl &file)
{
    if (isHistoryBusy())
        return;
    if (!file.isLocalFile() || !m_account->isLoggedIn()) {
        Q_EMIT historyFinished(false,
                               !m_account->isLoggedIn() ? tr("Sign in to import conversations.")
                                                        : tr("Choose a file on this computer."));
        return;
    }
    if (!m_import) {
        m_import = new HistoryImport(m_store, this);
        connect(m_import, &HistoryImport::finished, this,
                [this](int, int newMessages, const QString &error) {
                    Q_EMIT historyBusyChanged();
                    m_feed->refreshAll();
                    showImported(m_import->inserted());
                    if (!error.isEmpty())
                        Q_EMIT historyFinished(false, error);
                    else
                        Q_EMIT historyFinished(true,
                                               tr("New messages imported: %1.").arg(newMessages));
                });
    }
    m_import->start(file.toLocalFile(), m_account->userId());
    Q_EMIT historyBusyChanged();
}

void Client::connectBackup()
{
    connect(m_backup, &HistoryBackup::restored, this, [this](const QList<StoredMessage> &rows) {
        m_feed->refreshAll();
        showImported(rows);
    });
}

void Client::showImported(const QList<StoredMessage> &rows)
{
    // Conversations opened since the start show rows new to the cache as the log's, but only
    // after their first loaded row: older ones come with the next page, so no gap opens.
    QHash<qint64, QList<StoredMessage>> byConversation;
    for (const StoredMessage &row : rows)
        byConversation[row.conversationId].append(row);
    for (auto it = byConversation.cbegin(); it != byConversation.cend(); ++it) {
        Chat *chat = m_chats.value(it.key());
        // A conversation still loading reads its first page from the cache, imported rows
        // included; one that showed nothing takes them all.
        if (!chat || !chat->messages()->isLoaded())
            continue;
        const qint64 first = chat->messages()->rowCount() == 0
                ? 0
                : chat->messages()->index(0).data(MessageListModel::SeqRole).toLongLong();
        QList<StoredMessage> shown;
        for (const StoredMessage &row : it.value()) {
            if (row.seq > first)
                shown.append(row);
        }
        if (!shown.isEmpty())
            chat->messages()->addMessages(shown);
    }
}

} // namespace Parley
