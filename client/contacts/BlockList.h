#pragma once

/// The user's block list (docs/protocol.md, `block` and `listBlocked`), kept in step with the
/// server: fetched each time the Connection authenticates, replaced by the `blockList` pushes
/// (PushDispatcher hands them over) that follow a change on another device, and changed with block()/unblock(). GUI thread.

#include "protocol/Result.h"

#include <QtCore/QFuture>
#include <QtCore/QList>
#include <QtCore/QObject>
#include <QtCore/QPointer>

namespace Parley {

class Connection;
class PushDispatcher;
struct BlockListFrame;

class BlockList : public QObject
{
    Q_OBJECT
public:
    BlockList(Connection *connection, PushDispatcher *pushes, QObject *parent = nullptr);

    /// The user ids blocked, ascending; empty until the first fetch.
    QList<qint64> users() const { return m_users; }
    bool isBlocked(qint64 userId) const { return m_users.contains(userId); }
    /// Whether the list was fetched since the last authentication.
    bool isLoaded() const { return m_loaded; }

    /// Blocks or unblocks; the future finishes (on this thread) when the server answered, and
    /// the list is updated before it does.
    QFuture<Status> block(qint64 userId);
    QFuture<Status> unblock(qint64 userId);
    /// Fetches the list again (done on every authentication by itself).
    void refresh();

Q_SIGNALS:
    void changed();
    void errorOccurred(const Parley::Error &error);

private:
    QFuture<Status> setBlocked(qint64 userId, bool blocked);
    void pushed(const BlockListFrame &list);
    void replace(QList<qint64> users);

    QPointer<Connection> m_connection;
    QList<qint64> m_users;
    bool m_loaded = false;
};

} // namespace Parley
