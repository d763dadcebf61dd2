#pragma once

/// Seals key-store records at rest with the storage key (libsodium crypto_secretbox).

#include "CryptoResult.h"

#include <QByteArray>

#include <QString>

#include <array>
#include <initializer_list>
#include <memory>

namespace Parley {

//! Length of the storage key the caller keeps in the OS keychain.
constexpr int StorageKeyBytes = 32;

//! \brief Encrypts and authenticates each key-store record with the storage key.
//!
//! A sealed record is: version byte (1) | 24-byte random nonce | crypto_secretbox
//! (XSalsa20-Poly1305) of (2-byte big-endian binding length | binding | payload). The binding
//! names the row the record belongs to ("session:42:1"); open() refuses a record whose binding
//! differs, so a record copied into another row does not open there.
class RecordSealer
{
public:
    //! StorageKeyMissing for an empty key, StorageKeyInvalid for one of another length,
    //! CryptoFailure if libsodium cannot start.
    static CryptoResult<std::unique_ptr<RecordSealer>> create(const QByteArray &storageKey);

    ~RecordSealer();
    RecordSealer(const RecordSealer &) = delete;
    RecordSealer &operator=(const RecordSealer &) = delete;

    //! A fresh random storage key, for a first start (the caller saves it in the keychain).
    static QByteArray generateStorageKey();

    //! The binding of a row: its table and key columns, NUL-separated.
    static QByteArray binding(const char *table, std::initializer_list<QString> keyColumns);

    QByteArray seal(const QByteArray &binding, const QByteArray &payload) const;
    //! The payload, or CorruptRecord if the record is damaged, sealed with another key or
    //! bound to another row.
    CryptoResult<QByteArray> open(const QByteArray &binding, const QByteArray &sealed) const;

private:
    RecordSealer() = default;

    std::array<unsigned char, StorageKeyBytes> m_key{};
};

} // namespace Parley
