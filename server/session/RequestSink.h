#pragma once

/// Where sessions hand what they cannot answer themselves (everything after hello but ping).
/// Implemented by the Router; every method may be called from any I/O thread.

#include "SessionAddress.h"
#include "protocol/FrameCodec.h"

#include <QtNetwork/QHostAddress>

namespace Parley {

class RequestSink
{
public:
    virtual ~RequestSink() = default;
    virtual void sessionOpened(SessionAddress session, const QHostAddress &peer) = 0;
    virtual void frameReceived(SessionAddress session, RawFrame frame) = 0;
    virtual void sessionClosed(SessionAddress session) = 0;
};

} // namespace Parley
