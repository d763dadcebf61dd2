#include "HistoryBackup.h"

#include "BackupChunk.h"
#include "BackupFile.h"
#include "Logging.h"
#include "account/Account.h"
#include "attachments/WorkerFuture.h"
#include "content/MessageContent.h"
#include "crypto/SecretsFile.h"
#include "platform/ProfileSecrets.h"
#include "store/MessageStore.h"

#include <QtConcurrent/QtConcurrentRun>
#include <QtCore/QFileInfo>

namespace Parley {

using namespace Qt::StringLiterals;

namespace {

constexpr qsizetype IdBytes = 16;
constexpr qsizetype FileKeyBytes = 32;
/// Chunks sealed and written together: bounds the memory a large history takes.
constexpr qsizetype ChunksPerWrite = 8;

/// What a worker found in a backup file.
struct Opened
{
    QString error; ///< for the user; empty when it worked
    QByteArray id;
    QByteArray fileKey;
    QList<BackupChunk> chunks; ///< all of them (restore) or only the last (backup)
};

QString cannotRead(const QString &path, CryptoError error)
{
    switch (error) {
    case CryptoError::CorruptRecord:
        return HistoryBackup::tr("%1 is not a Parley backup, or it is damaged.")
                .arg(QFileInfo(path).fileName());
    case CryptoError::UnsupportedStoreVersion:
        return HistoryBackup::tr("%1 was made by a newer Parley. Update Parley to restore it.")
                .arg(QFileInfo(path).fileName());
    default:
        return HistoryBackup::tr("Cannot read %1.").arg(path);
    }
}

QString cannotWrite(const QString &path)
{
    return HistoryBackup::tr("Cannot write %1. Is there room on the disk, and may Parley write "
                             "there?")
            .arg(path);
}

/// Reads the chunks of the backup at `path` with `fileKey` (all, or only the last one).
Opened readBackup(const QString &path, const QByteArray &id, const QByteArray &fileKey,
                  bool onlyLast)
{
    Opened opened;
    opened.id = id;
    opened.fileKey = fileKey;
    QList<QByteArray> bytes;
    if (onlyLast) {
        auto last = BackupFile::readLastChunk(path, id, fileKey);
        if (!last) {
            opened.error = cannotRead(path, last.error());
            return opened;
        }
        if (!last.value().isEmpty())
            bytes.append(last.value());
    } else {
        auto all = BackupFile::readChunks(path, id, fileKey);
        if (!all) {
            opened.error = cannotRead(path, all.error());
            return opened;
        }
        bytes = all.value();
    }
    for (const QByteArray &b : std::as_const(bytes)) {
        auto chunk = BackupChunk::fromBytes(b);
        if (!chunk) {
            opened.error = cannotRead(path, CryptoError::CorruptRecord);
            return opened;
        }
        opened.chunks.append(std::move(*chunk));
    }
    return opened;
}

/// An entry as the backup keeps it: as the cache holds it, except what a delete erased. The
/// cache keeps a deleted message and the entries about it (its delete, edits, reactions) with
/// their bodies gone; stored again like that, a restore could not tell a delete from a message
/// it cannot read. So the message becomes an empty text and each emptied entry about it a
/// delete by its sender: storing them deletes the message again (a delete by anyone else is
/// ignored, as it always is).
StoredMessage asBackedUp(const LogEntry &entry)
{
    StoredMessage m = entry.message;
    if (m.kind != MessageKind::Content || !m.body.isEmpty() || m.undecryptable)
        return m;
    if (m.deleted)
        m.body = MessageContent::text(QString()).toBytes();
    else if (m.hidden && entry.annotates > 0)
        m.body = MessageContent::deletion(entry.annotates).toBytes();
    return m;
}

} // namespace

struct HistoryBackup::Run
{
    QString path;
    QByteArray id;
    QByteArray fileKey;
    QHash<qint64, qint64> lastSeqs; ///< what the file holds, then what it will hold
    bool fileHasChunks = false;
    QList<ConversationSummary> conversations;
    qsizetype next = 0; ///< index in conversations of the one being read
    qint64 resumeAfter = -1; ///< the seq to read on from in it; -1: the next conversation
    BackupChunk chunk; ///< being filled
    QList<QByteArray> ready; ///< chunks to write, in order
    bool wroteChunks = false;
    int newMessages = 0;
};

HistoryBackup::HistoryBackup(MessageStore *store, ProfileSecrets *secrets, Account *account,
                             QObject *parent)
    : QObject(parent),
      m_store(store),
      m_secrets(secrets),
      m_account(account)
{
}

HistoryBackup::~HistoryBackup() = default;

void HistoryBackup::load()
{
    m_secrets->readSecret(keySecret()).then(this, [this](const Result<QByteArray> &secret) {
        if (!secret || secret->size() != IdBytes + FileKeyBytes)
            return;
        m_id = secret->left(IdBytes);
        m_fileKey = secret->mid(IdBytes);
        m_store->setting(pathSetting()).then(this, [this](const QVariant &path) {
            m_path = path.toString();
            Q_EMIT backupChanged();
        });
        m_store->setting(timeSetting()).then(this, [this](const QVariant &at) {
            m_lastBackup =
                    at.isValid() ? QDateTime::fromMSecsSinceEpoch(at.toLongLong()) : QDateTime();
            Q_EMIT backupChanged();
        });
    });
    m_secrets->readSecret(keyToShowSecret()).then(this, [this](const Result<QByteArray> &key) {
        if (key && !key->isEmpty()) {
            m_keyToShow = QString::fromLatin1(*key);
            Q_EMIT backupChanged();
        }
    });
}

void HistoryBackup::forget()
{
    m_path.clear();
    m_id.clear();
    m_fileKey.clear();
    m_lastBackup = {};
    m_keyToShow.clear();
    m_secrets->deleteSecret(keySecret());
    m_secrets->deleteSecret(keyToShowSecret());
    Q_EMIT backupChanged();
}

bool HistoryBackup::begin(const QString &whyNot)
{
    if (m_busy)
        return false;
    if (!whyNot.isEmpty()) {
        Q_EMIT finished(false, whyNot);
        return false;
    }
    m_busy = true;
    Q_EMIT busyChanged();
    return true;
}

void HistoryBackup::fail(const QString &message)
{
    qCWarning(lcClient).noquote() << "backup:" << message;
    end(false, message);
}

void HistoryBackup::succeed(const QString &message)
{
    end(true, message);
}

void HistoryBackup::end(bool ok, const QString &message)
{
    m_run.reset();
    m_busy = false;
    Q_EMIT busyChanged();
    Q_EMIT finished(ok, message);
}

void HistoryBackup::markDone()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    m_store->setSetting(timeSetting(), now);
    m_lastBackup = QDateTime::fromMSecsSinceEpoch(now);
    Q_EMIT backupChanged();
}

