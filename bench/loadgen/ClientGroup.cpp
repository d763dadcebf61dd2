#include "ClientGroup.h"

#include "Logging.h"
#include "ParleyClient.h"

#include <QtCore/QTimer>

#include <cmath>
#include <utility>

namespace Parley::Bench {

using namespace Qt::StringLiterals;

namespace {
constexpr int HeartbeatMs = 15'000;
constexpr int RetryDelayMs = 250;
constexpr quint32 MaxCounter = 1u << 26;
} // namespace

bool ClientGroup::Ledger::mark(quint32 sender, quint32 counter)
{
    if (counter >= MaxCounter)
        return false; // not a counter this run can have made
    std::vector<quint64> &words = bits[sender];
    const size_t word = counter / 64;
    if (words.size() <= word)
        words.resize(std::max<size_t>(word + 1, words.size() * 2), 0);
    const quint64 bit = quint64(1) << (counter % 64);
    if (words[word] & bit)
        return false;
    words[word] |= bit;
    return true;
}

ClientGroup::ClientGroup(const Plan &plan, QList<int> users, QObject *parent)
    : QObject(parent),
      m_plan(plan)
{
    for (int user : users)
        m_clients.insert(user, nullptr);
    m_heartbeat = new QTimer(this);
    m_heartbeat->setInterval(HeartbeatMs);
    connect(m_heartbeat, &QTimer::timeout, this, &ClientGroup::heartbeat);
    m_heartbeat->start();
    m_ticker = new QTimer(this);
    m_ticker->setTimerType(Qt::PreciseTimer);
    m_ticker->setInterval(1);
    connect(m_ticker, &QTimer::timeout, this, &ClientGroup::tick);
}

ClientGroup::~ClientGroup() = default;

ChatClient *ClientGroup::clientFor(int user)
{
    auto it = m_clients.find(user);
    if (it == m_clients.end())
        return nullptr;
    if (!*it)
        *it = ChatClient::create(m_plan, user, this, this);
    return *it;
}

void ClientGroup::heartbeat()
{
    if (m_plan.peer != PeerKind::Parley)
        return;
    for (ChatClient *c : std::as_const(m_clients)) {
        if (c && c->isReady())
            static_cast<ParleyClient *>(c)->heartbeat();
    }
}

// --- opening ---------------------------------------------------------------------------------

void ClientGroup::open(const QList<int> &users, int window, int retries, Reply reply)
{
    m_openQueue.clear();
    for (int user : users) {
        if (m_clients.contains(user))
            m_openQueue.append(user);
    }
    m_openWindow = std::max(1, window);
    m_openRetries = retries;
    m_openAttempts.clear();
    m_openInFlight = 0;
    m_openOk = 0;
    m_openFailed = 0;
    m_openStartNs = monotonicNs();
    m_openReply = std::move(reply);
    openMore();
    finishOpenIfDone();
}

void ClientGroup::openMore()
{
    while (m_openInFlight < m_openWindow && !m_openQueue.isEmpty()) {
        const int user = m_openQueue.takeFirst();
        ++m_openInFlight;
        ++m_openAttempts[user];
        clientFor(user)->open();
    }
}

void ClientGroup::finishOpenIfDone()
{
    if (!m_openReply || m_openInFlight > 0 || !m_openQueue.isEmpty())
        return;
    const Reply reply = std::exchange(m_openReply, {});
    reply(QJsonObject{{u"ok"_s, m_openOk},
                      {u"failed"_s, m_openFailed},
                      {u"ms"_s, double(monotonicNs() - m_openStartNs) / 1e6}});
}

void ClientGroup::clientReady(ChatClient *client)
{
    if (!m_openReply || !m_openAttempts.contains(client->user()))
        return;
    --m_openInFlight;
    ++m_openOk;
    m_openAttempts.remove(client->user());
    openMore();
    finishOpenIfDone();
}

void ClientGroup::clientFailed(ChatClient *client, const QString &reason)
{
    const int user = client->user();
    if (!m_openReply || !m_openAttempts.contains(user)) {
        qCWarning(lcBenchClient) << "client" << user << "failed outside an open:" << reason;
        return;
    }
    if (m_openAttempts.value(user) <= m_openRetries) {
        // Keep the slot: try again shortly (the server may be refusing a burst).
        QTimer::singleShot(RetryDelayMs, this, [this, user] {
            if (!m_openReply)
                return;
            ++m_openAttempts[user];
            clientFor(user)->open();
        });
        return;
    }
    qCWarning(lcBenchClient) << "client" << user << "gave up opening:" << reason;
    --m_openInFlight;
    ++m_openFailed;
    m_openAttempts.remove(user);
    openMore();
    finishOpenIfDone();
}

void ClientGroup::clientLost(ChatClient *client)
{
    qCWarning(lcBenchClient) << "client" << client->user() << "lost its connection";
}

void ClientGroup::clientCaughtUp(ChatClient *) { }

void ClientGroup::drop(const QList<int> &users, Reply reply)
{
    int dropped = 0;
    for (int user : users) {
        if (ChatClient *c = m_clients.value(user)) {
            if (c->state() != ChatClient::State::Closed) {
                c->abort();
                ++dropped;
            }
        }
    }
    reply(QJsonObject{{u"dropped"_s, dropped}});
}

// --- sending ---------------------------------------------------------------------------------

void ClientGroup::sendNext(ChatClient *client, int conversation, quint32 phase, qint64 intendedNs)
{
    const quint32 counter = ++m_counters[quint32(client->user())];
    PhaseStats &s = m_stats[phase];
    ++s.sent;
    if (!s.firstSendNs)
        s.firstSendNs = intendedNs;
    client->send(conversation, Stamp{quint32(client->user()), counter, phase, intendedNs});
}

void ClientGroup::load(quint32 phase, const QString &role, double perSenderRate, int ms,
                       Reply reply)
{
    m_senders.clear();
    for (auto it = m_clients.cbegin(); it != m_clients.cend(); ++it) {
        const int user = it.key();
        if (user >= m_plan.loadUsers())
            continue;
        int conversation = -1;
        if (role == u"pairs"_s)
            conversation = m_plan.pairConversation(user);
        else if (role == u"groups"_s && m_plan.isGroupSender(user))
            conversation = m_plan.groupConversation(user);
        if (conversation >= 0)
            m_senders.push_back(Sender{clientFor(user), conversation});
    }
    m_loadPhase = phase;
    m_rate = perSenderRate * double(m_senders.size());
    m_loadStartNs = monotonicNs();
    m_loadEndNs = m_loadStartNs + qint64(ms) * 1'000'000;
    m_loadSent = 0;
    m_nextSender = 0;
    m_loadReply = std::move(reply);
    if (m_senders.empty() || m_rate <= 0) {
        m_loadEndNs = m_loadStartNs;
        tick();
        return;
    }
    m_ticker->start();
}

void ClientGroup::tick()
{
    const qint64 now = monotonicNs();
    const qint64 until = std::min(now, m_loadEndNs);
    const double perNs = m_rate / 1e9;
    const auto due = qint64(std::floor(double(until - m_loadStartNs) * perNs));
    while (m_loadSent < due) {
        const Sender &s = m_senders[m_nextSender];
        m_nextSender = (m_nextSender + 1) % m_senders.size();
        // Message k (from 1) is due at k / rate: exactly when `due` reaches k.
        const qint64 intended = m_loadStartNs + qint64(double(m_loadSent + 1) / perNs);
        sendNext(s.client, s.conversation, m_loadPhase, intended);
        ++m_loadSent;
    }
    if (now >= m_loadEndNs) {
        m_ticker->stop();
        if (m_loadReply) {
            const Reply reply = std::exchange(m_loadReply, {});
            reply(QJsonObject{{u"sent"_s, m_loadSent}});
        }
    }
}

void ClientGroup::burst(int user, int conversation, quint32 phase, int count, int window,
                        Reply reply)
{
    m_burstClient = clientFor(user);
    if (!m_burstClient || count <= 0) {
        reply(QJsonObject{{u"ms"_s, 0}, {u"acked"_s, 0}});
        return;
    }
    m_burstConversation = conversation;
    m_burstPhase = phase;
    m_burstCount = count;
    m_burstSent = 0;
    m_burstAcked = 0;
    m_burstStartNs = monotonicNs();
    m_burstReply = std::move(reply);
    while (m_burstSent < std::min(window, count)) {
        sendNext(m_burstClient, conversation, phase, monotonicNs());
        ++m_burstSent;
    }
}

void ClientGroup::messageAcked(ChatClient *client, const Stamp &stamp, qint64 nowNs)
{
    PhaseStats &s = m_stats[stamp.phase];
    ++s.acked;
    s.lastAckNs = std::max(s.lastAckNs, nowNs);
    s.ackLatency.record((nowNs - stamp.intendedNs) / 1000);
    if (m_burstReply && client == m_burstClient && stamp.phase == m_burstPhase) {
        ++m_burstAcked;
        if (m_burstSent < m_burstCount) {
            sendNext(client, m_burstConversation, m_burstPhase, monotonicNs());
            ++m_burstSent;
        } else if (m_burstAcked >= m_burstCount) {
            const Reply reply = std::exchange(m_burstReply, {});
            reply(QJsonObject{{u"ms"_s, double(nowNs - m_burstStartNs) / 1e6},
                              {u"acked"_s, m_burstAcked}});
        }
    }
}

void ClientGroup::messageRejected(ChatClient *client, const Stamp &stamp, const QString &why)
{
    ++m_stats[stamp.phase].rejected;
    static int logged = 0;
    if (logged++ < 5)
        qCWarning(lcBenchClient) << "client" << client->user() << "send rejected:" << why;
    if (m_burstReply && client == m_burstClient && stamp.phase == m_burstPhase) {
        // The writer was slowed down: send the same amount later.
        --m_burstSent;
        QTimer::singleShot(50, this, [this] {
            if (m_burstReply && m_burstSent < m_burstCount) {
                sendNext(m_burstClient, m_burstConversation, m_burstPhase, monotonicNs());
                ++m_burstSent;
            }
        });
    }
}

// --- receiving -------------------------------------------------------------------------------

void ClientGroup::messageReceived(ChatClient *client, const Stamp &stamp, qint64 nowNs)
{
    PhaseStats &s = m_stats[stamp.phase];
    const bool first = m_ledgers[client->user()].mark(stamp.sender, stamp.counter);
    if (!first) {
        ++s.duplicates;
    } else {
        ++s.received;
        s.lastReceiveNs = std::max(s.lastReceiveNs, nowNs);
        s.receiveLatency.record((nowNs - stamp.intendedNs) / 1000);
    }
    if (m_watchReply && client == m_watchClient && stamp.phase == m_watchPhase) {
        if (first)
            ++m_watchReceived;
        else
            ++m_watchDuplicates;
        if (m_watchReceived >= m_watchCount) {
            const Reply reply = std::exchange(m_watchReply, {});
            reply(QJsonObject{{u"ms"_s, double(nowNs - m_watchStartNs) / 1e6},
                              {u"received"_s, m_watchReceived},
                              {u"duplicates"_s, m_watchDuplicates}});
        }
    }
}

void ClientGroup::catchUp(int user, quint32 phase, int count, int timeoutMs, Reply reply)
{
    m_watchClient = clientFor(user);
    if (!m_watchClient) {
        reply(QJsonObject{{u"ms"_s, -1}, {u"received"_s, 0}, {u"duplicates"_s, 0}});
        return;
    }
    m_watchPhase = phase;
    m_watchCount = count;
    m_watchReceived = 0;
    m_watchDuplicates = 0;
    m_watchStartNs = monotonicNs();
    m_watchReply = std::move(reply);
    QTimer::singleShot(timeoutMs, this, [this] {
        if (!m_watchReply)
            return;
        const Reply r = std::exchange(m_watchReply, {});
        r(QJsonObject{{u"ms"_s, -1},
                      {u"received"_s, m_watchReceived},
                      {u"duplicates"_s, m_watchDuplicates}});
    });
    m_watchClient->open();
}

void ClientGroup::stats(quint32 phase, Reply reply)
{
    QJsonObject json = m_stats.value(phase).toJson();
    int ready = 0;
    qint64 redeliveries = 0;
    int pending = 0;
    for (ChatClient *c : std::as_const(m_clients)) {
        if (!c)
            continue;
        ready += c->isReady() ? 1 : 0;
        pending += c->pending();
        if (m_plan.peer == PeerKind::Parley)
            redeliveries += static_cast<ParleyClient *>(c)->seqRedeliveries();
    }
    json.insert(u"ready"_s, ready);
    json.insert(u"pending"_s, pending);
    json.insert(u"seqRedeliveries"_s, redeliveries);
    reply(json);
}

} // namespace Parley::Bench
