#pragma once

/// One simulated device: a WebSocket connection that logs in as one plan user, sends stamped
/// messages through an outbox (kept until the server acknowledges them, sent again after a
/// reconnect) and reports what it receives. Each peer's protocol is a subclass.
///
/// Lives on one ClientGroup's thread; never touched from another.

#include "Plan.h"
#include "Stamp.h"

#include <QtCore/QMap>
#include <QtCore/QObject>

class QWebSocket;
class QWebSocketHandshakeOptions;

namespace Parley::Bench {

class ChatClient : public QObject
{
    Q_OBJECT

public:
    /// Told about everything that happens to a client; called on the client's thread.
    class Observer
    {
    public:
        virtual ~Observer() = default;
        virtual void clientReady(ChatClient *client) = 0;
        virtual void clientFailed(ChatClient *client, const QString &reason) = 0;
        /// The connection went away without abort() (server closed it, network error).
        virtual void clientLost(ChatClient *client) = 0;
        /// The client holds everything that was stored for it while it was away.
        virtual void clientCaughtUp(ChatClient *client) = 0;
        virtual void messageAcked(ChatClient *client, const Stamp &stamp, qint64 nowNs) = 0;
        virtual void messageReceived(ChatClient *client, const Stamp &stamp, qint64 nowNs) = 0;
        /// The server answered a send with an error (rate limit, …).
        virtual void messageRejected(ChatClient *client, const Stamp &stamp,
                                     const QString &why) = 0;
    };

    enum class State { Closed, Connecting, Ready };

    ChatClient(const Plan &plan, int user, Observer *observer, QObject *parent = nullptr);
    ~ChatClient() override;

    int user() const { return m_user; }
    State state() const { return m_state; }
    bool isReady() const { return m_state == State::Ready; }
    /// How many times open() was called before.
    int opens() const { return m_opens; }
    int pending() const { return int(m_outbox.size()); }

    /// Connects, logs in, joins its conversations; then clientReady(), and later
    /// clientCaughtUp() once what was stored meanwhile has arrived.
    void open();
    /// Drops the connection at once, as a crash or a network loss would; the outbox stays.
    void abort();
    /// Queues a message for a conversation (plan index); sent now if ready, else on ready.
    void send(int conversation, const Stamp &stamp);

    static ChatClient *create(const Plan &plan, int user, Observer *observer, QObject *parent);

protected:
    virtual QUrl url() const;
    virtual void addHandshakeOptions(QWebSocketHandshakeOptions &options) const;
    /// The WebSocket is open: start the protocol's login.
    virtual void started() = 0;
    virtual void binaryReceived(const QByteArray &bytes);
    virtual void textReceived(const QString &text);
    /// Puts one outbox message on the wire.
    virtual void transmit(int conversation, const Stamp &stamp) = 0;
    /// Called when the socket is gone, so the protocol can reset its per-connection state.
    virtual void connectionEnded() { }

    void sendBinary(const QByteArray &bytes);
    void sendText(const QString &text);
    /// Login and joins done: flushes the outbox.
    void markReady();
    void markCaughtUp();
    void fail(const QString &reason);
    /// The server stored / accepted the message with this counter.
    void acknowledge(quint32 counter);
    void reject(quint32 counter, const QString &why);
    void deliver(const Stamp &stamp);

    const Plan &m_plan;
    const int m_user;

private:
    void socketClosed();

    struct Pending
    {
        int conversation;
        Stamp stamp;
    };

    Observer *m_observer;
    QWebSocket *m_socket = nullptr;
    State m_state = State::Closed;
    int m_opens = 0;
    bool m_aborting = false;
    QMap<quint32, Pending> m_outbox; ///< by counter: resent in order
};

} // namespace Parley::Bench