void HistoryBackup::create(const QUrl &file, const QString &passphrase)
{
    const QString whyNot = !m_account->isLoggedIn() ? tr("Sign in to back up your conversations.")
            : !file.isLocalFile()                   ? tr("Choose a file on this computer.")
                                                    : QString();
    if (!begin(whyNot))
        return;
    const QString path = file.toLocalFile();
    const PassphraseSlot::Cost cost = m_cost;
    struct Created
    {
        QString error;
        QByteArray id;
        QByteArray fileKey;
        QString keyToShow;
    };
    whenFinished(this, QtConcurrent::run([path, passphrase, cost] {
                     Created created;
                     created.fileKey = SecretsFile::generateKey();
                     QByteArray backupKey;
                     if (passphrase.isEmpty()) {
                         backupKey = SecretsFile::generateKey();
                         created.keyToShow = SecretsFile::formatRecoveryKey(backupKey);
                     }
                     auto header = BackupFile::create(created.fileKey, backupKey, passphrase, cost);
                     if (!header || !header.value().writeNew(path)) {
                         created.error = cannotWrite(path);
                         return created;
                     }
                     created.id = header.value().id();
                     return created;
                 }),
                 [this, path](const Created &created) {
                     if (!created.error.isEmpty()) {
                         fail(created.error);
                         return;
                     }
                     remember(path, created.id, created.fileKey);
                     if (!created.keyToShow.isEmpty()) {
                         m_keyToShow = created.keyToShow;
                         m_secrets->writeSecret(keyToShowSecret(), created.keyToShow.toLatin1());
                         Q_EMIT backupChanged();
                     }
                     startRun(path, created.id, created.fileKey, {}, false);
                 });
}

