#include "ChatClient.h"

#include "Logging.h"
#include "ParleyClient.h"
#include "RawClient.h"
#include "SocketIoClient.h"
#include "XmppClient.h"

#include <QtNetwork/QAbstractSocket>
#include <QtNetwork/QSslConfiguration>
#include <QtWebSockets/QWebSocket>
#include <QtWebSockets/QWebSocketHandshakeOptions>

namespace Parley::Bench {

ChatClient::ChatClient(const Plan &plan, int user, Observer *observer, QObject *parent)
    : QObject(parent),
      m_plan(plan),
      m_user(user),
      m_observer(observer)
{
}

ChatClient::~ChatClient()
{
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        delete m_socket;
    }
}

ChatClient *ChatClient::create(const Plan &plan, int user, Observer *observer, QObject *parent)
{
    switch (plan.peer) {
    case PeerKind::Parley:
        return new ParleyClient(plan, user, observer, parent);
    case PeerKind::RawQt:
        return new RawClient(plan, user, observer, parent);
    case PeerKind::SocketIo:
        return new SocketIoClient(plan, user, observer, parent);
    case PeerKind::Xmpp:
        return new XmppClient(plan, user, observer, parent);
    }
    return nullptr;
}

QUrl ChatClient::url() const
{
    return m_plan.url;
}

void ChatClient::addHandshakeOptions(QWebSocketHandshakeOptions &) const { }

void ChatClient::open()
{
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        m_socket->deleteLater();
    }
    ++m_opens;
    m_state = State::Connecting;
    m_aborting = false;
    m_socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    if (url().scheme() == QLatin1StringView("wss")) {
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        ssl.setPeerVerifyMode(QSslSocket::VerifyNone); // the bench's own self-signed servers
        m_socket->setSslConfiguration(ssl);
    }
    connect(m_socket, &QWebSocket::connected, this, [this] {
        // QWebSocket has no socket options of its own: reach its TCP socket. Without
        // TCP_NODELAY small frames wait for delayed ACKs (tens of ms), on every peer alike.
        if (auto *tcp = m_socket->findChild<QAbstractSocket *>())
            tcp->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        started();
    });
    connect(m_socket, &QWebSocket::binaryMessageReceived, this,
            [this](const QByteArray &bytes) { binaryReceived(bytes); });
    connect(m_socket, &QWebSocket::textMessageReceived, this,
            [this](const QString &text) { textReceived(text); });
    connect(m_socket, &QWebSocket::disconnected, this, &ChatClient::socketClosed);
    QWebSocketHandshakeOptions options;
    addHandshakeOptions(options);
    m_socket->open(url(), options);
}

void ChatClient::abort()
{
    if (!m_socket)
        return;
    m_aborting = true;
    m_socket->disconnect(this);
    m_socket->abort();
    m_socket->deleteLater();
    m_socket = nullptr;
    m_state = State::Closed;
    connectionEnded();
}

void ChatClient::socketClosed()
{
    const bool wasConnecting = m_state == State::Connecting;
    const QString reason = m_socket ? m_socket->errorString() : QString();
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->deleteLater();
        m_socket = nullptr;
    }
    m_state = State::Closed;
    connectionEnded();
    if (m_aborting)
        return;
    if (wasConnecting)
        m_observer->clientFailed(this, reason);
    else
        m_observer->clientLost(this);
}

void ChatClient::send(int conversation, const Stamp &stamp)
{
    m_outbox.insert(stamp.counter, Pending{conversation, stamp});
    if (m_state == State::Ready)
        transmit(conversation, stamp);
}

void ChatClient::sendBinary(const QByteArray &bytes)
{
    if (m_socket)
        m_socket->sendBinaryMessage(bytes);
}

void ChatClient::sendText(const QString &text)
{
    if (m_socket)
        m_socket->sendTextMessage(text);
}

void ChatClient::markReady()
{
    m_state = State::Ready;
    m_observer->clientReady(this);
    // Messages queued while away, and those sent but never acknowledged, go again in order
    // with the same ids: the server must store each once.
    const auto outbox = m_outbox;
    for (const Pending &p : outbox) {
        if (m_state != State::Ready)
            break;
        transmit(p.conversation, p.stamp);
    }
}

void ChatClient::markCaughtUp()
{
    m_observer->clientCaughtUp(this);
}

void ChatClient::fail(const QString &reason)
{
    qCWarning(lcBenchClient) << "client" << m_user << "failed:" << reason;
    m_aborting = true;
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        m_socket->deleteLater();
        m_socket = nullptr;
    }
    const bool wasReady = m_state == State::Ready;
    m_state = State::Closed;
    connectionEnded();
    if (wasReady)
        m_observer->clientLost(this);
    else
        m_observer->clientFailed(this, reason);
}

void ChatClient::acknowledge(quint32 counter)
{
    const auto it = m_outbox.constFind(counter);
    if (it == m_outbox.cend())
        return; // acknowledged before (a resend's second ack)
    const Stamp stamp = it->stamp;
    m_outbox.erase(it);
    m_observer->messageAcked(this, stamp, monotonicNs());
}

void ChatClient::reject(quint32 counter, const QString &why)
{
    const auto it = m_outbox.constFind(counter);
    if (it == m_outbox.cend())
        return;
    const Stamp stamp = it->stamp;
    m_outbox.erase(it);
    m_observer->messageRejected(this, stamp, why);
}

void ChatClient::deliver(const Stamp &stamp)
{
    if (stamp.sender == quint32(m_user))
        return; // our own message reflected (MUC) or in a sync page
    m_observer->messageReceived(this, stamp, monotonicNs());
}

void ChatClient::binaryReceived(const QByteArray &) { }

void ChatClient::textReceived(const QString &) { }

} // namespace Parley::Bench
