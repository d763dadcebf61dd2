#pragma once

/// The conversation log as clients use it: send (store, then ack, then push), history pages,
/// sync after being away, and receipts. Router thread only.

#include "RouteContext.h"

namespace Parley {

class MessageLog
{
public:
    /// At most this many messages in one synced reply, over all conversations.
    static constexpr int MaxSyncMessages = 2000;

    explicit MessageLog(RouteContext &context) : m_ctx(context) { }

    void send(const Request &r, const SendFrame &f);
    void history(const Request &r, const HistoryFrame &f);
    void sync(const Request &r, const SyncFrame &f);
    /// `refreshed`: the conversation's last seq was just read from the store.
    void receipt(const Request &r, const ReceiptFrame &f, bool refreshed = false);

private:
    void syncFromDirectory(const Request &r, const SyncFrame &f);
    /// The conversation if the requester is a member; otherwise replies the error and null.
    const Conversation *memberOf(const Request &r, qint64 conversationId);

    RouteContext &m_ctx;
};

} // namespace Parley
