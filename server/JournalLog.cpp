#include "JournalLog.h"

#include <QtCore/QLoggingCategory>
#include <QtCore/QRegularExpression>
#include <QtCore/QString>

#include <cstdio>
#include <sys/stat.h>
#include <syslog.h>

#ifdef PARLEY_HAVE_JOURNAL
#  define SD_JOURNAL_SUPPRESS_LOCATION
#  include <systemd/sd-journal.h>
#endif

namespace Parley {

using namespace Qt::StringLiterals;

namespace {

int syslogPriority(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg:
        return LOG_DEBUG;
    case QtInfoMsg:
        return LOG_INFO;
    case QtWarningMsg:
        return LOG_WARNING;
    case QtCriticalMsg:
        return LOG_ERR;
    case QtFatalMsg:
        return LOG_CRIT;
    }
    return LOG_INFO;
}

#ifdef PARLEY_HAVE_JOURNAL
void toJournal(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    static const QRegularExpression field(u"(?:^|\\s)([a-z][a-z_]{0,30})=(\\S+)"_s);
    QList<QByteArray> fields{
            "MESSAGE=" + message.toUtf8(),
            "PRIORITY=" + QByteArray::number(syslogPriority(type)),
            "SYSLOG_IDENTIFIER=parleyd",
            QByteArray("PARLEY_CATEGORY=") + (context.category ? context.category : "default"),
    };
    for (const auto &m : field.globalMatch(message))
        fields.append("PARLEY_" + m.captured(1).toUpper().toUtf8() + '=' + m.captured(2).toUtf8());
    QVarLengthArray<iovec, 12> vectors;
    for (QByteArray &f : fields)
        vectors.append(iovec{f.data(), std::size_t(f.size())});
    if (sd_journal_sendv(vectors.data(), int(vectors.size())) < 0)
        std::fprintf(stderr, "%s\n", message.toLocal8Bit().constData());
}
#endif

} // namespace

bool JournalLog::stderrIsJournal()
{
    const QByteArray stream = qgetenv("JOURNAL_STREAM");
    const qsizetype colon = stream.indexOf(':');
    struct stat st = {};
    if (colon <= 0 || ::fstat(STDERR_FILENO, &st) != 0)
        return false;
    return stream.left(colon).toULongLong() == quint64(st.st_dev)
            && stream.mid(colon + 1).toULongLong() == quint64(st.st_ino);
}

void JournalLog::install(QtMsgType level)
{
    QString rules;
    for (const auto &[type, name] : {std::pair{QtDebugMsg, "debug"}, std::pair{QtInfoMsg, "info"},
                                     std::pair{QtWarningMsg, "warning"}}) {
        // QtMsgType's order is not its severity (info comes after critical): compare ranks.
        const auto rank = [](QtMsgType t) {
            return t == QtDebugMsg ? 0 : t == QtInfoMsg ? 1 : t == QtWarningMsg ? 2 : 3;
        };
        rules += u"parley.*.%1=%2\n"_s.arg(QLatin1StringView(name),
                                           rank(type) >= rank(level) ? u"true"_s : u"false"_s);
    }
    QLoggingCategory::setFilterRules(rules);
#ifdef PARLEY_HAVE_JOURNAL
    if (stderrIsJournal())
        qInstallMessageHandler(toJournal);
#endif
}

} // namespace Parley
