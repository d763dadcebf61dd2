#include "BlockList.h"

#include "net/Connection.h"
#include "net/PushDispatcher.h"
#include "protocol/Frames.h"

#include <algorithm>

namespace Parley {

using namespace Qt::StringLiterals;

namespace {

Status statusOf(const Result<RawFrame> &reply)
{
    if (!reply)
        return reply.error();
    if (reply->type == FrameType::Error) {
        auto e = FrameCodec::read<ErrorFrame>(*reply);
        return e ? Error{e->code, e->message} : e.error();
    }
    return {};
}

} // namespace

BlockList::BlockList(Connection *connection, PushDispatcher *pushes, QObject *parent)
    : QObject(parent),
      m_connection(connection)
{
    connect(connection, &Connection::authenticated, this, &BlockList::refresh);
    pushes->route(this, &BlockList::pushed);
    if (connection->isReady())
        refresh();
}

void BlockList::refresh()
{
    if (!m_connection)
        return;
    m_connection->request(ListBlockedFrame{}).then(this, [this](Result<RawFrame> reply) {
        if (Status s = statusOf(reply); !s) {
            Q_EMIT errorOccurred(s.error());
            return;
        }
        auto list = FrameCodec::read<BlockListFrame>(*reply);
        if (!list) {
            Q_EMIT errorOccurred(list.error());
            return;
        }
        m_loaded = true;
        replace(list->userIds);
    });
}

QFuture<Status> BlockList::block(qint64 userId)
{
    return setBlocked(userId, true);
}

QFuture<Status> BlockList::unblock(qint64 userId)
{
    return setBlocked(userId, false);
}

QFuture<Status> BlockList::setBlocked(qint64 userId, bool blocked)
{
    if (!m_connection)
        return QtFuture::makeReadyFuture(Status(Error{ErrorCode::Unavailable, u"no connection"_s}));
    return m_connection->request(BlockFrame{userId, blocked})
            .then(this, [this, userId, blocked](Result<RawFrame> reply) {
                Status s = statusOf(reply);
                if (s) {
                    // The server pushes the new list to the other devices, not to this one.
                    QList<qint64> users = m_users;
                    users.removeAll(userId);
                    if (blocked)
                        users.append(userId);
                    replace(std::move(users));
                }
                return s;
            });
}

void BlockList::pushed(const BlockListFrame &list)
{
    m_loaded = true;
    replace(list.userIds);
}

void BlockList::replace(QList<qint64> users)
{
    std::sort(users.begin(), users.end());
    if (users == m_users)
        return;
    m_users = std::move(users);
    Q_EMIT changed();
}

} // namespace Parley
