#pragma once

/// Relays every TCP connection it accepts (on 127.0.0.1, a free port) to a target, opening the
/// outgoing connection from a chosen local address such as 127.0.0.2. A QWebSocket cannot bind
/// its socket; through a relay a test client reaches HAProxy or parleyd from an address of its
/// own, as a client on another machine would. Bytes pass unchanged (TLS included), both ways,
/// and a close on one side closes the other.

#include <QtCore/QObject>
#include <QtCore/QUrl>
#include <QtNetwork/QHostAddress>
#include <QtNetwork/QTcpServer>

namespace Parley {

class TcpRelay : public QObject
{
    Q_OBJECT
public:
    /// Connections go to `targetHost`:`targetPort` from `source`.
    TcpRelay(const QHostAddress &source, const QHostAddress &targetHost, quint16 targetPort,
             QObject *parent = nullptr);

    bool listen();
    quint16 port() const { return m_server.serverPort(); }
    /// wss://127.0.0.1:PORT: where a client connects to be relayed.
    QUrl url() const;
    /// Connections relayed so far (both legs opened).
    int relayed() const { return m_relayed; }

private:
    void accept();

    QTcpServer m_server;
    QHostAddress m_source;
    QHostAddress m_targetHost;
    quint16 m_targetPort;
    int m_relayed = 0;
};

} // namespace Parley
