#pragma once

/// A bench device speaking Socket.IO 4's WebSocket wire format without its client library
/// (Engine.IO 4 packets: "0" open, "2"/"3" ping/pong, "40" connect, "42" event, "43" ack).

#include "ChatClient.h"

namespace Parley::Bench {

class SocketIoClient : public ChatClient
{
    Q_OBJECT

public:
    using ChatClient::ChatClient;

protected:
    QUrl url() const override;
    void started() override;
    void textReceived(const QString &text) override;
    void transmit(int conversation, const Stamp &stamp) override;
};

} // namespace Parley::Bench
