// The admin subcommands for accounts and devices: `parleyd user …` and `parleyd device …`.
#include "AdminVerb.h"
#include "CommandLine.h"
#include "Logging.h"
#include "protocol/Frames.h"
#include "routing/PasswordHasher.h"
#include "store/Database.h"

#include <QtCore/QDateTime>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonObject>
#include <QtCore/QTextStream>

#include <termios.h>
#include <unistd.h>

namespace Parley {

using namespace Qt::StringLiterals;

namespace {

qint64 now()
{
    return QDateTime::currentMSecsSinceEpoch();
}

/// --password, or one line from stdin (without echo on a terminal).
Result<QString> readPassword(const Invocation &inv)
{
    if (inv.password)
        return *inv.password;
    const bool tty = ::isatty(STDIN_FILENO);
    QTextStream err(stderr);
    termios old = {};
    if (tty) {
        err << "Password: " << Qt::flush;
        ::tcgetattr(STDIN_FILENO, &old);
        termios quiet = old;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        ::tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    }
    QTextStream in(stdin);
    QString line = in.readLine();
    if (tty) {
        ::tcsetattr(STDIN_FILENO, TCSANOW, &old);
        err << Qt::endl;
    }
    if (line.isNull())
        return Error{ErrorCode::InvalidArgument,
                     u"no password given (--password or one line on stdin)"_s};
    return line;
}

/// Checks a username and password with the same rules as the register frame.
Status checkAccount(const QString &username, const QString &password)
{
    auto checked = RegisterFrame::fromCbor(RegisterFrame{username, password, u"admin"_s}.toCbor());
    if (!checked)
        return checked.error();
    return {};
}

/// The password hasher needs libsodium; the database the command works on.
Result<Database *> accountDatabase(AdminContext &c)
{
    if (!PasswordHasher::initialize())
        return Error{ErrorCode::InternalError, u"libsodium cannot be initialised"_s};
    return c.database();
}

QJsonObject userJson(const UserRecord &u)
{
    return {{u"id"_s, u.id},
            {u"username"_s, u.username},
            {u"state"_s, u.disabled ? u"disabled"_s : u"active"_s},
            {u"createdAt"_s, adminTimeJson(u.createdAt)},
            {u"lastSeenAt"_s, adminTimeJson(u.lastSeenAt)}};
}

Result<AdminReply> userList(AdminContext &c)
{
    auto db = c.database();
    if (!db)
        return db.error();
    auto users = (*db)->accounts().listUsers();
    if (!users)
        return users.error();
    AdminReply reply{QString(), QJsonArray()};
    QJsonArray list;
    for (const UserRecord &u : *users) {
        reply.text += u"%1\t%2\t%3\t%4\n"_s.arg(u.id).arg(
                u.username, u.disabled ? u"disabled"_s : u"active"_s, adminTimeText(u.createdAt));
        list.append(userJson(u));
    }
    reply.json = list;
    return reply;
}

Result<AdminReply> userAdd(AdminContext &c)
{
    const QString name = c.arguments.at(0);
    const auto password = readPassword(c.invocation);
    if (!password)
        return password.error();
    if (Status s = checkAccount(name, *password); !s)
        return s.error();
    auto db = accountDatabase(c);
    if (!db)
        return db.error();
    auto id = (*db)->accounts().createUser(name, PasswordHasher::hashNow(*password), now());
    if (!id)
        return id.error();
    qCInfo(lcServerAdmin) << "user" << *id << "added";
    return AdminReply{u"user %1 added with id %2"_s.arg(name).arg(*id),
                      QJsonObject{{u"id"_s, *id}, {u"username"_s, name}}};
}

/// The account named by the first argument.
Result<UserRecord> namedUser(AdminContext &c)
{
    auto db = c.database();
    if (!db)
        return db.error();
    return (*db)->accounts().userByName(c.arguments.at(0));
}

Result<AdminReply> userSetDisabled(AdminContext &c, bool disabled)
{
    auto user = namedUser(c);
    if (!user)
        return user.error();
    if (!disabled && user->passwordHash.isEmpty())
        return Error{ErrorCode::NotAllowed, u"a deleted account cannot be enabled"_s};
    if (Status s = (*c.database())->accounts().setUserDisabled(user->id, disabled, now()); !s)
        return s.error();
    user->disabled = disabled;
    qCInfo(lcServerAdmin) << "user" << user->id << (disabled ? "disabled" : "enabled");
    return AdminReply{
            disabled ? u"user %1 disabled and its devices revoked"_s.arg(user->username)
                     : u"user %1 enabled; it logs in again with its password"_s.arg(user->username),
            userJson(*user)};
}

Result<AdminReply> userResetPassword(AdminContext &c)
{
    auto user = namedUser(c);
    if (!user)
        return user.error();
    const auto password = readPassword(c.invocation);
    if (!password)
        return password.error();
    if (Status s = checkAccount(user->username, *password); !s)
        return s.error();
    auto db = accountDatabase(c);
    if (!db)
        return db.error();
    if (Status s = (*db)->accounts().setPasswordHash(user->id, PasswordHasher::hashNow(*password));
        !s)
        return s.error();
    return AdminReply{u"password of %1 changed"_s.arg(user->username), userJson(*user)};
}

Result<AdminReply> userRename(AdminContext &c)
{
    auto user = namedUser(c);
    if (!user)
        return user.error();
    const QString newName = c.arguments.at(1);
    // The password is not checked here, only the name: a placeholder that passes the rules.
    if (Status s = checkAccount(newName, u"placeholder-password"_s); !s)
        return s.error();
    if (Status s = (*c.database())->accounts().renameUser(user->id, newName); !s)
        return s.error();
    qCInfo(lcServerAdmin) << "user" << user->id << "renamed";
    const QString oldName = user->username;
    user->username = newName;
    QJsonObject json = userJson(*user);
    json.insert(u"previousUsername"_s, oldName);
    return AdminReply{u"user %1 is now %2"_s.arg(oldName, newName), json};
}

Result<AdminReply> userDelete(AdminContext &c)
{
    auto user = namedUser(c);
    if (!user)
        return user.error();
    auto removed = (*c.database())->accounts().deleteUser(user->id, now());
    if (!removed)
        return removed.error();
    qCInfo(lcServerAdmin) << "user" << user->id << "deleted";
    return AdminReply{u"user %1 deleted: %2 devices, their keys and inbox removed; its messages "
                      "stay, shown as a deleted account"_s.arg(user->username)
                              .arg(*removed),
                      QJsonObject{{u"id"_s, user->id},
                                  {u"username"_s, user->username},
                                  {u"devicesRemoved"_s, *removed}}};
}

Result<AdminReply> deviceList(AdminContext &c)
{
    auto user = namedUser(c);
    if (!user)
        return user.error();
    auto devices = (*c.database())->accounts().listDevices(user->id);
    if (!devices)
        return devices.error();
    AdminReply reply;
    QJsonArray list;
    for (const DeviceRecord &d : *devices) {
        reply.text += u"%1\t%2\t%3\t%4\n"_s.arg(d.id).arg(d.name, adminTimeText(d.createdAt),
                                                          adminTimeText(d.lastSeenAt));
        list.append(QJsonObject{{u"id"_s, d.id},
                                {u"name"_s, d.name},
                                {u"createdAt"_s, adminTimeJson(d.createdAt)},
                                {u"lastSeenAt"_s, adminTimeJson(d.lastSeenAt)}});
    }
    reply.json = list;
    return reply;
}

Result<AdminReply> deviceRevoke(AdminContext &c)
{
    bool ok = false;
    const qint64 id = c.arguments.at(0).toLongLong(&ok);
    if (!ok)
        return Error{ErrorCode::InvalidArgument, u"a device id is a number"_s};
    auto db = c.database();
    if (!db)
        return db.error();
    auto revoked = (*db)->accounts().revokeDevice(id, 0, now());
    if (!revoked)
        return revoked.error();
    return AdminReply{u"device %1 revoked"_s.arg(id),
                      QJsonObject{{u"id"_s, id}, {u"username"_s, revoked->username}}};
}

} // namespace

QList<AdminVerb> userVerbs()
{
    return {
            {{u"user"_s, u"add"_s},
             u"NAME"_s,
             u"create an account (password from --password or stdin)"_s,
             userAdd},
            {{u"user"_s, u"list"_s}, QString(), u"list accounts"_s, userList},
            {{u"user"_s, u"disable"_s},
             u"NAME"_s,
             u"disable an account and revoke its devices"_s,
             [](AdminContext &c) { return userSetDisabled(c, true); }},
            {{u"user"_s, u"enable"_s},
             u"NAME"_s,
             u"enable a disabled account (it logs in again)"_s,
             [](AdminContext &c) { return userSetDisabled(c, false); }},
            {{u"user"_s, u"reset-password"_s},
             u"NAME"_s,
             u"set a new password (--password or stdin)"_s,
             userResetPassword},
            {{u"user"_s, u"rename"_s},
             u"NAME NEW-NAME"_s,
             u"change an account's username"_s,
             userRename},
            {{u"user"_s, u"delete"_s},
             u"NAME"_s,
             u"delete an account: devices, keys, inbox; its messages stay"_s,
             userDelete},
            {{u"device"_s, u"list"_s}, u"NAME"_s, u"list a user's devices"_s, deviceList},
            {{u"device"_s, u"revoke"_s}, u"ID"_s, u"revoke a device"_s, deviceRevoke},
    };
}

} // namespace Parley
