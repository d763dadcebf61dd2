#pragma once

/// The readable side of an export: one self-contained HTML page per conversation and an index
/// page listing them (inline CSS, no scripts, nothing from the network; every text escaped).

#include <QtCore/QCoreApplication>
#include <QtCore/QJsonObject>
#include <QtCore/QList>
#include <QtCore/QString>

namespace Parley {

class ConversationArchive;

class HtmlPage
{
    Q_DECLARE_TR_FUNCTIONS(HtmlPage)

public:
    /// The page of one conversation; attachments are linked by their relative `file` path.
    static QString conversation(const ConversationArchive &archive);
    /// The index: one link per conversation, `conversations` as the manifest lists them
    /// ({id, title, html, messages, lastActivity}).
    static QString index(const QList<QJsonObject> &conversations, const QString &account);

    /// The name a conversation goes by in the export: its title, or the other members' names.
    static QString conversationTitle(const QJsonObject &conversation, qint64 selfUserId);
};

} // namespace Parley
