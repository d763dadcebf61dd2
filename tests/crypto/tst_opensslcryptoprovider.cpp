// Known answers for the libsignal crypto callbacks: RFC 4231 (HMAC-SHA256), FIPS 180-4
// examples (SHA-512), NIST SP 800-38A F.2 (AES-CBC) and F.5 (AES-CTR).

#include "crypto/OpenSslCryptoProvider.h"

#include <signal/signal_protocol.h>

#include <QTest>

#include <memory>

using namespace Parley;

namespace {

const signal_crypto_provider &provider()
{
    return OpenSslCryptoProvider::callbacks();
}

struct BufferFree
{
    void operator()(signal_buffer *buffer) const { signal_buffer_free(buffer); }
};
using Buffer = std::unique_ptr<signal_buffer, BufferFree>;

QByteArray take(signal_buffer *raw)
{
    Buffer buffer(raw);
    return QByteArray(reinterpret_cast<const char *>(signal_buffer_data(raw)),
                      qsizetype(signal_buffer_len(raw)));
}

const uint8_t *bytes(const QByteArray &data)
{
    return reinterpret_cast<const uint8_t *>(data.constData());
}

QByteArray hmac(const QByteArray &key, const QList<QByteArray> &chunks)
{
    void *context = nullptr;
    if (provider().hmac_sha256_init_func(&context, bytes(key), size_t(key.size()), nullptr) != 0)
        return {};
    for (const QByteArray &chunk : chunks)
        provider().hmac_sha256_update_func(context, bytes(chunk), size_t(chunk.size()), nullptr);
    signal_buffer *output = nullptr;
    const int result = provider().hmac_sha256_final_func(context, &output, nullptr);
    provider().hmac_sha256_cleanup_func(context, nullptr);
    return result == 0 ? take(output) : QByteArray();
}

int aes(bool encrypt, int mode, const QByteArray &key, const QByteArray &iv,
        const QByteArray &input, QByteArray *output)
{
    signal_buffer *raw = nullptr;
    const auto function = encrypt ? provider().encrypt_func : provider().decrypt_func;
    const int result = function(&raw, mode, bytes(key), size_t(key.size()), bytes(iv),
                                size_t(iv.size()), bytes(input), size_t(input.size()), nullptr);
    if (result == 0)
        *output = take(raw);
    return result;
}

const QByteArray s_nistPlaintext =
        QByteArray::fromHex("6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e51"
                            "30c81c46a35ce411e5fbc1191a0a52eff69f2445df4f9b17ad2b417be66c3710");

} // namespace

class tst_OpenSslCryptoProvider : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void random();
    void hmacSha256_data();
    void hmacSha256();
    void hmacSha256Incremental();
    void hmacSha256EmptyKey();
    void sha512_data();
    void sha512();
    void sha512ContextReuse();
    void aesCbc_data();
    void aesCbc();
    void aesCtr_data();
    void aesCtr();
    void aesRejectsBadInput();
};

void tst_OpenSslCryptoProvider::random()
{
    QByteArray first(32, '\0');
    QByteArray second(32, '\0');
    QCOMPARE(provider().random_func(reinterpret_cast<uint8_t *>(first.data()), 32, nullptr), 0);
    QCOMPARE(provider().random_func(reinterpret_cast<uint8_t *>(second.data()), 32, nullptr), 0);
    QVERIFY(first != QByteArray(32, '\0'));
    QVERIFY(first != second);
}