void HistoryBackup::backUpNow()
{
    const QString whyNot = !m_account->isLoggedIn() ? tr("Sign in to back up your conversations.")
            : m_path.isEmpty()                      ? tr("Choose where to keep the backup first.")
                                                    : QString();
    if (!begin(whyNot))
        return;
    const QString path = m_path;
    const QByteArray id = m_id, fileKey = m_fileKey;
    whenFinished(
            this, QtConcurrent::run([path, id, fileKey] {
                auto header = BackupFile::readHeader(path);
                if (!header) {
                    Opened missing;
                    missing.error = header.error() == CryptoError::DatabaseError
                            ? tr("The backup %1 is gone. Choose where to keep a new one.").arg(path)
                            : cannotRead(path, header.error());
                    return missing;
                }
                if (header.value().id() != id) {
                    Opened other;
                    other.error = tr("%1 is now another backup. Choose where to keep a "
                                     "new one.")
                                          .arg(path);
                    return other;
                }
                return readBackup(path, id, fileKey, true);
            }),
            [this, path](const Opened &opened) {
                if (!opened.error.isEmpty()) {
                    fail(opened.error);
                    return;
                }
                const bool hasChunks = !opened.chunks.isEmpty();
                startRun(path, opened.id, opened.fileKey,
                         hasChunks ? opened.chunks.last().lastSeqs : QHash<qint64, qint64>(),
                         hasChunks);
            });
}

void HistoryBackup::startRun(const QString &path, const QByteArray &id, const QByteArray &fileKey,
                             const QHash<qint64, qint64> &lastSeqs, bool fileHasChunks)
{
    m_run = std::make_unique<Run>();
    m_run->path = path;
    m_run->id = id;
    m_run->fileKey = fileKey;
    m_run->lastSeqs = lastSeqs;
    m_run->fileHasChunks = fileHasChunks;
    m_run->chunk.ownerId = m_account->userId();
    m_run->chunk.ownerName = m_account->username();
    m_store->conversationSummaries(m_account->userId())
            .then(this, [this](const QList<ConversationSummary> &summaries) {
                if (!m_run)
                    return;
                m_run->conversations = summaries;
                for (const ConversationSummary &s : summaries)
                    m_run->chunk.conversations.append(s.conversation);
                readNextConversation();
            });
}

void HistoryBackup::readNextConversation()
{
    Q_EMIT progress(int(m_run->next), int(m_run->conversations.size()));
    if (m_run->next >= m_run->conversations.size()) {
        finishRun();
        return;
    }
    const qint64 id = m_run->conversations.at(m_run->next).conversation.id;
    readPage(m_run->lastSeqs.value(id, 0));
}

void HistoryBackup::readPage(qint64 afterSeq)
{
    const qint64 id = m_run->conversations.at(m_run->next).conversation.id;
    m_store->entriesAfter(id, afterSeq, BackupChunk::MaxEntries)
            .then(this, [this, id](const QList<LogEntry> &entries) {
                if (!m_run)
                    return;
                for (const LogEntry &entry : entries) {
                    m_run->lastSeqs.insert(id, entry.message.seq);
                    // Disappearing messages are meant to go: a backup does not keep them.
                    if (entry.message.expiresAt != 0)
                        continue;
                    m_run->chunk.entries.append(asBackedUp(entry));
                    if (!entry.message.hidden)
                        ++m_run->newMessages;
                    if (m_run->chunk.entries.size() == BackupChunk::MaxEntries)
                        sealChunk();
                }
                // Where to go on: the rest of this conversation, or the next one.
                const bool more = entries.size() == BackupChunk::MaxEntries;
                m_run->resumeAfter = more ? entries.last().message.seq : -1;
                if (!more)
                    ++m_run->next;
                if (m_run->ready.size() >= ChunksPerWrite)
                    writeReady(false);
                else
                    resume();
            });
}

void HistoryBackup::resume()
{
    if (m_run->resumeAfter >= 0)
        readPage(m_run->resumeAfter);
    else
        readNextConversation();
}

void HistoryBackup::sealChunk()
{
    BackupChunk &chunk = m_run->chunk;
    chunk.writtenAt = QDateTime::currentMSecsSinceEpoch();
    chunk.lastSeqs = m_run->lastSeqs;
    m_run->ready.append(chunk.toBytes());
    chunk.entries.clear();
    chunk.conversations.clear();
}

void HistoryBackup::writeReady(bool last)
{
    const QString path = m_run->path;
    const QByteArray id = m_run->id, fileKey = m_run->fileKey;
    const QList<QByteArray> chunks = std::exchange(m_run->ready, {});
    m_run->wroteChunks = m_run->wroteChunks || !chunks.isEmpty();
    whenFinished(this, QtConcurrent::run([path, id, fileKey, chunks] {
                     auto header = BackupFile::readHeader(path);
                     if (!header || header.value().id() != id)
                         return false;
                     return bool(header.value().append(path, fileKey, chunks));
                 }),
                 [this, path, last](bool written) {
                     if (!m_run)
                         return;
                     if (!written) {
                         fail(cannotWrite(path));
                         return;
                     }
                     if (!last) {
                         resume();
                         return;
                     }
                     markDone();
                     succeed(tr("Backed up: %1 new messages.").arg(m_run->newMessages));
                 });
}

