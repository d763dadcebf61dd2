// The client over a misbehaving network (tests/support's FaultyLink between it and a real
// parleyd): delay with jitter and loss, connection resets, a link that goes silent without a
// FIN. The client notices (heartbeat, connect timeout), reconnects with backoff, delivers its
// outbox exactly once, and its event loop (the UI thread) keeps turning throughout.

#include "Client.h"
#include "FaultyLink.h"
#include "ParleydProcess.h"
#include "TestLogging.h"
#include "models/ConversationListModel.h"
#include "models/MessageListModel.h"
#include "net/Connection.h"
#include "outbox/Outbox.h"

#include <QtCore/QElapsedTimer>
#include <QtCore/QTemporaryDir>
#include <QtCore/QTimer>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

#include <optional>

using namespace Parley;
using namespace Qt::StringLiterals;

namespace {

/// The longest the event loop went without turning, measured by a 20 ms timer: a client that
/// waited on the network in the UI thread would show here as seconds.
class EventLoopWatch : public QObject
{
public:
    EventLoopWatch()
    {
        m_clock.start();
        m_timer.setInterval(20);
        QObject::connect(&m_timer, &QTimer::timeout, this,
                         [this] { m_longestGapMs = std::max(m_longestGapMs, m_clock.restart()); });
        m_timer.start();
    }
    qint64 longestGapMs() const { return m_longestGapMs; }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_longestGapMs = 0;
};

int countText(QAbstractItemModel *model, const QString &text)
{
    int n = 0;
    for (int i = 0; i < model->rowCount(); ++i)
        n += model->index(i, 0).data(MessageListModel::TextRole).toString() == text;
    return n;
}

} // namespace

class tst_Faults : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void delayJitterAndLossDeliverOnce();
    void resetsDeliverOnce();
    void halfOpenLinkIsNoticed();

private:
    std::unique_ptr<Client> makeClient(const QString &name, const QUrl &url);
    std::unique_ptr<Client> registered(const QString &name, const QUrl &url);
    /// Alice (through the link) and bob (direct) in a direct chat.
    void meet();
    /// Alice sends `texts`; each arrives at bob once, and alice's outbox empties.
    void sendAndCheckOnce(const QStringList &texts, const std::function<void(int)> &between = {});

    std::optional<QTemporaryDir> m_dir;
    std::unique_ptr<ParleydProcess> m_server;
    std::unique_ptr<FaultyLink> m_link;
    std::unique_ptr<Client> m_alice;
    std::unique_ptr<Client> m_bob;
    qint64 m_conversation = 0;
    QString m_runTag;
};

void tst_Faults::initTestCase()
{
    if (ParleydProcess::binary().isEmpty())
        QFAIL("PARLEYD_BINARY is not set (parley_add_test sets it)");
    m_runTag = QString::number(QCoreApplication::applicationPid());
}

void tst_Faults::init()
{
    m_dir.emplace();
    QVERIFY(m_dir->isValid());
    m_server = std::make_unique<ParleydProcess>();
    // Heartbeats every 2 s: the client drops a link silent for 5 s, the server one silent 4 s.
    m_server->setArguments({u"--heartbeat"_s, u"2"_s});
    QVERIFY2(m_server->start(), m_server->log().constData());
    m_link = std::make_unique<FaultyLink>(m_server->port());
    QVERIFY(m_link->listen());
    meet();
}

void tst_Faults::cleanup()
{
    if (QTest::currentTestFailed() && m_server)
        qCWarning(lcTestClient).noquote() << "parleyd log:\n" << m_server->log();
    m_alice.reset();
    m_bob.reset();
    m_link.reset();
    m_server.reset();
    m_dir.reset();
}

std::unique_ptr<Client> tst_Faults::makeClient(const QString &name, const QUrl &url)
{
    ClientOptions options;
    options.profile =
            name + u'-' + m_runTag + u'-' + QString::fromLatin1(QTest::currentTestFunction());
    options.dataDir = m_dir->filePath(name);
    options.serverUrl = url.toString();
    options.deviceName = u"test device"_s;
    options.notifications = false;
    options.askBeforePinning = false; // nobody to ask: pinned on first use
    auto client = std::make_unique<Client>(options, nullptr);
    client->connection()->setReconnectDelays(100, 2000);
    return client;
}

std::unique_ptr<Client> tst_Faults::registered(const QString &name, const QUrl &url)
{
    auto client = makeClient(name, url);
    [&] { QTRY_VERIFY(client->isStarted()); }();
    client->registerAccount(url.toString(), name, u"password-"_s + name);
    [&] { QTRY_COMPARE_WITH_TIMEOUT(client->state(), Client::State::Online, 20000); }();
    return client;
}

