#pragma once

/// Where Redis is: `redis://host:port[/db]` as given to --redis (docs/operations.md).

#include "protocol/Result.h"

#include <QtCore/QString>

namespace Parley {

struct RedisUrl
{
    QString host;
    quint16 port = 6379;
    int database = 0;

    /// Accepts redis://host[:port][/db]; host is an IP address or a name.
    static Result<RedisUrl> parse(const QString &text);
    QString displayName() const;
};

} // namespace Parley
