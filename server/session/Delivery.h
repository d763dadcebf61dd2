#pragma once

/// How routing reaches sessions on the I/O threads: by address, with bytes already encoded.
/// Implemented by the I/O thread pool; every method may be called from any thread, and bytes for
/// a session that has gone are dropped.

#include "SessionAddress.h"

#include <QtCore/QByteArray>
#include <QtCore/QList>

namespace Parley {

class Delivery
{
public:
    virtual ~Delivery() = default;
    virtual void send(SessionAddress to, const QByteArray &frame) = 0;
    /// The same bytes to every address (a push, encoded once).
    virtual void send(const QList<SessionAddress> &to, const QByteArray &frame) = 0;
    /// The session is now this device: sends `frame` (authenticated) and lets requests through.
    virtual void authenticated(SessionAddress to, qint64 userId, qint64 deviceId,
                               const QByteArray &frame) = 0;
    /// An authentication attempt failed: sends `frame` (the error) and accepts another attempt.
    virtual void authenticationFailed(SessionAddress to, const QByteArray &frame) = 0;
    /// Sends `lastFrame` (if not empty) and closes the session.
    virtual void close(SessionAddress to, const QByteArray &lastFrame) = 0;
};

} // namespace Parley
