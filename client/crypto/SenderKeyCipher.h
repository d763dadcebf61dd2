#pragma once

/// Sender keys (libsignal's group cipher): one ciphertext per message for a whole conversation.

#include "CryptoResult.h"
#include "DeviceAddress.h"

#include <QByteArray>

namespace Parley {

class KeyStore;

//! \brief Encrypts a conversation's messages with this device's sender key and decrypts other
//! members' messages with theirs.
//!
//! A sender key is named by the conversation id (decimal) and the sending device. Its
//! distribution message travels to each member device inside a pairwise session
//! (PairwiseCipher); a direct chat is a conversation of two. Each call is atomic on the key
//! store (KeyStore::atomically) and runs on the key store's thread.
class SenderKeyCipher
{
public:
    explicit SenderKeyCipher(KeyStore &store);

    //! This device's sender key distribution message for \a conversationId, creating the
    //! sender key on first use. Send it to every member device through PairwiseCipher before
    //! (or with) the first message encrypted with it.
    CryptoResult<QByteArray> distributionMessage(qint64 conversationId, const DeviceAddress &self);

    //! Stores the sender key \a sender distributed for \a conversationId. A message for a key
    //! id already known is accepted and ignored, so a replayed one cannot rewind the chain and
    //! make old messages decryptable again. InvalidMessage when malformed.
    CryptoStatus processDistributionMessage(qint64 conversationId, const DeviceAddress &sender,
                                            const QByteArray &message);

    //! Whether a sender key of \a sender (this device included) is stored for the conversation.
    CryptoResult<bool> hasSenderKey(qint64 conversationId, const DeviceAddress &sender) const;

    //! Encrypts with this device's sender key. NoSenderKey when distributionMessage() was
    //! not called yet for this conversation.
    CryptoResult<QByteArray> encrypt(qint64 conversationId, const DeviceAddress &self,
                                     const QByteArray &plaintext);

    //! Decrypts a message of \a sender. Errors: NoSenderKey (the key it was encrypted with has
    //! not arrived yet: keep the ciphertext, show "waiting for this message", retry after
    //! processDistributionMessage()), DuplicateMessage (already decrypted: drop it),
    //! InvalidMessage (malformed, bad signature, tampered).
    CryptoResult<QByteArray> decrypt(qint64 conversationId, const DeviceAddress &sender,
                                     const QByteArray &ciphertext);

    //! Forgets this device's sender key for the conversation, so that the next
    //! distributionMessage() starts a new one: after a member left or a device was removed.
    CryptoStatus rotate(qint64 conversationId, const DeviceAddress &self);

private:
    KeyStore &m_store;
};

} // namespace Parley
