#include "PairwiseCipher.h"

#include "KeyStore.h"
#include "Logging.h"
#include "SignalContext.h"
#include "SignalHandle_p.h"

#include <signal/protocol.h>
#include <signal/session_builder.h>
#include <signal/session_cipher.h>
#include <signal/session_pre_key.h>

namespace Parley {

namespace {

// A libsignal address; libsignal keeps pointers to it, so it lives as long as the call.
class SignalAddress
{
public:
    explicit SignalAddress(const DeviceAddress &address)
        : m_name(address.name().toUtf8()),
          m_address{m_name.constData(), static_cast<size_t>(m_name.size()), address.deviceId}
    {
    }
    SignalAddress(const SignalAddress &) = delete;
    SignalAddress &operator=(const SignalAddress &) = delete;

    const signal_protocol_address *get() const { return &m_address; }

private:
    QByteArray m_name;
    signal_protocol_address m_address;
};

struct SessionCipherFree
{
    void operator()(session_cipher *cipher) const { session_cipher_free(cipher); }
};

struct SessionBuilderFree
{
    void operator()(session_builder *builder) const { session_builder_free(builder); }
};

CryptoResult<std::unique_ptr<session_cipher, SessionCipherFree>>
createCipher(KeyStore &store, const SignalAddress &address)
{
    session_cipher *cipher = nullptr;
    if (int result = session_cipher_create(&cipher, store.signalStore(), address.get(),
                                           store.signalContext().handle());
        result < 0)
        return fromSignalCode(result);
    return std::unique_ptr<session_cipher, SessionCipherFree>(cipher);
}

CryptoResult<SignalPtr<session_pre_key_bundle>>
toSignalBundle(const DeviceAddress &remote, const PreKeyBundle &bundle, signal_context *context)
{
    auto identityKey = decodePublicKey(bundle.identityKey, context);
    auto signedPreKey = decodePublicKey(bundle.signedPreKey.publicKey, context);
    if (!identityKey || !signedPreKey || bundle.signedPreKey.signature.isEmpty())
        return CryptoError::InvalidBundle;

    SignalPtr<ec_public_key> preKey;
    quint32 preKeyId = 0;
    if (!bundle.preKeys.isEmpty()) {
        auto decoded = decodePublicKey(bundle.preKeys.first().publicKey, context);
        if (!decoded)
            return CryptoError::InvalidBundle;
        preKey = std::move(decoded).value();
        preKeyId = bundle.preKeys.first().id;
    }

    session_pre_key_bundle *raw = nullptr;
    const int result = session_pre_key_bundle_create(
            &raw, bundle.registrationId, remote.deviceId, preKeyId, preKey.get(),
            bundle.signedPreKey.id, signedPreKey.value().get(),
            bytes(bundle.signedPreKey.signature), length(bundle.signedPreKey.signature),
            identityKey.value().get());
    if (result < 0)
        return CryptoError::InvalidBundle;
    return SignalPtr<session_pre_key_bundle>(raw);
}

} // namespace

PairwiseCipher::PairwiseCipher(KeyStore &store) : m_store(store) { }

CryptoStatus PairwiseCipher::buildSession(const DeviceAddress &remote, const PreKeyBundle &bundle)
{
    auto signalBundle = toSignalBundle(remote, bundle, m_store.signalContext().handle());
    if (!signalBundle) {
        qCInfo(lcCrypto).noquote() << "rejected a malformed pre-key bundle of" << remote.toString();
        return signalBundle.error();
    }
    const SignalAddress address(remote);
    const CryptoStatus status = m_store.atomically([&]() -> CryptoStatus {
        session_builder *raw = nullptr;
        if (int result = session_builder_create(&raw, m_store.signalStore(), address.get(),
                                                m_store.signalContext().handle());
            result < 0)
            return fromSignalCode(result);
        std::unique_ptr<session_builder, SessionBuilderFree> builder(raw);
        const int result = session_builder_process_pre_key_bundle(raw, signalBundle.value().get());
        if (result == SG_ERR_INVALID_KEY)
            return CryptoError::InvalidBundle; // the signature over the signed pre-key is wrong
        if (result < 0)
            return fromSignalCode(result);
        return {};
    });
    if (status)
        qCInfo(lcCrypto).noquote() << "pairwise session built with" << remote.toString();
    else
        qCInfo(lcCrypto).noquote() << "no pairwise session with" << remote.toString() << ":"
                                   << cryptoErrorString(status.error());
    return status;
}

CryptoResult<bool> PairwiseCipher::hasSession(const DeviceAddress &remote) const
{
    return m_store.sessions().contains(remote.name(), remote.deviceId);
}

CryptoStatus PairwiseCipher::deleteSession(const DeviceAddress &remote)
{
    const CryptoResult<bool> removed = m_store.sessions().remove(remote.name(), remote.deviceId);
    return removed ? CryptoStatus() : CryptoStatus(removed.error());
}

CryptoResult<PairwiseMessage> PairwiseCipher::encrypt(const DeviceAddress &remote,
                                                      const QByteArray &plaintext)
{
    const SignalAddress address(remote);
    PairwiseMessage encrypted;
    const CryptoStatus status = m_store.atomically([&]() -> CryptoStatus {
        const CryptoResult<bool> exists = hasSession(remote);
        if (!exists)
            return exists.error();
        if (!exists.value())
            return CryptoError::NoSession;
        auto cipher = createCipher(m_store, address);
        if (!cipher)
            return cipher.error();
        ciphertext_message *raw = nullptr;
        if (int result = session_cipher_encrypt(cipher.value().get(), bytes(plaintext),
                                                length(plaintext), &raw);
            result < 0)
            return fromSignalCode(result);
        SignalPtr<ciphertext_message> message(raw);
        encrypted.type = ciphertext_message_get_type(raw) == CIPHERTEXT_PREKEY_TYPE
                ? PairwiseMessage::Type::PreKey
                : PairwiseMessage::Type::Signal;
        encrypted.body = toByteArray(ciphertext_message_get_serialized(raw));
        return {};
    });
    if (!status) {
        qCInfo(lcCrypto).noquote() << "pairwise encrypt for" << remote.toString()
                                   << "failed:" << cryptoErrorString(status.error());
        return status.error();
    }
    return encrypted;
}

CryptoResult<QByteArray> PairwiseCipher::decrypt(const DeviceAddress &remote,
                                                 const PairwiseMessage &message)
{
    signal_context *context = m_store.signalContext().handle();
    const SignalAddress address(remote);
    QByteArray plaintext;
    const CryptoStatus status = m_store.atomically([&]() -> CryptoStatus {
        auto cipher = createCipher(m_store, address);
        if (!cipher)
            return cipher.error();
        signal_buffer *rawPlaintext = nullptr;
        int result = SG_ERR_INVALID_MESSAGE;
        if (message.type == PairwiseMessage::Type::PreKey) {
            pre_key_signal_message *raw = nullptr;
            if (pre_key_signal_message_deserialize(&raw, bytes(message.body), length(message.body),
                                                   context)
                < 0)
                return CryptoError::InvalidMessage;
            SignalPtr<pre_key_signal_message> parsed(raw);
            result = session_cipher_decrypt_pre_key_signal_message(cipher.value().get(), raw,
                                                                   nullptr, &rawPlaintext);
        } else if (message.type == PairwiseMessage::Type::Signal) {
            signal_message *raw = nullptr;
            if (signal_message_deserialize(&raw, bytes(message.body), length(message.body), context)
                < 0)
                return CryptoError::InvalidMessage;
            SignalPtr<signal_message> parsed(raw);
            result = session_cipher_decrypt_signal_message(cipher.value().get(), raw, nullptr,
                                                           &rawPlaintext);
        }
        if (result < 0)
            return fromSignalCode(result);
        SignalBufferPtr buffer(rawPlaintext);
        plaintext = toByteArray(rawPlaintext);
        return {};
    });
    if (!status) {
        qCInfo(lcCrypto).noquote() << "pairwise message from" << remote.toString()
                                   << "not decrypted:" << cryptoErrorString(status.error());
        return status.error();
    }
    return plaintext;
}

} // namespace Parley
