#include "Provisioner.h"

#include "Logging.h"
#include "ParleyClient.h"
#include "XmppClient.h"

#include "protocol/Frames.h"

#include <QtCore/QTimer>

namespace Parley::Bench {

using namespace Qt::StringLiterals;

namespace {
constexpr int MaxAttempts = 5;
constexpr int RetryDelayMs = 1000;
} // namespace

Provisioner::Provisioner(Plan &plan, int window, bool shareIdleAccount, QObject *parent)
    : QObject(parent),
      m_plan(plan),
      m_window(std::max(1, window)),
      m_shareIdleAccount(shareIdleAccount)
{
}

void Provisioner::run(std::function<void(const QString &)> done)
{
    m_done = std::move(done);
    switch (m_plan.peer) {
    case PeerKind::Parley:
        registerUsers();
        return;
    case PeerKind::Xmpp:
        createRooms();
        return;
    case PeerKind::RawQt:
    case PeerKind::SocketIo:
        finish({});
        return;
    }
}

void Provisioner::finish(const QString &error)
{
    if (auto done = std::exchange(m_done, {}))
        done(error);
}

void Provisioner::startNext()
{
    m_stepStartNs = m_stepStartNs ? m_stepStartNs : monotonicNs();
    while (m_inFlight < m_window && !m_queue.isEmpty()) {
        const int user = m_queue.takeFirst();
        ++m_inFlight;
        m_attempts[user] = 0;
        openClient(user);
    }
    if (m_inFlight == 0 && m_queue.isEmpty() && m_done) {
        m_stepStartNs = 0;
        if (auto after = std::exchange(m_afterStep, {}))
            after();
    }
}

void Provisioner::openClient(int user)
{
    ++m_attempts[user];
    ChatClient *client = ChatClient::create(m_plan, user, this, this);
    if (auto *p = qobject_cast<ParleyClient *>(client)) {
        p->setSetupMode([this, user](const AuthenticatedFrame &a) {
            PlanUser &u = m_plan.users[user];
            u.userId = a.userId;
            if (!a.token.isEmpty())
                u.token = a.token;
        });
    } else if (auto *x = qobject_cast<XmppClient *>(client)) {
        x->setSetupMode(true);
    }
    client->open();
}

void Provisioner::finishOne(ChatClient *client)
{
    client->abort();
    client->deleteLater();
    --m_inFlight;
    startNext();
}

void Provisioner::clientReady(ChatClient *client)
{
    if (m_onReady)
        m_onReady(client);
}

void Provisioner::clientFailed(ChatClient *client, const QString &reason)
{
    const int user = client->user();
    client->deleteLater();
    if (m_attempts.value(user) < MaxAttempts && m_done) {
        // A busy server (Argon2id hashing is slow) may time a login out: try again.
        qCInfo(lcBenchSetup) << "setup of user" << user << "failed (" << reason
                             << "); trying again";
        QTimer::singleShot(RetryDelayMs, this, [this, user] {
            if (m_done)
                openClient(user);
        });
        return;
    }
    qCCritical(lcBenchSetup) << "setup of user" << user << "failed:" << reason;
    m_queue.clear();
    finish(u"setup failed for user %1: %2"_s.arg(user).arg(reason));
}

void Provisioner::clientLost(ChatClient *client)
{
    clientFailed(client, u"connection lost"_s);
}

void Provisioner::registerUsers()
{
    const int first = m_plan.firstIdleOnly();
    for (int u = 0; u < m_plan.users.size(); ++u) {
        if (!m_shareIdleAccount || !m_plan.isIdleOnly(u) || u == first)
            m_queue.append(u);
    }
    const int registering = int(m_queue.size());
    qCInfo(lcBenchSetup) << "registering" << registering << "users";
    m_onReady = [this](ChatClient *client) { finishOne(client); };
    m_afterStep = [this, first, registering] {
        if (m_shareIdleAccount) {
            for (int u = first + 1; m_plan.isIdleOnly(u); ++u) {
                m_plan.users[u].token = m_plan.users.at(first).token;
                m_plan.users[u].userId = m_plan.users.at(first).userId;
            }
        }
        qCInfo(lcBenchSetup) << "registered" << registering << "users";
        createConversations();
    };
    startNext();
}

void Provisioner::createConversations()
{
    QHash<int, QList<int>> byCreator;
    for (int c = 0; c < m_plan.conversations.size(); ++c)
        byCreator[m_plan.conversations.at(c).members.at(0)].append(c);
    m_queue = byCreator.keys();
    std::sort(m_queue.begin(), m_queue.end());
    m_onReady = [this, byCreator](ChatClient *client) {
        auto *p = static_cast<ParleyClient *>(client);
        const QList<int> conversations = byCreator.value(client->user());
        m_outstanding[client->user()] = int(conversations.size());
        for (int c : conversations) {
            const PlanConversation &conv = m_plan.conversations.at(c);
            auto reply = [this, p, c](const RawFrame &frame) {
                auto info = FrameCodec::read<ConversationInfoFrame>(frame);
                if (!info) {
                    finish(u"creating conversation %1 failed: %2"_s.arg(c).arg(
                            info.error().message));
                    return;
                }
                m_plan.conversations[c].address = QString::number(info->conversation.id);
                if (--m_outstanding[p->user()] == 0)
                    finishOne(p);
            };
            if (conv.group) {
                CreateGroupFrame f;
                f.title = conv.address;
                for (qsizetype i = 1; i < conv.members.size(); ++i)
                    f.members.append(m_plan.users.at(conv.members.at(i)).userId);
                p->request(f, reply);
            } else {
                p->request(CreateDirectFrame{m_plan.users.at(conv.members.at(1)).userId}, reply);
            }
        }
    };
    m_afterStep = [this] {
        qCInfo(lcBenchSetup) << "created" << m_plan.conversations.size() << "conversations";
        finish({});
    };
    startNext();
}

void Provisioner::createRooms()
{
    for (int g = 0; g < m_plan.groups; ++g)
        m_queue.append(m_plan.conversations.at(m_plan.pairs + g).members.at(0));
    m_onReady = [this](ChatClient *client) { finishOne(client); };
    m_afterStep = [this] {
        qCInfo(lcBenchSetup) << "created" << m_plan.groups << "rooms";
        finish({});
    };
    startNext();
}

} // namespace Parley::Bench
