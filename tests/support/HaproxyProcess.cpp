#include "HaproxyProcess.h"

#include <QtCore/QDeadlineTimer>
#include <QtCore/QFile>
#include <QtCore/QRegularExpression>
#include <QtCore/QStandardPaths>
#include <QtNetwork/QLocalSocket>
#include <QtNetwork/QSslSocket>
#include <QtNetwork/QTcpServer>
#include <QtTest/QSignalSpy>

namespace Parley {

using namespace Qt::StringLiterals;

namespace {

/// A port nothing listens on right now (haproxy binds it a moment later).
quint16 freePort(const QString &host)
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress(host), 0))
        return 0;
    return probe.serverPort();
}

/// Waits on `spy` in short steps until `done()` or the deadline.
template<typename Done>
bool waitUntil(QSignalSpy &spy, const QDeadlineTimer &deadline, Done done)
{
    while (!done() && !deadline.hasExpired())
        spy.wait(int(std::clamp<qint64>(deadline.remainingTime(), 1, 100)));
    return done();
}

} // namespace

HaproxyProcess::HaproxyProcess(QObject *parent) : QObject(parent) { }

HaproxyProcess::~HaproxyProcess()
{
    if (isRunning()) {
        m_process->kill();
        m_process->waitForFinished(10000);
    }
}

QString HaproxyProcess::binary()
{
    const QString found = QStandardPaths::findExecutable(u"haproxy"_s);
    if (!found.isEmpty())
        return found;
    return QStandardPaths::findExecutable(u"haproxy"_s, {u"/usr/sbin"_s, u"/usr/local/sbin"_s});
}

QString HaproxyProcess::examplePath()
{
    return QStringLiteral(PARLEY_HAPROXY_EXAMPLE);
}

QByteArray HaproxyProcess::configFromExample(const QByteArray &example, const QString &listen,
                                             const QStringList &nodes,
                                             const QStringList &extraGlobal)
{
    static const QRegularExpression bindLine(u"^(\\s*bind\\s+)\\S+(.*)$"_s);
    static const QRegularExpression serverLine(u"^(\\s*)server\\s+\\S+\\s+\\S+(.*)$"_s);
    QByteArray out;
    bool serversWritten = false;
    bool inGlobal = false;
    // A keyword `extraGlobal` sets replaces the example's line for it.
    QStringList overridden;
    for (const QString &extra : extraGlobal)
        overridden << extra.section(u' ', 0, 0);
    const QList<QByteArray> lines = example.split('\n');
    for (const QByteArray &raw : lines) {
        const QString line = QString::fromUtf8(raw);
        if (line.trimmed().endsWith(u"# deployment"_s))
            continue;
        if (!line.isEmpty() && !line.front().isSpace())
            inGlobal = line.trimmed() == "global"_L1;
        if (inGlobal && overridden.contains(line.trimmed().section(u' ', 0, 0)))
            continue;
        if (const auto m = bindLine.match(line); m.hasMatch()) {
            // The listen address only: "v4v6" and the like belong to the wildcard address.
            out += QString(m.captured(1) + listen + u'\n').toUtf8();
            continue;
        }
        if (const auto m = serverLine.match(line); m.hasMatch()) {
            if (!serversWritten) {
                for (qsizetype i = 0; i < nodes.size(); ++i)
                    out += u"%1server node%2 %3%4\n"_s.arg(m.captured(1))
                                   .arg(i + 1)
                                   .arg(nodes[i], m.captured(2))
                                   .toUtf8();
                serversWritten = true;
            }
            continue;
        }
        out += raw + '\n';
        if (line.trimmed() == "global"_L1) {
            for (const QString &extra : extraGlobal)
                out += "    " + extra.toUtf8() + '\n';
        }
    }
    return out;
}

QString HaproxyProcess::configPath() const
{
    return m_dir ? m_dir->filePath(u"haproxy.cfg"_s) : QString();
}

QUrl HaproxyProcess::url() const
{
    return QUrl(u"wss://%1:%2"_s.arg(m_listenHost).arg(m_port));
}

