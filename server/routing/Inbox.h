#pragma once

/// The device inbox: items addressed to single devices (sender keys, device-to-device
/// control) wait until that device acknowledges them. Router thread only.

#include "RouteContext.h"

namespace Parley {

class Inbox
{
public:
    explicit Inbox(RouteContext &context) : m_ctx(context) { }

    void send(const Request &r, const InboxSendFrame &f);
    void fetch(const Request &r, const InboxFetchFrame &f);
    void ack(const Request &r, const InboxAckFrame &f);

private:
    RouteContext &m_ctx;
};

} // namespace Parley
