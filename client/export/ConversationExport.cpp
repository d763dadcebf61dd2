#include "ConversationExport.h"

#include "HtmlPage.h"
#include "attachments/WorkerFuture.h"
#include "store/MessageStore.h"

#include <QtConcurrent/QtConcurrentRun>

#include <QtCore/QDateTime>
#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QSaveFile>

#include <algorithm>

namespace Parley {

using namespace Qt::StringLiterals;

namespace {

/// Entries read from the cache at a time: a conversation is never loaded whole.
constexpr int PageSize = 500;

QJsonObject readJson(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

} // namespace

ConversationExport::ConversationExport(MessageStore *store, QObject *parent)
    : QObject(parent),
      m_store(store)
{
}

QString ConversationExport::conversationJsonFile(qint64 id)
{
    return u"conversation-%1.json"_s.arg(id);
}

QString ConversationExport::conversationHtmlFile(qint64 id)
{
    return u"conversation-%1.html"_s.arg(id);
}

bool ConversationExport::start(const QString &folder, qint64 conversationId, qint64 selfUserId,
                               const QString &selfUsername)
{
    if (m_running)
        return false;
    m_running = true;
    m_folder = folder;
    m_selfUserId = selfUserId;
    m_selfUsername = selfUsername;
    m_newMessages = 0;
    m_pending.clear();
    m_listed.clear();
    if (!QDir().mkpath(folder)) {
        // Reported from the event loop, like every other outcome.
        QMetaObject::invokeMethod(
                this, [this] { finish(tr("Cannot make the folder %1.").arg(m_folder)); },
                Qt::QueuedConnection);
        return true;
    }
    const QDir dir(folder);
    const QJsonObject state = readJson(dir.filePath(stateFile()));
    m_state = state.value(u"version"_s).toInt() == ConversationArchive::Version
            ? state.value(u"conversations"_s).toObject()
            : QJsonObject();
    const QJsonObject manifest = readJson(dir.filePath(manifestFile()));
    if (manifest.value(u"version"_s).toInt() == ConversationArchive::Version) {
        const QJsonArray listed = manifest.value(u"conversations"_s).toArray();
        for (const QJsonValue &v : listed)
            m_listed.insert(v.toObject().value(u"id"_s).toInteger(), v.toObject());
    }

    m_store->profiles().then(this, [this, conversationId](const QList<StoredProfile> &profiles) {
        m_displayNames.clear();
        for (const StoredProfile &p : profiles)
            m_displayNames.insert(p.userId, p.displayName);
        m_store->conversationSummaries(m_selfUserId)
                .then(this, [this, conversationId](const QList<ConversationSummary> &all) {
                    for (const ConversationSummary &s : all) {
                        if (conversationId == 0 || s.conversation.id == conversationId)
                            m_pending.append(s);
                    }
                    if (m_pending.isEmpty()) {
                        finish(tr("There is no such conversation to export."));
                        return;
                    }
                    m_total = int(m_pending.size());
                    exportNext();
                });
    });
    return true;
}

void ConversationExport::exportNext()
{
    if (m_pending.isEmpty()) {
        finish({});
        return;
    }
    m_current = m_pending.takeFirst();
    const qint64 id = m_current.conversation.id;
    m_filesToCopy.clear();
    m_archive = ConversationArchive();
    // Go on from the last export only if its file is the one the state speaks of.
    const qint64 exportedUpTo =
            m_state.value(QString::number(id)).toObject().value(u"lastSeq"_s).toInteger();
    if (exportedUpTo > 0) {
        const auto previous = ConversationArchive::fromJson(
                readJson(QDir(m_folder).filePath(conversationJsonFile(id))));
        if (previous && previous->lastSeq() == exportedUpTo && previous->conversationId() == id)
            m_archive = *previous;
    }
    const QJsonObject header = m_archive.conversation();
    m_archive.setConversation(m_current.conversation, m_displayNames);
    m_changed = m_archive.lastSeq() == 0 || header != m_archive.conversation()
            || !QFileInfo::exists(QDir(m_folder).filePath(conversationHtmlFile(id)));
    m_messagesBefore = m_archive.messages().size();
    readPage();
}

void ConversationExport::readPage()
{
    const qint64 id = m_current.conversation.id;
    m_store->entriesAfter(id, m_archive.lastSeq(), PageSize)
            .then(this, [this](const QList<LogEntry> &entries) {
                for (const LogEntry &entry : entries) {
                    QString exported;
                    const StoredMessage &row = entry.message;
                    if (!row.attachmentPath.isEmpty() && !row.hidden && !row.deleted
                        && QFileInfo(row.attachmentPath).isFile()) {
                        exported = u"files/%1/%2-%3"_s.arg(row.conversationId)
                                           .arg(row.seq)
                                           .arg(QFileInfo(row.attachmentPath).fileName());
                        m_filesToCopy.insert(exported, row.attachmentPath);
                    }
                    m_archive.add(entry, exported);
                }
                if (!entries.isEmpty())
                    m_changed = true;
                if (entries.size() == PageSize)
                    readPage();
                else
                    finishConversation();
            });
}

void ConversationExport::finishConversation()
{
    const qint64 id = m_current.conversation.id;
    m_newMessages += int(m_archive.messages().size() - m_messagesBefore);
    if (m_changed) {
        // The pages, the JSON and the attachment files are written on a worker thread: a long
        // conversation or a large file must not stop the window.
        whenFinished(this,
                     QtConcurrent::run(
                             [folder = m_folder, id, archive = m_archive, files = m_filesToCopy] {
                                 return writeConversation(folder, id, archive, files);
                             }),
                     [this](const QString &error) {
                         if (error.isEmpty())
                             conversationWritten();
                         else
                             finish(error);
                     });
        return;
    }
    conversationWritten();
}

QString ConversationExport::writeConversation(const QString &folder, qint64 id,
                                              const ConversationArchive &archive,
                                              const QHash<QString, QString> &files)
{
    if (!writeFile(folder, conversationJsonFile(id),
                   QJsonDocument(archive.toJson()).toJson(QJsonDocument::Indented))
        || !writeFile(folder, conversationHtmlFile(id), HtmlPage::conversation(archive).toUtf8()))
        return tr("Cannot write into the folder %1.").arg(folder);
    // Files already copied by an earlier export stay as they are.
    const QDir dir(folder);
    for (auto it = files.cbegin(); it != files.cend(); ++it) {
        const QString target = dir.filePath(it.key());
        if (QFileInfo::exists(target))
            continue;
        if (!QDir().mkpath(QFileInfo(target).absolutePath()) || !QFile::copy(it.value(), target))
            return tr("Cannot copy %1 into the folder %2.").arg(it.value(), folder);
    }
    return {};
}

void ConversationExport::conversationWritten()
{
    const qint64 id = m_current.conversation.id;
    const QList<QJsonObject> messages = m_archive.messages();
    m_state.insert(QString::number(id), QJsonObject{{u"lastSeq"_s, m_archive.lastSeq()}});
    m_listed.insert(
            id,
            QJsonObject{{u"id"_s, id},
                        {u"title"_s,
                         HtmlPage::conversationTitle(m_archive.conversation(), m_selfUserId)},
                        {u"json"_s, conversationJsonFile(id)},
                        {u"html"_s, conversationHtmlFile(id)},
                        {u"messages"_s, int(messages.size())},
                        {u"lastActivity"_s, m_current.lastActivity}});
    Q_EMIT progress(m_total - int(m_pending.size()), m_total);
    exportNext();
}

void ConversationExport::finish(const QString &error)
{
    if (error.isEmpty()) {
        QList<QJsonObject> listed = m_listed.values();
        std::sort(listed.begin(), listed.end(), [](const QJsonObject &a, const QJsonObject &b) {
            return a.value(u"lastActivity"_s).toInteger() > b.value(u"lastActivity"_s).toInteger();
        });
        QJsonArray conversations;
        for (const QJsonObject &c : std::as_const(listed))
            conversations.append(c);
        const QJsonObject manifest{
                {u"format"_s, u"parley-export"_s},
                {u"version"_s, ConversationArchive::Version},
                {u"exportedAt"_s, QDateTime::currentMSecsSinceEpoch()},
                {u"account"_s,
                 QJsonObject{{u"userId"_s, m_selfUserId}, {u"username"_s, m_selfUsername}}},
                {u"conversations"_s, conversations}};
        const QJsonObject state{{u"version"_s, ConversationArchive::Version},
                                {u"conversations"_s, m_state}};
        if (!writeFile(m_folder, manifestFile(),
                       QJsonDocument(manifest).toJson(QJsonDocument::Indented))
            || !writeFile(m_folder, u"index.html"_s,
                          HtmlPage::index(listed, m_selfUsername).toUtf8())
            // Last: an export cut short before this point is simply done again from the start.
            || !writeFile(m_folder, stateFile(),
                          QJsonDocument(state).toJson(QJsonDocument::Indented))) {
            finish(tr("Cannot write into the folder %1.").arg(m_folder));
            return;
        }
    }
    m_running = false;
    m_pending.clear();
    Q_EMIT finished(m_newMessages, error);
}

bool ConversationExport::writeFile(const QString &folder, const QString &name,
                                   const QByteArray &bytes)
{
    QSaveFile file(QDir(folder).filePath(name));
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size() && file.commit();
}

} // namespace Parley
