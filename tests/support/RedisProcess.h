#pragma once

/// A real redis-server for a test: a free port on 127.0.0.1, a temporary folder, no
/// persistence. Can be stopped and started again on the same port (to test a Redis outage).
/// Killed when destroyed.

#include <QtCore/QObject>
#include <QtCore/QProcess>
#include <QtCore/QTemporaryDir>

#include <memory>

namespace Parley {

class RedisProcess : public QObject
{
    Q_OBJECT
public:
    explicit RedisProcess(QObject *parent = nullptr);
    ~RedisProcess() override;

    /// Empty if redis-server can be run; else why not (tests QSKIP with it).
    static QString unavailableReason();

    /// Starts redis-server (on the previous port, if any) and waits until it accepts
    /// connections. false if it exits or times out.
    bool start(int timeoutMs = 15000);
    /// SIGTERM, and waits for the process to be gone.
    void stop(int timeoutMs = 15000);
    bool isRunning() const { return m_process && m_process->state() != QProcess::NotRunning; }

    quint16 port() const { return m_port; }
    /// redis://127.0.0.1:PORT
    QString url() const;
    QByteArray log() const { return m_log; }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QProcess> m_process;
    QByteArray m_log;
    quint16 m_port = 0;
};

} // namespace Parley
