#pragma once

/// The device's end-to-end encryption keys and sessions, sealed in the client's SQLite cache.

#include "CryptoResult.h"
#include "DeviceAddress.h"
#include "IdentityChange.h"
#include "IdentityStore.h"
#include "PreKeyStore.h"
#include "SenderKeyStore.h"
#include "SessionStore.h"
#include "SignedPreKeyStore.h"

#include <QList>
#include <QString>

#include <functional>
#include <memory>

struct signal_protocol_store_context;

namespace Parley {

class RecordSealer;
class SignalContext;
class SignalStoreContext;
class StatementCache;

//! \brief Opens the crypto_ tables on a connection the caller owns, checks the storage key,
//! and serves them to libsignal.
//!
//! Threading: a QSqlDatabase connection is usable only in the thread that opened it, and
//! libsignal's store callbacks are synchronous, so a KeyStore and every cipher using it run on
//! the thread owning the connection (the client's database thread), never on the GUI thread.
//!
//! Transactions: each cipher operation runs in atomically(): a savepoint that is its own
//! transaction when none is open, or nests in the caller's. To commit a decrypt together with
//! storing its plaintext, open a transaction on the connection, decrypt, store the message,
//! commit; rolling back instead leaves the session as if the ciphertext never arrived, so it
//! can be decrypted again later.
class KeyStore
{
public:
    //! Creates or upgrades the tables on the open connection \a connectionName and checks
    //! \a storageKey (StorageKeyBytes bytes from the OS keychain) against the key-check record.
    //! Errors: StorageKeyMissing, StorageKeyInvalid, WrongStorageKey (sealed with another
    //! key: nothing is read or changed), UnsupportedStoreVersion, DatabaseError, CorruptRecord.
    static CryptoResult<std::unique_ptr<KeyStore>>
    open(SignalContext &context, const QString &connectionName, const QByteArray &storageKey);

    ~KeyStore();
    KeyStore(const KeyStore &) = delete;
    KeyStore &operator=(const KeyStore &) = delete;

    SignalContext &signalContext() const { return m_signalContext; }
    QString connectionName() const { return m_connectionName; }

    IdentityStore &identities() { return m_identities; }
    PreKeyStore &preKeys() { return m_preKeys; }
    SignedPreKeyStore &signedPreKeys() { return m_signedPreKeys; }
    SessionStore &sessions() { return m_sessions; }
    SenderKeyStore &senderKeys() { return m_senderKeys; }

    //! Remote devices whose identity key changed; each stays untrusted (no session can be
    //! built with it, its pre-key messages fail with UntrustedIdentity) until acknowledged.
    CryptoResult<QList<IdentityChange>> changedIdentities() const;
    //! Trusts the new identity key of \a address and drops the session with its old key: the
    //! next message to it needs a fresh bundle (PairwiseCipher::buildSession), and its
    //! pre-key messages decrypt again. InvalidArgument when it has no pending change.
    CryptoStatus acknowledgeIdentityChange(const DeviceAddress &address);

    //! Runs \a operation in a savepoint: everything it wrote is kept if it succeeds and undone
    //! if it fails, except a detected identity change, which is recorded either way (inside
    //! the caller's transaction when one is open: committing it keeps the record).
    CryptoStatus atomically(const std::function<CryptoStatus()> &operation);

    //! The libsignal store context bound to these tables, for this library's ciphers.
    signal_protocol_store_context *signalStore() const;

private:
    KeyStore(SignalContext &context, const QString &connectionName,
             std::unique_ptr<RecordSealer> sealer);

    SignalContext &m_signalContext;
    QString m_connectionName;
    std::unique_ptr<RecordSealer> m_sealer;
    std::unique_ptr<StatementCache> m_statements; ///< outlives the stores that use it
    IdentityStore m_identities;
    PreKeyStore m_preKeys;
    SignedPreKeyStore m_signedPreKeys;
    SessionStore m_sessions;
    SenderKeyStore m_senderKeys;
    std::unique_ptr<SignalStoreContext> m_signalStore;
};

} // namespace Parley
