#pragma once

/// The profile's secrets (device tokens, storage keys) in one sealed file that a keychain entry,
/// a passphrase or a recovery key opens.

#include "CryptoResult.h"
#include "PassphraseSlot.h"

#include <QtCore/QByteArray>
#include <QtCore/QMap>
#include <QtCore/QString>

#include <optional>

namespace Parley {

//! \brief The sealed file of a profile's secrets and the ways to open it.
//!
//! The secrets (name → bytes) are sealed with a random 32-byte *master key*. The file keeps that
//! master key twice more, each sealed (RecordSealer) with a key the user holds:
//! - always under the *recovery key*, 32 random bytes shown once at set-up as 52 base32
//!   characters;
//! - when the user chose a passphrase, under a key derived from it with Argon2id (libsodium
//!   crypto_pwhash; salt and costs are stored beside it).
//! The master key itself lives in the OS keychain, or nowhere when the user chose the passphrase:
//! then the passphrase opens the file at start-up. Losing the keychain entry and the passphrase
//! still leaves the recovery key.
//!
//! The file is CBOR: {"v": 1, "secrets": sealed map, "recovery": sealed master key,
//! "passphrase": {"salt", "ops", "mem", "key": sealed master key}, "keychain": bool}. Nothing here touches the
//! disk but read() and write(); write() replaces the file atomically.
class SecretsFile
{
public:
    using PassphraseCost = PassphraseSlot::Cost;

    //! A new file with no secrets: a fresh master key, sealed under `recoveryKey`.
    static CryptoResult<SecretsFile> create(const QByteArray &masterKey,
                                            const QByteArray &recoveryKey);
    //! CorruptRecord if the file is not one of ours, UnsupportedStoreVersion if it is newer.
    static CryptoResult<SecretsFile> fromBytes(const QByteArray &bytes);
    static CryptoResult<SecretsFile> read(const QString &path);
    QByteArray toBytes() const;
    //! DatabaseError when the file cannot be written (the old one then stays whole).
    CryptoStatus write(const QString &path) const;

    //! 32 random bytes, for a master key or a recovery key.
    static QByteArray generateKey();
    //! "ABCD-EFGH-…": 52 base32 characters in groups of four.
    static QString formatRecoveryKey(const QByteArray &recoveryKey);
    //! The key back from what the user typed: case, spaces and dashes do not count; nullopt for
    //! anything else.
    static std::optional<QByteArray> parseRecoveryKey(const QString &text);

    bool hasPassphrase() const { return m_passphrase.has_value(); }
    //! Protects the master key with `passphrase` too (replacing an earlier passphrase).
    CryptoStatus setPassphrase(const QByteArray &masterKey, const QString &passphrase,
                               PassphraseCost cost = PassphraseCost::interactive());
    void clearPassphrase();
    //! Whether the master key is kept in the OS keychain (else only the passphrase opens the file
    //! every day). A file without the keychain always has a passphrase.
    bool keyInKeychain() const { return m_keyInKeychain; }
    void setKeyInKeychain(bool kept) { m_keyInKeychain = kept; }

    //! The master key, or WrongPassphrase / WrongRecoveryKey.
    CryptoResult<QByteArray> masterKeyFromPassphrase(const QString &passphrase) const;
    CryptoResult<QByteArray> masterKeyFromRecoveryKey(const QByteArray &recoveryKey) const;
    //! Seals the master key under a new recovery key (the old one stops working).
    CryptoStatus setRecoveryKey(const QByteArray &masterKey, const QByteArray &recoveryKey);

    //! The secrets, or WrongStorageKey when `masterKey` is not this file's.
    CryptoResult<QMap<QString, QByteArray>> secrets(const QByteArray &masterKey) const;
    CryptoStatus setSecrets(const QByteArray &masterKey, const QMap<QString, QByteArray> &secrets);

private:
    SecretsFile() = default;

    QByteArray m_secrets; // sealed with the master key
    QByteArray m_recoveryKey; // the master key, sealed with the recovery key
    std::optional<PassphraseSlot> m_passphrase; // the master key, sealed with the passphrase
    bool m_keyInKeychain = true;
};

} // namespace Parley
