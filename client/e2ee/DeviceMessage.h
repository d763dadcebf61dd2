#pragma once

/// What one device tells another through the device inbox, inside a pairwise ciphertext.

#include <QtCore/QByteArray>
#include <QtCore/QList>

#include <optional>

namespace Parley {

/// The plaintext of a device-inbox item: a CBOR map
/// `{"v": 1, "keys": [{"conv": uint, "key": bytes}], "want": [uint], "revoked": [uint]}`
/// (each list optional). The item's body on the wire is PairwiseMessage::encode() of it: the
/// libsignal message type byte, then the ciphertext (docs/security.md, "What the server sees").
struct DeviceMessage
{
    struct SenderKey
    {
        qint64 conversationId = 0;
        QByteArray distribution; ///< the sender key distribution message (libsignal)
        friend bool operator==(const SenderKey &, const SenderKey &) = default;
    };

    /// The sending device's sender keys, one per conversation.
    QList<SenderKey> senderKeys;
    /// Conversations whose sender key the sending device asks this device to send (again).
    QList<qint64> keyRequests;
    /// Devices of the sending user that were revoked: their sender keys must be rotated.
    QList<qint64> revokedDevices;

    QByteArray encode() const;
    /// nullopt for anything that is not such a map (unknown keys are ignored).
    static std::optional<DeviceMessage> decode(const QByteArray &bytes);

    friend bool operator==(const DeviceMessage &, const DeviceMessage &) = default;
};

} // namespace Parley
