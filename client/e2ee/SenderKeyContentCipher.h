#pragma once

/// The ContentCipher of Parley: message content encrypted with sender keys (libsignal's group
/// cipher), one ciphertext per message whatever the conversation's size.
///
/// A log entry's body is one byte, libsignal's message type (4, CIPHERTEXT_SENDERKEY_TYPE),
/// then the serialized sender key message; the content inside is the MessageContent bytes, so
/// everything a message says travels encrypted. encrypt() first makes sure every member device
/// has this device's sender key (SenderKeyDistributor), and waits while a member's identity
/// change is unacknowledged. decrypt() of an entry whose key has not arrived looks in the inbox
/// first (senders send the key before the message) and then keeps it for later
/// (PendingDecryptions). Both finish on the GUI thread.

#include "content/ContentCipher.h"

#include <QtCore/QPointer>

#include <optional>

namespace Parley {

class EndToEndEncryption;

class SenderKeyContentCipher final : public ContentCipher
{
public:
    /// libsignal's CIPHERTEXT_SENDERKEY_TYPE, the first byte of every content body.
    static constexpr char SenderKeyMessageType = 4;

    SenderKeyContentCipher() = default;

    /// The pieces it works with; until attached every call fails with Unavailable.
    void attach(EndToEndEncryption *encryption);

    QFuture<Result<QByteArray>> encrypt(qint64 conversationId,
                                        const QByteArray &plaintext) override;
    QFuture<Result<QByteArray>> decrypt(const Envelope &envelope) override;

    /// The body of a log entry for a sender key message.
    static QByteArray bodyOf(const QByteArray &ciphertext);
    /// The sender key message of a body; nullopt for another type or an empty body.
    static std::optional<QByteArray> ciphertextOf(const QByteArray &body);

private:
    QPointer<EndToEndEncryption> m_encryption;
};

} // namespace Parley
