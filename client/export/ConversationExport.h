#pragma once

/// Writes conversations of the cache into a folder, for people (one HTML page per conversation,
/// index.html, the attachment files this device has, under files/) and for programs (one JSON
/// file per conversation and export.json, docs/export.md).
///
/// Incremental: export-state.json in the folder remembers the last entry exported per
/// conversation; exporting again to the same folder reads only the entries after it, folds them
/// into the conversation's JSON (ConversationArchive), and rewrites only the conversations that
/// changed, so the folder ends as a full export would leave it. Reads the cache through
/// MessageStore a page at a time; lives on the GUI thread, writes files on a worker thread and
/// never blocks on the store.

#include "ConversationArchive.h"

#include <QtCore/QHash>
#include <QtCore/QJsonObject>
#include <QtCore/QObject>

namespace Parley {

class MessageStore;

class ConversationExport : public QObject
{
    Q_OBJECT

public:
    explicit ConversationExport(MessageStore *store, QObject *parent = nullptr);

    /// Exports conversation `conversationId` (0: every one) as `self` ({userId, username}) sees
    /// it into `folder` (made if missing). progress() as conversations are done, finished() at
    /// the end. False (and nothing started) while an export runs.
    bool start(const QString &folder, qint64 conversationId, qint64 selfUserId,
               const QString &selfUsername);
    bool isRunning() const { return m_running; }

    /// File names inside an export folder.
    static QString manifestFile() { return QStringLiteral("export.json"); }
    static QString stateFile() { return QStringLiteral("export-state.json"); }
    static QString conversationJsonFile(qint64 id);
    static QString conversationHtmlFile(qint64 id);

Q_SIGNALS:
    void progress(int conversationsDone, int conversationsTotal);
    /// `newMessages`: messages this run added to the export; `error` empty when it worked.
    void finished(int newMessages, const QString &error);

private:
    void exportNext();
    void readPage();
    void finishConversation();
    void conversationWritten();
    void finish(const QString &error);
    /// Writes a conversation's JSON and page and copies its files (on a worker thread); an
    /// error for the user, or empty.
    static QString writeConversation(const QString &folder, qint64 id,
                                     const ConversationArchive &archive,
                                     const QHash<QString, QString> &files);
    static bool writeFile(const QString &folder, const QString &name, const QByteArray &bytes);

    MessageStore *m_store;
    bool m_running = false;
    QString m_folder;
    qint64 m_selfUserId = 0;
    QString m_selfUsername;
    QHash<qint64, QString> m_displayNames;
    QList<ConversationSummary> m_pending;
    int m_total = 0;
    int m_newMessages = 0;
    QJsonObject m_state; ///< conversation id → {lastSeq}
    QHash<qint64, QJsonObject> m_listed; ///< the manifest's conversations, by id

    // The conversation being exported.
    ConversationSummary m_current;
    ConversationArchive m_archive;
    bool m_changed = false;
    qsizetype m_messagesBefore = 0;
    QHash<QString, QString> m_filesToCopy; ///< relative path in the export → file on this device
};

} // namespace Parley
