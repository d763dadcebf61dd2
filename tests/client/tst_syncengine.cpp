#include "TestLogging.h"
#include "content/MessageContent.h"
#include "content/PlaintextCipher.h"
#include "net/Connection.h"
#include "net/PushDispatcher.h"
#include "store/AwaitFuture.h"
#include "store/MessageStore.h"
#include "sync/SyncEngine.h"
#include "sync/TypingTracker.h"

#include <QtCore/QTemporaryDir>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>
#include <QtWebSockets/QWebSocket>
#include <QtWebSockets/QWebSocketServer>

#include <optional>

using namespace Parley;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 Alice = 1, Bob = 2, Conv = 5;

/// The server side of one connection, scripted by the test: it records every request and lets
/// the test answer it (the shape of QXmpp's TestClient, on a real socket).
class ScriptedServer : public QObject
{
    Q_OBJECT
public:
    ScriptedServer() : m_server(u"scripted"_s, QWebSocketServer::NonSecureMode)
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        connect(&m_server, &QWebSocketServer::newConnection, this, [this] {
            m_socket = m_server.nextPendingConnection();
            connect(m_socket, &QWebSocket::binaryMessageReceived, this,
                    [this](const QByteArray &bytes) {
                        auto frame = FrameCodec::decode(bytes, FrameLimits::fromClient());
                        if (!frame) {
                            qCWarning(lcTestClient)
                                    << "scripted server cannot decode:" << frame.error().message;
                            return;
                        }
                        if (frame->type == FrameType::Hello)
                            send(WelcomeFrame{1, u"scripted"_s, 30, true}, frame->id);
                        else if (frame->type == FrameType::Resume)
                            send(AuthenticatedFrame{Alice, u"alice"_s, 10, {}}, frame->id);
                        else
                            requests.append(*frame);
                    });
        });
    }
    QUrl url() const { return QUrl(u"ws://127.0.0.1:%1/"_s.arg(m_server.serverPort())); }
    template<typename T>
    void send(const T &frame, qint64 id = -1)
    {
        m_socket->sendBinaryMessage(FrameCodec::encode(frame, id));
    }
    bool has(FrameType type) const
    {
        return std::any_of(requests.cbegin(), requests.cend(),
                           [type](const RawFrame &f) { return f.type == type; });
    }
    /// The first recorded request of this type not yet taken.
    std::optional<RawFrame> take(FrameType type)
    {
        for (qsizetype i = 0; i < requests.size(); ++i) {
            if (requests.at(i).type == type)
                return requests.takeAt(i);
        }
        return std::nullopt;
    }
    QList<RawFrame> requests;

private:
    QWebSocketServer m_server;
    QWebSocket *m_socket = nullptr;
};

Envelope text(qint64 seq, const QString &body)
{
    Envelope e;
    e.conversationId = Conv;
    e.seq = seq;
    e.senderUserId = Bob;
    e.senderDeviceId = 20;
    e.clientId = QByteArray(16, char('a' + seq % 26));
    e.serverTime = 1000 * seq;
    e.body = MessageContent::text(body).toBytes();
    return e;
}

Conversation conversation(qint64 lastSeq)
{
    Conversation c;
    c.id = Conv;
    c.kind = ConversationKind::Direct;
    c.members = {Member{Alice, u"alice"_s}, Member{Bob, u"bob"_s}};
    c.lastSeq = lastSeq;
    return c;
}

} // namespace

/// The sync engine's cursor rules (docs/protocol.md, section 8) against a scripted server.
class tst_SyncEngine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void gapInPushesIsFilledWithHistory();
    void newConversationPagesLatestHistory();
    void typingExpires();

private:
    /// Connects, answers the first sync with `synced`.
    void connectAndSync(const SyncedFrame &synced);

    std::optional<QTemporaryDir> m_dir;
    std::unique_ptr<ScriptedServer> m_server;
    std::unique_ptr<MessageStore> m_store;
    std::unique_ptr<Connection> m_connection;
    PlaintextCipher m_cipher;
    std::unique_ptr<PushDispatcher> m_pushes;
    std::unique_ptr<SyncEngine> m_sync;
};

void tst_SyncEngine::init()
{
    m_dir.emplace();
    m_server = std::make_unique<ScriptedServer>();
    m_store = std::make_unique<MessageStore>();
    QVERIFY(awaitFuture(m_store->open(m_dir->filePath(u"cache.sqlite"_s))).result().isOk());
    m_connection = std::make_unique<Connection>();
    m_pushes = std::make_unique<PushDispatcher>(m_connection.get());
    m_sync = std::make_unique<SyncEngine>(m_connection.get(), m_pushes.get(), m_store.get(),
                                          &m_cipher);
    m_sync->setIdentity(Alice, 10);
    m_sync->loadCursors();
}

void tst_SyncEngine::cleanup()
{
    m_sync.reset();
    m_connection.reset();
    m_store.reset();
    m_server.reset();
}

void tst_SyncEngine::connectAndSync(const SyncedFrame &synced)
{
    m_connection->setServerUrl(m_server->url());
    m_connection->setToken("token");
    m_connection->open();
    QTRY_VERIFY(m_connection->isReady());
    QTRY_VERIFY(m_server->has(FrameType::Sync));
    const std::optional<RawFrame> sync = m_server->take(FrameType::Sync);
    m_server->send(synced, sync->id);
}

