#include "DatabaseUrl.h"

#include <QtCore/QUrl>
#include <QtCore/QUrlQuery>

namespace Parley {

using namespace Qt::StringLiterals;

Result<DatabaseUrl> DatabaseUrl::parse(const QString &text)
{
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || (url.scheme() != "postgresql"_L1 && url.scheme() != "postgres"_L1))
        return Error{ErrorCode::InvalidArgument,
                     u"--database must be postgresql://user:password@host:port/database"_s};
    DatabaseUrl db;
    db.kind = Kind::Postgres;
    db.host = url.host().isEmpty() ? u"localhost"_s : url.host();
    db.port = url.port(5432);
    db.user = url.userName(QUrl::FullyDecoded);
    db.password = url.password(QUrl::FullyDecoded);
    db.name = url.path(QUrl::FullyDecoded).mid(1);
    if (db.name.isEmpty())
        db.name = db.user.isEmpty() ? u"parley"_s : db.user;
    QStringList options;
    for (const auto &[key, value] : QUrlQuery(url).queryItems(QUrl::FullyDecoded))
        options.append(key + u'=' + value);
    db.options = options.join(u';');
    return db;
}

DatabaseUrl DatabaseUrl::sqlite(const QString &path)
{
    DatabaseUrl db;
    db.kind = Kind::Sqlite;
    db.sqlitePath = path;
    return db;
}

QString DatabaseUrl::displayName() const
{
    if (kind == Kind::Sqlite)
        return u"sqlite:"_s + sqlitePath;
    return u"postgresql://%1@%2:%3/%4"_s.arg(user, host).arg(port).arg(name);
}

} // namespace Parley
