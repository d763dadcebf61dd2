#pragma once

/// One admin subcommand (`user add NAME`): its words, its arguments, and what it does. Each
/// answers the same facts twice: as text for people and as JSON for scripts (--json).

#include "protocol/Result.h"

#include <QtCore/QJsonValue>
#include <QtCore/QStringList>

#include <functional>
#include <memory>

namespace Parley {

class Database;
struct Invocation;

struct AdminReply
{
    QString text; ///< printed without --json (a trailing newline is added)
    QJsonValue json; ///< printed with --json
};

/// What a subcommand runs with: the command line, its arguments, and the database.
class AdminContext
{
public:
    AdminContext(const Invocation &invocation, QStringList arguments);
    ~AdminContext();

    const Invocation &invocation;
    const QStringList arguments; ///< what follows the subcommand's words
    /// The server's database, opened and migrated on first use.
    Result<Database *> database();

private:
    std::unique_ptr<Database> m_database;
};

struct AdminVerb
{
    QStringList words; ///< {"user", "add"}
    QString arguments; ///< "NAME": one positional argument per word, shown in --help
    QString help;
    std::function<Result<AdminReply>(AdminContext &)> run;
};

// Each file registers its own subcommands.
QList<AdminVerb> userVerbs(); // UserCommands.cpp: user …, device …
QList<AdminVerb> conversationVerbs(); // ConversationCommands.cpp: conversation …
QList<AdminVerb> maintenanceVerbs(); // MaintenanceCommands.cpp: migrate, backup, restore, …
QList<AdminVerb> reportVerbs(); // ReportCommands.cpp: report list|show|resolve

/// An ISO 8601 time for ms since the epoch; "-" (text) or null (JSON) for 0.
QString adminTimeText(qint64 ms);
QJsonValue adminTimeJson(qint64 ms);

} // namespace Parley
