#include "SecretsFile.h"

#include "RecordSealer.h"

#include <QtCore/QCborMap>
#include <QtCore/QCborValue>
#include <QtCore/QFile>
#include <QtCore/QSaveFile>

#include <cstring>

namespace Parley {

using namespace Qt::StringLiterals;

namespace {

constexpr int FileVersion = 1;
constexpr int KeyBytes = StorageKeyBytes;
// RFC 4648's alphabet: no 0/1/8 to mix up with O/I/B.
constexpr char Base32Alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
constexpr int RecoveryKeyChars = (KeyBytes * 8 + 4) / 5; // 52

// Each sealed value is bound to its place, so one cannot stand in for another.
const QByteArray SecretsBinding = QByteArrayLiteral("secrets-file:secrets");
const QByteArray RecoveryBinding = QByteArrayLiteral("secrets-file:recovery");
const QByteArray PassphraseBinding = QByteArrayLiteral("secrets-file:passphrase");

CryptoResult<QByteArray> sealWith(const QByteArray &key, const QByteArray &binding,
                                  const QByteArray &payload)
{
    auto sealer = RecordSealer::create(key);
    if (!sealer)
        return sealer.error();
    return sealer.value()->seal(binding, payload);
}

CryptoResult<QByteArray> openWith(const QByteArray &key, const QByteArray &binding,
                                  const QByteArray &sealed)
{
    auto sealer = RecordSealer::create(key);
    if (!sealer)
        return sealer.error();
    return sealer.value()->open(binding, sealed);
}

} // namespace

QByteArray SecretsFile::generateKey()
{
    return RecordSealer::generateStorageKey();
}

CryptoResult<SecretsFile> SecretsFile::create(const QByteArray &masterKey,
                                              const QByteArray &recoveryKey)
{
    SecretsFile file;
    if (auto sealed = file.setRecoveryKey(masterKey, recoveryKey); !sealed)
        return sealed.error();
    if (auto empty = file.setSecrets(masterKey, {}); !empty)
        return empty.error();
    return file;
}

CryptoResult<SecretsFile> SecretsFile::fromBytes(const QByteArray &bytes)
{
    QCborParserError error;
    const QCborValue value = QCborValue::fromCbor(bytes, &error);
    if (error.error != QCborError::NoError || !value.isMap())
        return CryptoError::CorruptRecord;
    const QCborMap map = value.toMap();
    const QCborValue version = map.value("v"_L1);
    if (!version.isInteger())
        return CryptoError::CorruptRecord;
    if (version.toInteger() != FileVersion)
        return CryptoError::UnsupportedStoreVersion;
    SecretsFile file;
    file.m_secrets = map.value("secrets"_L1).toByteArray();
    file.m_recoveryKey = map.value("recovery"_L1).toByteArray();
    if (file.m_secrets.isEmpty() || file.m_recoveryKey.isEmpty())
        return CryptoError::CorruptRecord;
    const QCborValue passphrase = map.value("passphrase"_L1);
    if (passphrase.isMap()) {
        file.m_passphrase = PassphraseSlot::fromCbor(passphrase.toMap());
        if (!file.m_passphrase)
            return CryptoError::CorruptRecord;
    } else if (!passphrase.isUndefined()) {
        return CryptoError::CorruptRecord;
    }
    const QCborValue keychain = map.value("keychain"_L1);
    if (!keychain.isUndefined() && !keychain.isBool())
        return CryptoError::CorruptRecord;
    file.m_keyInKeychain = keychain.toBool(true);
    // Without the keychain, the passphrase is the only everyday way in.
    if (!file.m_keyInKeychain && !file.hasPassphrase())
        return CryptoError::CorruptRecord;
    return file;
}

QByteArray SecretsFile::toBytes() const
{
    QCborMap map;
    map.insert("v"_L1, FileVersion);
    map.insert("secrets"_L1, m_secrets);
    map.insert("recovery"_L1, m_recoveryKey);
    if (m_passphrase)
        map.insert("passphrase"_L1, m_passphrase->toCbor());
    map.insert("keychain"_L1, m_keyInKeychain);
    return map.toCborValue().toCbor();
}

CryptoResult<SecretsFile> SecretsFile::read(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return CryptoError::DatabaseError;
    // The file holds a few keys and tokens; anything much larger is not ours.
    if (file.size() > 1024 * 1024)
        return CryptoError::CorruptRecord;
    return fromBytes(file.readAll());
}

CryptoStatus SecretsFile::write(const QString &path) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return CryptoError::DatabaseError;
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    if (file.write(toBytes()) < 0 || !file.commit())
        return CryptoError::DatabaseError;
    return {};
}

