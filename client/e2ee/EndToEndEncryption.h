#pragma once

/// End-to-end encryption for one Client: the device's key vault and the pieces that publish,
/// distribute and receive keys, wired to the connection and the sync engine.
///
/// Client makes one and attaches it to its SenderKeyContentCipher; start() after login (or a
/// restored login), stop() at logout. It owns the `inboxPushed` and `keysLow` pushes
/// (PushDispatcher hands them over) and follows the sync engine's signals: membership entries (distribute, rotating when someone left), stored entries (pending
/// decryptions), and the first sync (distribute everywhere). It also makes the objects the UI
/// binds to: ConversationSecurity per conversation and ContactSafetyNumber per contact, and
/// watches the contacts' keys (ContactTrust) to keep the verified marks honest and to say in
/// their conversations when their keys changed (SecurityNotices).
/// Lives on the GUI thread; see docs/security.md.

#include "KeyVault.h"
#include "protocol/Result.h"
#include "store/StoreTypes.h"

#include <QtCore/QHash>
#include <QtCore/QObject>
#include <QtCore/QPointer>
#include <QtCore/QPromise>

namespace Parley {

class Connection;
class ContactSafetyNumber;
class ContactTrust;
class ConversationSecurity;
class DeviceDirectory;
class DeviceInbox;
class DeviceKeyPublisher;
class KeyChangeList;
class MessageStore;
class PendingDecryptions;
class PushDispatcher;
class SecurityNotices;
class SenderKeyDistributor;
class SyncEngine;
class ProfileSecrets;
struct InboxPushedFrame;
struct KeysLowFrame;

class EndToEndEncryption : public QObject
{
    Q_OBJECT

public:
    EndToEndEncryption(MessageStore *store, Connection *connection, PushDispatcher *pushes,
                       ProfileSecrets *secrets, SyncEngine *sync, QObject *parent = nullptr);
    ~EndToEndEncryption() override;

    /// Opens (or sets up) the keys of this device; ready or errorOccurred() follows.
    void start(qint64 userId, qint64 deviceId);
    /// Stops; `forget` also deletes this device's keys and the keychain entry (logout).
    void stop(bool forget);

    bool isReady() const;
    /// Why encryption is not working, for the user (empty while it works).
    QString errorString() const;
    /// true once the keys are open, false if they cannot be.
    QFuture<bool> whenReady();
    /// Finishes when no member of the conversation has an unacknowledged identity change.
    QFuture<void> whenSendingAllowed(qint64 conversationId);

    /// The objects the UI binds to; owned by this object, one per conversation / contact.
    ConversationSecurity *security(qint64 conversationId);
    ContactSafetyNumber *safetyNumber(qint64 userId);
    /// The user compared safety numbers (or accepts the risk): trust `userId`'s new keys.
    QFuture<Status> acknowledgeKeyChange(qint64 userId);
    /// This user revoked another of their devices: tell everyone, rotate the keys.
    void deviceRevoked(qint64 deviceId);

    KeyVault *vault() const { return m_vault; }
    DeviceDirectory *directory() const { return m_directory; }
    SenderKeyDistributor *distributor() const { return m_distributor; }
    DeviceInbox *inbox() const { return m_inbox; }
    PendingDecryptions *pending() const { return m_pending; }
    KeyChangeList *keyChanges() const { return m_keyChanges; }
    ContactTrust *trust() const { return m_trust; }
    SecurityNotices *notices() const { return m_notices; }
    DeviceKeyPublisher *publisher() const { return m_publisher; }

Q_SIGNALS:
    /// The keys are open (or could not be: errorOccurred() came first).
    void readyChanged();
    void errorOccurred(const Parley::Error &error);
    /// Entries already shown got their content (a key arrived) or an explanation.
    void messagesUpdated(qint64 conversationId, const QList<Parley::StoredMessage> &messages);

private:
    void onVaultState(KeyVault::State state);
    void onInboxPushed(const InboxPushedFrame &pushed);
    void onKeysLow(const KeysLowFrame &low);
    void updateEnabled();
    void updateSecurity(qint64 conversationId);
    void computeSafetyNumber(qint64 userId, bool refetch);
    void releaseWaiters(bool ready);

    MessageStore *m_store;
    Connection *m_connection;
    KeyVault *m_vault;
    DeviceDirectory *m_directory;
    DeviceKeyPublisher *m_publisher;
    DeviceInbox *m_inbox;
    SenderKeyDistributor *m_distributor;
    PendingDecryptions *m_pending;
    KeyChangeList *m_keyChanges;
    ContactTrust *m_trust;
    SecurityNotices *m_notices;
    QHash<qint64, QPointer<ConversationSecurity>> m_security;
    QHash<qint64, QPointer<ContactSafetyNumber>> m_safetyNumbers;
    QList<std::shared_ptr<QPromise<bool>>> m_readyWaiters;
    qint64 m_userId = 0;
    qint64 m_deviceId = 0;
};

} // namespace Parley
