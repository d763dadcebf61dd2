#pragma once

/// Starts conversations on the server: a direct chat with a username, a group with a title and
/// usernames (each name looked up first, docs/protocol.md `findUser`, `createDirect`,
/// `createGroup`). Client opens what it reports.

#include "model/Conversation.h"
#include "protocol/FrameCodec.h"

#include <QtCore/QObject>
#include <QtCore/QStringList>

namespace Parley {

class Connection;

class ConversationStarter : public QObject
{
    Q_OBJECT

public:
    explicit ConversationStarter(Connection *connection, QObject *parent = nullptr);

    void startDirect(const QString &username);
    /// The names are looked up one after another; the first that fails ends it (failed()).
    void createGroup(const QString &title, const QStringList &usernames);

Q_SIGNALS:
    /// The server made (or, for a direct chat, already had) the conversation.
    void started(const Parley::Conversation &conversation);
    void failed(const Parley::Error &error);

private:
    void lookUpNext(const QString &title, QList<qint64> ids, QStringList names);
    void finish(const Result<RawFrame> &reply);

    Connection *m_connection;
};

} // namespace Parley