QString SecretsFile::formatRecoveryKey(const QByteArray &recoveryKey)
{
    QString text;
    quint32 buffer = 0;
    int bits = 0;
    int written = 0;
    const auto put = [&](int index) {
        if (written > 0 && written % 4 == 0)
            text.append(u'-');
        text.append(QLatin1Char(Base32Alphabet[index]));
        ++written;
    };
    for (char byte : recoveryKey) {
        buffer = (buffer << 8) | quint8(byte);
        bits += 8;
        while (bits >= 5) {
            put(int((buffer >> (bits - 5)) & 0x1f));
            bits -= 5;
        }
    }
    if (bits > 0)
        put(int((buffer << (5 - bits)) & 0x1f));
    return text;
}

std::optional<QByteArray> SecretsFile::parseRecoveryKey(const QString &text)
{
    QByteArray key;
    quint32 buffer = 0;
    int bits = 0;
    int read = 0;
    for (QChar c : text) {
        if (c.isSpace() || c == u'-')
            continue;
        const char upper = char(c.toUpper().unicode() < 128 ? c.toUpper().unicode() : 0);
        const char *at = upper ? std::strchr(Base32Alphabet, upper) : nullptr;
        if (!at)
            return std::nullopt;
        buffer = (buffer << 5) | quint32(at - Base32Alphabet);
        bits += 5;
        ++read;
        if (bits >= 8) {
            key.append(char((buffer >> (bits - 8)) & 0xff));
            bits -= 8;
        }
    }
    // The last character carries 2 bits of the key and 3 zero bits.
    if (read != RecoveryKeyChars || key.size() != KeyBytes || (buffer & ((1u << bits) - 1)) != 0)
        return std::nullopt;
    return key;
}

CryptoStatus SecretsFile::setPassphrase(const QByteArray &masterKey, const QString &passphrase,
                                        PassphraseCost cost)
{
    auto slot = PassphraseSlot::seal(masterKey, passphrase, PassphraseBinding, cost);
    if (!slot)
        return slot.error();
    m_passphrase = std::move(slot.value());
    return {};
}

void SecretsFile::clearPassphrase()
{
    m_passphrase.reset();
}

CryptoResult<QByteArray> SecretsFile::masterKeyFromPassphrase(const QString &passphrase) const
{
    if (!m_passphrase)
        return CryptoError::WrongPassphrase;
    return m_passphrase->open(passphrase, PassphraseBinding);
}

CryptoResult<QByteArray> SecretsFile::masterKeyFromRecoveryKey(const QByteArray &recoveryKey) const
{
    auto master = openWith(recoveryKey, RecoveryBinding, m_recoveryKey);
    if (!master)
        return CryptoError::WrongRecoveryKey;
    return master;
}

CryptoStatus SecretsFile::setRecoveryKey(const QByteArray &masterKey, const QByteArray &recoveryKey)
{
    auto sealed = sealWith(recoveryKey, RecoveryBinding, masterKey);
    if (!sealed)
        return sealed.error();
    m_recoveryKey = sealed.value();
    return {};
}

CryptoResult<QMap<QString, QByteArray>> SecretsFile::secrets(const QByteArray &masterKey) const
{
    auto opened = openWith(masterKey, SecretsBinding, m_secrets);
    if (!opened)
        return opened.error() == CryptoError::CorruptRecord ? CryptoError::WrongStorageKey
                                                            : opened.error();
    QCborParserError error;
    const QCborValue value = QCborValue::fromCbor(opened.value(), &error);
    if (error.error != QCborError::NoError || !value.isMap())
        return CryptoError::CorruptRecord;
    QMap<QString, QByteArray> secrets;
    const QCborMap map = value.toMap();
    for (auto it = map.cbegin(); it != map.cend(); ++it) {
        if (!it.key().isString() || !it.value().isByteArray())
            return CryptoError::CorruptRecord;
        secrets.insert(it.key().toString(), it.value().toByteArray());
    }
    return secrets;
}

CryptoStatus SecretsFile::setSecrets(const QByteArray &masterKey,
                                     const QMap<QString, QByteArray> &secrets)
{
    QCborMap map;
    for (auto it = secrets.cbegin(); it != secrets.cend(); ++it)
        map.insert(it.key(), it.value());
    auto sealed = sealWith(masterKey, SecretsBinding, map.toCborValue().toCbor());
    if (!sealed)
        return sealed.error();
    m_secrets = sealed.value();
    return {};
}

} // namespace Parley
