#include "ParleydProcess.h"

#include "TestLogging.h"

#include <QtCore/QRandomGenerator>
#include <QtCore/QRegularExpression>
#include <QtCore/QUrl>
#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlError>
#include <QtSql/QSqlQuery>
#include <QtTest/QSignalSpy>

#include <csignal>

namespace Parley {

using namespace Qt::StringLiterals;

ParleydProcess::ParleydProcess(QObject *parent) : QObject(parent) { }

ParleydProcess::~ParleydProcess()
{
    if (isRunning())
        kill();
    dropPostgres();
}

bool ParleydProcess::usesPostgres()
{
    return qEnvironmentVariable("PARLEY_TEST_BACKEND") == "postgres"_L1;
}

QString ParleydProcess::postgresUnavailableReason()
{
    if (!usesPostgres())
        return {};
    for (const char *name : {"PGHOST", "PGPORT", "PGUSER", "PGDATABASE"}) {
        if (qEnvironmentVariableIsEmpty(name))
            return u"%1 is not set: run under pg_virtualenv (scripts/test does)"_s.arg(
                    QLatin1StringView(name));
    }
    return {};
}

QString ParleydProcess::postgresUrl(const QString &name)
{
    QUrl url;
    url.setScheme(u"postgresql"_s);
    url.setHost(qEnvironmentVariable("PGHOST"));
    url.setPort(qEnvironmentVariable("PGPORT", u"5432"_s).toInt());
    url.setUserName(qEnvironmentVariable("PGUSER"));
    url.setPassword(qEnvironmentVariable("PGPASSWORD"));
    url.setPath(u"/"_s + name);
    return url.toString();
}

namespace {

/// Runs one statement on the $PGDATABASE database (to create or drop test databases).
bool adminStatement(const QString &sql)
{
    const QString connection =
            u"parley-test-admin-%1"_s.arg(QRandomGenerator::global()->generate());
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QPSQL"_s, connection);
        db.setHostName(qEnvironmentVariable("PGHOST"));
        db.setPort(qEnvironmentVariable("PGPORT", u"5432"_s).toInt());
        db.setUserName(qEnvironmentVariable("PGUSER"));
        db.setPassword(qEnvironmentVariable("PGPASSWORD"));
        db.setDatabaseName(qEnvironmentVariable("PGDATABASE"));
        if (db.open()) {
            QSqlQuery q(db);
            ok = q.exec(sql);
            if (!ok)
                qCWarning(lcTestSupport) << "PostgreSQL:" << q.lastError().text();
        } else {
            qCWarning(lcTestSupport) << "PostgreSQL:" << db.lastError().text();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);
    return ok;
}

} // namespace

QString ParleydProcess::createPostgresDatabase()
{
    const QString name = u"parley_test_%1"_s.arg(
            qulonglong(QRandomGenerator::global()->generate64()), 16, 16, QChar(u'0'));
    return adminStatement(u"CREATE DATABASE %1"_s.arg(name)) ? name : QString();
}

void ParleydProcess::dropPostgresDatabase(const QString &name)
{
    if (!name.isEmpty())
        adminStatement(u"DROP DATABASE IF EXISTS %1 WITH (FORCE)"_s.arg(name));
}

bool ParleydProcess::preparePostgres()
{
    if (!m_database.isEmpty() || !usesPostgres())
        return true;
    if (!postgresUnavailableReason().isEmpty())
        return false;
    const QString name = createPostgresDatabase();
    if (name.isEmpty())
        return false;
    m_createdDatabase = name;
    m_database = postgresUrl(name);
    return true;
}

void ParleydProcess::dropPostgres()
{
    if (m_createdDatabase.isEmpty())
        return;
    dropPostgresDatabase(m_createdDatabase);
    m_createdDatabase.clear();
}

QString ParleydProcess::binary()
{
    return qEnvironmentVariable("PARLEYD_BINARY");
}

QUrl ParleydProcess::url() const
{
    return QUrl(u"%1://127.0.0.1:%2"_s.arg(m_plain ? u"ws"_s : u"wss"_s).arg(m_port));
}

qint64 ParleydProcess::pid() const
{
    return m_process ? m_process->processId() : 0;
}

QStringList ParleydProcess::commonArguments() const
{
    QStringList args{u"--data-dir"_s, m_dataDir};
    if (!m_database.isEmpty())
        args << u"--database"_s << m_database;
    return args;
}

bool ParleydProcess::start(int timeoutMs)
{
    if (isRunning())
        return false;
    if (m_dataDir.isEmpty()) {
        m_tempDir = std::make_unique<QTemporaryDir>();
        if (!m_tempDir->isValid())
            return false;
        m_dataDir = m_tempDir->path();
    }
    if (!preparePostgres())
        return false;
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    connect(m_process.get(), &QProcess::readyReadStandardOutput, this, &ParleydProcess::readOutput);
    connect(m_process.get(), &QProcess::finished, this, [this](int code) {
        readOutput();
        Q_EMIT exited(code);
    });
    QStringList args = commonArguments();
    args << u"--listen"_s << u"127.0.0.1:%1"_s.arg(m_port);
    // Tests run side by side: each server's admin listener on a free port of its own.
    args << u"--admin-listen"_s << u"127.0.0.1:0"_s;
    if (m_plain)
        args << u"--plain"_s;
    args << m_arguments;
    QSignalSpy listeningSpy(this, &ParleydProcess::listening);
    QSignalSpy exitedSpy(this, &ParleydProcess::exited);
    m_process->start(binary(), args);
    if (!m_process->waitForStarted(timeoutMs))
        return false;
    QDeadlineTimer deadline(timeoutMs);
    while (listeningSpy.isEmpty() && exitedSpy.isEmpty() && !deadline.hasExpired())
        listeningSpy.wait(int(std::min<qint64>(deadline.remainingTime(), 200)));
    return !listeningSpy.isEmpty();
}

void ParleydProcess::readOutput()
{
    if (!m_process)
        return;
    const QByteArray chunk = m_process->readAll();
    m_log += chunk;
    m_pending += chunk;
    qsizetype newline;
    static const QRegularExpression listeningLine(
            u"parleyd listening on wss?://[^ ]*:(\\d+)(?: \\(certificate sha256 ([0-9A-F:]+)\\))?"_s);
    while ((newline = m_pending.indexOf('\n')) >= 0) {
        const QString line = QString::fromUtf8(m_pending.left(newline));
        m_pending.remove(0, newline + 1);
        const auto match = listeningLine.match(line);
        if (match.hasMatch()) {
            m_port = quint16(match.captured(1).toUInt());
            m_fingerprint = match.captured(2);
            Q_EMIT listening(m_port);
        }
    }
}

bool ParleydProcess::stop(int timeoutMs)
{
    if (!isRunning())
        return false;
    QSignalSpy exitedSpy(this, &ParleydProcess::exited);
    m_process->terminate();
    if (!exitedSpy.wait(timeoutMs)) {
        kill();
        return false;
    }
    return m_process->exitStatus() == QProcess::NormalExit && m_process->exitCode() == 0;
}

void ParleydProcess::kill()
{
    if (!isRunning())
        return;
    m_process->kill();
    m_process->waitForFinished(10000);
}

void ParleydProcess::reload()
{
    if (isRunning())
        ::kill(pid_t(m_process->processId()), SIGHUP);
}

int ParleydProcess::runAdmin(const QStringList &arguments, QByteArray *output,
                             const QByteArray &input, int timeoutMs)
{
    if (m_dataDir.isEmpty()) {
        m_tempDir = std::make_unique<QTemporaryDir>();
        m_dataDir = m_tempDir->path();
    }
    if (!preparePostgres())
        return -1;
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    // The test's own options come last, so they win over the common ones.
    p.start(binary(), commonArguments() + arguments);
    if (!p.waitForStarted(timeoutMs))
        return -1;
    if (!input.isNull())
        p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        return -1;
    }
    if (output)
        *output = p.readAll();
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

} // namespace Parley
