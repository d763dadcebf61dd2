#pragma once

/// Which sessions are open and, once authenticated, which user and device each one is; the
/// router's view of who is online. Router thread only.

#include "session/SessionAddress.h"

#include <QtCore/QHash>
#include <QtCore/QList>
#include <QtNetwork/QHostAddress>

namespace Parley {

struct SessionInfo
{
    SessionAddress address;
    QHostAddress peer;
    qint64 userId = 0; ///< 0 until authenticated
    qint64 deviceId = 0; ///< 0 until authenticated
};

class SessionRegistry
{
public:
    void open(SessionAddress address, const QHostAddress &peer);
    /// Forgets the session; returns what it was (userId 0 if it never authenticated).
    SessionInfo close(SessionAddress address);
    const SessionInfo *find(SessionAddress address) const;
    void authenticate(SessionAddress address, qint64 userId, qint64 deviceId);

    QList<SessionAddress> ofUser(qint64 userId) const;
    QList<SessionAddress> ofDevice(qint64 deviceId) const;
    /// Appends the sessions of every user listed, leaving out `except`.
    void collect(const QList<qint64> &userIds, SessionAddress except,
                 QList<SessionAddress> &out) const;
    bool isOnline(qint64 userId) const { return m_byUser.contains(userId); }
    int onlineDevices(qint64 userId) const;

private:
    QHash<SessionAddress, SessionInfo> m_sessions;
    QMultiHash<qint64, SessionAddress> m_byUser;
    QMultiHash<qint64, SessionAddress> m_byDevice;
};

} // namespace Parley
