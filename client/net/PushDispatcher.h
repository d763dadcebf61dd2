#pragma once

/// Hands each frame the server pushes to the one part that owns its kind.
///
/// Connection delivers pushes (frames without a request id) here and nowhere else; the parts
/// that own a kind register for it once: SyncEngine (message, receipt, typing, presence,
/// conversationInfo), BlockList (blockList), EndToEndEncryption (inboxPushed, keysLow). The
/// dispatcher reads the typed frame, so an unreadable push is logged in one place and no
/// owner sees it. A kind nobody owns is logged and dropped. Lives on the GUI thread.

#include "protocol/FrameCodec.h"
#include "protocol/FrameType.h"

#include <QtCore/QHash>
#include <QtCore/QObject>
#include <QtCore/QPointer>

#include <functional>

namespace Parley {

class Connection;

class PushDispatcher : public QObject
{
    Q_OBJECT

public:
    explicit PushDispatcher(Connection *connection, QObject *parent = nullptr);

    /// From now on every readable push of `Frame::Type` goes to `owner`'s `handler`, for as
    /// long as `owner` lives. One owner per kind: registering a kind twice is a programming
    /// error (asserted; the later owner is ignored in release builds).
    template<typename Frame, typename Owner>
    void route(Owner *owner, void (Owner::*handler)(const Frame &))
    {
        add(Frame::Type, owner, [owner, handler](const RawFrame &raw) {
            auto frame = FrameCodec::read<Frame>(raw);
            if (!frame)
                return false;
            (owner->*handler)(*frame);
            return true;
        });
    }

    /// Delivers one push to its owner (Connection::pushReceived; tests call it directly).
    void dispatch(const RawFrame &frame);

private:
    struct Route
    {
        QPointer<QObject> owner;
        std::function<bool(const RawFrame &)> deliver; ///< false: the frame was unreadable
    };

    void add(FrameType type, QObject *owner, std::function<bool(const RawFrame &)> deliver);

    QHash<FrameType, Route> m_routes;
};

} // namespace Parley
