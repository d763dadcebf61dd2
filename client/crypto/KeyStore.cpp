#include "KeyStore.h"

#include "KeyStoreSchema.h"
#include "Logging.h"
#include "RecordSealer.h"
#include "Savepoint.h"
#include "SignalContext.h"
#include "SignalStoreContext.h"
#include "StatementCache.h"
#include "StoreQuery.h"

namespace Parley {

namespace {

const QByteArray s_keyCheckPayload = QByteArrayLiteral("parley key store");

QByteArray keyCheckBinding()
{
    return RecordSealer::binding("crypto_meta", {QStringLiteral("key_check")});
}

CryptoResult<bool> hasSealedRecords(const QString &connectionName)
{
    StoreQuery query(connectionName,
                     QStringLiteral("SELECT EXISTS (SELECT 1 FROM crypto_local_identity)"
                                    " OR EXISTS (SELECT 1 FROM crypto_remote_identities)"
                                    " OR EXISTS (SELECT 1 FROM crypto_pre_keys)"
                                    " OR EXISTS (SELECT 1 FROM crypto_signed_pre_keys)"
                                    " OR EXISTS (SELECT 1 FROM crypto_sessions)"
                                    " OR EXISTS (SELECT 1 FROM crypto_sender_keys)"));
    if (CryptoStatus status = query.exec(); !status)
        return status.error();
    return query.next() && query.value(0).toBool();
}

// The key-check record is written with the first storage key. A key that does not open it
// would not open any other record either: refuse it before anything is read or written.
CryptoStatus checkStorageKey(const QString &connectionName, const RecordSealer &sealer)
{
    StoreQuery read(connectionName,
                    QStringLiteral("SELECT value FROM crypto_meta WHERE key = 'key_check'"));
    if (CryptoStatus status = read.exec(); !status)
        return status;
    if (read.next()) {
        const CryptoResult<QByteArray> payload =
                sealer.open(keyCheckBinding(), read.value(0).toByteArray());
        if (!payload || payload.value() != s_keyCheckPayload) {
            qCWarning(lcCrypto) << "the storage key does not open the key store";
            return CryptoError::WrongStorageKey;
        }
        return {};
    }

    const CryptoResult<bool> hasRecords = hasSealedRecords(connectionName);
    if (!hasRecords)
        return hasRecords.error();
    if (hasRecords.value()) {
        qCWarning(lcCrypto) << "key store has records but no key-check record";
        return CryptoError::CorruptRecord;
    }
    StoreQuery write(
            connectionName,
            QStringLiteral("INSERT INTO crypto_meta (key, value) VALUES ('key_check', ?)"));
    write.bind(sealer.seal(keyCheckBinding(), s_keyCheckPayload));
    return write.exec();
}

} // namespace

CryptoResult<std::unique_ptr<KeyStore>>
KeyStore::open(SignalContext &context, const QString &connectionName, const QByteArray &storageKey)
{
    CryptoResult<std::unique_ptr<RecordSealer>> sealer = RecordSealer::create(storageKey);
    if (!sealer) {
        qCWarning(lcCrypto) << "cannot open the key store:" << cryptoErrorString(sealer.error());
        return sealer.error();
    }

    if (CryptoStatus status = KeyStoreSchema::migrate(connectionName); !status)
        return status.error();
    Savepoint savepoint(connectionName);
    if (CryptoStatus status = savepoint.begin(); !status)
        return status.error();
    if (CryptoStatus status = checkStorageKey(connectionName, *sealer.value()); !status)
        return status.error();
    if (CryptoStatus status = savepoint.release(); !status)
        return status.error();

    std::unique_ptr<KeyStore> store(
            new KeyStore(context, connectionName, std::move(sealer).value()));
    CryptoResult<std::unique_ptr<SignalStoreContext>> signalStore = SignalStoreContext::create(
            context,
            {store->m_identities, store->m_preKeys, store->m_signedPreKeys, store->m_sessions,
             store->m_senderKeys});
    if (!signalStore)
        return signalStore.error();
    store->m_signalStore = std::move(signalStore).value();
    return store;
}

KeyStore::KeyStore(SignalContext &context, const QString &connectionName,
                   std::unique_ptr<RecordSealer> sealer)
    : m_signalContext(context),
      m_connectionName(connectionName),
      m_sealer(std::move(sealer)),
      m_statements(std::make_unique<StatementCache>(connectionName)),
      m_identities(*m_statements, *m_sealer),
      m_preKeys(*m_statements, *m_sealer),
      m_signedPreKeys(*m_statements, *m_sealer),
      m_sessions(*m_statements, *m_sealer),
      m_senderKeys(*m_statements, *m_sealer)
{
}

KeyStore::~KeyStore() = default;

signal_protocol_store_context *KeyStore::signalStore() const
{
    return m_signalStore->handle();
}

CryptoResult<QList<IdentityChange>> KeyStore::changedIdentities() const
{
    return m_identities.changedIdentities();
}

CryptoStatus KeyStore::acknowledgeIdentityChange(const DeviceAddress &address)
{
    return atomically([&]() -> CryptoStatus {
        if (CryptoStatus status = m_identities.acceptOfferedIdentity(address); !status)
            return status;
        const CryptoResult<bool> removed = m_sessions.remove(address.name(), address.deviceId);
        return removed ? CryptoStatus() : CryptoStatus(removed.error());
    });
}

CryptoStatus KeyStore::atomically(const std::function<CryptoStatus()> &operation)
{
    m_identities.clearOffers();
    Savepoint savepoint(*m_statements);
    if (CryptoStatus status = savepoint.begin(); !status)
        return status;
    CryptoStatus status = operation();
    if (status)
        status = savepoint.release();
    if (!status) {
        savepoint.rollback();
        if (CryptoStatus offers = m_identities.rewriteOffers(); !offers)
            qCWarning(lcCrypto) << "could not record an identity change";
    }
    m_identities.clearOffers();
    return status;
}

} // namespace Parley
