#pragma once

/// The contacts whose identity key changed and who wait for the user to acknowledge it.
///
/// parley_crypto records a change when a device presents an identity key that differs from the
/// one trusted for it (KeyStore::changedIdentities): its pairwise messages are held and no
/// session is built with it. Until the user acknowledges the change for that contact, nothing
/// is sent in a conversation the contact is in (SenderKeyContentCipher waits for
/// whenNoneOf()), and every shared conversation shows a warning (ConversationSecurity).
/// Lives on the GUI thread.

#include "KeyVault.h"
#include "protocol/Result.h"

#include <QtCore/QFuture>
#include <QtCore/QHash>
#include <QtCore/QObject>
#include <QtCore/QPromise>

namespace Parley {

class KeyChangeList : public QObject
{
    Q_OBJECT

public:
    explicit KeyChangeList(KeyVault *vault, QObject *parent = nullptr);

    /// Reads the changes from the key store; changed() follows if the set of users changed.
    void refresh();
    void reset();

    QList<qint64> users() const { return m_devices.keys(); }
    bool hasChange(qint64 userId) const { return m_devices.contains(userId); }
    /// Finishes when none of these users has an unacknowledged change.
    QFuture<void> whenNoneOf(const QList<qint64> &userIds);

    /// Trusts the new identity keys of every changed device of `userId`: their old sessions are
    /// dropped, they get this device's sender keys again, and held messages are processed
    /// (acknowledged() follows).
    QFuture<Status> acknowledge(qint64 userId);

Q_SIGNALS:
    void changed();
    /// The user acknowledged the change of `userId`; it is trusted now.
    void acknowledged(qint64 userId);

private:
    struct Waiter
    {
        QList<qint64> users;
        std::shared_ptr<QPromise<void>> promise;
    };

    void release();

    KeyVault *m_vault;
    QHash<qint64, QList<DeviceAddress>> m_devices; ///< user → changed devices
    QList<Waiter> m_waiters;
    quint64 m_generation = 0;
};

} // namespace Parley
