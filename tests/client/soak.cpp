// parley-soak: a long run of three clients in one group while everything goes wrong at random,
// then the count (docs/security.md, "Faults on the wire"). Not part of CI; scripts/soak runs it.
//
//   parley-soak MINUTES
//
// Every 300 ms one random action: a client sends a message (most of the time); parleyd is
// killed with SIGKILL and restarted on the same data; a client is destroyed and created again
// on its data folder (its outbox reloads; this is a quit without warning, not a SIGKILL of
// a process); the link of two clients (tests/support/FaultyLink) resets, goes silent for 5 to
// 60 s, or changes its delay, jitter and loss. At the end everything is healed, the outboxes
// drain, and every device's cache must hold each acknowledged message exactly once.
// Exit code 0 when nothing acknowledged was lost and nothing was duplicated.

#include "Client.h"
#include "FaultyLink.h"
#include "ParleydProcess.h"
#include "net/Connection.h"
#include "outbox/Outbox.h"
#include "store/MessageStore.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QDeadlineTimer>
#include <QtCore/QElapsedTimer>
#include <QtCore/QHash>
#include <QtCore/QRandomGenerator>
#include <QtCore/QSet>
#include <QtCore/QTemporaryDir>
#include <QtCore/QTimer>
#include <QtTest/QSignalSpy>

#include <algorithm>

#include <cstdio>
#include <memory>

using namespace Parley;
using namespace Qt::StringLiterals;

namespace {

struct Device
{
    QString name;
    bool throughLink = false;
    std::unique_ptr<Client> client;
};

class Soak : public QObject
{
public:
    explicit Soak(int minutes) : m_minutes(minutes) { }
    int run();

private:
    std::unique_ptr<Client> makeClient(const Device &device);
    void watch(Client *client);
    bool waitFor(const std::function<bool()> &done, int timeoutMs);
    void step();
    void send();
    void print(const QString &line) { std::printf("%s\n", qPrintable(line)), std::fflush(stdout); }

    int m_minutes;
    QTemporaryDir m_dir;
    ParleydProcess m_server;
    std::unique_ptr<FaultyLink> m_link;
    std::vector<Device> m_devices;
    qint64 m_conversation = 0;
    QHash<QByteArray, QString> m_sent; ///< client id → text
    QSet<QByteArray> m_acknowledged;
    int m_counter = 0;
    QHash<QString, int> m_actions;
};

std::unique_ptr<Client> Soak::makeClient(const Device &device)
{
    ClientOptions options;
    options.profile =
            u"soak-"_s + device.name + u'-' + QString::number(QCoreApplication::applicationPid());
    options.dataDir = m_dir.filePath(device.name);
    options.serverUrl =
            (device.throughLink ? m_link->url(m_server.url()) : m_server.url()).toString();
    options.deviceName = device.name;
    options.notifications = false;
    options.askBeforePinning = false; // nobody to ask: pinned on first use
    auto client = std::make_unique<Client>(options, nullptr);
    client->connection()->setReconnectDelays(200, 5000);
    watch(client.get());
    return client;
}

void Soak::watch(Client *client)
{
    connect(client->outbox(), &Outbox::acknowledged, this,
            [this](const StoredMessage &message) { m_acknowledged.insert(message.clientId); });
}

bool Soak::waitFor(const std::function<bool()> &done, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!done()) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    }
    return true;
}

void Soak::send()
{
    Device &from = m_devices.at(QRandomGenerator::global()->bounded(int(m_devices.size())));
    if (!from.client || !from.client->outbox())
        return;
    const QString text = u"soak %1 from %2"_s.arg(++m_counter).arg(from.name);
    m_sent.insert(from.client->outbox()->sendText(m_conversation, text), text);
}

void Soak::step()
{
    auto *random = QRandomGenerator::global();
    const int dice = random->bounded(100);
    if (dice < 70) {
        send();
        ++m_actions[u"send"_s];
    } else if (dice < 73) {
        m_server.kill();
        QTimer::singleShot(random->bounded(3000), this, [this] { (void)m_server.start(); });
        ++m_actions[u"kill parleyd"_s];
    } else if (dice < 78) {
        Device &device = m_devices.at(random->bounded(int(m_devices.size())));
        device.client.reset();
        device.client = makeClient(device);
        ++m_actions[u"restart client"_s];
    } else if (dice < 84) {
        m_link->resetAll();
        ++m_actions[u"reset"_s];
    } else if (dice < 86) {
        m_link->setSilent(true);
        QTimer::singleShot(5000 + random->bounded(55000), this,
                           [this] { m_link->setSilent(false); });
        ++m_actions[u"silence"_s];
    } else {
        m_link->setDelay(random->bounded(500), random->bounded(300));
        m_link->setLoss(random->bounded(15), 200 + random->bounded(1500));
        ++m_actions[u"delay/loss"_s];
    }
}

