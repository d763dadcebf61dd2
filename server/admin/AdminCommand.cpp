#include "AdminCommand.h"

#include "CommandLine.h"
#include "Logging.h"
#include "protocol/Frames.h"
#include "routing/PasswordHasher.h"
#include "store/Database.h"
#include "store/Migrations.h"

#include <QtCore/QDateTime>
#include <QtCore/QDir>
#include <QtCore/QTextStream>

#include <cstdio>
#include <termios.h>
#include <unistd.h>

namespace Parley {

using namespace Qt::StringLiterals;

namespace {

QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}

QTextStream &err()
{
    static QTextStream s(stderr);
    return s;
}

int fail(const QString &message, int code = 1)
{
    err() << "parleyd: " << message << Qt::endl;
    return code;
}

QString timeText(qint64 ms)
{
    if (ms <= 0)
        return u"-"_s;
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate);
}

/// --password, or one line from stdin (without echo on a terminal).
std::optional<QString> readPassword(const Invocation &inv)
{
    if (inv.password)
        return inv.password;
    const bool tty = ::isatty(STDIN_FILENO);
    termios old = {};
    if (tty) {
        err() << "Password: " << Qt::flush;
        ::tcgetattr(STDIN_FILENO, &old);
        termios quiet = old;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        ::tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    }
    QTextStream in(stdin);
    QString line = in.readLine();
    if (tty) {
        ::tcsetattr(STDIN_FILENO, TCSANOW, &old);
        err() << Qt::endl;
    }
    if (line.isNull())
        return std::nullopt;
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

} // namespace

int AdminCommand::run(const Invocation &inv)
{
    const QStringList &cmd = inv.command;
    const QString what = cmd.value(0);
    const QString verb = cmd.value(1);
    const bool known = what == "migrate"_L1
            || (what == "user"_L1
                && (verb == "add"_L1 || verb == "list"_L1 || verb == "disable"_L1
                    || verb == "reset-password"_L1))
            || (what == "device"_L1 && (verb == "list"_L1 || verb == "revoke"_L1));
    if (!known)
        return fail(u"unknown command \"%1\" (try --help)"_s.arg(cmd.join(u' ')), 2);
    const qsizetype wantArgs = what == "migrate"_L1    ? 1
            : (what == "user"_L1 && verb == "list"_L1) ? 2
                                                       : 3;
    if (cmd.size() != wantArgs)
        return fail(u"wrong number of arguments for \"%1\" (try --help)"_s.arg(
                            cmd.mid(0, 2).join(u' ')),
                    2);

    auto url = inv.config.resolvedDatabase();
    if (!url)
        return fail(url.error().message, 2);
    if (url->kind == DatabaseUrl::Kind::Sqlite && !QDir().mkpath(inv.config.resolvedDataDir()))
        return fail(u"cannot create the data folder %1"_s.arg(inv.config.resolvedDataDir()));
    Database db(*url);
    if (Status s = db.open(); !s)
        return fail(s.error().message);
    if (Status s = db.migrate(); !s)
        return fail(s.error().message);
    if (what == "migrate"_L1) {
        out() << "schema version " << db.schemaVersion() << " at " << url->displayName()
              << Qt::endl;
        return 0;
    }
    if (!PasswordHasher::initialize())
        return fail(u"libsodium cannot be initialised"_s);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const QString arg = cmd.value(2);

    if (what == "user"_L1) {
        if (verb == "list"_L1) {
            auto users = db.accounts().listUsers();
            if (!users)
                return fail(users.error().message);
            for (const UserRecord &u : *users)
                out() << u.id << '\t' << u.username << '\t' << (u.disabled ? "disabled" : "active")
                      << '\t' << timeText(u.createdAt) << Qt::endl;
            return 0;
        }
        if (verb == "add"_L1) {
            const auto password = readPassword(inv);
            if (!password)
                return fail(u"no password given (--password or one line on stdin)"_s, 2);
            if (Status s = checkAccount(arg, *password); !s)
                return fail(s.error().message, 2);
            auto id = db.accounts().createUser(arg, PasswordHasher::hashNow(*password), now);
            if (!id)
                return fail(id.error().message);
            qCInfo(lcServerAdmin) << "user" << *id << "added";
            out() << "user " << arg << " added with id " << *id << Qt::endl;
            return 0;
        }
        auto user = db.accounts().userByName(arg);
        if (!user)
            return fail(user.error().message);
        if (verb == "disable"_L1) {
            if (Status s = db.accounts().setUserDisabled(user->id, true, now); !s)
                return fail(s.error().message);
            out() << "user " << arg << " disabled and its devices revoked" << Qt::endl;
            return 0;
        }
        // reset-password
        const auto password = readPassword(inv);
        if (!password)
            return fail(u"no password given (--password or one line on stdin)"_s, 2);
        if (Status s = checkAccount(arg, *password); !s)
            return fail(s.error().message, 2);
        if (Status s = db.accounts().setPasswordHash(user->id, PasswordHasher::hashNow(*password));
            !s)
            return fail(s.error().message);
        out() << "password of " << arg << " changed" << Qt::endl;
        return 0;
    }

    // device
    if (verb == "list"_L1) {
        auto user = db.accounts().userByName(arg);
        if (!user)
            return fail(user.error().message);
        auto devices = db.accounts().listDevices(user->id);
        if (!devices)
            return fail(devices.error().message);
        for (const DeviceRecord &d : *devices)
            out() << d.id << '\t' << d.name << '\t' << timeText(d.createdAt) << '\t'
                  << timeText(d.lastSeenAt) << Qt::endl;
        return 0;
    }
    bool ok = false;
    const qint64 id = arg.toLongLong(&ok);
    if (!ok)
        return fail(u"a device id is a number"_s, 2);
    auto revoked = db.accounts().revokeDevice(id, 0, now);
    if (!revoked)
        return fail(revoked.error().message);
    out() << "device " << id << " revoked" << Qt::endl;
    return 0;
}

} // namespace Parley
