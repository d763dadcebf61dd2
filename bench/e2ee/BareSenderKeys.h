#pragma once

/// libsignal's own sender-key cost, without Parley's key store: the same group_cipher calls
/// as SenderKeyCipher on an in-memory sender key store (records kept serialized in a map, as
/// libsignal hands them over), so the bench can divide the full operation by it.

#include <QtCore/QByteArray>
#include <QtCore/QHash>

struct signal_context;
struct signal_protocol_store_context;

namespace Parley {

class BareSenderKeys
{
public:
    explicit BareSenderKeys(signal_context *context);
    ~BareSenderKeys();
    BareSenderKeys(const BareSenderKeys &) = delete;
    BareSenderKeys &operator=(const BareSenderKeys &) = delete;

    /// A new own sender key for (group, sender); its distribution message, or empty on failure.
    QByteArray createSession(const QByteArray &group, const QByteArray &sender);
    bool processDistribution(const QByteArray &group, const QByteArray &sender,
                             const QByteArray &distribution);
    /// The serialized sender key message, or empty on failure.
    QByteArray encrypt(const QByteArray &group, const QByteArray &sender,
                       const QByteArray &plaintext);
    /// The plaintext, or a null QByteArray on failure.
    QByteArray decrypt(const QByteArray &group, const QByteArray &sender,
                       const QByteArray &ciphertext);

    QHash<QByteArray, QByteArray> records; ///< key: group + '/' + sender

private:
    signal_context *m_context;
    signal_protocol_store_context *m_store = nullptr;
};

} // namespace Parley