void HistoryBackup::finishRun()
{
    // The last chunk carries what is left; a first run writes one even when the cache is empty,
    // so the backup knows the conversations. Nothing new: nothing is written.
    if (!m_run->chunk.entries.isEmpty()
        || (!m_run->fileHasChunks && !m_run->wroteChunks && m_run->ready.isEmpty()))
        sealChunk();
    writeReady(true);
}

void HistoryBackup::remember(const QString &path, const QByteArray &id, const QByteArray &fileKey)
{
    m_path = path;
    m_id = id;
    m_fileKey = fileKey;
    m_secrets->writeSecret(keySecret(), id + fileKey);
    m_store->setSetting(pathSetting(), path);
    Q_EMIT backupChanged();
}

void HistoryBackup::confirmBackupKey()
{
    if (m_keyToShow.isEmpty())
        return;
    m_keyToShow.clear();
    m_secrets->deleteSecret(keyToShowSecret());
    Q_EMIT backupChanged();
}

void HistoryBackup::restore(const QUrl &file, const QString &passphraseOrKey)
{
    const QString whyNot = !m_account->isLoggedIn() ? tr("Sign in to restore a backup.")
            : !file.isLocalFile()                   ? tr("Choose a file on this computer.")
            : passphraseOrKey.isEmpty() ? tr("Type the backup's passphrase or backup key.")
                                        : QString();
    if (!begin(whyNot))
        return;
    const QString path = file.toLocalFile();
    whenFinished(this, QtConcurrent::run([path, passphraseOrKey] {
                     auto header = BackupFile::readHeader(path);
                     if (!header) {
                         Opened failed;
                         failed.error = cannotRead(path, header.error());
                         return failed;
                     }
                     // A backup key is 52 base32 characters; anything else is a passphrase.
                     CryptoResult<QByteArray> fileKey = CryptoError::WrongPassphrase;
                     if (auto key = SecretsFile::parseRecoveryKey(passphraseOrKey))
                         fileKey = header.value().fileKeyFromBackupKey(*key);
                     if (!fileKey && header.value().hasPassphrase())
                         fileKey = header.value().fileKeyFromPassphrase(passphraseOrKey);
                     if (!fileKey) {
                         Opened wrong;
                         wrong.error = header.value().hasPassphrase()
                                 ? tr("That is not this backup's passphrase or backup key.")
                                 : tr("That is not this backup's backup key.");
                         return wrong;
                     }
                     return readBackup(path, header.value().id(), fileKey.value(), false);
                 }),
                 [this, path](const Opened &opened) {
                     if (!opened.error.isEmpty()) {
                         fail(opened.error);
                         return;
                     }
                     restoreChunks(path, opened.id, opened.fileKey, opened.chunks);
                 });
}

void HistoryBackup::restoreChunks(const QString &path, const QByteArray &id,
                                  const QByteArray &fileKey, const QList<BackupChunk> &chunks)
{
    QHash<qint64, Conversation> conversations; // the latest header of each
    QList<StoredMessage> entries;
    for (const BackupChunk &chunk : chunks) {
        if (chunk.ownerId != m_account->userId()) {
            fail(tr("This backup holds the history of %1, not of %2.")
                         .arg(chunk.ownerName, m_account->username()));
            return;
        }
        for (const Conversation &c : chunk.conversations)
            conversations.insert(c.id, c);
        entries += chunk.entries;
    }
    Q_EMIT progress(int(chunks.size()), int(chunks.size()));
    m_store->importHistory(conversations.values(), entries, m_account->userId())
            .then(this, [this, path, id, fileKey](const StoredBatch &batch) {
                // Backing up from here on goes on in the same file.
                remember(path, id, fileKey);
                markDone();
                Q_EMIT restored(batch.inserted);
                const auto added = std::count_if(batch.inserted.cbegin(), batch.inserted.cend(),
                                                 [](const StoredMessage &m) { return !m.hidden; });
                succeed(tr("Restored: %1 messages new to this computer.").arg(added));
            });
}

} // namespace Parley
