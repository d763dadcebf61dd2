#pragma once

/// Everything parleyd can be configured with: one INI file (--config), each key also a
/// command-line option of the same name (docs/server.md lists them).

#include "net/Transport.h"
#include "protocol/Result.h"
#include "store/DatabaseUrl.h"

#include <QtCore/QString>
#include <QtCore/QStringList>

namespace Parley {

struct ServerConfig
{
    // Where and how to listen.
    QString listenHost = QStringLiteral("127.0.0.1");
    quint16 listenPort = 7443;
    QString tlsCert; ///< PEM file; empty: a self-signed one in the data dir
    QString tlsKey;
    bool plain = false; ///< ws:// behind a TLS-terminating proxy only
    int workers = 0; ///< I/O threads; 0: one per core
    Transport transport = Transport::Native; ///< native (lean, the default) or qt
    /// Proxies (ADDR or ADDR/PREFIX) whose PROXY header or X-Forwarded-For names the client.
    QStringList trustedProxies;
    /// Connections from a trusted proxy must start with a PROXY v2 header (native only).
    bool proxyProtocol = false;

    /// The admin listener (/metrics, /healthz); empty host: none.
    QString adminListenHost = QStringLiteral("127.0.0.1");
    quint16 adminListenPort = 9464;

    QtMsgType logLevel = QtInfoMsg; ///< the least severe messages logged

    // Storage.
    QString dataDir; ///< empty: the standard application data folder
    QString database; ///< empty: SQLite in the data dir; or postgresql://user:pass@host:port/db
    QString redis; ///< redis://host:port[/db]: cluster mode (PostgreSQL only); empty: one node

    // Accounts.
    bool registrationOpen = true;
    int maxDevicesPerUser = 20;
    int loginFailuresAllowed = 5; ///< failures per username+address before slow_down
    int loginBackoffSeconds = 1; ///< the first wait after those, doubling per further failure

    // Connections and limits.
    int heartbeatSeconds = 30; ///< told to clients; silent for twice this: dropped
    int authTimeoutSeconds = 10; ///< hello and authentication must be done by then
    int rateLimitPerSecond = 50; ///< token bucket refill per connection
    int rateLimitBurst = 100; ///< token bucket size
    qint64 maxQueuedBytes = 4 * 1024 * 1024; ///< unsent bytes before a slow reader is dropped
    int handshakeTimeoutSeconds = 10;
    int maxPendingHandshakes = 1024; ///< TLS handshakes in flight, whole server
    int maxPendingHandshakesPerAddress = 64; ///< TLS handshakes in flight per peer address

    // Messaging.
    int presenceDelayMs = 500; ///< presence changes are coalesced this long
    int typingExpirySeconds = 6; ///< documented client-side expiry of a typing signal
    int maxInboxItems = 10000; ///< waiting items per device
    int keysLowThreshold = 20; ///< keysLow is pushed below this many one-time pre-keys
    int keyFetchesPerMinute = 600; ///< fetchKeys per asking user (token bucket, burst the same)
    int preKeyHandoutsPerMinute = 60; ///< fetches per target user that take one-time pre-keys
    int reportsPerHour = 10; ///< abuse reports one user may file in any hour
    /// Content entries older than this many days are deleted by the expiry sweep; 0: kept.
    int maxRetentionDays = 0;
    /// Accept the 5-second disappearing-message timer (tests only) and sweep every second.
    bool allowTestTimers = false;

    // Attachments.
    qint64 maxAttachmentBytes = 100 * 1024 * 1024; ///< declared size of one upload
    int maxPendingUploads = 10; ///< unfinished uploads per user
    int uploadExpirySeconds =
            24 * 3600; ///< an unfinished upload is deleted this long after it started
    int uploadsPerMinute = 30; ///< uploadStart per user (token bucket, burst of the same size)
    qint64 attachmentQuotaBytes = qint64(10) << 30; ///< stored and pending attachments per user
    int attachmentRetentionSeconds = 0; ///< finished attachments are deleted after; 0: kept

    /// The data folder, resolved (the default when dataDir is empty).
    QString resolvedDataDir() const;
    bool usesPostgres() const { return !database.isEmpty(); }
    int resolvedWorkers() const;
    /// The --database URL, or SQLite at <data dir>/parley.db.
    Result<DatabaseUrl> resolvedDatabase() const;
};

} // namespace Parley
