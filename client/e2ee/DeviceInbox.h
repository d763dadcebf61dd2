#pragma once

/// Reads this device's inbox: pairwise messages from other devices (sender keys, requests for
/// them, device revocations), each decrypted and applied in one transaction that commits before
/// the item is acknowledged (docs/protocol.md, 6.6).
///
/// An item from a device whose identity key changed is kept locally (e2ee_held_inbox), and
/// acknowledged on the server, until the user acknowledges the change (releaseHeld()). Items
/// that cannot be decrypted (damaged, a duplicate, a session this device lost) are dropped; a
/// sender key lost that way is asked for again when a message needs it (PendingDecryptions).
/// Lives on the GUI thread.

#include "KeyVault.h"
#include "SerialQueue_p.h"
#include "model/Keys.h"

#include <QtCore/QHash>
#include <QtCore/QObject>
#include <QtCore/QSet>

namespace Parley {

class Connection;
struct InboxOutcome;

/// A sender key that arrived: `sender`'s key of a conversation.
struct ReceivedSenderKey
{
    qint64 conversationId = 0;
    DeviceAddress sender;
    friend bool operator==(const ReceivedSenderKey &, const ReceivedSenderKey &) = default;
};

class DeviceInbox : public QObject
{
    Q_OBJECT

public:
    DeviceInbox(KeyVault *vault, Connection *connection, QObject *parent = nullptr);
    ~DeviceInbox() override;

    /// Fetches and processes everything waiting in the inbox; the future finishes when the
    /// items that were there when it started are processed. Calls while one waits to start
    /// share it.
    QFuture<void> fetch();
    /// An `inbox` push.
    void receive(const InboxItem &item);
    /// Processes again the items held from `userId`'s devices (after an identity change was
    /// acknowledged).
    void releaseHeld(qint64 userId);
    void reset();

Q_SIGNALS:
    void senderKeysReceived(const QList<Parley::ReceivedSenderKey> &keys);
    /// `from` asks for this device's sender key of these conversations.
    void keysRequested(const Parley::DeviceAddress &from, const QList<qint64> &conversationIds);
    /// `userId` says these devices of theirs were revoked (they were forgotten here).
    void devicesRevoked(qint64 userId, const QList<qint64> &deviceIds);
    /// Devices that wrote to this one for the first time (recorded in the device list).
    void devicesDiscovered(const QList<Parley::DeviceAddress> &devices);
    /// A device presented an identity key that differs from the trusted one.
    void identityChangeDetected();

private:
    QFuture<void> fetchPages();
    QFuture<void> process(const QList<InboxItem> &items);
    void report(const InboxOutcome &outcome);

    KeyVault *m_vault;
    Connection *m_connection;
    SerialQueue m_queue;
    bool m_fetchQueued = false;
    QFuture<void> m_queuedFetch;
    QSet<qint64> m_processed; ///< item ids committed in this session (a push and a fetch overlap)
    quint64 m_generation = 0;
};

} // namespace Parley
