#include "Database.h"

#include "Logging.h"
#include "Migrations.h"

#include <QtCore/QAtomicInteger>
#include <QtCore/QFileInfo>
#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlError>
#include <QtSql/QSqlQuery>

#include <algorithm>

namespace Parley {

using namespace Qt::StringLiterals;

namespace {

QAtomicInteger<quint64> s_connectionCounter;

QVariant nullBlob()
{
    return QVariant(QMetaType::fromType<QByteArray>());
}

/// Text for a NOT NULL column: a null QString would bind as NULL.
QVariant text(const QString &s)
{
    return s.isNull() ? QVariant(QString(u""_s)) : QVariant(s);
}

QVariant blob(const QByteArray &bytes)
{
    return bytes.isNull() ? nullBlob() : QVariant(bytes);
}

Envelope envelopeFrom(const QSqlQuery &q)
{
    // Columns: conversation_id, seq, sender_user_id, sender_device_id, client_id, server_time,
    // kind, body
    Envelope e;
    e.conversationId = q.value(0).toLongLong();
    e.seq = q.value(1).toLongLong();
    e.senderUserId = q.value(2).toLongLong();
    e.senderDeviceId = q.value(3).toLongLong();
    e.clientId = q.value(4).toByteArray();
    e.serverTime = q.value(5).toLongLong();
    e.kind = q.value(6).toInt() == 1 ? MessageKind::Membership : MessageKind::Content;
    e.body = q.value(7).toByteArray();
    return e;
}

DeviceRecord deviceFrom(const QSqlQuery &q)
{
    // Columns: id, user_id, name, created_at, last_seen_at, revoked_at, username
    DeviceRecord d;
    d.id = q.value(0).toLongLong();
    d.userId = q.value(1).toLongLong();
    d.name = q.value(2).toString();
    d.createdAt = q.value(3).toLongLong();
    d.lastSeenAt = q.value(4).toLongLong();
    d.revokedAt = q.value(5).isNull() ? 0 : q.value(5).toLongLong();
    d.username = q.value(6).toString();
    return d;
}

UserRecord userFrom(const QSqlQuery &q)
{
    // Columns: id, username, password_hash, disabled, created_at, last_seen_at
    UserRecord u;
    u.id = q.value(0).toLongLong();
    u.username = q.value(1).toString();
    u.passwordHash = q.value(2).toString();
    u.disabled = q.value(3).toInt() != 0;
    u.createdAt = q.value(4).toLongLong();
    u.lastSeenAt = q.value(5).toLongLong();
    return u;
}

constexpr const char *DeviceColumns =
        "d.id, d.user_id, d.name, d.created_at, d.last_seen_at, d.revoked_at, u.username";

} // namespace

Database::Database(DatabaseUrl url)
    : m_url(std::move(url)),
      m_connectionName(u"parley-store-%1"_s.arg(s_connectionCounter.fetchAndAddRelaxed(1)))
{
}

Database::~Database()
{
    close();
}

Status Database::open()
{
    QSqlDatabase db;
    if (m_url.kind == DatabaseUrl::Kind::Sqlite) {
        db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connectionName);
        db.setDatabaseName(m_url.sqlitePath);
        db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=5000"_s);
    } else {
        db = QSqlDatabase::addDatabase(u"QPSQL"_s, m_connectionName);
        db.setHostName(m_url.host);
        db.setPort(m_url.port);
        db.setUserName(m_url.user);
        db.setPassword(m_url.password);
        db.setDatabaseName(m_url.name);
        QString options = u"connect_timeout=5"_s;
        if (!m_url.options.isEmpty())
            options += u';' + m_url.options;
        db.setConnectOptions(options);
    }
    if (!db.isValid())
        return Error{ErrorCode::StorageError,
                     u"the Qt SQL driver for %1 is not installed"_s.arg(m_url.displayName())};
    if (!db.open()) {
        const QString message = db.lastError().text();
        qCWarning(lcServerStore) << "cannot open" << m_url.displayName() << ":" << message;
        return Error{ErrorCode::Unavailable, u"cannot open the database: %1"_s.arg(message)};
    }
    if (m_url.kind == DatabaseUrl::Kind::Postgres) {
        // Keep NOTICEs (e.g. "already exists, skipping") out of the admin commands' output.
        QSqlQuery q(db);
        if (!q.exec(u"SET client_min_messages = warning"_s))
            return Error{ErrorCode::StorageError, q.lastError().text()};
    }
    if (m_url.kind == DatabaseUrl::Kind::Sqlite) {
        QSqlQuery q(db);
        // WAL: readers never block the writer; FULL: an acknowledged commit survives power loss.
        for (const char *pragma :
             {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL", "PRAGMA foreign_keys=ON"}) {
            if (!q.exec(QString::fromLatin1(pragma)))
                return Error{ErrorCode::StorageError, q.lastError().text()};
        }
    }
    return {};
}

void Database::close()
{
    qDeleteAll(m_statements);
    m_statements.clear();
    if (QSqlDatabase::contains(m_connectionName)) {
        {
            QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_connectionName);
    }
}

bool Database::connectionLost()
{
    if (!QSqlDatabase::contains(m_connectionName))
        return true;
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    if (!db.isOpen())
        return true;
    if (m_url.kind == DatabaseUrl::Kind::Sqlite)
        return false;
    QSqlQuery probe(db);
    return !probe.exec(u"SELECT 1"_s);
}

Status Database::reopen()
{
    qCInfo(lcServerStore) << "reconnecting to" << m_url.displayName();
    close();
    return open();
}

QSqlQuery &Database::prepared(const char *sql)
{
    auto it = m_statements.find(sql);
    if (it == m_statements.end()) {
        auto *q = new QSqlQuery(QSqlDatabase::database(m_connectionName, false));
        if (!q->prepare(QString::fromUtf8(sql)))
            qCWarning(lcServerStore) << "cannot prepare a statement:" << q->lastError().text();
        it = m_statements.insert(sql, q);
    }
    (*it)->finish();
    return **it;
}

bool Database::exec(QSqlQuery &query, const char *what)
{
    if (query.exec())
        return true;
    m_lastError = query.lastError().text();
    qCWarning(lcServerStore) << what << "failed:" << m_lastError;
    return false;
}

Error Database::storageError(const char *what) const
{
    return Error{ErrorCode::StorageError,
                 u"the server could not %1"_s.arg(QLatin1StringView(what))};
}

void Database::finishAll()
{
    for (QSqlQuery *q : std::as_const(m_statements))
        q->finish();
}

bool Database::execRaw(const char *sql)
{
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    if (q.exec(QString::fromLatin1(sql)))
        return true;
    m_lastError = q.lastError().text();
    qCWarning(lcServerStore) << sql << "failed:" << m_lastError;
    return false;
}

Status Database::begin()
{
    // An open statement would pin an old snapshot: SQLite then refuses to write ("locked").
    finishAll();
    if (m_url.kind == DatabaseUrl::Kind::Sqlite) {
        // IMMEDIATE takes the write lock now (waiting out other writers, e.g. an admin
        // command), instead of failing later when a read turns into a write.
        if (!execRaw("BEGIN IMMEDIATE"))
            return storageError("start a transaction");
        return {};
    }
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    if (!db.transaction()) {
        m_lastError = db.lastError().text();
        qCWarning(lcServerStore) << "begin failed:" << m_lastError;
        return storageError("start a transaction");
    }
    return {};
}

Status Database::commit()
{
    // SQLite refuses to commit while a statement still has a result open.
    finishAll();
    if (m_url.kind == DatabaseUrl::Kind::Sqlite) {
        if (!execRaw("COMMIT")) {
            execRaw("ROLLBACK");
            return storageError("commit");
        }
        return {};
    }
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    if (!db.commit()) {
        m_lastError = db.lastError().text();
        qCWarning(lcServerStore) << "commit failed:" << m_lastError;
        db.rollback();
        return storageError("commit");
    }
    return {};
}

void Database::rollback()
{
    finishAll();
    if (m_url.kind == DatabaseUrl::Kind::Sqlite) {
        execRaw("ROLLBACK");
        return;
    }
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    db.rollback();
}

template<typename T>
Result<T> Database::inTransaction(const std::function<Result<T>()> &work)
{
    if (Status s = begin(); !s)
        return s.error();
    Result<T> result = work();
    if (!result) {
        rollback();
        return result;
    }
    if (Status s = commit(); !s)
        return s.error();
    return result;
}

// --- schema --------------------------------------------------------------------------------

int Database::schemaVersion()
{
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    if (!q.exec(u"SELECT version FROM schema_version"_s) || !q.next())
        return 0;
    return q.value(0).toInt();
}

Status Database::migrate(int target)
{
    if (target < 0)
        target = Migrations::latestVersion();
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    QSqlQuery q(db);
    if (!q.exec(u"CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)"_s))
        return Error{ErrorCode::StorageError, q.lastError().text()};
    while (true) {
        if (Status s = begin(); !s)
            return s;
        QSqlQuery tx(db);
        if (isPostgres() && !tx.exec(u"SELECT pg_advisory_xact_lock(7443001)"_s)) {
            rollback();
            return Error{ErrorCode::StorageError, tx.lastError().text()};
        }
        int current = 0;
        bool hasRow = false;
        if (tx.exec(u"SELECT version FROM schema_version"_s) && tx.next()) {
            current = tx.value(0).toInt();
            hasRow = true;
        }
        tx.finish();
        if (current > Migrations::latestVersion()) {
            rollback();
            return Error{ErrorCode::StorageError,
                         u"the database has schema version %1, newer than this parleyd (%2)"_s
                                 .arg(current)
                                 .arg(Migrations::latestVersion())};
        }
        if (current >= target) {
            rollback();
            return {};
        }
        const int next = current + 1;
        for (const QString &sql : Migrations::step(next, m_url.kind)) {
            if (!tx.exec(sql)) {
                const QString error = tx.lastError().text();
                rollback();
                return Error{ErrorCode::StorageError,
                             u"migration to version %1 failed: %2"_s.arg(next).arg(error)};
            }
        }
        tx.prepare(hasRow ? u"UPDATE schema_version SET version = ?"_s
                          : u"INSERT INTO schema_version (version) VALUES (?)"_s);
        tx.addBindValue(next);
        if (!tx.exec()) {
            const QString error = tx.lastError().text();
            rollback();
            return Error{ErrorCode::StorageError, error};
        }
        if (Status s = commit(); !s)
            return s;
        qCInfo(lcServerStore) << "schema migrated to version" << next;
    }
}

// --- accounts and devices ------------------------------------------------------------------

Result<qint64> Database::createUser(const QString &username, const QString &passwordHash,
                                    qint64 now)
{
    return inTransaction<qint64>([&]() -> Result<qint64> {
        QSqlQuery &check = prepared("SELECT id FROM users WHERE username = ?");
        check.bindValue(0, username);
        if (!exec(check, "user lookup"))
            return storageError("look up the user");
        if (check.next())
            return Error{ErrorCode::UsernameTaken, u"this username is taken"_s};
        QSqlQuery &q =
                prepared("INSERT INTO users (username, password_hash, created_at) VALUES (?, ?, ?) "
                         "RETURNING id");
        q.bindValue(0, username);
        q.bindValue(1, passwordHash);
        q.bindValue(2, now);
        if (!exec(q, "user insert") || !q.next())
            return storageError("create the user");
        return q.value(0).toLongLong();
    });
}

Result<UserRecord> Database::userByName(const QString &username)
{
    QSqlQuery &q =
            prepared("SELECT id, username, password_hash, disabled, created_at, last_seen_at "
                     "FROM users WHERE username = ?");
    q.bindValue(0, username);
    if (!exec(q, "user lookup"))
        return storageError("look up the user");
    if (!q.next())
        return Error{ErrorCode::NoSuchUser, u"no such user"_s};
    return userFrom(q);
}

Result<UserRecord> Database::userById(qint64 userId)
{
    QSqlQuery &q =
            prepared("SELECT id, username, password_hash, disabled, created_at, last_seen_at "
                     "FROM users WHERE id = ?");
    q.bindValue(0, userId);
    if (!exec(q, "user lookup"))
        return storageError("look up the user");
    if (!q.next())
        return Error{ErrorCode::NoSuchUser, u"no such user"_s};
    return userFrom(q);
}

Result<QList<UserRecord>> Database::listUsers()
{
    QSqlQuery &q =
            prepared("SELECT id, username, password_hash, disabled, created_at, last_seen_at "
                     "FROM users ORDER BY id");
    if (!exec(q, "user list"))
        return storageError("list users");
    QList<UserRecord> users;
    while (q.next())
        users.append(userFrom(q));
    return users;
}

Result<QList<UserRecord>> Database::usersByIds(const QList<qint64> &ids)
{
    QList<UserRecord> users;
    for (qint64 id : ids) {
        auto user = userById(id);
        if (!user)
            return user.error();
        users.append(std::move(user).value());
    }
    return users;
}

Status Database::setPasswordHash(qint64 userId, const QString &hash)
{
    QSqlQuery &q = prepared("UPDATE users SET password_hash = ? WHERE id = ?");
    q.bindValue(0, hash);
    q.bindValue(1, userId);
    if (!exec(q, "password update"))
        return storageError("change the password");
    if (q.numRowsAffected() != 1)
        return Error{ErrorCode::NoSuchUser, u"no such user"_s};
    return {};
}

Status Database::setUserDisabled(qint64 userId, bool disabled, qint64 now)
{
    auto r = inTransaction<bool>([&]() -> Result<bool> {
        QSqlQuery &q = prepared("UPDATE users SET disabled = ? WHERE id = ?");
        q.bindValue(0, disabled ? 1 : 0);
        q.bindValue(1, userId);
        if (!exec(q, "user disable"))
            return storageError("disable the user");
        if (q.numRowsAffected() != 1)
            return Error{ErrorCode::NoSuchUser, u"no such user"_s};
        if (disabled) {
            QSqlQuery &revoke = prepared(
                    "UPDATE devices SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL");
            revoke.bindValue(0, now);
            revoke.bindValue(1, userId);
            if (!exec(revoke, "device revoke"))
                return storageError("revoke the devices");
        }
        return true;
    });
    if (!r)
        return r.error();
    return {};
}

Status Database::setUserLastSeen(qint64 userId, qint64 when)
{
    QSqlQuery &q = prepared("UPDATE users SET last_seen_at = ? WHERE id = ? AND last_seen_at < ?");
    q.bindValue(0, when);
    q.bindValue(1, userId);
    q.bindValue(2, when);
    if (!exec(q, "last seen update"))
        return storageError("update last seen");
    return {};
}

Result<DeviceRecord> Database::createDevice(qint64 userId, const QString &name,
                                            const QByteArray &tokenHash, qint64 now, int maxDevices)
{
    return inTransaction<DeviceRecord>([&]() -> Result<DeviceRecord> {
        QSqlQuery &count =
                prepared("SELECT COUNT(*) FROM devices WHERE user_id = ? AND revoked_at IS NULL");
        count.bindValue(0, userId);
        if (!exec(count, "device count") || !count.next())
            return storageError("count devices");
        if (count.value(0).toInt() >= maxDevices)
            return Error{ErrorCode::TooManyDevices,
                         u"this account has %1 devices; revoke one first"_s.arg(maxDevices)};
        QSqlQuery &q = prepared(
                "INSERT INTO devices (user_id, name, token_hash, created_at, last_seen_at) "
                "VALUES (?, ?, ?, ?, ?) RETURNING id");
        q.bindValue(0, userId);
        q.bindValue(1, text(name));
        q.bindValue(2, tokenHash);
        q.bindValue(3, now);
        q.bindValue(4, now);
        if (!exec(q, "device insert") || !q.next())
            return storageError("create the device");
        DeviceRecord d;
        d.id = q.value(0).toLongLong();
        d.userId = userId;
        d.name = name;
        d.createdAt = now;
        d.lastSeenAt = now;
        return d;
    });
}

Result<DeviceRecord> Database::deviceByTokenHash(const QByteArray &tokenHash)
{
    static const QByteArray sql = QByteArray("SELECT ") + DeviceColumns
            + ", u.disabled FROM devices d JOIN users u ON u.id = d.user_id WHERE d.token_hash = ?";
    QSqlQuery &q = prepared(sql.constData());
    q.bindValue(0, tokenHash);
    if (!exec(q, "device lookup"))
        return storageError("look up the device");
    if (!q.next())
        return Error{ErrorCode::InvalidToken, u"unknown or revoked device token"_s};
    DeviceRecord d = deviceFrom(q);
    if (d.revokedAt)
        return Error{ErrorCode::InvalidToken, u"unknown or revoked device token"_s};
    if (q.value(7).toInt() != 0)
        return Error{ErrorCode::AccountDisabled, u"this account is disabled"_s};
    return d;
}

Result<DeviceRecord> Database::deviceById(qint64 deviceId)
{
    static const QByteArray sql = QByteArray("SELECT ") + DeviceColumns
            + " FROM devices d JOIN users u ON u.id = d.user_id WHERE d.id = ?";
    QSqlQuery &q = prepared(sql.constData());
    q.bindValue(0, deviceId);
    if (!exec(q, "device lookup"))
        return storageError("look up the device");
    if (!q.next())
        return Error{ErrorCode::NoSuchDevice, u"no such device"_s};
    return deviceFrom(q);
}

Result<QList<DeviceRecord>> Database::listDevices(qint64 userId)
{
    static const QByteArray sql = QByteArray("SELECT ") + DeviceColumns
            + " FROM devices d JOIN users u ON u.id = d.user_id "
              "WHERE d.user_id = ? AND d.revoked_at IS NULL ORDER BY d.id";
    QSqlQuery &q = prepared(sql.constData());
    q.bindValue(0, userId);
    if (!exec(q, "device list"))
        return storageError("list devices");
    QList<DeviceRecord> devices;
    while (q.next())
        devices.append(deviceFrom(q));
    return devices;
}

Result<QList<qint64>> Database::devicesRevokedSince(qint64 since)
{
    QSqlQuery &q = prepared("SELECT id FROM devices WHERE revoked_at >= ? ORDER BY id");
    q.bindValue(0, since);
    if (!exec(q, "revoked devices"))
        return storageError("list revoked devices");
    QList<qint64> ids;
    while (q.next())
        ids.append(q.value(0).toLongLong());
    return ids;
}

Result<DeviceRecord> Database::revokeDevice(qint64 deviceId, qint64 ownerUserId, qint64 now)
{
    return inTransaction<DeviceRecord>([&]() -> Result<DeviceRecord> {
        auto device = deviceById(deviceId);
        if (!device)
            return device.error();
        if (device->revokedAt || (ownerUserId && device->userId != ownerUserId))
            return Error{ErrorCode::NoSuchDevice, u"no such device"_s};
        QSqlQuery &q = prepared("UPDATE devices SET revoked_at = ? WHERE id = ?");
        q.bindValue(0, now);
        q.bindValue(1, deviceId);
        if (!exec(q, "device revoke"))
            return storageError("revoke the device");
        // Nothing waits for a revoked device: its inbox and one-time pre-keys go.
        QSqlQuery &inbox = prepared("DELETE FROM inbox WHERE device_id = ?");
        inbox.bindValue(0, deviceId);
        QSqlQuery &keys = prepared("DELETE FROM prekeys WHERE device_id = ?");
        keys.bindValue(0, deviceId);
        if (!exec(inbox, "inbox purge") || !exec(keys, "pre-key purge"))
            return storageError("revoke the device");
        device->revokedAt = now;
        return device;
    });
}

Status Database::touchDevice(qint64 deviceId, qint64 when)
{
    QSqlQuery &q = prepared("UPDATE devices SET last_seen_at = ? WHERE id = ?");
    q.bindValue(0, when);
    q.bindValue(1, deviceId);
    if (!exec(q, "device touch"))
        return storageError("update the device");
    return {};
}

Status Database::setBlocked(qint64 userId, qint64 blockedUserId, bool blocked)
{
    QSqlQuery &q = blocked
            ? prepared("INSERT INTO blocks (user_id, blocked_user_id) VALUES (?, ?) "
                       "ON CONFLICT DO NOTHING")
            : prepared("DELETE FROM blocks WHERE user_id = ? AND blocked_user_id = ?");
    q.bindValue(0, userId);
    q.bindValue(1, blockedUserId);
    if (!exec(q, "block update"))
        return storageError("update the block list");
    return {};
}

// --- conversations and the log -------------------------------------------------------------

Result<Conversation> Database::conversation(qint64 conversationId)
{
    QSqlQuery &q = prepared(
            "SELECT id, kind, title, created_at, last_seq FROM conversations WHERE id = ?");
    q.bindValue(0, conversationId);
    if (!exec(q, "conversation lookup"))
        return storageError("look up the conversation");
    if (!q.next())
        return Error{ErrorCode::NoSuchConversation, u"no such conversation"_s};
    Conversation c;
    c.id = q.value(0).toLongLong();
    c.kind = q.value(1).toInt() == 1 ? ConversationKind::Group : ConversationKind::Direct;
    c.title = q.value(2).toString();
    c.createdAt = q.value(3).toLongLong();
    c.lastSeq = q.value(4).toLongLong();
    q.finish();
    QSqlQuery &m = prepared("SELECT m.user_id, u.username, m.role, m.read_up_to, "
                            "(SELECT MAX(r.delivered_up_to) FROM device_receipts r JOIN devices d "
                            " ON d.id = r.device_id WHERE r.conversation_id = m.conversation_id "
                            " AND d.user_id = m.user_id) "
                            "FROM members m JOIN users u ON u.id = m.user_id "
                            "WHERE m.conversation_id = ? ORDER BY m.joined_at, m.user_id");
    m.bindValue(0, conversationId);
    if (!exec(m, "member list"))
        return storageError("list members");
    while (m.next()) {
        Member member;
        member.userId = m.value(0).toLongLong();
        member.username = m.value(1).toString();
        member.role = Role(std::clamp(m.value(2).toInt(), 0, 2));
        member.readUpTo = m.value(3).toLongLong();
        member.deliveredUpTo = m.value(4).toLongLong();
        c.members.append(member);
    }
    return c;
}

Result<QPair<Conversation, std::optional<Envelope>>>
Database::createConversation(ConversationKind kind, const QString &title, qint64 creatorUserId,
                             const QList<qint64> &otherUserIds, qint64 now)
{
    using R = QPair<Conversation, std::optional<Envelope>>;
    return inTransaction<R>([&]() -> Result<R> {
        const bool direct = kind == ConversationKind::Direct;
        if (direct) {
            if (otherUserIds.size() != 1)
                return Error{ErrorCode::InvalidArgument, u"a direct chat has two members"_s};
            QSqlQuery &existing = prepared("SELECT conversation_id FROM direct_pairs "
                                           "WHERE user_low = ? AND user_high = ?");
            existing.bindValue(0, std::min(creatorUserId, otherUserIds.first()));
            existing.bindValue(1, std::max(creatorUserId, otherUserIds.first()));
            if (!exec(existing, "direct pair lookup"))
                return storageError("look up the direct chat");
            if (existing.next()) {
                const qint64 id = existing.value(0).toLongLong();
                existing.finish();
                auto c = conversation(id);
                if (!c)
                    return c.error();
                return R{std::move(c).value(), std::nullopt};
            }
        }
        for (qint64 user : otherUserIds) {
            auto record = userById(user);
            if (!record)
                return record.error();
            if (record->disabled)
                return Error{ErrorCode::NoSuchUser, u"no such user"_s};
        }
        QSqlQuery &insert =
                prepared("INSERT INTO conversations (kind, title, created_at, last_seq) "
                         "VALUES (?, ?, ?, 0) RETURNING id");
        insert.bindValue(0, direct ? 0 : 1);
        insert.bindValue(1, text(direct ? QString() : title));
        insert.bindValue(2, now);
        if (!exec(insert, "conversation insert") || !insert.next())
            return storageError("create the conversation");
        const qint64 id = insert.value(0).toLongLong();
        insert.finish();
        if (direct) {
            QSqlQuery &pair =
                    prepared("INSERT INTO direct_pairs (user_low, user_high, conversation_id) "
                             "VALUES (?, ?, ?)");
            pair.bindValue(0, std::min(creatorUserId, otherUserIds.first()));
            pair.bindValue(1, std::max(creatorUserId, otherUserIds.first()));
            pair.bindValue(2, id);
            if (!exec(pair, "direct pair insert"))
                return storageError("create the direct chat");
        }
        QSqlQuery &member = prepared(
                "INSERT INTO members (conversation_id, user_id, role, joined_at, role_since) "
                "VALUES (?, ?, ?, ?, ?)");
        QList<qint64> all{creatorUserId};
        for (qint64 user : otherUserIds) {
            if (!all.contains(user))
                all.append(user);
        }
        for (qint64 user : std::as_const(all)) {
            const Role role = (!direct && user == creatorUserId) ? Role::Owner : Role::Member;
            member.bindValue(0, id);
            member.bindValue(1, user);
            member.bindValue(2, int(role));
            member.bindValue(3, now);
            member.bindValue(4, now);
            if (!exec(member, "member insert"))
                return storageError("add a member");
        }
        MembershipEvent event;
        event.action = MembershipEvent::Action::Created;
        event.actorUserId = creatorUserId;
        event.title = direct ? QString() : title;
        AppendRequest entry{id, creatorUserId, 0, {}, MessageKind::Membership, event.toBytes()};
        auto appended = append(entry, now);
        if (!appended)
            return appended.error();
        auto c = conversation(id);
        if (!c)
            return c.error();
        return R{std::move(c).value(), appended->envelope};
    });
}

Result<QList<Envelope>> Database::applyMembership(const MembershipChange &change, qint64 now)
{
    return inTransaction<QList<Envelope>>([&]() -> Result<QList<Envelope>> {
        using Op = MembershipChange::Op;
        switch (change.op) {
        case Op::AddMember: {
            QSqlQuery &q = prepared(
                    "INSERT INTO members (conversation_id, user_id, role, joined_at, role_since) "
                    "VALUES (?, ?, ?, ?, ?)");
            q.bindValue(0, change.conversationId);
            q.bindValue(1, change.userId);
            q.bindValue(2, int(change.role));
            q.bindValue(3, now);
            q.bindValue(4, now);
            if (!exec(q, "member insert"))
                return storageError("add the member");
            break;
        }
        case Op::RemoveMember: {
            QSqlQuery &q =
                    prepared("DELETE FROM members WHERE conversation_id = ? AND user_id = ?");
            q.bindValue(0, change.conversationId);
            q.bindValue(1, change.userId);
            if (!exec(q, "member delete"))
                return storageError("remove the member");
            break;
        }
        case Op::SetRole:
            if (Status s = setRole(change.conversationId, change.userId, change.role, now); !s)
                return s.error();
            break;
        case Op::SetTitle: {
            QSqlQuery &q = prepared("UPDATE conversations SET title = ? WHERE id = ?");
            q.bindValue(0, text(change.title));
            q.bindValue(1, change.conversationId);
            if (!exec(q, "title update"))
                return storageError("rename the conversation");
            break;
        }
        case Op::None:
            break;
        }
        QList<Envelope> entries;
        AppendRequest entry{change.conversationId,   change.event.actorUserId, 0, {},
                            MessageKind::Membership, change.event.toBytes()};
        auto appended = append(entry, now);
        if (!appended)
            return appended.error();
        entries.append(appended->envelope);
        if (change.handOver) {
            const auto &[heir, event] = *change.handOver;
            if (Status s = setRole(change.conversationId, heir, event.role, now); !s)
                return s.error();
            AppendRequest second{change.conversationId,   event.actorUserId, 0, {},
                                 MessageKind::Membership, event.toBytes()};
            auto more = append(second, now);
            if (!more)
                return more.error();
            entries.append(more->envelope);
        }
        return entries;
    });
}

Status Database::setRole(qint64 conversationId, qint64 userId, Role role, qint64 now)
{
    QSqlQuery &q = prepared("UPDATE members SET role = ?, role_since = ? WHERE conversation_id = ? "
                            "AND user_id = ?");
    q.bindValue(0, int(role));
    q.bindValue(1, now);
    q.bindValue(2, conversationId);
    q.bindValue(3, userId);
    if (!exec(q, "role update"))
        return storageError("change the role");
    return {};
}

Result<AppendResult> Database::append(const AppendRequest &request, qint64 now)
{
    if (!request.clientId.isEmpty()) {
        QSqlQuery &dup = prepared("SELECT conversation_id, seq, server_time FROM messages "
                                  "WHERE sender_device_id = ? AND client_id = ?");
        dup.bindValue(0, request.senderDeviceId);
        dup.bindValue(1, request.clientId);
        if (!exec(dup, "duplicate check"))
            return storageError("store the message");
        if (dup.next()) {
            AppendResult r;
            r.duplicate = true;
            r.envelope.conversationId = dup.value(0).toLongLong();
            r.envelope.seq = dup.value(1).toLongLong();
            r.envelope.serverTime = dup.value(2).toLongLong();
            r.envelope.senderUserId = request.senderUserId;
            r.envelope.senderDeviceId = request.senderDeviceId;
            r.envelope.clientId = request.clientId;
            r.envelope.kind = request.kind;
            dup.finish();
            return r;
        }
    }
    // The row lock on the conversation makes seq gapless and ordered, also across nodes.
    QSqlQuery &next = prepared("UPDATE conversations SET last_seq = last_seq + 1 WHERE id = ? "
                               "RETURNING last_seq");
    next.bindValue(0, request.conversationId);
    if (!exec(next, "seq assignment"))
        return storageError("store the message");
    if (!next.next())
        return Error{ErrorCode::NoSuchConversation, u"no such conversation"_s};
    AppendResult r;
    r.envelope.conversationId = request.conversationId;
    r.envelope.seq = next.value(0).toLongLong();
    next.finish();
    r.envelope.senderUserId = request.senderUserId;
    r.envelope.senderDeviceId = request.senderDeviceId;
    r.envelope.clientId = request.clientId;
    r.envelope.serverTime = now;
    r.envelope.kind = request.kind;
    r.envelope.body = request.body;
    QSqlQuery &insert = prepared("INSERT INTO messages (conversation_id, seq, sender_user_id, "
                                 "sender_device_id, client_id, server_time, kind, body) "
                                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    insert.bindValue(0, r.envelope.conversationId);
    insert.bindValue(1, r.envelope.seq);
    insert.bindValue(2, r.envelope.senderUserId);
    insert.bindValue(3, r.envelope.senderDeviceId);
    insert.bindValue(4, request.clientId.isEmpty() ? nullBlob() : QVariant(request.clientId));
    insert.bindValue(5, r.envelope.serverTime);
    insert.bindValue(6, int(r.envelope.kind));
    insert.bindValue(7, request.body.isNull() ? QVariant(QByteArray("")) : QVariant(request.body));
    if (!exec(insert, "message insert"))
        return storageError("store the message");
    return r;
}

Result<HistoryPage> Database::history(qint64 conversationId, qint64 beforeSeq, qint64 afterSeq,
                                      int limit)
{
    HistoryPage page;
    QSqlQuery &q = beforeSeq > 0
            ? prepared(
                    "SELECT conversation_id, seq, sender_user_id, sender_device_id, client_id, "
                    "server_time, kind, body FROM messages WHERE conversation_id = ? AND seq < ? "
                    "ORDER BY seq DESC LIMIT ?")
            : prepared(
                    "SELECT conversation_id, seq, sender_user_id, sender_device_id, client_id, "
                    "server_time, kind, body FROM messages WHERE conversation_id = ? AND seq > ? "
                    "ORDER BY seq ASC LIMIT ?");
    q.bindValue(0, conversationId);
    q.bindValue(1, beforeSeq > 0 ? beforeSeq : afterSeq);
    q.bindValue(2, limit + 1);
    if (!exec(q, "history"))
        return storageError("read the history");
    qsizetype bytes = 0;
    while (q.next()) {
        Envelope e = envelopeFrom(q);
        // Whole entries, nearest to the cursor first, until the page is full.
        if (page.messages.size() == limit
            || (!page.messages.isEmpty() && bytes + e.body.size() > MaxReplyBodyBytes)) {
            page.more = true;
            break;
        }
        bytes += e.body.size();
        page.messages.append(std::move(e));
    }
    q.finish();
    if (beforeSeq > 0)
        std::reverse(page.messages.begin(), page.messages.end());
    return page;
}

Result<bool> Database::setDelivered(qint64 conversationId, qint64 deviceId, qint64 seq)
{
    QSqlQuery &q =
            prepared("INSERT INTO device_receipts (conversation_id, device_id, delivered_up_to) "
                     "VALUES (?, ?, ?) ON CONFLICT (conversation_id, device_id) DO UPDATE "
                     "SET delivered_up_to = excluded.delivered_up_to "
                     "WHERE device_receipts.delivered_up_to < excluded.delivered_up_to");
    q.bindValue(0, conversationId);
    q.bindValue(1, deviceId);
    q.bindValue(2, seq);
    if (!exec(q, "delivered receipt"))
        return storageError("store the receipt");
    return q.numRowsAffected() > 0;
}

Result<bool> Database::setRead(qint64 conversationId, qint64 userId, qint64 seq)
{
    QSqlQuery &q = prepared("UPDATE members SET read_up_to = ? "
                            "WHERE conversation_id = ? AND user_id = ? AND read_up_to < ?");
    q.bindValue(0, seq);
    q.bindValue(1, conversationId);
    q.bindValue(2, userId);
    q.bindValue(3, seq);
    if (!exec(q, "read receipt"))
        return storageError("store the receipt");
    return q.numRowsAffected() > 0;
}

Result<Snapshot> Database::loadSnapshot()
{
    Snapshot s;
    QHash<qint64, qsizetype> index;
    {
        QSqlQuery &q = prepared(
                "SELECT id, kind, title, created_at, last_seq FROM conversations ORDER BY id");
        if (!exec(q, "snapshot"))
            return storageError("load conversations");
        while (q.next()) {
            Conversation c;
            c.id = q.value(0).toLongLong();
            c.kind = q.value(1).toInt() == 1 ? ConversationKind::Group : ConversationKind::Direct;
            c.title = q.value(2).toString();
            c.createdAt = q.value(3).toLongLong();
            c.lastSeq = q.value(4).toLongLong();
            index.insert(c.id, s.conversations.size());
            s.conversations.append(c);
        }
        q.finish();
    }
    {
        QSqlQuery &q =
                prepared("SELECT m.conversation_id, m.user_id, u.username, m.role, m.read_up_to, "
                         "m.role_since FROM members m JOIN users u ON u.id = m.user_id "
                         "ORDER BY m.conversation_id, m.joined_at, m.user_id");
        if (!exec(q, "snapshot"))
            return storageError("load members");
        while (q.next()) {
            auto it = index.find(q.value(0).toLongLong());
            if (it == index.end())
                continue;
            Member m;
            m.userId = q.value(1).toLongLong();
            m.username = q.value(2).toString();
            m.role = Role(std::clamp(q.value(3).toInt(), 0, 2));
            m.readUpTo = q.value(4).toLongLong();
            s.roleSince.insert({q.value(0).toLongLong(), m.userId}, q.value(5).toLongLong());
            s.conversations[*it].members.append(m);
        }
        q.finish();
    }
    {
        QSqlQuery &q = prepared("SELECT r.conversation_id, d.user_id, MAX(r.delivered_up_to) "
                                "FROM device_receipts r JOIN devices d ON d.id = r.device_id "
                                "GROUP BY r.conversation_id, d.user_id");
        if (!exec(q, "snapshot"))
            return storageError("load receipts");
        while (q.next()) {
            auto it = index.find(q.value(0).toLongLong());
            if (it == index.end())
                continue;
            Conversation &c = s.conversations[*it];
            const qint64 user = q.value(1).toLongLong();
            for (Member &m : c.members) {
                if (m.userId == user)
                    m.deliveredUpTo = q.value(2).toLongLong();
            }
        }
        q.finish();
    }
    {
        QSqlQuery &q = prepared("SELECT user_id, blocked_user_id FROM blocks");
        if (!exec(q, "snapshot"))
            return storageError("load blocks");
        while (q.next())
            s.blocks.append({q.value(0).toLongLong(), q.value(1).toLongLong()});
        q.finish();
    }
    {
        auto uploads = pendingUploads();
        if (!uploads)
            return uploads.error();
        s.uploads = std::move(uploads).value();
    }
    {
        QSqlQuery &q = prepared("SELECT id, last_seen_at FROM users "
                                "WHERE id IN (SELECT user_id FROM members)");
        if (!exec(q, "snapshot"))
            return storageError("load presence");
        while (q.next())
            s.lastSeen.insert(q.value(0).toLongLong(), q.value(1).toLongLong());
        q.finish();
    }
    return s;
}

// --- device inbox and keys -----------------------------------------------------------------

Result<QList<InboxStored>> Database::inboxSend(qint64 fromUserId, qint64 fromDeviceId,
                                               const QList<InboxDelivery> &items, qint64 now,
                                               int maxItemsPerDevice)
{
    return inTransaction<QList<InboxStored>>([&]() -> Result<QList<InboxStored>> {
        QList<InboxStored> stored;
        QHash<qint64, int> counts;
        for (const InboxDelivery &item : items) {
            if (!counts.contains(item.deviceId)) {
                QSqlQuery &owner =
                        prepared("SELECT user_id FROM devices WHERE id = ? AND revoked_at IS NULL");
                owner.bindValue(0, item.deviceId);
                if (!exec(owner, "inbox device lookup"))
                    return storageError("look up the device");
                if (!owner.next() || owner.value(0).toLongLong() != item.userId)
                    return Error{ErrorCode::NoSuchDevice,
                                 u"device %1 of user %2 does not exist"_s.arg(item.deviceId)
                                         .arg(item.userId)};
                owner.finish();
                QSqlQuery &count = prepared("SELECT COUNT(*) FROM inbox WHERE device_id = ?");
                count.bindValue(0, item.deviceId);
                if (!exec(count, "inbox count") || !count.next())
                    return storageError("count inbox items");
                counts.insert(item.deviceId, count.value(0).toInt());
                count.finish();
            }
            int &n = counts[item.deviceId];
            if (++n > maxItemsPerDevice)
                return Error{ErrorCode::TooManyItems,
                             u"the inbox of device %1 is full"_s.arg(item.deviceId)};
            QSqlQuery &q = prepared("INSERT INTO inbox (device_id, from_user_id, from_device_id, "
                                    "server_time, body) "
                                    "VALUES (?, ?, ?, ?, ?) RETURNING id");
            q.bindValue(0, item.deviceId);
            q.bindValue(1, fromUserId);
            q.bindValue(2, fromDeviceId);
            q.bindValue(3, now);
            q.bindValue(4, item.body.isNull() ? QVariant(QByteArray("")) : QVariant(item.body));
            if (!exec(q, "inbox insert") || !q.next())
                return storageError("store the inbox item");
            InboxStored s;
            s.deviceId = item.deviceId;
            s.item.itemId = q.value(0).toLongLong();
            s.item.fromUserId = fromUserId;
            s.item.fromDeviceId = fromDeviceId;
            s.item.serverTime = now;
            s.item.body = item.body;
            q.finish();
            stored.append(s);
        }
        return stored;
    });
}

Result<QPair<QList<InboxItem>, bool>> Database::inboxFetch(qint64 deviceId, int limit)
{
    QSqlQuery &q = prepared("SELECT id, from_user_id, from_device_id, server_time, body FROM inbox "
                            "WHERE device_id = ? ORDER BY id LIMIT ?");
    q.bindValue(0, deviceId);
    q.bindValue(1, limit + 1);
    if (!exec(q, "inbox fetch"))
        return storageError("read the inbox");
    QList<InboxItem> items;
    bool more = false;
    qsizetype bytes = 0;
    while (q.next()) {
        InboxItem item;
        item.itemId = q.value(0).toLongLong();
        item.fromUserId = q.value(1).toLongLong();
        item.fromDeviceId = q.value(2).toLongLong();
        item.serverTime = q.value(3).toLongLong();
        item.body = q.value(4).toByteArray();
        if (items.size() == limit
            || (!items.isEmpty() && bytes + item.body.size() > MaxReplyBodyBytes)) {
            more = true;
            break;
        }
        bytes += item.body.size();
        items.append(item);
    }
    q.finish();
    return QPair<QList<InboxItem>, bool>{items, more};
}

Status Database::inboxAck(qint64 deviceId, const QList<qint64> &itemIds)
{
    auto r = inTransaction<bool>([&]() -> Result<bool> {
        QSqlQuery &q = prepared("DELETE FROM inbox WHERE id = ? AND device_id = ?");
        for (qint64 id : itemIds) {
            q.bindValue(0, id);
            q.bindValue(1, deviceId);
            if (!exec(q, "inbox ack"))
                return storageError("acknowledge inbox items");
        }
        return true;
    });
    if (!r)
        return r.error();
    return {};
}

Result<int> Database::uploadKeys(qint64 deviceId, qint64 registrationId,
                                 const QByteArray &identityKey, const SignedPreKey &signedPreKey,
                                 const QList<OneTimePreKey> &preKeys)
{
    constexpr int MaxStock = 1000;
    return inTransaction<int>([&]() -> Result<int> {
        QSqlQuery &old = prepared("SELECT identity_key FROM devices WHERE id = ?");
        old.bindValue(0, deviceId);
        if (!exec(old, "identity lookup") || !old.next())
            return storageError("store the keys");
        const QByteArray previous = old.value(0).toByteArray();
        old.finish();
        if (!previous.isEmpty() && previous != identityKey)
            return Error{ErrorCode::InvalidArgument, u"a device's identity key never changes"_s};
        QSqlQuery &q =
                prepared("UPDATE devices SET registration_id = ?, identity_key = ?, "
                         "signed_prekey_id = ?, signed_prekey = ?, signed_prekey_signature = ? "
                         "WHERE id = ?");
        q.bindValue(0, registrationId);
        q.bindValue(1, blob(identityKey));
        q.bindValue(2, signedPreKey.id);
        q.bindValue(3, blob(signedPreKey.publicKey));
        q.bindValue(4, blob(signedPreKey.signature));
        q.bindValue(5, deviceId);
        if (!exec(q, "key upload"))
            return storageError("store the keys");
        QSqlQuery &insert = prepared(
                "INSERT INTO prekeys (device_id, key_id, public_key) VALUES (?, ?, ?) "
                "ON CONFLICT (device_id, key_id) DO UPDATE SET public_key = excluded.public_key");
        for (const OneTimePreKey &key : preKeys) {
            insert.bindValue(0, deviceId);
            insert.bindValue(1, key.id);
            insert.bindValue(2, blob(key.publicKey));
            if (!exec(insert, "pre-key insert"))
                return storageError("store the keys");
        }
        QSqlQuery &count = prepared("SELECT COUNT(*) FROM prekeys WHERE device_id = ?");
        count.bindValue(0, deviceId);
        if (!exec(count, "pre-key count") || !count.next())
            return storageError("store the keys");
        const int stock = count.value(0).toInt();
        count.finish();
        if (stock > MaxStock)
            return Error{ErrorCode::TooManyItems,
                         u"a device keeps at most %1 one-time pre-keys"_s.arg(MaxStock)};
        return stock;
    });
}

Result<int> Database::preKeyCount(qint64 deviceId)
{
    QSqlQuery &count = prepared("SELECT COUNT(*) FROM prekeys WHERE device_id = ?");
    count.bindValue(0, deviceId);
    if (!exec(count, "pre-key count") || !count.next())
        return storageError("count pre-keys");
    return count.value(0).toInt();
}

Result<FetchedKeys> Database::fetchKeys(qint64 userId, qint64 excludeDeviceId,
                                        bool claimOneTimeKeys)
{
    return inTransaction<FetchedKeys>([&]() -> Result<FetchedKeys> {
        QSqlQuery &devices =
                prepared("SELECT id, registration_id, identity_key, signed_prekey_id, "
                         "signed_prekey, signed_prekey_signature FROM devices "
                         "WHERE user_id = ? AND revoked_at IS NULL AND identity_key IS NOT NULL "
                         "ORDER BY id");
        devices.bindValue(0, userId);
        if (!exec(devices, "key fetch"))
            return storageError("fetch keys");
        FetchedKeys out;
        while (devices.next()) {
            if (devices.value(0).toLongLong() == excludeDeviceId)
                continue;
            KeyBundle b;
            b.userId = userId;
            b.deviceId = devices.value(0).toLongLong();
            b.registrationId = devices.value(1).toLongLong();
            b.identityKey = devices.value(2).toByteArray();
            b.signedPreKey.id = devices.value(3).toLongLong();
            b.signedPreKey.publicKey = devices.value(4).toByteArray();
            b.signedPreKey.signature = devices.value(5).toByteArray();
            out.bundles.append(b);
        }
        devices.finish();
        // Each one-time pre-key leaves the stock in the transaction that hands it out.
        QSqlQuery &claim = isPostgres()
                ? prepared("DELETE FROM prekeys WHERE device_id = ? AND key_id = (SELECT key_id "
                           "FROM prekeys "
                           "WHERE device_id = ? ORDER BY key_id LIMIT 1 FOR UPDATE SKIP LOCKED) "
                           "RETURNING key_id, public_key")
                : prepared(
                        "DELETE FROM prekeys WHERE device_id = ? AND key_id = (SELECT MIN(key_id) "
                        "FROM prekeys WHERE device_id = ?) RETURNING key_id, public_key");
        for (KeyBundle &b : out.bundles) {
            if (claimOneTimeKeys) {
                claim.bindValue(0, b.deviceId);
                claim.bindValue(1, b.deviceId);
                if (!exec(claim, "pre-key claim"))
                    return storageError("fetch keys");
                if (claim.next())
                    b.oneTimePreKey = OneTimePreKey{claim.value(0).toLongLong(),
                                                    claim.value(1).toByteArray()};
                claim.finish();
            }
            QSqlQuery &count = prepared("SELECT COUNT(*) FROM prekeys WHERE device_id = ?");
            count.bindValue(0, b.deviceId);
            if (!exec(count, "pre-key count") || !count.next())
                return storageError("fetch keys");
            out.remaining.append({b.deviceId, count.value(0).toInt()});
            count.finish();
        }
        return out;
    });
}

} // namespace Parley
