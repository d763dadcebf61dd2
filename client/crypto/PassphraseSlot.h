#pragma once

/// A key sealed under a passphrase the user types (Argon2id through libsodium).

#include "CryptoResult.h"

#include <QtCore/QByteArray>
#include <QtCore/QCborMap>
#include <QtCore/QString>

#include <optional>

namespace Parley {

//! \brief A 32-byte key kept sealed under a key derived from a passphrase.
//!
//! The passphrase's key is Argon2id (crypto_pwhash) over a random salt; the slot stores the salt,
//! the costs and the sealed key (RecordSealer, bound to the slot's purpose, so a slot of one file
//! does not open in another kind of file). Costs read from a file are checked first: a damaged
//! or hostile file must not make the client hash for hours or allocate gigabytes.
class PassphraseSlot
{
public:
    //! Argon2id costs. interactive() is what people get (libsodium's "moderate": 256 MiB, under
    //! a second on a desktop); tests use minimal().
    struct Cost
    {
        quint64 ops = 0;
        quint64 memBytes = 0;
        static Cost interactive();
        static Cost minimal();
    };

    //! Seals `key` under `passphrase`. InvalidArgument for an empty passphrase or implausible
    //! costs.
    static CryptoResult<PassphraseSlot> seal(const QByteArray &key, const QString &passphrase,
                                             const QByteArray &binding,
                                             Cost cost = Cost::interactive());
    //! The key, or WrongPassphrase.
    CryptoResult<QByteArray> open(const QString &passphrase, const QByteArray &binding) const;

    //! {"salt", "ops", "mem", "key"}.
    QCborMap toCbor() const;
    //! nullopt when `map` is not a plausible slot.
    static std::optional<PassphraseSlot> fromCbor(const QCborMap &map);

private:
    PassphraseSlot() = default;

    QByteArray m_salt;
    quint64 m_ops = 0;
    quint64 m_memBytes = 0;
    QByteArray m_sealedKey;
};

} // namespace Parley
