#include "UserLookup.h"

#include "net/Connection.h"
#include "protocol/Frames.h"

namespace Parley {

QFuture<Result<qint64>> lookUpUser(Connection *connection, const QString &username)
{
    return connection->request(FindUserFrame{username.trimmed().toLower()})
            .then(connection, [](const Result<RawFrame> &reply) -> Result<qint64> {
                auto found = reply ? FrameCodec::read<UserFoundFrame>(*reply)
                                   : Result<UserFoundFrame>(reply.error());
                if (!found)
                    return found.error();
                return found->user.userId;
            });
}

} // namespace Parley
