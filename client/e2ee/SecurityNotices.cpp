#include "SecurityNotices.h"

#include <QtCore/QDateTime>
#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlQuery>

namespace Parley {

using namespace Qt::StringLiterals;

SecurityNotices::SecurityNotices(KeyVault *vault, QObject *parent) : QObject(parent), m_vault(vault)
{
}

void SecurityNotices::reset()
{
    ++m_generation;
    m_notices.clear();
    m_loaded = false;
}

void SecurityNotices::load()
{
    const quint64 generation = m_generation;
    m_vault->run<QList<SecurityNotice>>([](VaultTransaction &tx) {
               QList<SecurityNotice> notices;
               QSqlQuery q(QSqlDatabase::database(tx.connectionName, false));
               q.prepare(u"SELECT id, user_id, kind, verification_cleared, at FROM e2ee_notices"
                         " ORDER BY id"_s);
               if (!q.exec())
                   return notices;
               while (q.next()) {
                   notices.append({q.value(0).toLongLong(), q.value(1).toLongLong(),
                                   ContactTrust::Change(q.value(2).toInt()), q.value(3).toBool(),
                                   q.value(4).toLongLong()});
               }
               return notices;
           })
            .then(this, [this, generation](const std::optional<QList<SecurityNotice>> &notices) {
                if (!notices || generation != m_generation)
                    return;
                // Lines added while loading are in the table too: the table is the whole list.
                m_notices = *notices;
                m_loaded = true;
                Q_EMIT loaded();
            });
}

QList<SecurityNotice> SecurityNotices::of(const QList<qint64> &userIds) const
{
    QList<SecurityNotice> result;
    for (const SecurityNotice &notice : m_notices) {
        if (userIds.contains(notice.userId))
            result.append(notice);
    }
    return result;
}

void SecurityNotices::add(qint64 userId, ContactTrust::Change change, bool verificationCleared)
{
    const quint64 generation = m_generation;
    const qint64 at = QDateTime::currentMSecsSinceEpoch();
    m_vault->run<qint64>([userId, change, verificationCleared, at](VaultTransaction &tx) {
               QSqlQuery q(QSqlDatabase::database(tx.connectionName, false));
               q.prepare(u"INSERT INTO e2ee_notices (user_id, kind, verification_cleared, at)"
                         " VALUES (?, ?, ?, ?)"_s);
               q.addBindValue(userId);
               q.addBindValue(int(change));
               q.addBindValue(verificationCleared);
               q.addBindValue(at);
               if (!q.exec())
                   return qint64(0);
               const qint64 id = q.lastInsertId().toLongLong();
               q.prepare(u"DELETE FROM e2ee_notices WHERE id <= ?"_s);
               q.addBindValue(id - MaxKept);
               q.exec();
               return id;
           })
            .then(this, [=, this](const std::optional<qint64> &id) {
                if (!id || *id == 0 || generation != m_generation)
                    return;
                const SecurityNotice notice{*id, userId, change, verificationCleared, at};
                if (m_loaded && !m_notices.contains(notice)) {
                    m_notices.append(notice);
                    if (m_notices.size() > MaxKept)
                        m_notices.removeFirst();
                }
                Q_EMIT added(notice);
            });
}

} // namespace Parley
