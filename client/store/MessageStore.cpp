#include "MessageStore.h"

#include "ConversationTable.h"
#include "Logging.h"
#include "MessageTable.h"
#include "Migrations.h"
#include "OutboxTable.h"
#include "ProfileTable.h"
#include "SealedCache.h"
#include "SearchIndex.h"
#include "SettingsTable.h"
#include "UploadTable.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QPromise>
#include <QtCore/QThread>
#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlError>
#include <QtSql/QSqlQuery>

#include <atomic>

namespace Parley {

using namespace Qt::StringLiterals;

/// Lives on the store thread; owns the connection.
class MessageStore::Worker : public QObject
{
public:
    QSqlDatabase db;
    QString connectionName;
    QString sealedPath; ///< the open cache's path when it is sealed (its key is set)

    void close()
    {
        if (connectionName.isEmpty())
            return;
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(connectionName);
        connectionName.clear();
        if (!sealedPath.isEmpty())
            SealedCache::close(sealedPath);
        sealedPath.clear();
    }
};

template<typename F>
auto MessageStore::run(F function)
{
    using T = std::invoke_result_t<F, QSqlDatabase &>;
    auto promise = std::make_shared<QPromise<T>>();
    QFuture<T> future = promise->future();
    promise->start();
    if (m_closing) {
        // Asked by a continuation that the closing store cancels: no thread to run it on.
        future.cancel();
        promise->finish();
        return future;
    }
    // The work runs on the store thread; its future finishes on this object's thread. Callers
    // attach `.then(context, …)` on that thread, and a continuation attached while another
    // thread finishes the future can run twice in Qt 6.4 (QFutureInterfaceBase::setContinuation
    // runs it for a finished future and still stores it for the finishing thread).
    auto finishHere = [owner = this, promise](auto &&...result) {
        QMetaObject::invokeMethod(
                owner,
                [promise, ... result = std::move(result)]() mutable {
                    (promise->addResult(std::move(result)), ...);
                    promise->finish();
                },
                Qt::QueuedConnection);
    };
    QMetaObject::invokeMethod(
            m_worker,
            [worker = m_worker, function, finishHere]() mutable {
                if constexpr (std::is_void_v<T>) {
                    if (worker->db.isOpen())
                        function(worker->db);
                    finishHere();
                } else if (worker->db.isOpen() || std::is_same_v<T, Status>) {
                    finishHere(function(worker->db));
                } else {
                    finishHere(T{});
                }
            },
            Qt::QueuedConnection);
    return future;
}

namespace {

std::atomic_int s_connectionCounter{0};

} // namespace

MessageStore::MessageStore(QObject *parent)
    : QObject(parent),
      m_thread(new QThread),
      m_worker(new Worker)
{
    m_thread->setObjectName(u"Cache (SQLite)"_s);
    m_worker->moveToThread(m_thread);
    m_thread->start();
}

MessageStore::~MessageStore()
{
    m_closing = true;
    QMetaObject::invokeMethod(
            m_worker,
            [worker = m_worker, thread = m_thread] {
                worker->close();
                thread->quit();
            },
            Qt::QueuedConnection);
    m_thread->wait();
    // Results not handed over yet are dropped here, while this object is whole: their futures
    // are cancelled, and what continues from them may call this store again (run() cancels).
    QCoreApplication::removePostedEvents(this, QEvent::MetaCall);
    delete m_worker;
    delete m_thread;
}

QFuture<Status> MessageStore::open(const QString &path)
{
    return open(path, CacheKey{});
}

QFuture<Status> MessageStore::open(const QString &path, const CacheKey &key)
{
    return run([worker = m_worker, path, key](QSqlDatabase &) -> Status {
        worker->close();
        worker->connectionName = u"parley-cache-%1"_s.arg(s_connectionCounter.fetch_add(1));
        worker->db = QSqlDatabase::addDatabase(u"QSQLITE"_s, worker->connectionName);
        if (!worker->db.isValid())
            return Error{ErrorCode::StorageError,
                         u"the Qt SQLite driver (QSQLITE) is missing: install libqt6sql6-sqlite"_s};
        if (key.secret.isEmpty()) {
            worker->db.setDatabaseName(path);
            if (!worker->db.open())
                return Error{ErrorCode::StorageError, worker->db.lastError().text()};
        } else {
            worker->sealedPath = path;
            if (Status sealed = SealedCache::open(worker->db, path, key); !sealed) {
                worker->close();
                return sealed;
            }
        }
        QSqlQuery q(worker->db);
        // WAL keeps readers and the writer apart; NORMAL is durable across an application
        // crash in WAL mode, which is what "never lose what was shown as queued" needs.
        for (const auto &pragma : {u"PRAGMA journal_mode = WAL"_s, u"PRAGMA synchronous = NORMAL"_s,
                                   u"PRAGMA foreign_keys = ON"_s,
                                   // A deleted message's text is overwritten, not just unlinked.
                                   u"PRAGMA secure_delete = ON"_s}) {
            if (!q.exec(pragma))
                return Error{ErrorCode::StorageError, q.lastError().text()};
        }
        Status migrated = migrate(worker->db);
        if (!migrated)
            worker->close();
        return migrated;
    });
}

QFuture<QVariant> MessageStore::setting(const QString &key)
{
    return run([key](QSqlDatabase &db) { return SettingsTable(db).value(key); });
}

QFuture<void> MessageStore::setSetting(const QString &key, const QVariant &value)
{
    return run([key, value](QSqlDatabase &db) { SettingsTable(db).setValue(key, value); });
}

QFuture<void> MessageStore::removeSetting(const QString &key)
{
    return run([key](QSqlDatabase &db) { SettingsTable(db).remove(key); });
}

QFuture<QVariantMap> MessageStore::settings(const QString &prefix)
{
    return run([prefix](QSqlDatabase &db) { return SettingsTable(db).withPrefix(prefix); });
}

QFuture<void> MessageStore::wipeAccountData()
{
    return run([](QSqlDatabase &db) { SettingsTable(db).wipeAccountData(); });
}

QFuture<void> MessageStore::upsertConversations(const QList<Conversation> &conversations,
                                                qint64 selfUserId)
{
    return run([conversations, selfUserId](QSqlDatabase &db) {
        ConversationTable(db).upsert(conversations, selfUserId);
    });
}

QFuture<QList<ConversationSummary>> MessageStore::conversationSummaries(qint64 selfUserId)
{
    return run(
            [selfUserId](QSqlDatabase &db) { return ConversationTable(db).summaries(selfUserId); });
}

QFuture<std::optional<ConversationSummary>> MessageStore::conversationSummary(qint64 conversationId,
                                                                              qint64 selfUserId)
{
    return run([conversationId, selfUserId](QSqlDatabase &db) {
        return ConversationTable(db).summary(conversationId, selfUserId);
    });
}

QFuture<bool> MessageStore::applyReceipt(const Receipt &receipt)
{
    return run([receipt](QSqlDatabase &db) { return ConversationTable(db).applyReceipt(receipt); });
}

QFuture<void> MessageStore::applyMembership(qint64 conversationId, const MembershipEvent &event,
                                            qint64 selfUserId)
{
    return run([conversationId, event, selfUserId](QSqlDatabase &db) {
        ConversationTable(db).applyMembership(conversationId, event, selfUserId);
    });
}

QFuture<void> MessageStore::setMuted(qint64 conversationId, bool muted)
{
    return run([conversationId, muted](QSqlDatabase &db) {
        ConversationTable(db).setMuted(conversationId, muted);
    });
}

QFuture<QList<LogCursor>> MessageStore::cursors()
{
    return run([](QSqlDatabase &db) { return MessageTable(db).cursors(); });
}

QFuture<void> MessageStore::setCursor(const LogCursor &cursor)
{
    return run([cursor](QSqlDatabase &db) { MessageTable(db).setCursor(cursor); });
}

QFuture<StoredBatch> MessageStore::storeMessages(const QList<StoredMessage> &messages,
                                                 qint64 ownDeviceId)
{
    return run([this, messages, ownDeviceId](QSqlDatabase &db) {
        StoredBatch batch = MessageTable(db).store(messages, ownDeviceId);
        emitChanged(batch.changed);
        if (!batch.profiles.isEmpty())
            Q_EMIT profilesChanged(batch.profiles);
        return batch;
    });
}

void MessageStore::emitChanged(const QList<StoredMessage> &rows)
{
    QList<qint64> order;
    QHash<qint64, QList<StoredMessage>> byConversation;
    for (const StoredMessage &m : rows) {
        if (!byConversation.contains(m.conversationId))
            order.append(m.conversationId);
        byConversation[m.conversationId].append(m);
    }
    for (qint64 conversationId : std::as_const(order))
        Q_EMIT messagesChanged(conversationId, byConversation.value(conversationId));
}

QFuture<QList<StoredMessage>> MessageStore::reconcile(qint64 conversationId,
                                                      const QList<qint64> &seqs)
{
    return run([this, conversationId, seqs](QSqlDatabase &db) {
        QList<StoredMessage> changed;
        QList<qint64> profiles;
        QList<StoredMessage> rows =
                MessageTable(db).reconcile(conversationId, seqs, changed, profiles);
        if (!profiles.isEmpty())
            Q_EMIT profilesChanged(profiles);
        // The late entries and the rows they changed go to everyone (and the late ones to the
        // caller).
        emitChanged(changed + rows);
        return rows;
    });
}

QFuture<QList<StoredProfile>> MessageStore::profiles(const QList<qint64> &userIds)
{
    return run([userIds](QSqlDatabase &db) { return ProfileTable(db).profiles(userIds); });
}

QFuture<void> MessageStore::saveProfile(const StoredProfile &profile)
{
    return run([this, profile](QSqlDatabase &db) {
        if (ProfileTable(db).offer(profile))
            Q_EMIT profilesChanged({profile.userId});
    });
}

QFuture<QHash<qint64, qint64>> MessageStore::profileSentVersions()
{
    return run([](QSqlDatabase &db) { return ProfileTable(db).sentVersions(); });
}

QFuture<void> MessageStore::setProfileSent(qint64 conversationId, qint64 version)
{
    return run([conversationId, version](QSqlDatabase &db) {
        ProfileTable(db).setSentVersion(conversationId, version);
    });
}

QFuture<void> MessageStore::setAttachmentPath(qint64 conversationId, qint64 seq,
                                              const QString &path)
{
    return run([this, conversationId, seq, path](QSqlDatabase &db) {
        if (auto row = MessageTable(db).setAttachmentPath(conversationId, seq, path))
            emitChanged({*row});
    });
}

QFuture<ExpiredMessages> MessageStore::deleteExpired(qint64 now)
{
    return run([now](QSqlDatabase &db) { return MessageTable(db).deleteExpired(now); });
}

QFuture<std::optional<StoredMessage>> MessageStore::message(qint64 conversationId, qint64 seq)
{
    return run([conversationId, seq](QSqlDatabase &db) {
        return MessageTable(db).message(conversationId, seq);
    });
}

QFuture<QList<LogEntry>> MessageStore::entriesAfter(qint64 conversationId, qint64 afterSeq,
                                                    int limit)
{
    return run([conversationId, afterSeq, limit](QSqlDatabase &db) {
        return MessageTable(db).entriesAfter(conversationId, afterSeq, limit);
    });
}

QFuture<StoredBatch> MessageStore::importHistory(const QList<Conversation> &conversations,
                                                 const QList<StoredMessage> &entries,
                                                 qint64 selfUserId)
{
    return run([this, conversations, entries, selfUserId](QSqlDatabase &db) {
        ConversationTable table(db);
        QList<Conversation> missing;
        for (const Conversation &c : conversations) {
            if (!table.summary(c.id, selfUserId))
                missing.append(c);
        }
        if (!missing.isEmpty())
            table.upsert(missing, selfUserId);
        StoredBatch batch = MessageTable(db).import(entries);
        emitChanged(batch.changed);
        if (!batch.profiles.isEmpty())
            Q_EMIT profilesChanged(batch.profiles);
        return batch;
    });
}

QFuture<QList<StoredMessage>> MessageStore::messagesBefore(qint64 conversationId, qint64 beforeSeq,
                                                           int limit)
{
    return run([conversationId, beforeSeq, limit](QSqlDatabase &db) {
        return MessageTable(db).before(conversationId, beforeSeq, limit);
    });
}

QFuture<QList<StoredMessage>> MessageStore::search(const QString &text, qint64 conversationId,
                                                   int limit)
{
    return run([text, conversationId, limit](QSqlDatabase &db) {
        return SearchIndex(db).containing(text, conversationId, limit);
    });
}

QFuture<QList<SearchHit>> MessageStore::searchMessages(const QString &query, qint64 conversationId,
                                                       const SearchCursor &after, int limit)
{
    return run([query, conversationId, after, limit](QSqlDatabase &db) {
        return SearchIndex(db).matching(query, conversationId, after, limit);
    });
}

QFuture<void> MessageStore::enqueue(const OutboxEntry &entry)
{
    return run([entry](QSqlDatabase &db) { OutboxTable(db).add(entry); });
}

QFuture<QList<OutboxEntry>> MessageStore::outbox()
{
    return run([](QSqlDatabase &db) { return OutboxTable(db).entries(); });
}

QFuture<void> MessageStore::setOutboxBody(const QByteArray &clientId, const QByteArray &body)
{
    return run([clientId, body](QSqlDatabase &db) { OutboxTable(db).setBody(clientId, body); });
}

QFuture<void> MessageStore::setOutboxState(const QByteArray &clientId, OutboxState state,
                                           const QString &failureReason)
{
    return run([clientId, state, failureReason](QSqlDatabase &db) {
        OutboxTable(db).setState(clientId, state, failureReason);
    });
}

QFuture<void> MessageStore::removeFromOutbox(const QByteArray &clientId)
{
    return run([clientId](QSqlDatabase &db) { OutboxTable(db).remove(clientId); });
}

QFuture<void> MessageStore::saveUpload(const PendingUpload &upload)
{
    return run([upload](QSqlDatabase &db) { UploadTable(db).save(upload); });
}

QFuture<QList<PendingUpload>> MessageStore::pendingUploads()
{
    return run([](QSqlDatabase &db) { return UploadTable(db).entries(); });
}

QFuture<void> MessageStore::removeUpload(const QByteArray &clientId)
{
    return run([clientId](QSqlDatabase &db) { UploadTable(db).remove(clientId); });
}

QFuture<bool> MessageStore::runInTransaction(std::function<bool(const QString &)> work)
{
    return run([worker = m_worker, work = std::move(work)](QSqlDatabase &db) {
        if (!db.transaction()) {
            qCWarning(lcClientStore) << "cannot begin a transaction:" << db.lastError().text();
            return false;
        }
        if (!work(worker->connectionName)) {
            db.rollback();
            return false;
        }
        if (!db.commit()) {
            qCWarning(lcClientStore) << "commit failed:" << db.lastError().text();
            db.rollback();
            return false;
        }
        return true;
    });
}

} // namespace Parley
