#pragma once

/// The native transport behind the ClientConnection seam: a SocketStream (accepted descriptor,
/// plain or TLS from the shared TlsContext), the HTTP head (probes answered, WebSocket
/// upgrade), then RFC 6455 frames. Binary messages are frames; text messages are rejected; a
/// peer that lets more than the configured bytes queue up is dropped. The handshakes (TLS and
/// HTTP) must end within a deadline; a close waits a short while for the peer's.

#include "ClientConnection.h"
#include "SocketStream.h"
#include "WebSocketFrameParser.h"

#include <functional>
#include <memory>

namespace Parley {

class HttpUpgrade;
class TrustedProxies;

class StreamConnection : public ClientConnection, private SocketStream::Receiver
{
    Q_OBJECT
public:
    struct Options
    {
        qint64 maxQueuedBytes; ///< the most output that may wait unsent
        qsizetype maxMessageBytes; ///< the largest WebSocket message accepted
        int handshakeTimeoutMs; ///< TLS handshake and HTTP head together
        /// Whose X-Forwarded-For is believed; null or empty: nobody's.
        std::shared_ptr<const TrustedProxies> trustedProxies;
    };
    /// The answer to an HTTP probe (/healthz, /metrics): a whole HTTP response.
    using ProbeAnswer = std::function<QByteArray(const QByteArray &path)>;

    /// Takes ownership of `descriptor`; `tls` null: plain; `poller`: the I/O thread's. `peer`:
    /// the TCP peer, or the client a trusted proxy's PROXY header named. Call start() next.
    StreamConnection(int descriptor, const QHostAddress &peer, const TlsContext *tls,
                     SocketPoller *poller, const Options &options, ProbeAnswer probeAnswer,
                     QObject *parent = nullptr);
    ~StreamConnection() override;

    /// False if the socket cannot be used (the connection is closed, no signal follows).
    bool start();
    /// The WebSocket upgrade is done: frames flow, a Session may take this connection.
    bool isUpgraded() const { return m_upgraded; }

    void send(const QByteArray &frame) override;
    void close(CloseReason reason) override;
    /// The client's address: `peer`, or after the upgrade what a trusted proxy's
    /// X-Forwarded-For says (TrustedProxies::clientAddress).
    QHostAddress peerAddress() const override;

Q_SIGNALS:
    /// TLS only: the TLS handshake is over (before any HTTP).
    void encrypted();
    /// The WebSocket upgrade succeeded; frameReceived() may follow right after.
    void upgraded();

protected:
    void timerEvent(QTimerEvent *event) override;

private:
    enum class Phase { Handshake, Open, Closing, Closed };

    void streamEncrypted() override;
    void streamReceived(const char *data, qsizetype size) override;
    void streamClosed() override;
    void readHead(const char *data, qsizetype size);
    void readFrames(const char *data, qsizetype size);
    void sendFrame(WebSocketOpcode opcode, const QByteArray &payload);
    /// Sends a close frame (unless empty), then shuts the stream down and waits for the peer.
    void closeWith(const QByteArray &closeFrame);
    void finish();

    SocketStream m_stream;
    std::unique_ptr<HttpUpgrade> m_upgrade; ///< until the upgrade
    WebSocketFrameParser m_parser;
    ProbeAnswer m_probeAnswer;
    QHostAddress m_peer;
    std::shared_ptr<const TrustedProxies> m_trustedProxies;
    qint64 m_maxQueuedBytes;
    int m_timer = 0; ///< handshake deadline, then the close's
    Phase m_phase = Phase::Handshake;
    bool m_upgraded = false;
};

} // namespace Parley
