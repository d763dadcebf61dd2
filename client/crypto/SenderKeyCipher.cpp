#include "SenderKeyCipher.h"

#include "KeyStore.h"
#include "Logging.h"
#include "SignalContext.h"
#include "SignalHandle_p.h"

#include <signal/group_cipher.h>
#include <signal/group_session_builder.h>
#include <signal/protocol.h>
#include <signal/sender_key_record.h>

namespace Parley {

namespace {

// A libsignal sender key name; libsignal keeps pointers to it, so it lives as long as the call.
class SignalSenderKeyName
{
public:
    SignalSenderKeyName(qint64 conversationId, const DeviceAddress &sender)
        : m_groupId(QString::number(conversationId).toUtf8()),
          m_name(sender.name().toUtf8())
    {
        m_senderKeyName.group_id = m_groupId.constData();
        m_senderKeyName.group_id_len = static_cast<size_t>(m_groupId.size());
        m_senderKeyName.sender.name = m_name.constData();
        m_senderKeyName.sender.name_len = static_cast<size_t>(m_name.size());
        m_senderKeyName.sender.device_id = sender.deviceId;
    }
    SignalSenderKeyName(const SignalSenderKeyName &) = delete;
    SignalSenderKeyName &operator=(const SignalSenderKeyName &) = delete;

