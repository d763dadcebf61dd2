#include "ProfileTable.h"

#include "StoreSql_p.h"

#include <QtSql/QSqlDatabase>

namespace Parley {

using namespace Qt::StringLiterals;
using StoreSql::exec;

bool ProfileTable::offer(const StoredProfile &profile)
{
    if (profile.userId <= 0 || profile.version <= 0)
        return false;
    QSqlQuery q(m_db);
    q.prepare(u"INSERT INTO profiles (user_id, name, picture, version) VALUES (?, ?, ?, ?)"
              " ON CONFLICT (user_id) DO UPDATE SET name = excluded.name,"
              " picture = excluded.picture, version = excluded.version"
              " WHERE excluded.version > profiles.version"_s);
    q.addBindValue(profile.userId);
    q.addBindValue(StoreSql::notNull(profile.displayName));
    q.addBindValue(profile.picture.isEmpty() ? QVariant() : QVariant(profile.picture));
    q.addBindValue(profile.version);
    return exec(q) && q.numRowsAffected() > 0;
}

QList<StoredProfile> ProfileTable::profiles(const QList<qint64> &userIds)
{
    QList<StoredProfile> result;
    QSqlQuery q(m_db);
    const auto read = [&] {
        while (q.next())
            result.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toByteArray(),
                           q.value(3).toLongLong()});
    };
    if (userIds.isEmpty()) {
        if (q.exec(u"SELECT user_id, name, picture, version FROM profiles"_s))
            read();
        else
            StoreSql::logFailure(q);
        return result;
    }
    q.prepare(u"SELECT user_id, name, picture, version FROM profiles WHERE user_id = ?"_s);
    for (const qint64 id : userIds) {
        q.addBindValue(id);
        if (exec(q))
            read();
    }
    return result;
}

QHash<qint64, qint64> ProfileTable::sentVersions()
{
    QHash<qint64, qint64> sent;
    QSqlQuery q(m_db);
    if (!q.exec(u"SELECT id, profile_sent FROM conversations WHERE profile_sent != 0"_s)) {
        StoreSql::logFailure(q);
        return sent;
    }
    while (q.next())
        sent.insert(q.value(0).toLongLong(), q.value(1).toLongLong());
    return sent;
}

void ProfileTable::setSentVersion(qint64 conversationId, qint64 version)
{
    QSqlQuery q(m_db);
    q.prepare(u"UPDATE conversations SET profile_sent = ? WHERE id = ?"_s);
    q.addBindValue(version);
    q.addBindValue(conversationId);
    exec(q);
}

} // namespace Parley