bool HaproxyProcess::start(int timeoutMs)
{
    if (isRunning() || binary().isEmpty())
        return false;
    QFile example(examplePath());
    if (!example.open(QIODevice::ReadOnly))
        return false;
    const QByteArray text = example.readAll();
    m_dir = std::make_unique<QTemporaryDir>();
    if (!m_dir->isValid())
        return false;
    QStringList nodes;
    for (quint16 port : std::as_const(m_nodePorts))
        nodes << u"127.0.0.1:%1"_s.arg(port);
    // Its log on stderr (no syslog in a test); its statistics on a socket of its own; no
    // more connections than a test's file descriptor limit allows.
    const QStringList global{
            u"log stderr format short local0 info"_s, u"maxconn 4096"_s,
            u"stats socket %1 mode 600 level admin"_s.arg(m_dir->filePath(u"admin.sock"_s))};
    m_port = freePort(m_listenHost);
    if (m_port == 0)
        return false;
    QFile config(configPath());
    if (!config.open(QIODevice::WriteOnly))
        return false;
    config.write(configFromExample(text, u"%1:%2"_s.arg(m_listenHost).arg(m_port), nodes, global));
    config.close();

    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    connect(m_process.get(), &QProcess::readyReadStandardOutput, this, &HaproxyProcess::readOutput);
    // -db: stay in the foreground, as a child of the test.
    m_process->start(binary(), {u"-db"_s, u"-f"_s, configPath()});
    if (!m_process->waitForStarted(timeoutMs))
        return false;
    const QDeadlineTimer deadline(timeoutMs);
    QSignalSpy finished(m_process.get(), &QProcess::finished);
    // Serving: a node answers /healthz through it (haproxy listens, and a node is up).
    return waitUntil(finished, deadline,
                     [this, &finished] { return finished.isEmpty() && healthzAnswers(2000); });
}

void HaproxyProcess::readOutput()
{
    if (m_process)
        m_log += m_process->readAll();
}

void HaproxyProcess::stop(int timeoutMs)
{
    if (!isRunning())
        return;
    m_process->terminate();
    if (!m_process->waitForFinished(timeoutMs)) {
        m_process->kill();
        m_process->waitForFinished(timeoutMs);
    }
    readOutput();
}

bool HaproxyProcess::healthzAnswers(int timeoutMs) const
{
    QSslSocket socket;
    socket.setPeerVerifyMode(QSslSocket::VerifyNone); // only "does a node answer?"
    QSignalSpy encrypted(&socket, &QSslSocket::encrypted);
    QSignalSpy readable(&socket, &QIODevice::readyRead);
    QSignalSpy gone(&socket, &QAbstractSocket::disconnected);
    QSignalSpy failed(&socket, &QAbstractSocket::errorOccurred);
    const QDeadlineTimer deadline(timeoutMs);
    socket.connectToHostEncrypted(m_listenHost, m_port);
    if (!waitUntil(encrypted, deadline, [&] { return !encrypted.isEmpty() || !failed.isEmpty(); })
        || encrypted.isEmpty())
        return false;
    socket.write("GET /healthz HTTP/1.1\r\nHost: parley\r\n\r\n");
    QByteArray answer;
    waitUntil(readable, deadline, [&] {
        answer += socket.readAll();
        return answer.contains("\r\n\r\n") || !gone.isEmpty() || !failed.isEmpty();
    });
    return answer.startsWith("HTTP/1.1 200");
}

QString HaproxyProcess::nodeStatistic(int node, const QByteArray &column) const
{
    if (!m_dir)
        return {};
    QLocalSocket socket;
    socket.connectToServer(m_dir->filePath(u"admin.sock"_s));
    if (!socket.waitForConnected(2000))
        return {};
    socket.write("show stat\n");
    QByteArray csv;
    const QDeadlineTimer deadline(2000);
    // haproxy closes the socket after answering one command.
    while (socket.state() == QLocalSocket::ConnectedState && !deadline.hasExpired()) {
        socket.waitForReadyRead(int(std::max<qint64>(1, deadline.remainingTime())));
        csv += socket.readAll();
    }
    csv += socket.readAll();
    const QList<QByteArray> lines = csv.split('\n');
    if (lines.isEmpty() || !lines.first().startsWith("# "))
        return {};
    const QList<QByteArray> header = lines.first().mid(2).split(',');
    const qsizetype proxy = header.indexOf("pxname");
    const qsizetype server = header.indexOf("svname");
    const qsizetype status = header.indexOf(column);
    if (proxy < 0 || server < 0 || status < 0)
        return {};
    const QByteArray name = "node" + QByteArray::number(node);
    for (const QByteArray &line : lines) {
        const QList<QByteArray> fields = line.split(',');
        if (fields.size() > status && fields[proxy] == "parleyd" && fields[server] == name)
            return QString::fromLatin1(fields[status]);
    }
    return {};
}

bool HaproxyProcess::waitForNodeStatus(int node, const QString &status, int timeoutMs) const
{
    const QDeadlineTimer deadline(timeoutMs);
    QObject ticker;
    QSignalSpy never(&ticker, &QObject::objectNameChanged);
    // haproxy's checks run every second: ask it again a few times a second.
    return waitUntil(never, deadline, [&] { return nodeStatus(node).startsWith(status); });
}

} // namespace Parley
