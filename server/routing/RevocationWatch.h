#pragma once

/// Closes the live sessions of devices revoked outside this process.
///
/// `parleyd device revoke` and `parleyd user disable` are separate processes that change the
/// store while the server runs. The server learns of them by polling the store for recent
/// revocations (an indexed query on the few revoked rows), so a revoked device or a disabled
/// account is disconnected within one poll interval, not whenever it happens to reconnect.

#include <QtCore/QObject>

class QTimer;

namespace Parley {

class RouteContext;

class RevocationWatch : public QObject
{
    Q_OBJECT
public:
    RevocationWatch(RouteContext &context, int intervalMs, QObject *parent = nullptr);

    /// Starts polling; revocations from before this call are not looked at.
    void start();

private:
    void poll();

    RouteContext &m_ctx;
    QTimer *m_timer;
    qint64 m_since = 0;
    bool m_polling = false;
};

} // namespace Parley