void tst_OpenSslCryptoProvider::hmacSha256_data()
{
    QTest::addColumn<QByteArray>("key");
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QByteArray>("mac");

    const QByteArray longKey(131, '\xaa');
    QTest::newRow("RFC 4231 case 1")
            << QByteArray(20, '\x0b') << QByteArray("Hi There")
            << QByteArray::fromHex(
                       "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
    QTest::newRow("RFC 4231 case 2")
            << QByteArray("Jefe") << QByteArray("what do ya want for nothing?")
            << QByteArray::fromHex(
                       "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    QTest::newRow("RFC 4231 case 3")
            << QByteArray(20, '\xaa') << QByteArray(50, '\xdd')
            << QByteArray::fromHex(
                       "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe");
    QTest::newRow("RFC 4231 case 4")
            << QByteArray::fromHex("0102030405060708090a0b0c0d0e0f10111213141516171819")
            << QByteArray(50, '\xcd')
            << QByteArray::fromHex(
                       "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b");
    QTest::newRow("RFC 4231 case 6")
            << longKey << QByteArray("Test Using Larger Than Block-Size Key - Hash Key First")
            << QByteArray::fromHex(
                       "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
    QTest::newRow("RFC 4231 case 7")
            << longKey
            << QByteArray("This is a test using a larger than block-size key and a larger "
                          "than block-size data. The key needs to be hashed before being used "
                          "by the HMAC algorithm.")
            << QByteArray::fromHex(
                       "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2");
}

void tst_OpenSslCryptoProvider::hmacSha256()
{
    QFETCH(QByteArray, key);
    QFETCH(QByteArray, data);
    QFETCH(QByteArray, mac);
    QCOMPARE(hmac(key, {data}).toHex(), mac.toHex());
}

void tst_OpenSslCryptoProvider::hmacSha256Incremental()
{
    const QByteArray key("Jefe");
    QCOMPARE(hmac(key, {"what do ya ", "want ", "for nothing?"}).toHex(),
             QByteArray("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"));
}

void tst_OpenSslCryptoProvider::hmacSha256EmptyKey()
{
    // HMAC pads the key with zeros: an empty key equals any all-zero key up to the block size.
    const QByteArray data("message");
    const QByteArray withEmptyKey = hmac(QByteArray(), {data});
    QCOMPARE(withEmptyKey.size(), 32);
    QCOMPARE(withEmptyKey, hmac(QByteArray(32, '\0'), {data}));
}

void tst_OpenSslCryptoProvider::sha512_data()
{
    QTest::addColumn<QByteArray>("message");
    QTest::addColumn<QByteArray>("digest");
    QTest::newRow("FIPS 180 abc")
            << QByteArray("abc")
            << QByteArray::fromHex(
                       "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
                       "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f");
    QTest::newRow("empty")
            << QByteArray()
            << QByteArray::fromHex(
                       "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce"
                       "47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e");
    QTest::newRow("FIPS 180 two blocks")
            << QByteArray("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
            << QByteArray::fromHex(
                       "204a8fc6dda82f0a0ced7beb8e08a41657c16ef468b228a8279be331a703c335"
                       "96fd15c13b1b07f9aa1d3bea57789ca031ad85c7a71dd70354ec631238ca3445");
}

void tst_OpenSslCryptoProvider::sha512()
{
    QFETCH(QByteArray, message);
    QFETCH(QByteArray, digest);
    void *context = nullptr;
    QCOMPARE(provider().sha512_digest_init_func(&context, nullptr), 0);
    QCOMPARE(provider().sha512_digest_update_func(context, bytes(message), size_t(message.size()),
                                                  nullptr),
             0);
    signal_buffer *output = nullptr;
    QCOMPARE(provider().sha512_digest_final_func(context, &output, nullptr), 0);
    provider().sha512_digest_cleanup_func(context, nullptr);
    QCOMPARE(take(output).toHex(), digest.toHex());
}

void tst_OpenSslCryptoProvider::sha512ContextReuse()
{
    // libsignal's fingerprints hash many times with one context: final must reset it.
    void *context = nullptr;
    QCOMPARE(provider().sha512_digest_init_func(&context, nullptr), 0);
    QByteArray digests[2];
    for (QByteArray &digest : digests) {
        provider().sha512_digest_update_func(context, bytes("abc"), 3, nullptr);
        signal_buffer *output = nullptr;
        QCOMPARE(provider().sha512_digest_final_func(context, &output, nullptr), 0);
        digest = take(output);
    }
    provider().sha512_digest_cleanup_func(context, nullptr);
    QCOMPARE(digests[0], digests[1]);
    QCOMPARE(digests[1].left(4).toHex(), QByteArray("ddaf35a1"));
}

void tst_OpenSslCryptoProvider::aesCbc_data()
{
    QTest::addColumn<QByteArray>("key");
    QTest::addColumn<QByteArray>("ciphertext");
    QTest::newRow("F.2.1 CBC-AES128")
            << QByteArray::fromHex("2b7e151628aed2a6abf7158809cf4f3c")
            << QByteArray::fromHex(
                       "7649abac8119b246cee98e9b12e9197d5086cb9b507219ee95db113a917678b2"
                       "73bed6b8e3c1743b7116e69e222295163ff1caa1681fac09120eca307586e1a7");
    QTest::newRow("F.2.3 CBC-AES192")
            << QByteArray::fromHex("8e73b0f7da0e6452c810f32b809079e562f8ead2522c6b7b")
            << QByteArray::fromHex(
                       "4f021db243bc633d7178183a9fa071e8b4d9ada9ad7dedf4e5e738763f69145a"
                       "571b242012fb7ae07fa9baac3df102e008b0e27988598881d920a9e64f5615cd");
    QTest::newRow("F.2.5 CBC-AES256")
            << QByteArray::fromHex(
                       "603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4")
            << QByteArray::fromHex(
                       "f58c4c04d6e5f1ba779eabfb5f7bfbd69cfc4e967edb808d679f777bc6702c7d"
                       "39f23369a9d9bacfa530e26304231461b2eb05e2c39be9fcda6c19078c6a9d1b");
}

void tst_OpenSslCryptoProvider::aesCbc()
{
    QFETCH(QByteArray, key);
    QFETCH(QByteArray, ciphertext);
    const QByteArray iv = QByteArray::fromHex("000102030405060708090a0b0c0d0e0f");

    // The vectors have no padding; PKCS#5 appends one full block to a 64-byte plaintext, and
    // the blocks before it are the NIST ciphertext.
    QByteArray encrypted;
    QCOMPARE(aes(true, SG_CIPHER_AES_CBC_PKCS5, key, iv, s_nistPlaintext, &encrypted), 0);
    QCOMPARE(encrypted.size(), 80);
    QCOMPARE(encrypted.left(64).toHex(), ciphertext.toHex());

    QByteArray decrypted;
    QCOMPARE(aes(false, SG_CIPHER_AES_CBC_PKCS5, key, iv, encrypted, &decrypted), 0);
    QCOMPARE(decrypted, s_nistPlaintext);

    // A short plaintext pads to one block and comes back whole.
    QByteArray shortEncrypted;
    QCOMPARE(aes(true, SG_CIPHER_AES_CBC_PKCS5, key, iv, "hi", &shortEncrypted), 0);
    QCOMPARE(shortEncrypted.size(), 16);
    QCOMPARE(aes(false, SG_CIPHER_AES_CBC_PKCS5, key, iv, shortEncrypted, &decrypted), 0);
    QCOMPARE(decrypted, QByteArray("hi"));
}

void tst_OpenSslCryptoProvider::aesCtr_data()
{
    QTest::addColumn<QByteArray>("key");
    QTest::addColumn<QByteArray>("ciphertext");
    QTest::newRow("F.5.1 CTR-AES128")
            << QByteArray::fromHex("2b7e151628aed2a6abf7158809cf4f3c")
            << QByteArray::fromHex(
                       "874d6191b620e3261bef6864990db6ce9806f66b7970fdff8617187bb9fffdff"
                       "5ae4df3edbd5d35e5b4f09020db03eab1e031dda2fbe03d1792170a0f3009cee");
    QTest::newRow("F.5.3 CTR-AES192")
            << QByteArray::fromHex("8e73b0f7da0e6452c810f32b809079e562f8ead2522c6b7b")
            << QByteArray::fromHex(
                       "1abc932417521ca24f2b0459fe7e6e0b090339ec0aa6faefd5ccc2c6f4ce8e94"
                       "1e36b26bd1ebc670d1bd1d665620abf74f78a7f6d29809585a97daec58c6b050");
    QTest::newRow("F.5.5 CTR-AES256")
            << QByteArray::fromHex(
                       "603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4")
            << QByteArray::fromHex(
                       "601ec313775789a5b7a7f504bbf3d228f443e3ca4d62b59aca84e990cacaf5c5"
                       "2b0930daa23de94ce87017ba2d84988ddfc9c58db67aada613c2dd08457941a6");
}

void tst_OpenSslCryptoProvider::aesCtr()
{
    QFETCH(QByteArray, key);
    QFETCH(QByteArray, ciphertext);
    const QByteArray counter = QByteArray::fromHex("f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff");

    QByteArray encrypted;
    QCOMPARE(aes(true, SG_CIPHER_AES_CTR_NOPADDING, key, counter, s_nistPlaintext, &encrypted), 0);
    QCOMPARE(encrypted.toHex(), ciphertext.toHex());
    QByteArray decrypted;
    QCOMPARE(aes(false, SG_CIPHER_AES_CTR_NOPADDING, key, counter, ciphertext, &decrypted), 0);
    QCOMPARE(decrypted.toHex(), s_nistPlaintext.toHex());
}

void tst_OpenSslCryptoProvider::aesRejectsBadInput()
{
    const QByteArray key(16, 'k');
    const QByteArray iv(16, 'i');
    QByteArray output;
    QVERIFY(aes(true, SG_CIPHER_AES_CBC_PKCS5, QByteArray(20, 'k'), iv, "data", &output) < 0);
    QVERIFY(aes(true, SG_CIPHER_AES_CBC_PKCS5, key, QByteArray(12, 'i'), "data", &output) < 0);
    QVERIFY(aes(true, 99, key, iv, "data", &output) < 0);
    // CBC ciphertext must be whole blocks.
    QVERIFY(aes(false, SG_CIPHER_AES_CBC_PKCS5, key, iv, QByteArray(15, 'c'), &output) < 0);
}

QTEST_GUILESS_MAIN(tst_OpenSslCryptoProvider)
#include "tst_opensslcryptoprovider.moc"
