#include "SessionRegistry.h"

#include <QtCore/QSet>

namespace Parley {

void SessionRegistry::open(SessionAddress address, const QHostAddress &peer)
{
    m_sessions.insert(address, SessionInfo{address, peer, 0, 0});
}

SessionInfo SessionRegistry::close(SessionAddress address)
{
    const SessionInfo info = m_sessions.take(address);
    if (info.userId) {
        m_byUser.remove(info.userId, address);
        m_byDevice.remove(info.deviceId, address);
    }
    return info;
}

const SessionInfo *SessionRegistry::find(SessionAddress address) const
{
    auto it = m_sessions.constFind(address);
    return it == m_sessions.cend() ? nullptr : &*it;
}

void SessionRegistry::authenticate(SessionAddress address, qint64 userId, qint64 deviceId)
{
    auto it = m_sessions.find(address);
    if (it == m_sessions.end() || it->userId)
        return;
    it->userId = userId;
    it->deviceId = deviceId;
    m_byUser.insert(userId, address);
    m_byDevice.insert(deviceId, address);
}

QList<SessionAddress> SessionRegistry::ofUser(qint64 userId) const
{
    return m_byUser.values(userId);
}

QList<SessionAddress> SessionRegistry::ofDevice(qint64 deviceId) const
{
    return m_byDevice.values(deviceId);
}

void SessionRegistry::collect(const QList<qint64> &userIds, SessionAddress except,
                              QList<SessionAddress> &out) const
{
    for (qint64 user : userIds) {
        for (auto it = m_byUser.constFind(user); it != m_byUser.cend() && it.key() == user; ++it) {
            if (*it != except)
                out.append(*it);
        }
    }
}

int SessionRegistry::onlineDevices(qint64 userId) const
{
    QSet<qint64> devices;
    for (auto it = m_byUser.constFind(userId); it != m_byUser.cend() && it.key() == userId; ++it)
        devices.insert(m_sessions.value(*it).deviceId);
    return int(devices.size());
}

} // namespace Parley
