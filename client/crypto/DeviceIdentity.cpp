#include "DeviceIdentity.h"

#include "KeyStore.h"
#include "Logging.h"
#include "SignalContext.h"
#include "SignalHandle_p.h"
#include "StoreQuery.h"

#include <signal/key_helper.h>
#include <signal/ratchet.h>
#include <signal/session_pre_key.h>

namespace Parley {

namespace {

// libsignal's pre-key ids run from 1 to PRE_KEY_MEDIUM_MAX_VALUE - 1 and wrap around.
constexpr quint32 IdRange = PRE_KEY_MEDIUM_MAX_VALUE - 1;
constexpr int MaxPreKeysPerCall = 1000;

// Reserves \a count consecutive (wrapping) ids from the counter \a key in crypto_meta and
// returns the first. Counters are not secret and stay in clear.
CryptoResult<quint32> reserveIds(const QString &connectionName, const QString &key, int count)
{
    StoreQuery read(connectionName, QStringLiteral("SELECT value FROM crypto_meta WHERE key = ?"));
    read.bind(key);
    if (CryptoStatus status = read.exec(); !status)
        return status.error();
    quint32 first = 1;
    if (read.next()) {
        const qint64 stored = read.value(0).toLongLong();
        if (stored < 1 || stored > qint64(IdRange))
            return CryptoError::CorruptRecord;
        first = static_cast<quint32>(stored);
    }
    const quint32 next = (first - 1 + static_cast<quint32>(count)) % IdRange + 1;
    StoreQuery write(
            connectionName,
            QStringLiteral("INSERT OR REPLACE INTO crypto_meta (key, value) VALUES (?, ?)"));
    write.bind(key).bind(next);
    if (CryptoStatus status = write.exec(); !status)
        return status.error();
    return first;
}

CryptoResult<SignalPtr<ratchet_identity_key_pair>> loadIdentityKeyPair(KeyStore &store)
{
    ratchet_identity_key_pair *pair = nullptr;
    const int result = signal_protocol_identity_get_key_pair(store.signalStore(), &pair);
    if (result < 0)
        return fromSignalCode(result);
    return SignalPtr<ratchet_identity_key_pair>(pair);
}

CryptoResult<SignedPreKeyPublic> signedPreKeyPublic(const QByteArray &record,
                                                    signal_context *context)
{
    session_signed_pre_key *raw = nullptr;
    if (session_signed_pre_key_deserialize(&raw, bytes(record), length(record), context) < 0)
        return CryptoError::CorruptRecord;
    SignalPtr<session_signed_pre_key> key(raw);
    CryptoResult<QByteArray> publicKey =
            serializePublicKey(ec_key_pair_get_public(session_signed_pre_key_get_key_pair(raw)));
    if (!publicKey)
        return publicKey.error();
    SignedPreKeyPublic result;
    result.id = session_signed_pre_key_get_id(raw);
    result.publicKey = publicKey.value();
    result.signature =
            QByteArray(reinterpret_cast<const char *>(session_signed_pre_key_get_signature(raw)),
                       static_cast<qsizetype>(session_signed_pre_key_get_signature_len(raw)));
    return result;
}

CryptoResult<PreKeyPublic> preKeyPublic(const session_pre_key *key)
{
    CryptoResult<QByteArray> publicKey =
            serializePublicKey(ec_key_pair_get_public(session_pre_key_get_key_pair(key)));
    if (!publicKey)
        return publicKey.error();
    return PreKeyPublic{session_pre_key_get_id(key), publicKey.value()};
}

} // namespace

DeviceIdentity::DeviceIdentity(KeyStore &store) : m_store(store) { }

CryptoResult<bool> DeviceIdentity::exists() const
{
    const auto identity = m_store.identities().localIdentity();
    if (!identity)
        return identity.error();
    return identity.value().has_value();
}

CryptoResult<PreKeyBundle> DeviceIdentity::create(int preKeyCount, const QDateTime &now)
{
    if (preKeyCount < 0 || preKeyCount > MaxPreKeysPerCall)
        return CryptoError::InvalidArgument;
    signal_context *context = m_store.signalContext().handle();

    const CryptoStatus status = m_store.atomically([&]() -> CryptoStatus {
        CryptoResult<bool> existing = exists();
        if (!existing)
            return existing.error();
        if (existing.value())
            return CryptoError::IdentityAlreadyExists;

        ratchet_identity_key_pair *rawPair = nullptr;
        if (int result = signal_protocol_key_helper_generate_identity_key_pair(&rawPair, context);
            result < 0)
            return fromSignalCode(result);
        SignalPtr<ratchet_identity_key_pair> pair(rawPair);
        IdentityStore::LocalIdentity identity;
        if (int result = signal_protocol_key_helper_generate_registration_id(
                    &identity.registrationId, 0, context);
            result < 0)
            return fromSignalCode(result);
        CryptoResult<QByteArray> publicKey =
                serializePublicKey(ratchet_identity_key_pair_get_public(rawPair));
        CryptoResult<QByteArray> privateKey =
                serializePrivateKey(ratchet_identity_key_pair_get_private(rawPair));
        if (!publicKey || !privateKey)
            return CryptoError::CryptoFailure;
        identity.publicKey = publicKey.value();
        identity.privateKey = privateKey.value();
        CryptoStatus saved = m_store.identities().saveLocalIdentity(identity);
        identity.privateKey.fill('\0');
        if (!saved)
            return saved;

        if (auto signedPreKey = generateSignedPreKeyInPlace(now); !signedPreKey)
            return signedPreKey.error();
        if (auto preKeys = generatePreKeysInPlace(preKeyCount); !preKeys)
            return preKeys.error();
        return {};
    });
    if (!status) {
        qCWarning(lcCrypto) << "device identity not created:" << cryptoErrorString(status.error());
        return status.error();
    }
    qCInfo(lcCrypto) << "device identity created with" << preKeyCount << "one-time pre-keys";
    return publicBundle();
}

CryptoResult<PreKeyBundle> DeviceIdentity::publicBundle() const
{
    signal_context *context = m_store.signalContext().handle();
    const auto identity = m_store.identities().localIdentity();
    if (!identity)
        return identity.error();
    if (!identity.value())
        return CryptoError::NoIdentity;

    PreKeyBundle bundle;
    bundle.registrationId = identity.value()->registrationId;
    bundle.identityKey = identity.value()->publicKey;

    const CryptoResult<QList<quint32>> signedIds = m_store.signedPreKeys().idsNewestFirst();
    if (!signedIds)
        return signedIds.error();
    if (signedIds.value().isEmpty())
        return CryptoError::CorruptRecord;
    const auto signedRecord = m_store.signedPreKeys().load(signedIds.value().first());
    if (!signedRecord)
        return signedRecord.error();
    if (!signedRecord.value())
        return CryptoError::CorruptRecord;
    CryptoResult<SignedPreKeyPublic> signedPreKey =
            signedPreKeyPublic(*signedRecord.value(), context);
    if (!signedPreKey)
        return signedPreKey.error();
    bundle.signedPreKey = signedPreKey.value();

    const CryptoResult<QList<QByteArray>> preKeyRecords = m_store.preKeys().loadAll();
    if (!preKeyRecords)
        return preKeyRecords.error();
    bundle.preKeys.reserve(preKeyRecords.value().size());
    for (const QByteArray &record : preKeyRecords.value()) {
        session_pre_key *raw = nullptr;
        if (session_pre_key_deserialize(&raw, bytes(record), length(record), context) < 0)
            return CryptoError::CorruptRecord;
        SignalPtr<session_pre_key> key(raw);
        CryptoResult<PreKeyPublic> preKey = preKeyPublic(raw);
        if (!preKey)
            return preKey.error();
        bundle.preKeys.append(preKey.value());
    }
    return bundle;
}

CryptoResult<quint32> DeviceIdentity::registrationId() const
{
    const auto identity = m_store.identities().localIdentity();
    if (!identity)
        return identity.error();
    if (!identity.value())
        return CryptoError::NoIdentity;
    return identity.value()->registrationId;
}

CryptoResult<QByteArray> DeviceIdentity::identityKey() const
{
    const auto identity = m_store.identities().localIdentity();
    if (!identity)
        return identity.error();
    if (!identity.value())
        return CryptoError::NoIdentity;
    return identity.value()->publicKey;
}

CryptoResult<std::optional<SignedPreKeyPublic>>
DeviceIdentity::rotateSignedPreKey(std::chrono::milliseconds maxAge, const QDateTime &now)
{
    std::optional<SignedPreKeyPublic> rotated;
    const CryptoStatus status = m_store.atomically([&]() -> CryptoStatus {
        const CryptoResult<QList<quint32>> ids = m_store.signedPreKeys().idsNewestFirst();
        if (!ids)
            return ids.error();
        if (!ids.value().isEmpty()) {
            const auto record = m_store.signedPreKeys().load(ids.value().first());
            if (!record)
                return record.error();
            if (!record.value())
                return CryptoError::CorruptRecord;
            session_signed_pre_key *raw = nullptr;
            if (session_signed_pre_key_deserialize(&raw, bytes(*record.value()),
                                                   length(*record.value()),
                                                   m_store.signalContext().handle())
                < 0)
                return CryptoError::CorruptRecord;
            SignalPtr<session_signed_pre_key> newest(raw);
            const qint64 createdAtMs =
                    static_cast<qint64>(session_signed_pre_key_get_timestamp(raw));
            if (now.toMSecsSinceEpoch() - createdAtMs < maxAge.count())
                return {};
        }
        CryptoResult<SignedPreKeyPublic> created = generateSignedPreKeyInPlace(now);
        if (!created)
            return created.error();
        rotated = created.value();
        // Keep the new key and the one before it; older ones are past any session in flight.
        for (qsizetype i = 1; i < ids.value().size(); ++i) {
            if (CryptoStatus removed = m_store.signedPreKeys().remove(ids.value().at(i)); !removed)
                return removed;
        }
        return {};
    });
    if (!status)
        return status.error();
    if (rotated)
        qCInfo(lcCrypto) << "signed pre-key rotated to id" << rotated->id;
    return rotated;
}

CryptoResult<QList<PreKeyPublic>> DeviceIdentity::generatePreKeys(int count)
{
    if (count < 1 || count > MaxPreKeysPerCall)
        return CryptoError::InvalidArgument;
    CryptoResult<bool> existing = exists();
    if (!existing)
        return existing.error();
    if (!existing.value())
        return CryptoError::NoIdentity;

    QList<PreKeyPublic> generated;
    const CryptoStatus status = m_store.atomically([&]() -> CryptoStatus {
        CryptoResult<QList<PreKeyPublic>> preKeys = generatePreKeysInPlace(count);
        if (!preKeys)
            return preKeys.error();
        generated = std::move(preKeys).value();
        return {};
    });
    if (!status)
        return status.error();
    qCInfo(lcCrypto) << "generated" << count << "one-time pre-keys";
    return generated;
}

CryptoResult<int> DeviceIdentity::preKeyCount() const
{
    return m_store.preKeys().count();
}

CryptoResult<QList<PreKeyPublic>> DeviceIdentity::generatePreKeysInPlace(int count)
{
    QList<PreKeyPublic> generated;
    if (count == 0)
        return generated;
    CryptoResult<quint32> first =
            reserveIds(m_store.connectionName(), QStringLiteral("next_pre_key_id"), count);
    if (!first)
        return first.error();

    signal_protocol_key_helper_pre_key_list_node *head = nullptr;
    if (int result = signal_protocol_key_helper_generate_pre_keys(&head, first.value(),
                                                                  static_cast<unsigned int>(count),
                                                                  m_store.signalContext().handle());
        result < 0)
        return fromSignalCode(result);
    std::unique_ptr<signal_protocol_key_helper_pre_key_list_node,
                    decltype(&signal_protocol_key_helper_key_list_free)>
            list(head, &signal_protocol_key_helper_key_list_free);

    generated.reserve(count);
    for (auto *node = head; node; node = signal_protocol_key_helper_key_list_next(node)) {
        session_pre_key *key = signal_protocol_key_helper_key_list_element(node);
        signal_buffer *raw = nullptr;
        if (int result = session_pre_key_serialize(&raw, key); result < 0)
            return fromSignalCode(result);
        SignalBufferPtr record(raw);
        if (CryptoStatus stored =
                    m_store.preKeys().store(session_pre_key_get_id(key), toByteArray(raw));
            !stored)
            return stored.error();
        CryptoResult<PreKeyPublic> preKey = preKeyPublic(key);
        if (!preKey)
            return preKey.error();
        generated.append(preKey.value());
    }
    return generated;
}

CryptoResult<SignedPreKeyPublic> DeviceIdentity::generateSignedPreKeyInPlace(const QDateTime &now)
{
    CryptoResult<SignalPtr<ratchet_identity_key_pair>> pair = loadIdentityKeyPair(m_store);
    if (!pair)
        return pair.error();
    CryptoResult<quint32> id =
            reserveIds(m_store.connectionName(), QStringLiteral("next_signed_pre_key_id"), 1);
    if (!id)
        return id.error();

    const qint64 createdAtMs = now.toMSecsSinceEpoch();
    session_signed_pre_key *raw = nullptr;
    if (int result = signal_protocol_key_helper_generate_signed_pre_key(
                &raw, pair.value().get(), id.value(), static_cast<uint64_t>(createdAtMs),
                m_store.signalContext().handle());
        result < 0)
        return fromSignalCode(result);
    SignalPtr<session_signed_pre_key> key(raw);

    signal_buffer *rawRecord = nullptr;
    if (int result = session_signed_pre_key_serialize(&rawRecord, raw); result < 0)
        return fromSignalCode(result);
    SignalBufferPtr record(rawRecord);
    const QByteArray serialized = toByteArray(rawRecord);
    if (CryptoStatus stored = m_store.signedPreKeys().store(id.value(), createdAtMs, serialized);
        !stored)
        return stored.error();
    return signedPreKeyPublic(serialized, m_store.signalContext().handle());
}

} // namespace Parley