int Soak::run()
{
    m_server.setDataDir(m_dir.filePath(u"server"_s));
    m_server.setArguments({u"--heartbeat"_s, u"5"_s});
    if (!m_server.start()) {
        print(u"parleyd did not start:\n"_s + QString::fromUtf8(m_server.log()));
        return 2;
    }
    m_link = std::make_unique<FaultyLink>(m_server.port());
    if (!m_link->listen())
        return 2;
    m_devices.push_back({u"alice"_s, true, nullptr});
    m_devices.push_back({u"bob"_s, true, nullptr});
    m_devices.push_back({u"carol"_s, false, nullptr});
    for (Device &device : m_devices) {
        device.client = makeClient(device);
        Client *client = device.client.get();
        if (!waitFor([client] { return client->isStarted(); }, 30000))
            return 2;
        const QUrl url = device.throughLink ? m_link->url(m_server.url()) : m_server.url();
        client->registerAccount(url.toString(), device.name, u"password-"_s + device.name);
        if (!waitFor([client] { return client->state() == Client::State::Online; }, 30000)) {
            print(u"%1 did not come online"_s.arg(device.name));
            return 2;
        }
    }
    QSignalSpy opened(m_devices.front().client.get(), &Client::conversationOpened);
    m_devices.front().client->createGroup(u"soak"_s, {u"bob"_s, u"carol"_s});
    if (!waitFor([&opened] { return !opened.isEmpty(); }, 30000))
        return 2;
    m_conversation = opened.first().first().toLongLong();

    print(u"soaking for %1 minutes"_s.arg(m_minutes));
    QElapsedTimer clock;
    clock.start();
    QTimer steps;
    connect(&steps, &QTimer::timeout, this, &Soak::step);
    steps.start(300);
    waitFor([&] { return clock.elapsed() > m_minutes * 60'000LL; }, m_minutes * 60'000 + 1000);
    steps.stop();

    // Heal everything and let the outboxes drain.
    m_link->setSilent(false);
    m_link->setDelay(0, 0);
    m_link->setLoss(0);
    if (!m_server.isRunning())
        (void)m_server.start();
    for (Device &device : m_devices) {
        if (!device.client)
            device.client = makeClient(device);
    }
    const bool drained = waitFor(
            [this] {
                for (const Device &device : m_devices) {
                    if (device.client->state() != Client::State::Online
                        || !device.client->outbox()->entries().isEmpty())
                        return false;
                }
                return true;
            },
            300'000);

    // The caches converge after the last sync: give them a while before counting.
    QHash<QString, QList<StoredMessage>> caches; // device → its entries of the group
    const auto readCaches = [&] {
        for (const Device &device : m_devices) {
            auto future = device.client->store()->latestMessages(m_conversation, 10'000'000);
            waitFor([&future] { return future.isFinished(); }, 120'000);
            caches[device.name] = future.isFinished() ? future.result() : QList<StoredMessage>();
        }
    };
    const auto count = [&](int *lost, int *duplicated, QStringList *details) {
        *lost = *duplicated = 0;
        for (const Device &device : m_devices) {
            QHash<QString, int> seen;
            for (const StoredMessage &message : caches.value(device.name))
                ++seen[message.text];
            for (const QByteArray &clientId : std::as_const(m_acknowledged)) {
                const int n = seen.value(m_sent.value(clientId));
                *lost += n == 0;
                *duplicated += n > 1;
                if (details && n != 1)
                    details->append(u"%1: \"%2\" %3"_s.arg(device.name, m_sent.value(clientId),
                                                           n ? u"twice or more"_s : u"missing"_s));
            }
        }
    };
    int lost = 0, duplicated = 0;
    QElapsedTimer converging;
    converging.start();
    for (;;) {
        readCaches();
        count(&lost, &duplicated, nullptr);
        if ((!lost && !duplicated) || converging.elapsed() > 60'000)
            break;
        (void)waitFor([] { return false; }, 2000);
    }
    if (lost || duplicated) {
        QStringList details;
        count(&lost, &duplicated, &details);
        for (const QString &line : std::as_const(details))
            print(line);
        // Where each device's log has holes: a hole is what a sync cursor stepped over.
        for (const Device &device : m_devices) {
            QList<qint64> seqs;
            for (const StoredMessage &message : caches.value(device.name))
                seqs.append(message.seq);
            std::sort(seqs.begin(), seqs.end());
            QStringList holes;
            for (qsizetype i = 1; i < seqs.size(); ++i) {
                if (seqs[i] > seqs[i - 1] + 1)
                    holes.append(u"%1..%2"_s.arg(seqs[i - 1] + 1).arg(seqs[i] - 1));
            }
            print(u"%1: %2 entries, seq %3 to %4, holes: %5"_s.arg(device.name)
                          .arg(seqs.size())
                          .arg(seqs.isEmpty() ? 0 : seqs.first())
                          .arg(seqs.isEmpty() ? 0 : seqs.last())
                          .arg(holes.isEmpty() ? u"none"_s : holes.join(u", "_s)));
        }
    }
    QStringList actions;
    for (auto it = m_actions.cbegin(); it != m_actions.cend(); ++it)
        actions.append(u"%1 %2"_s.arg(it.key()).arg(it.value()));
    print(u"actions: %1"_s.arg(actions.join(u", "_s)));
    print(u"messages sent %1, acknowledged %2, outboxes drained: %3"_s.arg(m_sent.size())
                  .arg(m_acknowledged.size())
                  .arg(drained ? u"yes"_s : u"no"_s));
    print(u"across %1 devices: %2 acknowledged lost, %3 duplicated"_s.arg(m_devices.size())
                  .arg(lost)
                  .arg(duplicated));
    m_devices.clear();
    (void)m_server.stop();
    return lost == 0 && duplicated == 0 && drained ? 0 : 1;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int minutes = argc > 1 ? std::atoi(argv[1]) : 30;
    if (minutes <= 0) {
        std::fprintf(stderr, "usage: %s MINUTES\n", argv[0]);
        return 2;
    }
    Soak soak(minutes);
    return soak.run();
}
