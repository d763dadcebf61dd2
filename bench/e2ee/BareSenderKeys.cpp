#include "BareSenderKeys.h"

#include <signal/group_cipher.h>
#include <signal/group_session_builder.h>
#include <signal/protocol.h>
#include <signal/signal_protocol.h>

#include <cstdio>
#include <cstdlib>

namespace Parley {

namespace {

QByteArray keyOf(const signal_protocol_sender_key_name *name)
{
    return QByteArray(name->group_id, qsizetype(name->group_id_len)) + '/'
            + QByteArray(name->sender.name, qsizetype(name->sender.name_len));
}

int storeKey(const signal_protocol_sender_key_name *name, uint8_t *record, size_t length, uint8_t *,
             size_t, void *userData)
{
    auto *records = static_cast<QHash<QByteArray, QByteArray> *>(userData);
    records->insert(keyOf(name),
                    QByteArray(reinterpret_cast<const char *>(record), qsizetype(length)));
    return 0;
}

int loadKey(signal_buffer **record, signal_buffer **, const signal_protocol_sender_key_name *name,
            void *userData)
{
    auto *records = static_cast<QHash<QByteArray, QByteArray> *>(userData);
    const auto it = records->constFind(keyOf(name));
    if (it == records->constEnd())
        return 0;
    *record = signal_buffer_create(reinterpret_cast<const uint8_t *>(it->constData()),
                                   size_t(it->size()));
    return *record ? 1 : SG_ERR_NOMEM;
}

/// Holds the name's bytes for as long as libsignal reads the name.
struct Name
{
    Name(const QByteArray &group, const QByteArray &sender) : group(group), sender(sender)
    {
        name.group_id = this->group.constData();
        name.group_id_len = size_t(this->group.size());
        name.sender.name = this->sender.constData();
        name.sender.name_len = size_t(this->sender.size());
        name.sender.device_id = 1;
    }
    QByteArray group, sender;
    signal_protocol_sender_key_name name{};
};

QByteArray bytesOf(signal_buffer *buffer)
{
    return QByteArray(reinterpret_cast<const char *>(signal_buffer_data(buffer)),
                      qsizetype(signal_buffer_len(buffer)));
}

} // namespace

BareSenderKeys::BareSenderKeys(signal_context *context) : m_context(context)
{
    if (signal_protocol_store_context_create(&m_store, context) < 0) {
        std::fprintf(stderr, "parley-e2ee-bench: no libsignal store context\n");
        std::exit(1);
    }
    signal_protocol_sender_key_store store{};
    store.store_sender_key = storeKey;
    store.load_sender_key = loadKey;
    store.user_data = &records;
    signal_protocol_store_context_set_sender_key_store(m_store, &store);
}

BareSenderKeys::~BareSenderKeys()
{
    signal_protocol_store_context_destroy(m_store);
}

QByteArray BareSenderKeys::createSession(const QByteArray &group, const QByteArray &sender)
{
    const Name name(group, sender);
    group_session_builder *builder = nullptr;
    if (group_session_builder_create(&builder, m_store, m_context) < 0)
        return {};
    sender_key_distribution_message *message = nullptr;
    QByteArray serialized;
    if (group_session_builder_create_session(builder, &message, &name.name) >= 0) {
        serialized = bytesOf(
                ciphertext_message_get_serialized(reinterpret_cast<ciphertext_message *>(message)));
        SIGNAL_UNREF(message);
    }
    group_session_builder_free(builder);
    return serialized;
}

bool BareSenderKeys::processDistribution(const QByteArray &group, const QByteArray &sender,
                                         const QByteArray &distribution)
{
    const Name name(group, sender);
    sender_key_distribution_message *message = nullptr;
    if (sender_key_distribution_message_deserialize(
                &message, reinterpret_cast<const uint8_t *>(distribution.constData()),
                size_t(distribution.size()), m_context)
        < 0)
        return false;
    group_session_builder *builder = nullptr;
    bool ok = group_session_builder_create(&builder, m_store, m_context) >= 0
            && group_session_builder_process_session(builder, &name.name, message) >= 0;
    group_session_builder_free(builder);
    SIGNAL_UNREF(message);
    return ok;
}

QByteArray BareSenderKeys::encrypt(const QByteArray &group, const QByteArray &sender,
                                   const QByteArray &plaintext)
{
    const Name name(group, sender);
    group_cipher *cipher = nullptr;
    if (group_cipher_create(&cipher, m_store, &name.name, m_context) < 0)
        return {};
    ciphertext_message *message = nullptr;
    QByteArray serialized;
    if (group_cipher_encrypt(cipher, reinterpret_cast<const uint8_t *>(plaintext.constData()),
                             size_t(plaintext.size()), &message)
        >= 0) {
        serialized = bytesOf(ciphertext_message_get_serialized(message));
        SIGNAL_UNREF(message);
    }
    group_cipher_free(cipher);
    return serialized;
}

QByteArray BareSenderKeys::decrypt(const QByteArray &group, const QByteArray &sender,
                                   const QByteArray &ciphertext)
{
    const Name name(group, sender);
    sender_key_message *message = nullptr;
    if (sender_key_message_deserialize(&message,
                                       reinterpret_cast<const uint8_t *>(ciphertext.constData()),
                                       size_t(ciphertext.size()), m_context)
        < 0)
        return {};
    group_cipher *cipher = nullptr;
    QByteArray plaintext;
    if (group_cipher_create(&cipher, m_store, &name.name, m_context) >= 0) {
        signal_buffer *buffer = nullptr;
        if (group_cipher_decrypt(cipher, message, nullptr, &buffer) >= 0) {
            plaintext = bytesOf(buffer);
            signal_buffer_free(buffer);
        }
        group_cipher_free(cipher);
    }
    SIGNAL_UNREF(message);
    return plaintext;
}

} // namespace Parley
