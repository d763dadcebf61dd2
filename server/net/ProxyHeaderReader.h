#pragma once

/// Reads the PROXY v2 header from a new connection of a trusted proxy, before anything else
/// (TLS included) touches the descriptor: reads only the header's bytes, so what follows stays
/// in the kernel for the connection proper. Then hands the descriptor on with the client's
/// address, or closes it if the header is missing, malformed or late. Lives on the I/O thread
/// that accepted the descriptor and deletes itself when done.

#include "ProxyHeaderParser.h"
#include "SocketPoller.h"

#include <QtCore/QObject>
#include <QtCore/QPointer>

#include <functional>

namespace Parley {

class ProxyHeaderReader : public QObject, private SocketPoller::Watcher
{
    Q_OBJECT
public:
    /// Gets the descriptor (now the caller's) and the client's address.
    using Done = std::function<void(int descriptor, const QHostAddress &client)>;

    /// Takes ownership of `descriptor` (non-blocking) from `proxy`, a trusted proxy.
    ProxyHeaderReader(int descriptor, const QHostAddress &proxy, SocketPoller *poller,
                      int timeoutMs, Done done, QObject *parent = nullptr);
    ~ProxyHeaderReader() override;

    /// False if the descriptor cannot be watched (it is closed; delete the reader).
    bool start();

protected:
    void timerEvent(QTimerEvent *event) override;

private:
    void socketReady(quint32 events) override;
    /// Logs why, closes the descriptor and goes.
    void refuse(const QString &why);
    /// Closes the descriptor and goes.
    void drop();
    void release();

    int m_fd;
    QHostAddress m_proxy;
    QPointer<SocketPoller> m_poller;
    Done m_done;
    ProxyHeaderParser m_parser;
    int m_timer;
};

} // namespace Parley
