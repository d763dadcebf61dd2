#pragma once

/// Accepts TCP connections (listen backlog 4096), sets TCP_NODELAY on each before any
/// handshake, and hands the descriptor on; the I/O threads do everything else.

#include <QtNetwork/QTcpServer>

#include <functional>

namespace Parley {

class Listener : public QTcpServer
{
    Q_OBJECT
public:
    static constexpr int Backlog = 4096;

    explicit Listener(std::function<void(qintptr)> handOff, QObject *parent = nullptr);

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    std::function<void(qintptr)> m_handOff;
};

} // namespace Parley
