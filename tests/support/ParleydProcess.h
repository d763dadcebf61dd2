#pragma once

/// Starts the real parleyd binary ($PARLEYD_BINARY) for a test: a free port on 127.0.0.1, a
/// temporary data folder, and waits for its "listening on" log line. Kills it when destroyed.

#include <QtCore/QObject>
#include <QtCore/QProcess>
#include <QtCore/QTemporaryDir>
#include <QtCore/QUrl>

#include <memory>

namespace Parley {

class ParleydProcess : public QObject
{
    Q_OBJECT
public:
    explicit ParleydProcess(QObject *parent = nullptr);
    ~ParleydProcess() override;

    /// The parleyd executable: $PARLEYD_BINARY (set by parley_add_test()).
    static QString binary();

    /// true when $PARLEY_TEST_BACKEND is "postgres": every ParleydProcess then uses a fresh
    /// PostgreSQL database (dropped afterwards) on the server that $PGHOST, $PGPORT, $PGUSER,
    /// $PGPASSWORD and $PGDATABASE name (what pg_virtualenv sets).
    static bool usesPostgres();
    /// Why a PostgreSQL run cannot happen (PG* variables unset); empty when it can or when
    /// SQLite is used. Tests QSKIP with it.
    static QString postgresUnavailableReason();
    /// postgresql://… for database `name` on the $PG* server.
    static QString postgresUrl(const QString &name);
    /// Creates a fresh, uniquely named database on the $PG* server; empty name on failure.
    static QString createPostgresDatabase();
    static void dropPostgresDatabase(const QString &name);

    /// Extra options for every start (e.g. {"--registration", "closed"}).
    void setArguments(const QStringList &arguments) { m_arguments = arguments; }
    /// Serve plain ws:// instead of wss://.
    void setPlain(bool plain) { m_plain = plain; }
    /// Use this PostgreSQL URL instead of SQLite in the data folder.
    void setDatabase(const QString &url) { m_database = url; }
    /// Use this data folder instead of a fresh temporary one.
    void setDataDir(const QString &dir) { m_dataDir = dir; }

    /// Starts parleyd (on the port of the previous run, if any, so clients can reconnect) and
    /// waits until it logs that it is listening. false if it exits or times out.
    bool start(int timeoutMs = 30000);
    /// SIGTERM; true if it exited with status 0 in time.
    bool stop(int timeoutMs = 15000);
    /// SIGKILL, and waits for the process to be gone.
    void kill();
    /// Sends SIGHUP (reload certificates).
    void reload();
    bool isRunning() const { return m_process && m_process->state() != QProcess::NotRunning; }

    quint16 port() const { return m_port; }
    /// "AB:CD:…": the SHA-256 of the certificate, as logged (empty with --plain).
    QString fingerprint() const { return m_fingerprint; }
    /// wss://127.0.0.1:PORT (ws:// when plain).
    QUrl url() const;
    QString dataDir() const { return m_dataDir; }
    /// The --database URL in use (PostgreSQL), or empty for SQLite in dataDir()/parley.db.
    QString database() const { return m_database; }
    /// Everything it wrote to stdout and stderr so far, all runs.
    QByteArray log() const { return m_log; }
    qint64 pid() const;

    /// Runs `parleyd ARGS --data-dir … [--database …]` to completion (admin subcommands);
    /// returns its exit code, its output in *output.
    int runAdmin(const QStringList &arguments, QByteArray *output = nullptr,
                 const QByteArray &input = {}, int timeoutMs = 60000);

Q_SIGNALS:
    void listening(quint16 port);
    void exited(int exitCode);

private:
    void readOutput();
    QStringList commonArguments() const;

    bool preparePostgres();
    void dropPostgres();

    std::unique_ptr<QTemporaryDir> m_tempDir;
    QString m_createdDatabase; ///< a PostgreSQL database this object created and drops
    QString m_dataDir;
    QString m_database;
    QStringList m_arguments;
    bool m_plain = false;
    std::unique_ptr<QProcess> m_process;
    QByteArray m_log;
    QByteArray m_pending;
    quint16 m_port = 0;
    QString m_fingerprint;
};

} // namespace Parley