void tst_SyncEngine::gapInPushesIsFilledWithHistory()
{
    // The cache holds seq 1..2.
    awaitFuture(m_store->setCursor(LogCursor{Conv, 2, 1}));
    m_sync->reset();
    m_sync->setIdentity(Alice, 10);
    m_sync->loadCursors();
    QSignalSpy messages(m_sync.get(), &SyncEngine::messagesStored);
    SyncedFrame synced;
    synced.conversations = {conversation(2)};
    connectAndSync(synced);
    QTRY_VERIFY(m_sync->isSynced());

    // seq 3 follows the cursor: stored.
    m_server->send(MessageFrame{text(3, u"three"_s)});
    QTRY_COMPARE(messages.size(), 1);
    QCOMPARE(messages.first().at(1).value<QList<StoredMessage>>().first().seq, 3);

    // seq 6 reveals a gap (4, 5): not stored yet, history after 3 is asked for.
    m_server->send(MessageFrame{text(6, u"six"_s)});
    std::optional<RawFrame> history;
    QTRY_VERIFY(m_server->has(FrameType::History));
    history = m_server->take(FrameType::History);
    auto asked = FrameCodec::read<HistoryFrame>(*history);
    QVERIFY(asked.hasValue());
    QCOMPARE(asked->conversationId, Conv);
    QCOMPARE(asked->afterSeq, 3);
    QCOMPARE(asked->beforeSeq, 0);
    QCOMPARE(messages.size(), 1);

    // A duplicate push meanwhile changes nothing.
    m_server->send(MessageFrame{text(3, u"three"_s)});

    m_server->send(
            MessagesFrame{Conv, {text(4, u"four"_s), text(5, u"five"_s), text(6, u"six"_s)}, false},
            history->id);
    QTRY_COMPARE(messages.size(), 2);
    const auto filled = messages.last().at(1).value<QList<StoredMessage>>();
    QCOMPARE(filled.size(), 3);
    QCOMPARE(filled.at(0).seq, 4);
    QCOMPARE(filled.at(2).text, u"six"_s);

    // Delivered receipts went out, the last one up to 6.
    auto deliveredUpTo = [this] {
        qint64 seq = 0;
        for (const RawFrame &f : std::as_const(m_server->requests)) {
            if (f.type == FrameType::Receipt)
                seq = std::max(seq, FrameCodec::read<ReceiptFrame>(f)->receipt.seq);
        }
        return seq;
    };
    QTRY_COMPARE(deliveredUpTo(), 6);

    // The cursor was persisted: a restart syncs from 6.
    QCOMPARE(awaitFuture(m_store->cursors()).result(), (QList<LogCursor>{LogCursor{Conv, 6, 1}}));
}

void tst_SyncEngine::newConversationPagesLatestHistory()
{
    QSignalSpy messages(m_sync.get(), &SyncEngine::messagesStored);
    SyncedFrame synced;
    synced.conversations = {conversation(120)}; // no cursor: no messages in synced
    connectAndSync(synced);
    std::optional<RawFrame> history;
    QTRY_VERIFY(m_server->has(FrameType::History));
    history = m_server->take(FrameType::History);
    auto asked = FrameCodec::read<HistoryFrame>(*history);
    QCOMPARE(asked->afterSeq, 120 - SyncEngine::PageSize); // the latest page only
    QList<Envelope> page;
    for (qint64 seq = 71; seq <= 120; ++seq)
        page.append(text(seq, u"m%1"_s.arg(seq)));
    m_server->send(MessagesFrame{Conv, page, false}, history->id);
    QTRY_COMPARE(messages.size(), 1);
    QCOMPARE(messages.first().at(1).value<QList<StoredMessage>>().size(), 50);
    QVERIFY(m_sync->hasOlderOnServer(Conv));

    // Older pages on demand: before the oldest held.
    QSignalSpy older(m_sync.get(), &SyncEngine::olderMessagesStored);
    m_sync->fetchOlder(Conv);
    QTRY_VERIFY(m_server->has(FrameType::History));
    history = m_server->take(FrameType::History);
    asked = FrameCodec::read<HistoryFrame>(*history);
    QCOMPARE(asked->beforeSeq, 71);
    page.clear();
    for (qint64 seq = 21; seq <= 70; ++seq)
        page.append(text(seq, u"m%1"_s.arg(seq)));
    m_server->send(MessagesFrame{Conv, page, true}, history->id);
    QTRY_COMPARE(older.size(), 1);
    QCOMPARE(older.first().at(1).value<QList<StoredMessage>>().size(), 50);
    QVERIFY(older.first().at(2).toBool()); // more
    QVERIFY(m_sync->hasOlderOnServer(Conv));
}

void tst_SyncEngine::typingExpires()
{
    SyncedFrame synced;
    synced.conversations = {conversation(0)};
    connectAndSync(synced);
    QSignalSpy changed(m_sync->typing(), &TypingTracker::typingChanged);
    m_server->send(TypingFrame{Typing{Conv, Bob, true}});
    QTRY_COMPARE(m_sync->typing()->typingUsers(Conv), QList<qint64>{Bob});
    // No "stopped" ever comes: it clears itself after TypingTracker::ExpiryMs.
    QTRY_VERIFY_WITH_TIMEOUT(m_sync->typing()->typingUsers(Conv).isEmpty(),
                             TypingTracker::ExpiryMs + 2000);
    QCOMPARE(changed.size(), 2);

    // Our own typing: sent without an id (never answered), repeated at most every few seconds.
    m_sync->setTyping(Conv, true);
    m_sync->setTyping(Conv, true);
    m_sync->setTyping(Conv, false);
    QTRY_COMPARE(std::count_if(m_server->requests.cbegin(), m_server->requests.cend(),
                               [](const RawFrame &f) { return f.type == FrameType::Typing; }),
                 2);
    for (const RawFrame &f : std::as_const(m_server->requests)) {
        if (f.type == FrameType::Typing)
            QVERIFY(!f.hasId());
    }
}

QTEST_GUILESS_MAIN(tst_SyncEngine)
#include "tst_syncengine.moc"
