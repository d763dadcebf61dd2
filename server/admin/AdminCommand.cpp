#include "AdminCommand.h"

#include "AdminVerb.h"
#include "CommandLine.h"
#include "store/Database.h"

#include <QtCore/QDateTime>
#include <QtCore/QDir>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QTextStream>

namespace Parley {

using namespace Qt::StringLiterals;

namespace {

QList<AdminVerb> allVerbs()
{
    return maintenanceVerbs() + userVerbs() + conversationVerbs() + reportVerbs();
}

/// Bad input (exit code 2) or a failure (exit code 1).
int exitCodeFor(ErrorCode code)
{
    switch (code) {
    case ErrorCode::InvalidArgument:
    case ErrorCode::InvalidField:
    case ErrorCode::InvalidUsername:
    case ErrorCode::WeakPassword:
        return 2;
    default:
        return 1;
    }
}

int fail(const Invocation &inv, const Error &error, int exitCode)
{
    QTextStream(stderr) << "parleyd: " << error.message << Qt::endl;
    if (inv.json) {
        const QJsonObject e{{u"code"_s, errorCodeName(error.code)}, {u"message"_s, error.message}};
        QTextStream(stdout)
                << QJsonDocument(QJsonObject{{u"error"_s, e}}).toJson(QJsonDocument::Compact)
                << Qt::endl;
    }
    return exitCode;
}

} // namespace

AdminContext::AdminContext(const Invocation &inv, QStringList args)
    : invocation(inv),
      arguments(std::move(args))
{
}

AdminContext::~AdminContext() = default;

Result<Database *> AdminContext::database()
{
    if (m_database)
        return m_database.get();
    auto url = invocation.config.resolvedDatabase();
    if (!url)
        return url.error();
    if (url->kind == DatabaseUrl::Kind::Sqlite
        && !QDir().mkpath(invocation.config.resolvedDataDir()))
        return Error{
                ErrorCode::StorageError,
                u"cannot create the data folder %1"_s.arg(invocation.config.resolvedDataDir())};
    auto db = std::make_unique<Database>(*url);
    if (Status s = db->open(); !s)
        return s.error();
    if (Status s = db->migrate(); !s)
        return s.error();
    m_database = std::move(db);
    return m_database.get();
}

QString adminTimeText(qint64 ms)
{
    if (ms <= 0)
        return u"-"_s;
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate);
}

QJsonValue adminTimeJson(qint64 ms)
{
    if (ms <= 0)
        return QJsonValue::Null;
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

int AdminCommand::run(const Invocation &inv)
{
    const QStringList &cmd = inv.command;
    const QList<AdminVerb> verbs = allVerbs();
    const AdminVerb *verb = nullptr;
    for (const AdminVerb &v : verbs) {
        if (cmd.mid(0, v.words.size()) == v.words && (!verb || v.words.size() > verb->words.size()))
            verb = &v;
    }
    if (!verb)
        return fail(inv,
                    Error{ErrorCode::InvalidArgument,
                          u"unknown command \"%1\" (try --help)"_s.arg(cmd.join(u' '))},
                    2);
    const QStringList arguments = cmd.mid(verb->words.size());
    const qsizetype wanted = verb->arguments.split(u' ', Qt::SkipEmptyParts).size();
    if (arguments.size() != wanted)
        return fail(inv,
                    Error{ErrorCode::InvalidArgument,
                          u"usage: parleyd %1 %2 (try --help)"_s
                                  .arg(verb->words.join(u' '), verb->arguments)
                                  .trimmed()},
                    2);

    AdminContext context(inv, arguments);
    const Result<AdminReply> reply = verb->run(context);
    if (!reply)
        return fail(inv, reply.error(), exitCodeFor(reply.error().code));
    QTextStream out(stdout);
    if (inv.json) {
        const QJsonValue &j = reply->json;
        out << (j.isArray() ? QJsonDocument(j.toArray()) : QJsonDocument(j.toObject()))
                        .toJson(QJsonDocument::Indented);
    } else if (!reply->text.isEmpty()) {
        out << reply->text;
        if (!reply->text.endsWith(u'\n'))
            out << '\n';
    }
    return 0;
}

QString AdminCommand::usage()
{
    QString text;
    for (const AdminVerb &v : allVerbs()) {
        const QString head = QString(v.words.join(u' ') + u' ' + v.arguments).trimmed();
        text += u"  "_s + head.leftJustified(32) + u' ' + v.help + u'\n';
    }
    return text;
}

} // namespace Parley
