#pragma once

/// "Back up" and "Restore": the history in one encrypted file the user keeps (docs/backup.md).
///
/// A backup is a BackupFile the user picked, opened by a passphrase (Argon2id) or by a backup
/// key shown once. The profile remembers the file and its key (the secret "backup", in the
/// profile's secrets file), so "Back up now" adds only the entries after the last run: the file
/// ends with the highest seq per conversation it holds. A restore reads every chunk and stores
/// the entries through MessageStore::importHistory, as an import does: entries the cache holds
/// are skipped, rows it could not decrypt (history from before this device) take the backed-up
/// content, and the search index takes the new rows in. Disappearing messages are left out.
/// Lives on the GUI thread; files and Argon2id are worked on a worker thread, the cache is read a
/// page at a time, nothing blocks.

#include "crypto/PassphraseSlot.h"
#include "store/StoreTypes.h"

#include <QtCore/QDateTime>
#include <QtCore/QHash>
#include <QtCore/QObject>
#include <QtCore/QUrl>

namespace Parley {

class Account;
class MessageStore;
class ProfileSecrets;
struct BackupChunk;

class HistoryBackup : public QObject
{
    Q_OBJECT
    /// A backup or restore runs.
    Q_PROPERTY(bool busy READ isBusy NOTIFY busyChanged)
    /// The file "Back up now" adds to; empty before the first backup.
    Q_PROPERTY(QString filePath READ filePath NOTIFY backupChanged)
    /// When the last backup or restore of that file finished (invalid: never).
    Q_PROPERTY(QDateTime lastBackup READ lastBackup NOTIFY backupChanged)
    /// The backup key of a backup made without a passphrase, to write down, until
    /// confirmBackupKey().
    Q_PROPERTY(QString backupKeyToShow READ backupKeyToShow NOTIFY backupChanged)

public:
    HistoryBackup(MessageStore *store, ProfileSecrets *secrets, Account *account,
                  QObject *parent = nullptr);
    ~HistoryBackup() override;

    /// Reads which backup this profile adds to (the cache and the secrets are open).
    void load();
    /// Forgets it (the account's data is erased from this computer).
    void forget();

    bool isBusy() const { return m_busy; }
    QString filePath() const { return m_path; }
    QDateTime lastBackup() const { return m_lastBackup; }
    QString backupKeyToShow() const { return m_keyToShow; }

    /// Starts a new backup in the local `file` (replacing what is there) with everything the
    /// cache holds, opened by `passphrase`, or by a new backup key (backupKeyToShow()) when
    /// `passphrase` is empty. From then on it is the backup "Back up now" adds to.
    Q_INVOKABLE void create(const QUrl &file, const QString &passphrase);
    /// Adds what is new since the last run to the backup (filePath()).
    Q_INVOKABLE void backUpNow();
    /// Reads the backup in `file`, opened by `passphraseOrKey` (the backup key as written down,
    /// or the passphrase), into the cache. The backup must be this user's.
    Q_INVOKABLE void restore(const QUrl &file, const QString &passphraseOrKey);
    /// The user wrote the backup key down: it is not kept any longer.
    Q_INVOKABLE void confirmBackupKey();

    /// Argon2id costs (tests make them small).
    void setPassphraseCost(PassphraseSlot::Cost cost) { m_cost = cost; }

    /// Names in the profile's secrets and the cache's settings.
    static QString keySecret() { return QStringLiteral("backup"); }
    static QString keyToShowSecret() { return QStringLiteral("backup-key-to-show"); }
    static QString pathSetting() { return QStringLiteral("backup/path"); }
    static QString timeSetting() { return QStringLiteral("backup/at"); }

Q_SIGNALS:
    void busyChanged();
    void backupChanged();
    /// Conversations done of those to back up, or chunks read of those to restore.
    void progress(int done, int total);
    /// `message` says what was done (`ok`) or what went wrong, in words for the user.
    void finished(bool ok, const QString &message);
    /// A restore added these rows to the cache, ascending seq per conversation.
    void restored(const QList<Parley::StoredMessage> &rows);

private:
    struct Run;

    bool begin(const QString &whyNot);
    void fail(const QString &message);
    void succeed(const QString &message);
    void end(bool ok, const QString &message);
    /// The backup (or a restore of it) is complete: its time is kept and shown.
    void markDone();
    void startRun(const QString &path, const QByteArray &id, const QByteArray &fileKey,
                  const QHash<qint64, qint64> &lastSeqs, bool fileHasChunks);
    void readNextConversation();
    void readPage(qint64 afterSeq);
    void resume();
    void sealChunk();
    void writeReady(bool last);
    void finishRun();
    void remember(const QString &path, const QByteArray &id, const QByteArray &fileKey);
    void restoreChunks(const QString &path, const QByteArray &id, const QByteArray &fileKey,
                       const QList<BackupChunk> &chunks);

    MessageStore *m_store;
    ProfileSecrets *m_secrets;
    Account *m_account;
    PassphraseSlot::Cost m_cost = PassphraseSlot::Cost::interactive();
    bool m_busy = false;
    QString m_path;
    QByteArray m_id; ///< of the backup in m_path
    QByteArray m_fileKey;
    QDateTime m_lastBackup;
    QString m_keyToShow;
    std::unique_ptr<Run> m_run;
};

} // namespace Parley
