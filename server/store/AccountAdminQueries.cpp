// AccountQueries: what the admin commands change on accounts beyond the server's own queries.
#include "AccountQueries.h"

#include "Database.h"

#include <QtSql/QSqlQuery>

namespace Parley {

using namespace Qt::StringLiterals;

Status AccountQueries::renameUser(qint64 userId, const QString &newUsername)
{
    auto r = m_db.inTransaction<bool>([&]() -> Result<bool> {
        QSqlQuery &taken = m_db.prepared("SELECT id FROM users WHERE username = ? AND id <> ?");
        taken.bindValue(0, newUsername);
        taken.bindValue(1, userId);
        if (!m_db.exec(taken, "username lookup"))
            return m_db.storageError("look up the username");
        if (taken.next())
            return Error{ErrorCode::UsernameTaken, u"the username %1 is taken"_s.arg(newUsername)};
        taken.finish();
        QSqlQuery &q = m_db.prepared("UPDATE users SET username = ? WHERE id = ?");
        q.bindValue(0, newUsername);
        q.bindValue(1, userId);
        if (!m_db.exec(q, "user rename"))
            return m_db.storageError("rename the user");
        if (q.numRowsAffected() != 1)
            return Error{ErrorCode::NoSuchUser, u"no such user"_s};
        return true;
    });
    if (!r)
        return r.error();
    return {};
}

Result<int> AccountQueries::deleteUser(qint64 userId, qint64 now)
{
    return m_db.inTransaction<int>([&]() -> Result<int> {
        QSqlQuery &count = m_db.prepared("SELECT COUNT(*) FROM devices WHERE user_id = ?");
        count.bindValue(0, userId);
        if (!m_db.exec(count, "device count") || !count.next())
            return m_db.storageError("count the devices");
        const int devices = count.value(0).toInt();
        count.finish();
        // Revoked, not deleted: the running server polls for revocations and closes the
        // devices' live sessions; receipts and messages keep pointing at real rows.
        struct Step
        {
            const char *sql;
            QVariantList values;
        };
        const Step steps[] = {
                {"UPDATE devices SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL",
                 {now, userId}},
                {"DELETE FROM prekeys WHERE device_id IN (SELECT id FROM devices WHERE user_id = "
                 "?)",
                 {userId}},
                {"DELETE FROM inbox WHERE device_id IN (SELECT id FROM devices WHERE user_id = ?)",
                 {userId}},
                {"UPDATE devices SET registration_id = NULL, identity_key = NULL, "
                 "signed_prekey_id = NULL, signed_prekey = NULL, signed_prekey_signature = NULL "
                 "WHERE user_id = ?",
                 {userId}},
                {"DELETE FROM blocks WHERE user_id = ? OR blocked_user_id = ?", {userId, userId}},
                // An empty hash matches no password; the new name frees the old one and cannot
                // be registered (it has spaces).
                {"UPDATE users SET disabled = 1, password_hash = '', "
                 "username = 'deleted account #' || CAST(id AS TEXT) WHERE id = ?",
                 {userId}},
        };
        for (const Step &step : steps) {
            QSqlQuery &q = m_db.prepared(step.sql);
            for (int i = 0; i < step.values.size(); ++i)
                q.bindValue(i, step.values.at(i));
            if (!m_db.exec(q, "user delete"))
                return m_db.storageError("delete the user");
        }
        return devices;
    });
}

} // namespace Parley
