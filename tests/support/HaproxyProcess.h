#pragma once

/// Starts the real `haproxy` for a test, configured from packaging/haproxy.cfg.example (the
/// shipped configuration: TLS passed through, PROXY v2 to the nodes, /healthz checks) with the
/// test's nodes on 127.0.0.1 and a free port of its own; waits until a TLS request for
/// /healthz through it is answered. Kills it when destroyed.

#include <QtCore/QList>
#include <QtCore/QObject>
#include <QtCore/QProcess>
#include <QtCore/QTemporaryDir>
#include <QtCore/QUrl>

#include <memory>

namespace Parley {

class HaproxyProcess : public QObject
{
    Q_OBJECT
public:
    explicit HaproxyProcess(QObject *parent = nullptr);
    ~HaproxyProcess() override;

    /// The haproxy executable (on $PATH, or /usr/sbin/haproxy); empty if there is none.
    static QString binary();
    /// The shipped example this configuration is made from.
    static QString examplePath();
    /// The example made runnable: its "bind" listens on `listen` (host:port), its "server"
    /// lines are replaced by one per entry of `nodes` (host:port, named node1, node2, …), the
    /// lines marked "# deployment" are left out, and `extraGlobal` lines join "global"
    /// (replacing the example's line with the same keyword).
    static QByteArray configFromExample(const QByteArray &example, const QString &listen,
                                        const QStringList &nodes,
                                        const QStringList &extraGlobal = {});

    /// The parleyd nodes (ports on 127.0.0.1) to balance over; call before start().
    void setNodePorts(const QList<quint16> &ports) { m_nodePorts = ports; }
    /// Listen here instead of 127.0.0.1 (e.g. to test from another loopback address).
    void setListenHost(const QString &host) { m_listenHost = host; }

    /// Starts haproxy on a free port and waits until it serves: a TLS GET /healthz through it
    /// is answered 200 by a node. false (see log()) if it exits or does not serve in time.
    bool start(int timeoutMs = 30000);
    /// SIGTERM, then SIGKILL if it is still running after `timeoutMs`.
    void stop(int timeoutMs = 10000);
    bool isRunning() const { return m_process && m_process->state() != QProcess::NotRunning; }

    quint16 port() const { return m_port; }
    /// wss://HOST:PORT of the frontend.
    QUrl url() const;
    /// The generated configuration file.
    QString configPath() const;
    /// Everything haproxy printed so far (its log goes to stderr).
    QByteArray log() const { return m_log; }

    /// A node's state as HAProxy's statistics give it ("UP", "DOWN", "UP 1/2", …), node
    /// numbered from 1 as in the configuration; empty if haproxy does not answer.
    QString nodeStatus(int node) const { return nodeStatistic(node, "status"); }
    /// The result of the node's last health check ("L7OK": /healthz answered 200).
    QString nodeCheck(int node) const { return nodeStatistic(node, "check_status"); }
    /// One column of the node's line in HAProxy's "show stat" CSV.
    QString nodeStatistic(int node, const QByteArray &column) const;
    /// Waits until nodeStatus(node) starts with `status` ("UP" or "DOWN").
    bool waitForNodeStatus(int node, const QString &status, int timeoutMs = 15000) const;
    /// One TLS "GET /healthz" through the frontend; true on a 200 answer.
    bool healthzAnswers(int timeoutMs = 5000) const;

private:
    void readOutput();

    QList<quint16> m_nodePorts;
    QString m_listenHost = QStringLiteral("127.0.0.1");
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QProcess> m_process;
    QByteArray m_log;
    quint16 m_port = 0;
};

} // namespace Parley
