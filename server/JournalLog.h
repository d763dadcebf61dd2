#pragma once

/// parleyd's log output: one line per event on stderr, or, when stderr is connected to the
/// systemd journal, one journal entry per event with fields to filter on (sd_journal_send).
///
/// Fields: PRIORITY, SYSLOG_IDENTIFIER, PARLEY_CATEGORY (the logging category), and one
/// PARLEY_<KEY> field for each `key=value` word in the message: log calls write the ids an
/// admin filters by that way (`connection=2.17`, `device=42`, `user=7`, `code=rate_limited`),
/// e.g. `journalctl -u parleyd PARLEY_DEVICE=42`. Never a body, a token or a password.

#include <QtCore/QtGlobal>

namespace Parley {

class JournalLog
{
public:
    /// Shows messages of `level` and above (debug, info, warning, critical) from the
    /// parley.* categories, and sends them to the journal when stderr is the journal.
    static void install(QtMsgType level);
    /// true if stderr is the journal's stream (systemd sets JOURNAL_STREAM to its device and
    /// inode, see systemd.exec(5)).
    static bool stderrIsJournal();
};

} // namespace Parley
