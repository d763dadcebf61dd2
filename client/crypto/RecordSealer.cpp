#include "RecordSealer.h"

#include "Logging.h"

#include <sodium.h>

static_assert(Parley::StorageKeyBytes == crypto_secretbox_KEYBYTES);

namespace Parley {

namespace {

constexpr char SealVersion = 1;
constexpr qsizetype HeaderBytes = 1 + crypto_secretbox_NONCEBYTES;
constexpr qsizetype MaxBindingBytes = 0xffff;

unsigned char *writable(QByteArray &data, qsizetype offset = 0)
{
    return reinterpret_cast<unsigned char *>(data.data()) + offset;
}

const unsigned char *readable(const QByteArray &data, qsizetype offset = 0)
{
    return reinterpret_cast<const unsigned char *>(data.constData()) + offset;
}

void wipe(QByteArray &data)
{
    if (!data.isEmpty())
        sodium_memzero(data.data(), static_cast<size_t>(data.size()));
}

} // namespace

CryptoResult<std::unique_ptr<RecordSealer>> RecordSealer::create(const QByteArray &storageKey)
{
    if (storageKey.isEmpty())
        return CryptoError::StorageKeyMissing;
    if (storageKey.size() != StorageKeyBytes)
        return CryptoError::StorageKeyInvalid;
    if (sodium_init() < 0) {
        qCWarning(lcCrypto) << "libsodium failed to initialise";
        return CryptoError::CryptoFailure;
    }
    std::unique_ptr<RecordSealer> sealer(new RecordSealer);
    std::copy_n(readable(storageKey), StorageKeyBytes, sealer->m_key.begin());
    return sealer;
}

RecordSealer::~RecordSealer()
{
    sodium_memzero(m_key.data(), m_key.size());
}

QByteArray RecordSealer::generateStorageKey()
{
    if (sodium_init() < 0)
        return {};
    QByteArray key(StorageKeyBytes, Qt::Uninitialized);
    randombytes_buf(key.data(), static_cast<size_t>(key.size()));
    return key;
}

QByteArray RecordSealer::binding(const char *table, std::initializer_list<QString> keyColumns)
{
    QByteArray result(table);
    for (const QString &column : keyColumns) {
        result.append('\0');
        result.append(column.toUtf8());
    }
    return result;
}

QByteArray RecordSealer::seal(const QByteArray &binding, const QByteArray &payload) const
{
    Q_ASSERT(binding.size() <= MaxBindingBytes);
    QByteArray plain;
    plain.reserve(2 + binding.size() + payload.size());
    plain.append(static_cast<char>((binding.size() >> 8) & 0xff));
    plain.append(static_cast<char>(binding.size() & 0xff));
    plain.append(binding);
    plain.append(payload);

    QByteArray sealed(HeaderBytes + crypto_secretbox_MACBYTES + plain.size(), Qt::Uninitialized);
    sealed[0] = SealVersion;
    randombytes_buf(writable(sealed, 1), crypto_secretbox_NONCEBYTES);
    crypto_secretbox_easy(writable(sealed, HeaderBytes), readable(plain),
                          static_cast<unsigned long long>(plain.size()), readable(sealed, 1),
                          m_key.data());
    wipe(plain);
    return sealed;
}

CryptoResult<QByteArray> RecordSealer::open(const QByteArray &binding,
                                            const QByteArray &sealed) const
{
    if (sealed.size() < HeaderBytes + qsizetype(crypto_secretbox_MACBYTES) + 2
        || sealed.at(0) != SealVersion)
        return CryptoError::CorruptRecord;

    const qsizetype boxBytes = sealed.size() - HeaderBytes;
    QByteArray plain(boxBytes - qsizetype(crypto_secretbox_MACBYTES), Qt::Uninitialized);
    if (crypto_secretbox_open_easy(writable(plain), readable(sealed, HeaderBytes),
                                   static_cast<unsigned long long>(boxBytes), readable(sealed, 1),
                                   m_key.data())
        != 0)
        return CryptoError::CorruptRecord;

    const qsizetype bindingBytes = (qsizetype(quint8(plain.at(0))) << 8) | quint8(plain.at(1));
    if (bindingBytes > plain.size() - 2 || plain.mid(2, bindingBytes) != binding) {
        wipe(plain);
        return CryptoError::CorruptRecord;
    }
    QByteArray payload = plain.mid(2 + bindingBytes);
    wipe(plain);
    return payload;
}

} // namespace Parley
