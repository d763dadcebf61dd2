#pragma once

/// A bench device speaking XMPP over WebSocket (RFC 7395) to ejabberd: SASL SCRAM-SHA-1 as
/// real clients log in, resource binding, stream management (XEP-0198) for server acks, MUC
/// (XEP-0045) for groups, 1:1 chat messages (stored offline by the server when the
/// recipient is away). One top-level element per WebSocket frame.

#include "ChatClient.h"

#include <QtCore/QList>

#include <deque>
#include <utility>

namespace Parley::Bench {

class XmppClient : public ChatClient
{
    Q_OBJECT

public:
    using ChatClient::ChatClient;

    /// Setup only: create (and unlock as persistent) the rooms this user owns, then ready.
    void setSetupMode(bool setup) { m_setup = setup; }

protected:
    void addHandshakeOptions(QWebSocketHandshakeOptions &options) const override;
    void started() override;
    void textReceived(const QString &text) override;
    void transmit(int conversation, const Stamp &stamp) override;
    void connectionEnded() override;

private:
    void openStream();
    void features(QStringView frame);
    void challenge(QStringView frame);
    void streamManagementEnabled();
    void presenceArrived(QStringView frame);
    void stanzaSent(quint32 counter = 0);
    QList<int> rooms() const;
    QString jid(int user) const;

    enum class Step { Opening, Authenticating, Binding, Enabling, Joining, Ready };
    Step m_step = Step::Opening;
    bool m_setup = false;
    bool m_authenticated = false;
    QByteArray m_clientFirstBare;
    QByteArray m_serverSignature;
    QByteArray m_saltedPassword; ///< cached per salt and iteration count, as clients do
    QByteArray m_salt;
    int m_iterations = 0;
    int m_roomsPending = 0;
    quint32 m_stanzasIn = 0;
    quint32 m_stanzasOut = 0;
    std::deque<std::pair<quint32, quint32>> m_unacked; ///< (outbound stanza number, counter)
};

} // namespace Parley::Bench
