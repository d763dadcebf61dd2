#pragma once

/// Log entries this device could not decrypt yet, kept until their sender key arrives.
///
/// A content entry whose sender key has not arrived is stored by the sync engine as an
/// undecryptable row ("Waiting for the key to this message…", and keyMissing() has the sender's
/// device asked for it) while its ciphertext waits here
/// (e2ee_pending). When the key arrives the entry is decrypted and the row replaced in the same
/// transaction (messagesUpdated() tells the model). An entry that can never be decrypted here
/// gets a line saying why instead: sent before this device had the sender's key, a repeated
/// copy of an earlier entry (a replay: its ciphertext was already decrypted at another seq), or
/// damaged. Every decrypted entry is journaled with its ciphertext's digest and, until the cache
/// holds it, its sealed plaintext (e2ee_received), so a decrypt is never lost between the key
/// store's commit and the cache's. Lives on the GUI thread; the static parts run on the cache
/// thread inside a VaultTransaction.

#include "DeviceInbox.h"
#include "KeyVault.h"
#include "store/StoreTypes.h"

#include <QtCore/QObject>

namespace Parley {

class PendingDecryptions : public QObject
{
    Q_OBJECT

public:
    /// Stored as e2ee_pending.reason: the numbers never change.
    enum class Outcome {
        Decrypted = 0,
        Waiting = 1, ///< the sender key has not arrived
        BeforeKey = 2, ///< older than the sender key this device got: never readable here
        Replay = 3, ///< the same ciphertext was decrypted before at another seq
        Invalid = 4, ///< damaged, forged, or not a Parley content body
        AlreadyStored = 5, ///< decrypted before, and the cache has lost it (not kept again)
    };
    Q_ENUM(Outcome)

    struct Attempt
    {
        Outcome outcome = Outcome::Invalid;
        QByteArray plaintext;
    };

    explicit PendingDecryptions(KeyVault *vault, QObject *parent = nullptr);

    // --- on the cache thread ---
    /// Decrypts the body of entry (conversation, seq) from `sender`, journaling it.
    static Attempt decryptEntry(VaultTransaction &tx, qint64 conversationId, qint64 seq,
                                const DeviceAddress &sender, const QByteArray &body);
    /// Keeps an entry that was not decrypted (anything but Decrypted and AlreadyStored).
    static void keep(VaultTransaction &tx, qint64 conversationId, qint64 seq,
                     const DeviceAddress &sender, const QByteArray &body, Outcome outcome);
    /// What the conversation shows for an entry that will not be decrypted (empty: Waiting).
    static QString explanation(Outcome outcome);

    // --- on the GUI thread ---
    /// The sync engine stored these entries: undecryptable ones get their explanation or, if
    /// their key came in the meantime, their content.
    void onStored(qint64 conversationId, const QList<StoredMessage> &messages);
    /// Sender keys arrived: decrypt what waited for them.
    void retry(const QList<ReceivedSenderKey> &keys);
    /// Tries every waiting entry (after start-up); those still waiting ask again (keyMissing).
    void retryAll();

Q_SIGNALS:
    /// Rows of the conversation whose body/text changed in the cache (seq, body, text,
    /// undecryptable are set).
    void messagesUpdated(qint64 conversationId, const QList<Parley::StoredMessage> &messages);
    /// An entry still waits for `sender`'s key: ask it to send the key again.
    void keyMissing(qint64 conversationId, const Parley::DeviceAddress &sender);

private:
    void retryWhere(const QString &condition, const QVariantList &values);

    KeyVault *m_vault;
};

} // namespace Parley
