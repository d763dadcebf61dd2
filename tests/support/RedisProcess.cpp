#include "RedisProcess.h"

#include <QtCore/QDeadlineTimer>
#include <QtCore/QStandardPaths>
#include <QtNetwork/QTcpServer>
#include <QtTest/QSignalSpy>

namespace Parley {

using namespace Qt::StringLiterals;

namespace {

QString executable()
{
    return QStandardPaths::findExecutable(u"redis-server"_s,
                                          {u"/usr/bin"_s, u"/usr/local/bin"_s, u"/usr/sbin"_s});
}

quint16 freePort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

} // namespace

RedisProcess::RedisProcess(QObject *parent) : QObject(parent) { }

RedisProcess::~RedisProcess()
{
    if (isRunning()) {
        m_process->kill();
        m_process->waitForFinished(10000);
    }
}

QString RedisProcess::unavailableReason()
{
    return executable().isEmpty() ? u"redis-server is not installed (Debian redis-server)"_s
                                  : QString();
}

QString RedisProcess::url() const
{
    return u"redis://127.0.0.1:%1"_s.arg(m_port);
}

bool RedisProcess::start(int timeoutMs)
{
    if (isRunning())
        return false;
    if (!m_dir) {
        m_dir = std::make_unique<QTemporaryDir>();
        if (!m_dir->isValid())
            return false;
    }
    if (!m_port)
        m_port = freePort();
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    m_process->setWorkingDirectory(m_dir->path());
    bool ready = false;
    connect(m_process.get(), &QProcess::readyReadStandardOutput, this, [this, &ready] {
        const QByteArray chunk = m_process->readAll();
        m_log += chunk;
        if (m_log.contains("Ready to accept connections"))
            ready = true;
    });
    m_log.clear();
    m_process->start(executable(),
                     {u"--port"_s, QString::number(m_port), u"--bind"_s, u"127.0.0.1"_s,
                      u"--save"_s, u""_s, u"--appendonly"_s, u"no"_s, u"--dir"_s, m_dir->path(),
                      u"--daemonize"_s, u"no"_s, u"--protected-mode"_s, u"yes"_s});
    if (!m_process->waitForStarted(timeoutMs))
        return false;
    QSignalSpy output(m_process.get(), &QProcess::readyReadStandardOutput);
    QDeadlineTimer deadline(timeoutMs);
    while (!ready && m_process->state() == QProcess::Running && !deadline.hasExpired())
        output.wait(int(std::min<qint64>(deadline.remainingTime(), 200)));
    disconnect(m_process.get(), &QProcess::readyReadStandardOutput, this, nullptr);
    connect(m_process.get(), &QProcess::readyReadStandardOutput, this,
            [this] { m_log += m_process->readAll(); });
    return ready;
}

void RedisProcess::stop(int timeoutMs)
{
    if (!isRunning())
        return;
    m_process->terminate();
    if (!m_process->waitForFinished(timeoutMs))
        m_process->kill();
    m_process->waitForFinished(timeoutMs);
}

} // namespace Parley
