#pragma once

/// Reads an export's JSON (docs/export.md) back into a profile's cache: export.json with the
/// conversation files it lists, or one conversation file.
///
/// Each message becomes the log entries it was made of (the message, its edits, reactions and
/// delete, at their own seqs), stored through MessageStore::importHistory as entries from the
/// server are: a seq the cache holds already is skipped, so importing twice adds nothing, and
/// the search index takes the new rows in. Lives on the GUI thread; files are read on a worker
/// thread, and it never blocks on the store.

#include "ConversationArchive.h"

#include <QtCore/QObject>

namespace Parley {

class MessageStore;

class HistoryImport : public QObject
{
    Q_OBJECT

public:
    explicit HistoryImport(MessageStore *store, QObject *parent = nullptr);

    /// Imports `file` into the cache as `selfUserId` sees it; finished() when done. False (and
    /// nothing started) while an import runs.
    bool start(const QString &file, qint64 selfUserId);
    bool isRunning() const { return m_running; }
    /// The rows the last import added to the cache (hidden ones too), ascending seq per
    /// conversation: what open conversations are to show.
    const QList<StoredMessage> &inserted() const { return m_inserted; }

    /// The log entries one conversation file stands for, ascending seq (undecryptable and
    /// unknown messages have none).
    static QList<StoredMessage> entriesOf(const ConversationArchive &archive);
    /// The conversation of a conversation file, its members as they were exported.
    static Conversation conversationOf(const ConversationArchive &archive, qint64 selfUserId);

Q_SIGNALS:
    /// `conversations` imported, `newMessages` of them new to the cache (0 on a second
    /// import); `error` empty when it worked.
    void finished(int conversations, int newMessages, const QString &error);

private:
    /// What a file holds, ready to store; `error` (for the user) when it cannot be read.
    struct Parsed
    {
        QString error;
        QList<Conversation> conversations;
        QList<StoredMessage> entries;
    };
    /// Reads and parses `file` and the conversation files it lists (on a worker thread).
    static Parsed read(const QString &file, qint64 selfUserId);
    void store(const Parsed &parsed, qint64 selfUserId);
    void finish(int conversations, int newMessages, const QString &error);

    MessageStore *m_store;
    bool m_running = false;
    QList<StoredMessage> m_inserted;
};

} // namespace Parley
