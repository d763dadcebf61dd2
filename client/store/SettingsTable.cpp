#include "SettingsTable.h"

#include "StoreSql_p.h"

#include <QtSql/QSqlDatabase>

namespace Parley {

using namespace Qt::StringLiterals;
using StoreSql::exec;

QVariant SettingsTable::value(const QString &key)
{
    QSqlQuery q(m_db);
    q.prepare(u"SELECT value FROM settings WHERE key = ?"_s);
    q.addBindValue(key);
    return exec(q) && q.next() ? q.value(0) : QVariant();
}

void SettingsTable::setValue(const QString &key, const QVariant &value)
{
    QSqlQuery q(m_db);
    q.prepare(u"INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)"_s);
    q.addBindValue(key);
    q.addBindValue(value);
    exec(q);
}

void SettingsTable::remove(const QString &key)
{
    QSqlQuery q(m_db);
    q.prepare(u"DELETE FROM settings WHERE key = ?"_s);
    q.addBindValue(key);
    exec(q);
}

QVariantMap SettingsTable::withPrefix(const QString &prefix)
{
    QVariantMap map;
    QSqlQuery q(m_db);
    q.prepare(u"SELECT key, value FROM settings WHERE substr(key, 1, ?) = ?"_s);
    q.addBindValue(prefix.size());
    q.addBindValue(prefix);
    if (exec(q)) {
        while (q.next())
            map.insert(q.value(0).toString().mid(prefix.size()), q.value(1));
    }
    return map;
}

void SettingsTable::wipeAccountData()
{
    m_db.transaction();
    QSqlQuery q(m_db);
    // Pinned server certificates outlive a logout.
    for (const auto &statement :
         {u"DELETE FROM conversations"_s, u"DELETE FROM members"_s, u"DELETE FROM messages"_s,
          u"DELETE FROM reactions"_s, u"DELETE FROM cursors"_s, u"DELETE FROM outbox"_s,
          u"DELETE FROM uploads"_s, u"DELETE FROM profiles"_s,
          u"DELETE FROM settings WHERE key NOT LIKE 'pin/%'"_s}) {
        if (!q.exec(statement))
            StoreSql::logFailure(q);
    }
    m_db.commit();
}

} // namespace Parley
