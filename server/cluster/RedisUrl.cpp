#include "RedisUrl.h"

#include <QtCore/QUrl>

namespace Parley {

using namespace Qt::StringLiterals;

Result<RedisUrl> RedisUrl::parse(const QString &text)
{
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || url.scheme() != "redis"_L1 || url.host().isEmpty())
        return Error{ErrorCode::InvalidArgument,
                     u"--redis needs redis://host:port[/db], not \"%1\""_s.arg(text)};
    if (!url.userInfo().isEmpty() || url.hasQuery() || url.hasFragment())
        return Error{ErrorCode::InvalidArgument,
                     u"--redis takes only host, port and database number"_s};
    RedisUrl out;
    out.host = url.host();
    const int port = url.port(6379);
    if (port < 1 || port > 65535)
        return Error{ErrorCode::InvalidArgument, u"--redis: bad port"_s};
    out.port = quint16(port);
    QString path = url.path();
    if (path.startsWith(u'/'))
        path = path.mid(1);
    if (!path.isEmpty()) {
        bool ok = false;
        out.database = path.toInt(&ok);
        if (!ok || out.database < 0 || out.database > 1000)
            return Error{ErrorCode::InvalidArgument,
                         u"--redis: the database is a number, not \"%1\""_s.arg(path)};
    }
    return out;
}

QString RedisUrl::displayName() const
{
    return u"redis://%1:%2/%3"_s.arg(host).arg(port).arg(database);
}

} // namespace Parley
