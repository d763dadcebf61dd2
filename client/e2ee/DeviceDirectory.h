#pragma once

/// The devices of the people this device talks to, and the pairwise sessions with them.
///
/// The server says which devices a user has only through fetchKeys, and each fetch hands out
/// one one-time pre-key per device, so the list is fetched when a user is first needed (or a
/// send named a device that is gone) and otherwise learnt from the inbox: a device that sends a
/// pairwise message is recorded (DeviceInbox). Each fetched bundle is checked against the
/// identity key trusted for that device: a different key is recorded as an identity change
/// (KeyStore::changedIdentities) and no session is built with it. Lives on the GUI thread.

#include "KeyVault.h"
#include "protocol/Result.h"

#include <QtCore/QFuture>
#include <QtCore/QHash>
#include <QtCore/QList>
#include <QtCore/QObject>

namespace Parley {

class Connection;

class DeviceDirectory : public QObject
{
    Q_OBJECT

public:
    DeviceDirectory(KeyVault *vault, Connection *connection, QObject *parent = nullptr);

    /// Fetches the current devices of `userId`, records them, builds a session with each
    /// trusted device that has none, and forgets devices that are gone (devicesRemoved()).
    QFuture<Status> refresh(qint64 userId);
    /// refresh() of several users; the first error, if any.
    QFuture<Status> refresh(const QList<qint64> &userIds);
    /// refresh() of those of `userIds` never fetched.
    QFuture<Status> ensureKnown(const QList<qint64> &userIds);

    // --- on the cache thread, inside a VaultTransaction ---
    /// The known devices of these users (never this device).
    static QList<DeviceAddress> devicesOf(VaultTransaction &tx, const QList<qint64> &userIds);
    /// Records a device seen in the inbox; true when it was not known.
    static bool recordSeen(VaultTransaction &tx, const DeviceAddress &device);
    static void forget(VaultTransaction &tx, const DeviceAddress &device);

Q_SIGNALS:
    /// Devices of `userId` that the server no longer lists (revoked): they were forgotten.
    void devicesRemoved(qint64 userId, const QList<qint64> &deviceIds);
    /// The device list of `userId` was fetched and recorded.
    void refreshed(qint64 userId);
    /// A fetched bundle carried an identity key that differs from the trusted one.
    void identityChangeDetected();

private:
    KeyVault *m_vault;
    Connection *m_connection;
    QHash<qint64, QFuture<Status>> m_inFlight;
};

} // namespace Parley
