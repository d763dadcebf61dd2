#pragma once

/// Gets this device's sender key to every member device of each conversation, and only to them.
///
/// The invariant it keeps per conversation: the current sender key has been given only to
/// devices that are current member devices (e2ee_key_recipients). distribute() restores it:
/// if a device that has the key is no longer a member device (its user left or was removed,
/// or the device was revoked), the key is rotated first, so the departed cannot read what
/// follows; then every member device without the key gets a distribution message,
/// pairwise-encrypted, through the device inbox: the key as it is now (a new member, or another
/// device of a member, reads from here on), or, for the first device of a member who was in
/// when the key was made, the key as it was made (that user may read all of it: this covers a
/// device whose keys the server did not have yet when the first message went out). It runs before every encrypt, after every
/// membership entry, after sync, and when a device appears or disappears; when nothing changed
/// it costs two local reads. Devices whose identity key changed get nothing until the user
/// acknowledges the change. Jobs run one at a time. Lives on the GUI thread.

#include "KeyVault.h"
#include "SerialQueue_p.h"
#include "model/Keys.h"
#include "protocol/Result.h"

#include <QtCore/QHash>
#include <QtCore/QObject>

namespace Parley {

class Connection;
class DeviceDirectory;
class MessageStore;
struct DistributionPlan;

class SenderKeyDistributor : public QObject
{
    Q_OBJECT

public:
    SenderKeyDistributor(KeyVault *vault, Connection *connection, MessageStore *store,
                         DeviceDirectory *directory, QObject *parent = nullptr);
    ~SenderKeyDistributor() override;

    /// Jobs wait while disabled: until this device's keys are published (others fetching our
    /// devices before that would not see this one) and the connection is ready.
    void setEnabled(bool enabled);
    bool isEnabled() const { return m_enabled; }

    /// Restores the invariant for one conversation (see the class comment). An Error when the
    /// server could not be reached: nothing is lost, the next call does what is left.
    QFuture<Status> distribute(qint64 conversationId);
    /// distribute() for every conversation this user is in.
    void distributeAll();
    /// distribute() for every conversation `userId` is in (a device of theirs came or went).
    void distributeWhereMember(qint64 userId);

    /// A device asks for this device's sender key of these conversations: a member device gets
    /// again exactly what it was sent (or its first distribution); others get nothing.
    void answerRequest(const DeviceAddress &from, const QList<qint64> &conversationIds);
    /// Asks `sender` to send its sender key of the conversation again (at most once a minute).
    void requestKey(const DeviceAddress &sender, qint64 conversationId);
    /// This user revoked another of their devices: tells the devices of everyone in a
    /// conversation with this user (so they rotate theirs) and rotates this device's keys.
    void announceRevocation(qint64 deviceId);

    /// Forgets jobs in flight (logout).
    void reset();

Q_SIGNALS:
    /// These devices were sent this device's sender key of the conversation.
    void distributed(qint64 conversationId, const QList<Parley::DeviceAddress> &devices);
    /// A request for a sender key was answered (granted) or refused (not a member device).
    void requestAnswered(const Parley::DeviceAddress &from, qint64 conversationId, bool granted);

private:
    QFuture<Status> whenEnabled();
    QFuture<Status> distributeNow(qint64 conversationId, int attempt);
    QFuture<Status> continueWithPlan(qint64 conversationId, int attempt, const QList<qint64> &users,
                                     const DistributionPlan &plan);
    QFuture<Status> send(const QList<InboxDelivery> &deliveries);
    QFuture<Status> sendRequest(const DeviceAddress &sender, qint64 conversationId, int attempt);
    QFuture<Status> answerOne(const DeviceAddress &from, qint64 conversationId);

    KeyVault *m_vault;
    Connection *m_connection;
    MessageStore *m_store;
    DeviceDirectory *m_directory;
    SerialQueue m_queue;
    bool m_enabled = false;
    QList<std::shared_ptr<QPromise<Status>>> m_waiting;
    QHash<QString, qint64> m_requestedAt; ///< "conv:user:device" → ms of the last request
    quint64 m_generation = 0;
};

} // namespace Parley