    const signal_protocol_sender_key_name *get() const { return &m_senderKeyName; }

private:
    QByteArray m_groupId;
    QByteArray m_name;
    signal_protocol_sender_key_name m_senderKeyName{};
};

struct GroupSessionBuilderFree
{
    void operator()(group_session_builder *builder) const { group_session_builder_free(builder); }
};

struct GroupCipherFree
{
    void operator()(group_cipher *cipher) const { group_cipher_free(cipher); }
};

CryptoResult<std::unique_ptr<group_session_builder, GroupSessionBuilderFree>>
createBuilder(KeyStore &store)
{
    group_session_builder *builder = nullptr;
    if (int result = group_session_builder_create(&builder, store.signalStore(),
                                                  store.signalContext().handle());
        result < 0)
        return fromSignalCode(result);
    return std::unique_ptr<group_session_builder, GroupSessionBuilderFree>(builder);
}

CryptoResult<std::unique_ptr<group_cipher, GroupCipherFree>>
createCipher(KeyStore &store, const SignalSenderKeyName &name)
{
    group_cipher *cipher = nullptr;
    if (int result = group_cipher_create(&cipher, store.signalStore(), name.get(),
                                         store.signalContext().handle());
        result < 0)
        return fromSignalCode(result);
    return std::unique_ptr<group_cipher, GroupCipherFree>(cipher);
}

// Whether the stored sender key record of \a name has a chain with \a keyId.
CryptoResult<bool> hasKeyId(KeyStore &store, const SignalSenderKeyName &name, quint32 keyId)
{
    sender_key_record *raw = nullptr;
    if (int result = signal_protocol_sender_key_load_key(store.signalStore(), &raw, name.get());
        result < 0)
        return fromSignalCode(result);
    SignalPtr<sender_key_record> record(raw);
    if (sender_key_record_is_empty(raw))
        return false;
    sender_key_state *state = nullptr;
    return sender_key_record_get_sender_key_state_by_id(raw, &state, keyId) == 0;
}

} // namespace

SenderKeyCipher::SenderKeyCipher(KeyStore &store) : m_store(store) { }

CryptoResult<QByteArray> SenderKeyCipher::distributionMessage(qint64 conversationId,
                                                              const DeviceAddress &self)
{
    const SignalSenderKeyName name(conversationId, self);
    QByteArray serialized;
    const CryptoStatus status = m_store.atomically([&]() -> CryptoStatus {
        auto builder = createBuilder(m_store);
        if (!builder)
            return builder.error();
        sender_key_distribution_message *raw = nullptr;
        if (int result =
                    group_session_builder_create_session(builder.value().get(), &raw, name.get());
            result < 0)
            return fromSignalCode(result);
        SignalPtr<sender_key_distribution_message> message(raw);
        serialized = toByteArray(
                ciphertext_message_get_serialized(reinterpret_cast<ciphertext_message *>(raw)));
        return {};
    });
    if (!status) {
        qCWarning(lcCrypto) << "no sender key distribution message for conversation"
                            << conversationId << ":" << cryptoErrorString(status.error());
        return status.error();
    }
    return serialized;
}

CryptoStatus SenderKeyCipher::processDistributionMessage(qint64 conversationId,
                                                         const DeviceAddress &sender,
                                                         const QByteArray &message)
{
    sender_key_distribution_message *raw = nullptr;
    if (sender_key_distribution_message_deserialize(&raw, bytes(message), length(message),
                                                    m_store.signalContext().handle())
        < 0) {
        qCInfo(lcCrypto).noquote() << "malformed sender key distribution from" << sender.toString()
                                   << "in conversation" << conversationId;
        return CryptoError::InvalidMessage;
    }
    SignalPtr<sender_key_distribution_message> parsed(raw);
    const quint32 keyId = sender_key_distribution_message_get_id(raw);
    const SignalSenderKeyName name(conversationId, sender);

    bool known = false;
    const CryptoStatus status = m_store.atomically([&]() -> CryptoStatus {
        const CryptoResult<bool> exists = hasKeyId(m_store, name, keyId);
        if (!exists)
            return exists.error();
        known = exists.value();
        if (known)
            return {};
        auto builder = createBuilder(m_store);
        if (!builder)
            return builder.error();
        if (int result =
                    group_session_builder_process_session(builder.value().get(), name.get(), raw);
            result < 0)
            return fromSignalCode(result);
        return {};
    });
    if (status && !known)
        qCInfo(lcCrypto).noquote() << "sender key" << keyId << "of" << sender.toString()
                                   << "stored for conversation" << conversationId;
    return status;
}

CryptoResult<bool> SenderKeyCipher::hasSenderKey(qint64 conversationId,
                                                 const DeviceAddress &sender) const
{
    const auto record = m_store.senderKeys().load(QString::number(conversationId), sender.name(),
                                                  sender.deviceId);
    if (!record)
        return record.error();
    return record.value().has_value();
}

CryptoResult<QByteArray> SenderKeyCipher::encrypt(qint64 conversationId, const DeviceAddress &self,
                                                  const QByteArray &plaintext)
{
    const SignalSenderKeyName name(conversationId, self);
    QByteArray ciphertext;
    const CryptoStatus status = m_store.atomically([&]() -> CryptoStatus {
        const CryptoResult<bool> exists = hasSenderKey(conversationId, self);
        if (!exists)
            return exists.error();
        if (!exists.value())
            return CryptoError::NoSenderKey;
        auto cipher = createCipher(m_store, name);
        if (!cipher)
            return cipher.error();
        ciphertext_message *raw = nullptr;
        if (int result = group_cipher_encrypt(cipher.value().get(), bytes(plaintext),
                                              length(plaintext), &raw);
            result < 0)
            return fromSignalCode(result);
        SignalPtr<ciphertext_message> message(raw);
        ciphertext = toByteArray(ciphertext_message_get_serialized(raw));
        return {};
    });
    if (!status) {
        qCInfo(lcCrypto) << "group encrypt for conversation" << conversationId
                         << "failed:" << cryptoErrorString(status.error());
        return status.error();
    }
    return ciphertext;
}

CryptoResult<QByteArray> SenderKeyCipher::decrypt(qint64 conversationId,
                                                  const DeviceAddress &sender,
                                                  const QByteArray &ciphertext)
{
    sender_key_message *raw = nullptr;
    if (sender_key_message_deserialize(&raw, bytes(ciphertext), length(ciphertext),
                                       m_store.signalContext().handle())
        < 0) {
        qCInfo(lcCrypto).noquote() << "malformed group message from" << sender.toString()
                                   << "in conversation" << conversationId;
        return CryptoError::InvalidMessage;
    }
    SignalPtr<sender_key_message> parsed(raw);
    const SignalSenderKeyName name(conversationId, sender);

    QByteArray plaintext;
    const CryptoStatus status = m_store.atomically([&]() -> CryptoStatus {
        auto cipher = createCipher(m_store, name);
        if (!cipher)
            return cipher.error();
        signal_buffer *rawPlaintext = nullptr;
        const int result = group_cipher_decrypt(cipher.value().get(), raw, nullptr, &rawPlaintext);
        if (result == SG_ERR_NO_SESSION)
            return CryptoError::NoSenderKey; // nothing from this sender yet
        if (result == SG_ERR_INVALID_MESSAGE) {
            // libsignal reports a key id it does not know (the sender rotated and the new
            // distribution message is still on its way) as an invalid message too; the
            // application must tell "not yet" from "never".
            const CryptoResult<bool> known =
                    hasKeyId(m_store, name, sender_key_message_get_key_id(raw));
            if (!known)
                return known.error();
            return known.value() ? CryptoError::InvalidMessage : CryptoError::NoSenderKey;
        }
        if (result < 0)
            return fromSignalCode(result);
        SignalBufferPtr buffer(rawPlaintext);
        plaintext = toByteArray(rawPlaintext);
        return {};
    });
    if (!status) {
        qCInfo(lcCrypto).noquote()
                << "group message from" << sender.toString() << "in conversation" << conversationId
                << "not decrypted:" << cryptoErrorString(status.error());
        return status.error();
    }
    return plaintext;
}

CryptoStatus SenderKeyCipher::rotate(qint64 conversationId, const DeviceAddress &self)
{
    const CryptoStatus status = m_store.senderKeys().remove(QString::number(conversationId),
                                                            self.name(), self.deviceId);
    if (status)
        qCInfo(lcCrypto) << "own sender key of conversation" << conversationId << "dropped";
    return status;
}

} // namespace Parley
