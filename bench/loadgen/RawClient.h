#pragma once

/// A bench device for the raw Qt broadcast peer (bench/peers/rawqt): joins its rooms with one
/// text frame, then sends binary 'M' frames that the peer copies to the room's other members
/// and acknowledges with an 'A' frame. No storage, no auth: the Qt ceiling.

#include "ChatClient.h"

namespace Parley::Bench {

class RawClient : public ChatClient
{
    Q_OBJECT

public:
    using ChatClient::ChatClient;

protected:
    void started() override;
    void textReceived(const QString &text) override;
    void binaryReceived(const QByteArray &bytes) override;
    void transmit(int conversation, const Stamp &stamp) override;
};

} // namespace Parley::Bench
