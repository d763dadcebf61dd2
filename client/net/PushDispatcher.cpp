#include "PushDispatcher.h"

#include "Connection.h"
#include "Logging.h"

namespace Parley {

PushDispatcher::PushDispatcher(Connection *connection, QObject *parent) : QObject(parent)
{
    connect(connection, &Connection::pushReceived, this, &PushDispatcher::dispatch);
}

void PushDispatcher::add(FrameType type, QObject *owner,
                         std::function<bool(const RawFrame &)> deliver)
{
    const auto existing = m_routes.constFind(type);
    if (existing != m_routes.cend() && existing->owner) {
        Q_ASSERT_X(false, "PushDispatcher::route", "a push kind has one owner");
        qCWarning(lcClientNet) << "second owner for push" << frameTypeName(type) << "ignored";
        return;
    }
    m_routes.insert(type, Route{owner, std::move(deliver)});
}

void PushDispatcher::dispatch(const RawFrame &frame)
{
    const auto it = m_routes.constFind(frame.type);
    if (it == m_routes.cend() || !it->owner) {
        qCDebug(lcClientNet) << "ignoring push" << frameTypeName(frame.type);
        return;
    }
    if (!it->deliver(frame))
        qCWarning(lcClientNet) << "unreadable push" << frameTypeName(frame.type);
}

} // namespace Parley
