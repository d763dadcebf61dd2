#include "ParleydProcess.h"

#include <QtCore/QRegularExpression>
#include <QtTest/QSignalSpy>

#include <csignal>

namespace Parley {

using namespace Qt::StringLiterals;

ParleydProcess::ParleydProcess(QObject *parent) : QObject(parent) { }

ParleydProcess::~ParleydProcess()
{
    if (isRunning())
        kill();
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
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    connect(m_process.get(), &QProcess::readyReadStandardOutput, this, &ParleydProcess::readOutput);
    connect(m_process.get(), &QProcess::finished, this, [this](int code) {
        readOutput();
        Q_EMIT exited(code);
    });
    QStringList args = commonArguments();
    args << u"--listen"_s << u"127.0.0.1:%1"_s.arg(m_port);
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
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(binary(), arguments + commonArguments());
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
