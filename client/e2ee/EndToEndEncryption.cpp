#include "EndToEndEncryption.h"

#include "ContactSafetyNumber.h"
#include "ContactTrust.h"
#include "ConversationSecurity.h"
#include "DeviceDirectory.h"
#include "DeviceInbox.h"
#include "DeviceKeyPublisher.h"
#include "KeyChangeList.h"
#include "Logging.h"
#include "PendingDecryptions.h"
#include "SecurityNotices.h"
#include "SenderKeyDistributor.h"
#include "crypto/DeviceIdentity.h"
#include "crypto/SafetyNumber.h"
#include "net/Connection.h"
#include "net/PushDispatcher.h"
#include "store/MessageStore.h"
#include "sync/SyncEngine.h"

#include <QtCore/QSet>

namespace Parley {

using namespace Qt::StringLiterals;

namespace {

struct NumberResult
{
    QString digits;
    QByteArray scannable;
    int remoteDevices = 0;
    QString error;
};

} // namespace

EndToEndEncryption::EndToEndEncryption(MessageStore *store, Connection *connection,
                                       PushDispatcher *pushes, ProfileSecrets *secrets,
                                       SyncEngine *sync, QObject *parent)
    : QObject(parent),
      m_store(store),
      m_connection(connection),
      m_vault(new KeyVault(store, secrets, this)),
      m_directory(new DeviceDirectory(m_vault, connection, this)),
      m_publisher(new DeviceKeyPublisher(m_vault, connection, this)),
      m_inbox(new DeviceInbox(m_vault, connection, this)),
      m_distributor(new SenderKeyDistributor(m_vault, connection, store, m_directory, this)),
      m_pending(new PendingDecryptions(m_vault, this)),
      m_keyChanges(new KeyChangeList(m_vault, this)),
      m_trust(new ContactTrust(m_vault, this)),
      m_notices(new SecurityNotices(m_vault, this))
{
    connect(m_vault, &KeyVault::stateChanged, this, &EndToEndEncryption::onVaultState);

    // The connection: publish and read the inbox whenever it (re)connects.
    connect(m_connection, &Connection::authenticated, this, [this] {
        if (!m_vault->isReady())
            return;
        m_publisher->publish();
        m_inbox->fetch();
    });
    connect(m_connection, &Connection::stateChanged, this, &EndToEndEncryption::updateEnabled);
    connect(m_publisher, &DeviceKeyPublisher::published, this, &EndToEndEncryption::updateEnabled);

    pushes->route(this, &EndToEndEncryption::onInboxPushed);
    pushes->route(this, &EndToEndEncryption::onKeysLow);

    // The sync engine.
    connect(sync, &SyncEngine::synced, this, [this] {
        if (m_vault->isReady())
            m_distributor->distributeAll();
    });
    connect(sync, &SyncEngine::messagesStored, this,
            [this](qint64 conversationId, const QList<StoredMessage> &messages) {
                m_pending->onStored(conversationId, messages);
                const bool membership =
                        std::any_of(messages.cbegin(), messages.cend(), [](const StoredMessage &m) {
                            return m.kind == MessageKind::Membership;
                        });
                if (membership && m_vault->isReady()) {
                    // Someone joined (they get the key) or left (the key rotates).
                    m_distributor->distribute(conversationId);
                    updateSecurity(conversationId);
                }
            });
    connect(sync, &SyncEngine::olderMessagesStored, this,
            [this](qint64 conversationId, const QList<StoredMessage> &messages, bool) {
                m_pending->onStored(conversationId, messages);
            });
    connect(sync, &SyncEngine::conversationChanged, this, [this](qint64 conversationId) {
        if (m_security.contains(conversationId))
            updateSecurity(conversationId);
    });

    // Keys and devices.
    connect(m_inbox, &DeviceInbox::senderKeysReceived, m_pending, &PendingDecryptions::retry);
    connect(m_inbox, &DeviceInbox::keysRequested, m_distributor,
            &SenderKeyDistributor::answerRequest);
    connect(m_inbox, &DeviceInbox::devicesDiscovered, this,
            [this](const QList<DeviceAddress> &devices) {
                QSet<qint64> users;
                for (const DeviceAddress &d : devices)
                    users.insert(d.userId);
                for (qint64 user : std::as_const(users))
                    m_distributor->distributeWhereMember(user);
            });
    connect(m_inbox, &DeviceInbox::devicesRevoked, this,
            [this](qint64 userId) { m_distributor->distributeWhereMember(userId); });
    connect(m_directory, &DeviceDirectory::devicesRemoved, this,
            [this](qint64 userId) { m_distributor->distributeWhereMember(userId); });
    connect(m_inbox, &DeviceInbox::identityChangeDetected, m_keyChanges, &KeyChangeList::refresh);
    connect(m_directory, &DeviceDirectory::identityChangeDetected, m_keyChanges,
            &KeyChangeList::refresh);
    connect(m_pending, &PendingDecryptions::messagesUpdated, this,
            &EndToEndEncryption::messagesUpdated);
    connect(m_pending, &PendingDecryptions::keyMissing, this,
            [this](qint64 conversationId, const DeviceAddress &sender) {
                m_distributor->requestKey(sender, conversationId);
            });

    // Identity changes.
    connect(m_keyChanges, &KeyChangeList::changed, this, [this] {
        for (auto it = m_security.cbegin(); it != m_security.cend(); ++it) {
            if (it.value())
                updateSecurity(it.key());
        }
        for (auto it = m_safetyNumbers.cbegin(); it != m_safetyNumbers.cend(); ++it) {
            if (it.value())
                it.value()->setKeyChanged(m_keyChanges->hasChange(it.key()));
        }
    });

    // The contacts' keys: a new, replaced or gone device clears the verified mark and says so
    // in the conversations with them.
    connect(m_inbox, &DeviceInbox::devicesDiscovered, this,
            [this](const QList<DeviceAddress> &devices) {
                QList<qint64> users;
                for (const DeviceAddress &d : devices)
                    users.append(d.userId);
                m_trust->check(users);
            });
    connect(m_inbox, &DeviceInbox::devicesRevoked, this,
            [this](qint64 userId) { m_trust->check({userId}); });
    connect(m_directory, &DeviceDirectory::refreshed, this,
            [this](qint64 userId) { m_trust->check({userId}); });
    connect(m_keyChanges, &KeyChangeList::changed, this,
            [this] { m_trust->check(m_keyChanges->users()); });
    connect(m_trust, &ContactTrust::keysChanged, m_notices, &SecurityNotices::add);
    connect(m_trust, &ContactTrust::keysChanged, this, [this](qint64 userId) {
        if (m_safetyNumbers.value(userId))
            computeSafetyNumber(userId, false); // it covers the new set of devices
    });
    connect(m_trust, &ContactTrust::verifiedChanged, this, [this](qint64 userId) {
        if (const auto number = m_safetyNumbers.value(userId))
            number->setVerifiedMark(m_trust->isVerified(userId));
        for (auto it = m_security.cbegin(); it != m_security.cend(); ++it) {
            if (it.value())
                updateSecurity(it.key());
        }
    });
    connect(m_keyChanges, &KeyChangeList::acknowledged, this, [this](qint64 userId) {
        m_inbox->releaseHeld(userId);
        m_distributor->distributeWhereMember(userId);
        if (m_safetyNumbers.value(userId))
            computeSafetyNumber(userId, true);
    });
}

EndToEndEncryption::~EndToEndEncryption() = default;

void EndToEndEncryption::start(qint64 userId, qint64 deviceId)
{
    if (userId == m_userId && deviceId == m_deviceId && m_vault->state() != KeyVault::State::Closed)
        return;
    m_userId = userId;
    m_deviceId = deviceId;
    m_vault->open(userId, deviceId);
}

void EndToEndEncryption::stop(bool forget)
{
    m_userId = 0;
    m_deviceId = 0;
    m_publisher->reset();
    m_inbox->reset();
    m_distributor->reset();
    m_keyChanges->reset();
    m_trust->reset();
    m_notices->reset();
    releaseWaiters(false);
    if (forget)
        m_vault->wipe();
    for (const auto &number : std::as_const(m_safetyNumbers)) {
        if (number)
            number->deleteLater();
    }
    m_safetyNumbers.clear();
    for (const auto &security : std::as_const(m_security)) {
        if (security)
            security->setChangedMembers({}, {});
    }
}

bool EndToEndEncryption::isReady() const
{
    return m_vault->isReady();
}

QString EndToEndEncryption::errorString() const
{
    return m_vault->errorString();
}

void EndToEndEncryption::onVaultState(KeyVault::State state)
{
    switch (state) {
    case KeyVault::State::Ready:
        releaseWaiters(true);
        m_keyChanges->refresh();
        m_trust->load();
        m_notices->load();
        m_pending->retryAll();
        if (m_connection->isReady()) {
            m_publisher->publish();
            m_inbox->fetch();
        }
        Q_EMIT readyChanged();
        break;
    case KeyVault::State::Failed:
        releaseWaiters(false);
        Q_EMIT errorOccurred(Error{ErrorCode::Unavailable, m_vault->errorString()});
        Q_EMIT readyChanged();
        break;
    case KeyVault::State::Closed:
    case KeyVault::State::Opening:
        break;
    }
    updateEnabled();
}

void EndToEndEncryption::updateEnabled()
{
    m_distributor->setEnabled(m_vault->isReady() && m_publisher->isPublished()
                              && m_connection->isReady());
}

void EndToEndEncryption::releaseWaiters(bool ready)
{
    const auto waiters = std::exchange(m_readyWaiters, {});
    for (const auto &promise : waiters) {
        promise->addResult(ready);
        promise->finish();
    }
}

QFuture<bool> EndToEndEncryption::whenReady()
{
    if (m_vault->state() == KeyVault::State::Ready)
        return QtFuture::makeReadyFuture(true);
    if (m_vault->state() == KeyVault::State::Failed)
        return QtFuture::makeReadyFuture(false);
    auto promise = std::make_shared<QPromise<bool>>();
    promise->start();
    m_readyWaiters.append(promise);
    return promise->future();
}

QFuture<void> EndToEndEncryption::whenSendingAllowed(qint64 conversationId)
{
    if (m_keyChanges->users().isEmpty())
        return QtFuture::makeReadyFuture();
    return m_store->conversationSummary(conversationId, m_userId)
            .then(this,
                  [this](const std::optional<ConversationSummary> &summary) {
                      QList<qint64> members;
                      if (summary) {
                          for (const Member &m : summary->conversation.members)
                              members.append(m.userId);
                      }
                      return m_keyChanges->whenNoneOf(members);
                  })
            .unwrap();
}

void EndToEndEncryption::onInboxPushed(const InboxPushedFrame &pushed)
{
    if (m_vault->isReady())
        m_inbox->receive(pushed.item);
}

void EndToEndEncryption::onKeysLow(const KeysLowFrame &low)
{
    m_publisher->replenish(low.remaining);
}

ConversationSecurity *EndToEndEncryption::security(qint64 conversationId)
{
    if (auto existing = m_security.value(conversationId))
        return existing;
    auto *security = new ConversationSecurity(conversationId, this);
    m_security.insert(conversationId, security);
    updateSecurity(conversationId);
    return security;
}

void EndToEndEncryption::updateSecurity(qint64 conversationId)
{
    QPointer<ConversationSecurity> security = m_security.value(conversationId);
    if (!security)
        return;
    if (m_keyChanges->users().isEmpty() && m_trust->verifiedUsers().isEmpty()) {
        security->setChangedMembers({}, {});
        security->setVerifiedMembers({}, false);
        return;
    }
    m_store->conversationSummary(conversationId, m_userId)
            .then(this, [this, security](const std::optional<ConversationSummary> &summary) {
                if (!security)
                    return;
                QList<qint64> ids;
                QStringList names;
                QList<qint64> verified;
                int others = 0;
                if (summary) {
                    for (const Member &m : summary->conversation.members) {
                        if (m_keyChanges->hasChange(m.userId)) {
                            ids.append(m.userId);
                            names.append(m.username);
                        }
                        if (m.userId == m_userId)
                            continue;
                        ++others;
                        if (m_trust->isVerified(m.userId))
                            verified.append(m.userId);
                    }
                }
                security->setChangedMembers(ids, names);
                security->setVerifiedMembers(verified, others > 0 && verified.size() == others);
            });
}

ContactSafetyNumber *EndToEndEncryption::safetyNumber(qint64 userId)
{
    if (auto existing = m_safetyNumbers.value(userId))
        return existing;
    auto *number = new ContactSafetyNumber(userId, this);
    m_safetyNumbers.insert(userId, number);
    number->setKeyChanged(m_keyChanges->hasChange(userId));
    number->setVerifiedMark(m_trust->isVerified(userId));
    connect(number, &ContactSafetyNumber::refreshRequested, this,
            [this, userId] { computeSafetyNumber(userId, true); });
    connect(number, &ContactSafetyNumber::verifyRequested, this,
            [this, userId](bool verified) { (void)m_trust->setVerified(userId, verified); });
    computeSafetyNumber(userId, false);
    return number;
}

void EndToEndEncryption::computeSafetyNumber(qint64 userId, bool refetch)
{
    QPointer<ContactSafetyNumber> number = m_safetyNumbers.value(userId);
    if (!number)
        return;
    const qint64 self = m_vault->self().userId;
    QFuture<Status> devices = !m_vault->isReady() ? QtFuture::makeReadyFuture(Status())
            : refetch ? m_directory->refresh(QList<qint64>{userId, self})
                      : m_directory->ensureKnown({userId, self});
    devices.then(this, [this, userId, self, number](const Status &) {
        m_vault->run<NumberResult>([userId, self](VaultTransaction &tx) {
                   NumberResult result;
                   auto keysOf = [&tx](qint64 user) {
                       QList<QByteArray> keys;
                       for (const DeviceAddress &d : DeviceDirectory::devicesOf(tx, {user})) {
                           const auto key = tx.keys.identities().trustedIdentity(d);
                           if (key && !key.value().isEmpty())
                               keys.append(key.value());
                       }
                       return keys;
                   };
                   QList<QByteArray> local = keysOf(self);
                   const auto own = DeviceIdentity(tx.keys).identityKey();
                   if (!own) {
                       result.error = tr("This device has no identity key yet.");
                       return result;
                   }
                   local.append(own.value());
                   const QList<QByteArray> remote = keysOf(userId);
                   if (remote.isEmpty()) {
                       result.error = tr("This contact has no device with keys yet.");
                       return result;
                   }
                   const auto computed =
                           SafetyNumber::computeForDevices(tx.signal, self, local, userId, remote);
                   if (!computed) {
                       result.error = cryptoErrorString(computed.error());
                       return result;
                   }
                   result.digits = computed.value().digits();
                   result.scannable = computed.value().scannable();
                   result.remoteDevices = int(remote.size());
                   return result;
               })
                .then(this, [number](const std::optional<NumberResult> &result) {
                    if (!number)
                        return;
                    if (!result)
                        number->setError(tr("End-to-end encryption is not running."));
                    else if (!result->error.isEmpty())
                        number->setError(result->error);
                    else
                        number->setNumber(result->digits, result->scannable, result->remoteDevices);
                });
    });
}

QFuture<Status> EndToEndEncryption::acknowledgeKeyChange(qint64 userId)
{
    return m_keyChanges->acknowledge(userId);
}

void EndToEndEncryption::deviceRevoked(qint64 deviceId)
{
    if (m_vault->isReady())
        m_distributor->announceRevocation(deviceId);
}

} // namespace Parley
