#include "SignalStoreContext.h"

#include "IdentityStore.h"
#include "Logging.h"
#include "PreKeyStore.h"
#include "SenderKeyStore.h"
#include "SessionStore.h"
#include "SignalContext.h"
#include "SignalHandle_p.h"
#include "SignedPreKeyStore.h"

#include <signal/signal_protocol.h>

#include <QDateTime>

namespace Parley {

namespace {

QString nameOf(const char *name, size_t length)
{
    return QString::fromUtf8(name, static_cast<qsizetype>(length));
}

QString nameOf(const signal_protocol_address *address)
{
    return nameOf(address->name, address->name_len);
}

QByteArray bytesOf(const uint8_t *data, size_t length)
{
    return QByteArray(reinterpret_cast<const char *>(data), static_cast<qsizetype>(length));
}

// Hands a loaded record to libsignal: 1 when found, 0 when not, negative on failure.
int handOver(const CryptoResult<std::optional<QByteArray>> &loaded, signal_buffer **record)
{
    if (!loaded)
        return toSignalCode(loaded.error());
    if (!loaded.value())
        return 0;
    *record = newSignalBuffer(*loaded.value());
    return *record ? 1 : SG_ERR_NOMEM;
}

int statusCode(const CryptoStatus &status)
{
    return status ? SG_SUCCESS : toSignalCode(status.error());
}

// ---- sessions

int loadSession(signal_buffer **record, signal_buffer **, const signal_protocol_address *address,
                void *userData)
{
    auto *store = static_cast<SessionStore *>(userData);
    return handOver(store->load(nameOf(address), address->device_id), record);
}

int subDeviceSessions(signal_int_list **sessions, const char *name, size_t nameLength,
                      void *userData)
{
    auto *store = static_cast<SessionStore *>(userData);
    const CryptoResult<QList<qint32>> ids = store->deviceIds(nameOf(name, nameLength));
    if (!ids)
        return toSignalCode(ids.error());
    signal_int_list *list = signal_int_list_alloc();
    if (!list)
        return SG_ERR_NOMEM;
    for (qint32 id : ids.value()) {
        if (signal_int_list_push_back(list, id) < 0) {
            signal_int_list_free(list);
            return SG_ERR_NOMEM;
        }
    }
    *sessions = list;
    return static_cast<int>(ids.value().size());
}

int storeSession(const signal_protocol_address *address, uint8_t *record, size_t recordLength,
                 uint8_t *, size_t, void *userData)
{
    auto *store = static_cast<SessionStore *>(userData);
    return statusCode(
            store->store(nameOf(address), address->device_id, bytesOf(record, recordLength)));
}

int containsSession(const signal_protocol_address *address, void *userData)
{
    auto *store = static_cast<SessionStore *>(userData);
    const CryptoResult<bool> found = store->contains(nameOf(address), address->device_id);
    return found ? (found.value() ? 1 : 0) : toSignalCode(found.error());
}

int deleteSession(const signal_protocol_address *address, void *userData)
{
    auto *store = static_cast<SessionStore *>(userData);
    const CryptoResult<bool> deleted = store->remove(nameOf(address), address->device_id);
    return deleted ? (deleted.value() ? 1 : 0) : toSignalCode(deleted.error());
}

int deleteAllSessions(const char *name, size_t nameLength, void *userData)
{
    auto *store = static_cast<SessionStore *>(userData);
    const CryptoResult<int> deleted = store->removeAll(nameOf(name, nameLength));
    return deleted ? deleted.value() : toSignalCode(deleted.error());
}

// ---- one-time pre-keys

// libsignal expects SG_ERR_INVALID_KEY_ID for a pre-key that is not there.
int handOverKey(const CryptoResult<std::optional<QByteArray>> &loaded, signal_buffer **record)
{
    const int result = handOver(loaded, record);
    return result == 0 ? SG_ERR_INVALID_KEY_ID : (result == 1 ? SG_SUCCESS : result);
}

int loadPreKey(signal_buffer **record, uint32_t id, void *userData)
{
    return handOverKey(static_cast<PreKeyStore *>(userData)->load(id), record);
}

int storePreKey(uint32_t id, uint8_t *record, size_t recordLength, void *userData)
{
    auto *store = static_cast<PreKeyStore *>(userData);
    return statusCode(store->store(id, bytesOf(record, recordLength)));
}

int containsPreKey(uint32_t id, void *userData)
{
    const CryptoResult<bool> found = static_cast<PreKeyStore *>(userData)->contains(id);
    return found ? (found.value() ? 1 : 0) : toSignalCode(found.error());
}

int removePreKey(uint32_t id, void *userData)
{
    return statusCode(static_cast<PreKeyStore *>(userData)->remove(id));
}

// ---- signed pre-keys

int loadSignedPreKey(signal_buffer **record, uint32_t id, void *userData)
{
    return handOverKey(static_cast<SignedPreKeyStore *>(userData)->load(id), record);
}

// Parley's DeviceIdentity stores signed pre-keys itself, with their creation time; libsignal
// calls this only if asked to store one, which then counts as created now.
int storeSignedPreKey(uint32_t id, uint8_t *record, size_t recordLength, void *userData)
{
    auto *store = static_cast<SignedPreKeyStore *>(userData);
    return statusCode(
            store->store(id, QDateTime::currentMSecsSinceEpoch(), bytesOf(record, recordLength)));
}

int containsSignedPreKey(uint32_t id, void *userData)
{
    const CryptoResult<bool> found = static_cast<SignedPreKeyStore *>(userData)->contains(id);
    return found ? (found.value() ? 1 : 0) : toSignalCode(found.error());
}

int removeSignedPreKey(uint32_t id, void *userData)
{
    return statusCode(static_cast<SignedPreKeyStore *>(userData)->remove(id));
}

// ---- identities

int identityKeyPair(signal_buffer **publicData, signal_buffer **privateData, void *userData)
{
    auto *store = static_cast<IdentityStore *>(userData);
    const auto identity = store->localIdentity();
    if (!identity)
        return toSignalCode(identity.error());
    if (!identity.value())
        return toSignalCode(CryptoError::NoIdentity);
    signal_buffer *publicBuffer = newSignalBuffer(identity.value()->publicKey);
    signal_buffer *privateBuffer = newSignalBuffer(identity.value()->privateKey);
    if (!publicBuffer || !privateBuffer) {
        signal_buffer_free(publicBuffer);
        signal_buffer_bzero_free(privateBuffer);
        return SG_ERR_NOMEM;
    }
    *publicData = publicBuffer;
    *privateData = privateBuffer;
    return SG_SUCCESS;
}

int localRegistrationId(void *userData, uint32_t *registrationId)
{
    auto *store = static_cast<IdentityStore *>(userData);
    const auto identity = store->localIdentity();
    if (!identity)
        return toSignalCode(identity.error());
    if (!identity.value())
        return toSignalCode(CryptoError::NoIdentity);
    *registrationId = identity.value()->registrationId;
    return SG_SUCCESS;
}

int saveIdentity(const signal_protocol_address *address, uint8_t *keyData, size_t keyLength,
                 void *userData)
{
    auto *store = static_cast<IdentityStore *>(userData);
    if (!keyData)
        return statusCode(store->forget(nameOf(address), address->device_id));
    return statusCode(
            store->saveTrusted(nameOf(address), address->device_id, bytesOf(keyData, keyLength)));
}

int isTrustedIdentity(const signal_protocol_address *address, uint8_t *keyData, size_t keyLength,
                      void *userData)
{
    auto *store = static_cast<IdentityStore *>(userData);
    const CryptoResult<bool> trusted =
            store->isTrusted(nameOf(address), address->device_id, bytesOf(keyData, keyLength));
    return trusted ? (trusted.value() ? 1 : 0) : toSignalCode(trusted.error());
}

// ---- sender keys

int storeSenderKey(const signal_protocol_sender_key_name *senderKeyName, uint8_t *record,
                   size_t recordLength, uint8_t *, size_t, void *userData)
{
    auto *store = static_cast<SenderKeyStore *>(userData);
    return statusCode(store->store(nameOf(senderKeyName->group_id, senderKeyName->group_id_len),
                                   nameOf(&senderKeyName->sender), senderKeyName->sender.device_id,
                                   bytesOf(record, recordLength)));
}

int loadSenderKey(signal_buffer **record, signal_buffer **,
                  const signal_protocol_sender_key_name *senderKeyName, void *userData)
{
    auto *store = static_cast<SenderKeyStore *>(userData);
    return handOver(store->load(nameOf(senderKeyName->group_id, senderKeyName->group_id_len),
                                nameOf(&senderKeyName->sender), senderKeyName->sender.device_id),
                    record);
}

} // namespace

CryptoResult<std::unique_ptr<SignalStoreContext>> SignalStoreContext::create(SignalContext &context,
                                                                             const Stores &stores)
{
    std::unique_ptr<SignalStoreContext> result(new SignalStoreContext);
    if (signal_protocol_store_context_create(&result->m_context, context.handle()) < 0)
        return CryptoError::CryptoFailure;

    const signal_protocol_session_store sessionStore{
            .load_session_func = loadSession,
            .get_sub_device_sessions_func = subDeviceSessions,
            .store_session_func = storeSession,
            .contains_session_func = containsSession,
            .delete_session_func = deleteSession,
            .delete_all_sessions_func = deleteAllSessions,
            .destroy_func = nullptr,
            .user_data = &stores.sessions,
    };
    const signal_protocol_pre_key_store preKeyStore{
            .load_pre_key = loadPreKey,
            .store_pre_key = storePreKey,
            .contains_pre_key = containsPreKey,
            .remove_pre_key = removePreKey,
            .destroy_func = nullptr,
            .user_data = &stores.preKeys,
    };
    const signal_protocol_signed_pre_key_store signedPreKeyStore{
            .load_signed_pre_key = loadSignedPreKey,
            .store_signed_pre_key = storeSignedPreKey,
            .contains_signed_pre_key = containsSignedPreKey,
            .remove_signed_pre_key = removeSignedPreKey,
            .destroy_func = nullptr,
            .user_data = &stores.signedPreKeys,
    };
    const signal_protocol_identity_key_store identityStore{
            .get_identity_key_pair = identityKeyPair,
            .get_local_registration_id = localRegistrationId,
            .save_identity = saveIdentity,
            .is_trusted_identity = isTrustedIdentity,
            .destroy_func = nullptr,
            .user_data = &stores.identities,
    };
    const signal_protocol_sender_key_store senderKeyStore{
            .store_sender_key = storeSenderKey,
            .load_sender_key = loadSenderKey,
            .destroy_func = nullptr,
            .user_data = &stores.senderKeys,
    };

    if (signal_protocol_store_context_set_session_store(result->m_context, &sessionStore) < 0
        || signal_protocol_store_context_set_pre_key_store(result->m_context, &preKeyStore) < 0
        || signal_protocol_store_context_set_signed_pre_key_store(result->m_context,
                                                                  &signedPreKeyStore)
                < 0
        || signal_protocol_store_context_set_identity_key_store(result->m_context, &identityStore)
                < 0
        || signal_protocol_store_context_set_sender_key_store(result->m_context, &senderKeyStore)
                < 0) {
        qCWarning(lcCrypto) << "cannot bind the key store to libsignal";
        return CryptoError::CryptoFailure;
    }
    return result;
}

SignalStoreContext::~SignalStoreContext()
{
    if (m_context)
        signal_protocol_store_context_destroy(m_context);
}

} // namespace Parley