void tst_Faults::meet()
{
    m_alice = registered(u"alice"_s, m_link->url(m_server->url()));
    m_bob = registered(u"bob"_s, m_server->url());
    QVERIFY(m_alice->state() == Client::State::Online && m_bob->state() == Client::State::Online);
    QSignalSpy opened(m_alice.get(), &Client::conversationOpened);
    m_alice->startDirectChat(u"bob"_s);
    QTRY_COMPARE_WITH_TIMEOUT(opened.size(), 1, 15000);
    m_conversation = opened.first().first().toLongLong();
    QTRY_VERIFY_WITH_TIMEOUT(m_bob->conversations()->summary(m_conversation) != nullptr, 15000);
}

void tst_Faults::sendAndCheckOnce(const QStringList &texts, const std::function<void(int)> &between)
{
    EventLoopWatch watch;
    for (int i = 0; i < texts.size(); ++i) {
        m_alice->chat(m_conversation)->sendText(texts.at(i));
        if (between)
            between(i);
    }
    MessageListModel *bobView = m_bob->chat(m_conversation)->messages();
    MessageListModel *aliceView = m_alice->chat(m_conversation)->messages();
    for (const QString &text : texts)
        QTRY_VERIFY_WITH_TIMEOUT(countText(bobView, text) >= 1, 90000);
    QTRY_VERIFY_WITH_TIMEOUT(m_alice->outbox()->entries().isEmpty(), 60000);
    for (const QString &text : texts) {
        QCOMPARE(countText(bobView, text), 1);
        QCOMPARE(countText(aliceView, text), 1);
    }
    // Seconds would mean the UI thread waited on the network; a busy machine stays well below.
    QVERIFY2(watch.longestGapMs() < 2000, qPrintable(QString::number(watch.longestGapMs())));
}

void tst_Faults::delayJitterAndLossDeliverOnce()
{
    // 300 ms each way with up to 200 ms of jitter; a tenth of the chunks stall for a second.
    m_link->setDelay(300, 200);
    m_link->setLoss(10, 1000);
    QStringList texts;
    for (int i = 0; i < 12; ++i)
        texts.append(u"slow %1"_s.arg(i));
    sendAndCheckOnce(texts);
}

void tst_Faults::resetsDeliverOnce()
{
    m_link->setDelay(50, 50);
    const int before = m_link->connectionsAccepted();
    QStringList texts;
    for (int i = 0; i < 12; ++i)
        texts.append(u"reset %1"_s.arg(i));
    // A reset after every third message, some of them surely while a send is in flight.
    sendAndCheckOnce(texts, [this](int i) {
        if (i % 3 == 2) {
            QTest::qWait(150); // the moment of the fault, not a wait for an outcome
            m_link->resetAll();
        }
    });
    QVERIFY(m_link->connectionsAccepted() > before); // it did reconnect
}

void tst_Faults::halfOpenLinkIsNoticed()
{
    EventLoopWatch watch;
    m_link->setSilent(true);
    QStringList texts{u"into the void 1"_s, u"into the void 2"_s, u"into the void 3"_s};
    for (const QString &text : texts)
        m_alice->chat(m_conversation)->sendText(text);
    // No FIN, no RST: only the heartbeat can tell (2.5 × 2 s without an answer).
    QTRY_VERIFY_WITH_TIMEOUT(m_alice->state() != Client::State::Online, 15000);
    // Still silent while the client tries again: its new connection stalls on the dead link too.
    const int accepted = m_link->connectionsAccepted();
    QTRY_VERIFY_WITH_TIMEOUT(m_link->connectionsAccepted() > accepted, 30000);
    m_link->setSilent(false);
    QTRY_COMPARE_WITH_TIMEOUT(m_alice->state(), Client::State::Online, 30000);
    MessageListModel *bobView = m_bob->chat(m_conversation)->messages();
    MessageListModel *aliceView = m_alice->chat(m_conversation)->messages();
    for (const QString &text : texts) {
        QTRY_COMPARE_WITH_TIMEOUT(countText(bobView, text), 1, 30000);
        QTRY_COMPARE_WITH_TIMEOUT(countText(aliceView, text), 1, 10000);
    }
    QTRY_VERIFY_WITH_TIMEOUT(m_alice->outbox()->entries().isEmpty(), 10000);
    QVERIFY2(watch.longestGapMs() < 2000, qPrintable(QString::number(watch.longestGapMs())));
}

QTEST_GUILESS_MAIN(tst_Faults)
#include "tst_faults.moc"
