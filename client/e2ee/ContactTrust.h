#pragma once

/// Which contacts the user verified (compared safety numbers with), and the changes of a
/// contact's device keys that matter to that: a new device, a replaced identity key, a device
/// gone.
///
/// The identity key of each device of each contact is remembered as last seen (e2ee_contact_keys;
/// a pending identity change counts with the key offered). check() compares a contact's devices
/// with it: any difference says keysChanged() (SecurityNotices makes the conversation lines of
/// it) and clears the verified mark, which holds the digest of the keys the user verified
/// (e2ee_verified). The first look at a contact only remembers. Lives on the GUI thread.

#include "KeyVault.h"

#include <QtCore/QFuture>
#include <QtCore/QHash>
#include <QtCore/QMap>
#include <QtCore/QObject>

#include <optional>

namespace Parley {

class ContactTrust : public QObject
{
    Q_OBJECT

public:
    /// What changed in a contact's keys.
    enum class Change {
        DeviceAdded = 1, ///< a device that was not there (and no key replaced)
        KeyReplaced = 2, ///< a known device presents another identity key
        DeviceRemoved = 3, ///< only: devices are gone
    };
    Q_ENUM(Change)

    explicit ContactTrust(KeyVault *vault, QObject *parent = nullptr);

    /// Reads the verified marks (once the vault is open).
    void load();
    void reset();

    bool isVerified(qint64 userId) const { return m_verified.contains(userId); }
    QList<qint64> verifiedUsers() const { return m_verified.keys(); }
    /// Marks `userId` as verified with the keys of their devices as they are now, or clears the
    /// mark. False when the vault is not open or the contact has no device with keys.
    QFuture<bool> setVerified(qint64 userId, bool verified);

    /// Compares the devices of these users with what was seen before (see the class comment).
    void check(const QList<qint64> &userIds);

    // --- on the cache thread, inside a VaultTransaction ---
    /// A change of one contact's keys, as compare() found it.
    struct KeyChange
    {
        qint64 userId = 0;
        Change change = Change::DeviceAdded;
        bool verificationCleared = false; ///< the contact was marked verified until now
    };
    /// Compares `userId`'s devices with the ones remembered, remembers the current ones and
    /// clears a verified mark that no longer matches. Nothing when nothing changed, on the
    /// first look, and before the contact's device list was fetched (it is partial then).
    static std::optional<KeyChange> compare(VaultTransaction &tx, qint64 userId);
    /// Marks `userId` as verified with their current keys (remembered as seen too, if nothing
    /// was); the digest, or empty when they have no device with keys.
    static QByteArray markVerified(VaultTransaction &tx, qint64 userId);
    static void clearVerified(VaultTransaction &tx, qint64 userId);
    /// The verified contacts and the digests of the keys verified.
    static QHash<qint64, QByteArray> verifiedContacts(VaultTransaction &tx);
    /// The identity key of each known device of `userId` (a pending change: the offered key).
    static QMap<qint32, QByteArray> currentKeys(VaultTransaction &tx, qint64 userId);
    /// SHA-256 over the devices and their keys, in device order.
    static QByteArray digestOf(const QMap<qint32, QByteArray> &keys);

Q_SIGNALS:
    /// The verified mark of `userId` was set or cleared.
    void verifiedChanged(qint64 userId);
    /// `userId`'s keys changed; `verificationCleared`: they were marked verified until now.
    void keysChanged(qint64 userId, Parley::ContactTrust::Change change, bool verificationCleared);

private:
    KeyVault *m_vault;
    QHash<qint64, QByteArray> m_verified; ///< user → digest of the keys verified
    quint64 m_generation = 0;
};

} // namespace Parley
