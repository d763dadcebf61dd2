#include "ConversationStarter.h"

#include "contacts/UserLookup.h"
#include "net/Connection.h"
#include "protocol/Frames.h"

namespace Parley {

ConversationStarter::ConversationStarter(Connection *connection, QObject *parent)
    : QObject(parent),
      m_connection(connection)
{
}

void ConversationStarter::startDirect(const QString &username)
{
    lookUpUser(m_connection, username).then(this, [this](const Result<qint64> &userId) {
        if (!userId) {
            Q_EMIT failed(userId.error());
            return;
        }
        m_connection->request(CreateDirectFrame{*userId})
                .then(this, [this](const Result<RawFrame> &reply) { finish(reply); });
    });
}

void ConversationStarter::createGroup(const QString &title, const QStringList &usernames)
{
    lookUpNext(title, {}, usernames);
}

void ConversationStarter::lookUpNext(const QString &title, QList<qint64> ids, QStringList names)
{
    if (names.isEmpty()) {
        m_connection->request(CreateGroupFrame{title, ids})
                .then(this, [this](const Result<RawFrame> &reply) { finish(reply); });
        return;
    }
    const QString next = names.takeFirst();
    lookUpUser(m_connection, next)
            .then(this, [this, title, ids, names](const Result<qint64> &userId) mutable {
                if (!userId) {
                    Q_EMIT failed(userId.error());
                    return;
                }
                ids.append(*userId);
                lookUpNext(title, ids, names);
            });
}

void ConversationStarter::finish(const Result<RawFrame> &reply)
{
    auto info = reply ? FrameCodec::read<ConversationInfoFrame>(*reply)
                      : Result<ConversationInfoFrame>(reply.error());
    if (!info) {
        Q_EMIT failed(info.error());
        return;
    }
    Q_EMIT started(info->conversation);
}

} // namespace Parley
