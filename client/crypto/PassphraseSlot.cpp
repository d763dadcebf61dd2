#include "PassphraseSlot.h"

#include "RecordSealer.h"

#include <QtCore/QCborValue>

#include <sodium.h>

namespace Parley {

using namespace Qt::StringLiterals;

namespace {

constexpr int SaltBytes = crypto_pwhash_SALTBYTES;

CryptoResult<QByteArray> passphraseKey(const QString &passphrase, const QByteArray &salt,
                                       quint64 ops, quint64 memBytes)
{
    if (sodium_init() < 0 || salt.size() != SaltBytes)
        return CryptoError::CryptoFailure;
    const QByteArray utf8 = passphrase.toUtf8();
    QByteArray key(StorageKeyBytes, Qt::Uninitialized);
    if (crypto_pwhash(reinterpret_cast<unsigned char *>(key.data()), size_t(key.size()),
                      utf8.constData(), size_t(utf8.size()),
                      reinterpret_cast<const unsigned char *>(salt.constData()), ops,
                      size_t(memBytes), crypto_pwhash_ALG_ARGON2ID13)
        != 0)
        return CryptoError::CryptoFailure; // out of memory
    return key;
}

/// A sealer keyed by the passphrase's Argon2id key (which is wiped once the sealer has it).
CryptoResult<std::unique_ptr<RecordSealer>>
passphraseSealer(const QString &passphrase, const QByteArray &salt, quint64 ops, quint64 memBytes)
{
    auto derived = passphraseKey(passphrase, salt, ops, memBytes);
    if (!derived)
        return derived.error();
    auto sealer = RecordSealer::create(derived.value());
    sodium_memzero(derived.value().data(), size_t(derived.value().size()));
    return sealer;
}

bool plausibleCost(quint64 ops, quint64 memBytes)
{
    return ops >= crypto_pwhash_OPSLIMIT_MIN && ops <= crypto_pwhash_OPSLIMIT_SENSITIVE
            && memBytes >= crypto_pwhash_MEMLIMIT_MIN
            && memBytes <= crypto_pwhash_MEMLIMIT_SENSITIVE;
}

} // namespace

PassphraseSlot::Cost PassphraseSlot::Cost::interactive()
{
    return {crypto_pwhash_OPSLIMIT_MODERATE, crypto_pwhash_MEMLIMIT_MODERATE};
}

PassphraseSlot::Cost PassphraseSlot::Cost::minimal()
{
    return {crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN};
}

CryptoResult<PassphraseSlot> PassphraseSlot::seal(const QByteArray &key, const QString &passphrase,
                                                  const QByteArray &binding, Cost cost)
{
    if (passphrase.isEmpty() || !plausibleCost(cost.ops, cost.memBytes))
        return CryptoError::InvalidArgument;
    if (sodium_init() < 0)
        return CryptoError::CryptoFailure;
    PassphraseSlot slot;
    slot.m_salt = QByteArray(SaltBytes, Qt::Uninitialized);
    randombytes_buf(slot.m_salt.data(), size_t(slot.m_salt.size()));
    slot.m_ops = cost.ops;
    slot.m_memBytes = cost.memBytes;
    auto sealer = passphraseSealer(passphrase, slot.m_salt, cost.ops, cost.memBytes);
    if (!sealer)
        return sealer.error();
    slot.m_sealedKey = sealer.value()->seal(binding, key);
    return slot;
}

CryptoResult<QByteArray> PassphraseSlot::open(const QString &passphrase,
                                              const QByteArray &binding) const
{
    auto sealer = passphraseSealer(passphrase, m_salt, m_ops, m_memBytes);
    if (!sealer)
        return sealer.error();
    auto key = sealer.value()->open(binding, m_sealedKey);
    if (!key)
        return CryptoError::WrongPassphrase;
    return key;
}

QCborMap PassphraseSlot::toCbor() const
{
    QCborMap map;
    map.insert("salt"_L1, m_salt);
    map.insert("ops"_L1, qint64(m_ops));
    map.insert("mem"_L1, qint64(m_memBytes));
    map.insert("key"_L1, m_sealedKey);
    return map;
}

std::optional<PassphraseSlot> PassphraseSlot::fromCbor(const QCborMap &map)
{
    const QCborValue ops = map.value("ops"_L1);
    const QCborValue mem = map.value("mem"_L1);
    if (!ops.isInteger() || !mem.isInteger() || ops.toInteger() < 0 || mem.toInteger() < 0)
        return std::nullopt;
    PassphraseSlot slot;
    slot.m_ops = quint64(ops.toInteger());
    slot.m_memBytes = quint64(mem.toInteger());
    slot.m_salt = map.value("salt"_L1).toByteArray();
    slot.m_sealedKey = map.value("key"_L1).toByteArray();
    if (slot.m_salt.size() != SaltBytes || slot.m_sealedKey.isEmpty()
        || !plausibleCost(slot.m_ops, slot.m_memBytes))
        return std::nullopt;
    return slot;
}

} // namespace Parley
