#include "OpenSslCryptoProvider.h"

#include <signal/signal_protocol.h>

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/params.h>
#include <openssl/rand.h>

#include <climits>
#include <memory>
#include <vector>

namespace Parley {

namespace {

constexpr size_t AesBlockBytes = 16;

struct MacDeleter
{
    void operator()(EVP_MAC *mac) const { EVP_MAC_free(mac); }
};

// Fetching an algorithm is costly in OpenSSL 3; fetch HMAC once (thread-safe static).
EVP_MAC *hmacAlgorithm()
{
    static const std::unique_ptr<EVP_MAC, MacDeleter> mac(EVP_MAC_fetch(nullptr, "HMAC", nullptr));
    return mac.get();
}

int randomBytes(uint8_t *data, size_t len, void *)
{
    while (len > 0) {
        const int chunk = len > INT_MAX ? INT_MAX : static_cast<int>(len);
        if (RAND_bytes(data, chunk) != 1)
            return SG_ERR_UNKNOWN;
        data += chunk;
        len -= static_cast<size_t>(chunk);
    }
    return SG_SUCCESS;
}

int hmacSha256Init(void **hmacContext, const uint8_t *key, size_t keyLen, void *)
{
    EVP_MAC *mac = hmacAlgorithm();
    if (!mac)
        return SG_ERR_UNKNOWN;
    EVP_MAC_CTX *context = EVP_MAC_CTX_new(mac);
    if (!context)
        return SG_ERR_NOMEM;

    char digest[] = "SHA256";
    const OSSL_PARAM params[] = {
            OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest, 0),
            OSSL_PARAM_construct_end(),
    };
    // EVP_MAC_init reads a null key as "keep the previous key". HMAC pads keys with zeros to
    // the block size, so an empty key and a single zero byte give the same MAC.
    static const uint8_t zeroByte = 0;
    const uint8_t *effectiveKey = keyLen == 0 ? &zeroByte : key;
    const size_t effectiveLen = keyLen == 0 ? 1 : keyLen;
    if (EVP_MAC_init(context, effectiveKey, effectiveLen, params) != 1) {
        EVP_MAC_CTX_free(context);
        return SG_ERR_UNKNOWN;
    }
    *hmacContext = context;
    return SG_SUCCESS;
}

int hmacSha256Update(void *hmacContext, const uint8_t *data, size_t dataLen, void *)
{
    auto *context = static_cast<EVP_MAC_CTX *>(hmacContext);
    return EVP_MAC_update(context, data, dataLen) == 1 ? SG_SUCCESS : SG_ERR_UNKNOWN;
}

int hmacSha256Final(void *hmacContext, signal_buffer **output, void *)
{
    auto *context = static_cast<EVP_MAC_CTX *>(hmacContext);
    uint8_t mac[EVP_MAX_MD_SIZE];
    size_t macLen = 0;
    if (EVP_MAC_final(context, mac, &macLen, sizeof mac) != 1)
        return SG_ERR_UNKNOWN;
    signal_buffer *buffer = signal_buffer_create(mac, macLen);
    OPENSSL_cleanse(mac, sizeof mac);
    if (!buffer)
        return SG_ERR_NOMEM;
    *output = buffer;
    return SG_SUCCESS;
}

void hmacSha256Cleanup(void *hmacContext, void *)
{
    EVP_MAC_CTX_free(static_cast<EVP_MAC_CTX *>(hmacContext));
}

int sha512Init(void **digestContext, void *)
{
    EVP_MD_CTX *context = EVP_MD_CTX_new();
    if (!context)
        return SG_ERR_NOMEM;
    if (EVP_DigestInit_ex(context, EVP_sha512(), nullptr) != 1) {
        EVP_MD_CTX_free(context);
        return SG_ERR_UNKNOWN;
    }
    *digestContext = context;
    return SG_SUCCESS;
}

int sha512Update(void *digestContext, const uint8_t *data, size_t dataLen, void *)
{
    auto *context = static_cast<EVP_MD_CTX *>(digestContext);
    return EVP_DigestUpdate(context, data, dataLen) == 1 ? SG_SUCCESS : SG_ERR_UNKNOWN;
}

// libsignal reuses one digest context across several digests (fingerprint iterations):
// finalising must leave it ready for the next one.
int sha512Final(void *digestContext, signal_buffer **output, void *)
{
    auto *context = static_cast<EVP_MD_CTX *>(digestContext);
    uint8_t digest[EVP_MAX_MD_SIZE];
    unsigned int digestLen = 0;
    if (EVP_DigestFinal_ex(context, digest, &digestLen) != 1)
        return SG_ERR_UNKNOWN;
    if (EVP_DigestInit_ex(context, EVP_sha512(), nullptr) != 1)
        return SG_ERR_UNKNOWN;
    signal_buffer *buffer = signal_buffer_create(digest, digestLen);
    if (!buffer)
        return SG_ERR_NOMEM;
    *output = buffer;
    return SG_SUCCESS;
}

void sha512Cleanup(void *digestContext, void *)
{
    EVP_MD_CTX_free(static_cast<EVP_MD_CTX *>(digestContext));
}

const EVP_CIPHER *aesCipher(int mode, size_t keyLen)
{
    if (mode == SG_CIPHER_AES_CBC_PKCS5) {
        switch (keyLen) {
        case 16:
            return EVP_aes_128_cbc();
        case 24:
            return EVP_aes_192_cbc();
        case 32:
            return EVP_aes_256_cbc();
        }
    } else if (mode == SG_CIPHER_AES_CTR_NOPADDING) {
        switch (keyLen) {
        case 16:
            return EVP_aes_128_ctr();
        case 24:
            return EVP_aes_192_ctr();
        case 32:
            return EVP_aes_256_ctr();
        }
    }
    return nullptr;
}

struct CipherContextDeleter
{
    void operator()(EVP_CIPHER_CTX *context) const { EVP_CIPHER_CTX_free(context); }
};

enum class Direction { Encrypt, Decrypt };

int aesRun(Direction direction, signal_buffer **output, int mode, const uint8_t *key, size_t keyLen,
           const uint8_t *iv, size_t ivLen, const uint8_t *input, size_t inputLen)
{
    const EVP_CIPHER *cipher = aesCipher(mode, keyLen);
    if (!cipher || ivLen != AesBlockBytes || inputLen > INT_MAX - AesBlockBytes)
        return SG_ERR_INVAL;

    std::unique_ptr<EVP_CIPHER_CTX, CipherContextDeleter> context(EVP_CIPHER_CTX_new());
    if (!context)
        return SG_ERR_NOMEM;
    const int encrypt = direction == Direction::Encrypt ? 1 : 0;
    if (EVP_CipherInit_ex(context.get(), cipher, nullptr, key, iv, encrypt) != 1)
        return SG_ERR_UNKNOWN;
    if (EVP_CIPHER_CTX_set_padding(context.get(), mode == SG_CIPHER_AES_CBC_PKCS5 ? 1 : 0) != 1)
        return SG_ERR_UNKNOWN;

    // Room for one block of padding; the plaintext side is wiped before it is freed.
    std::vector<uint8_t> result(inputLen + AesBlockBytes);
    int updateLen = 0;
    int finalLen = 0;
    int status = EVP_CipherUpdate(context.get(), result.data(), &updateLen, input,
                                  static_cast<int>(inputLen));
    if (status == 1)
        status = EVP_CipherFinal_ex(context.get(), result.data() + updateLen, &finalLen);
    signal_buffer *buffer = nullptr;
    if (status == 1)
        buffer = signal_buffer_create(result.data(), static_cast<size_t>(updateLen + finalLen));
    OPENSSL_cleanse(result.data(), result.size());
    if (status != 1)
        return SG_ERR_UNKNOWN; // wrong padding on decryption ends here
    if (!buffer)
        return SG_ERR_NOMEM;
    *output = buffer;
    return SG_SUCCESS;
}

int aesEncrypt(signal_buffer **output, int mode, const uint8_t *key, size_t keyLen,
               const uint8_t *iv, size_t ivLen, const uint8_t *plaintext, size_t plaintextLen,
               void *)
{
    return aesRun(Direction::Encrypt, output, mode, key, keyLen, iv, ivLen, plaintext,
                  plaintextLen);
}

int aesDecrypt(signal_buffer **output, int mode, const uint8_t *key, size_t keyLen,
               const uint8_t *iv, size_t ivLen, const uint8_t *ciphertext, size_t ciphertextLen,
               void *)
{
    return aesRun(Direction::Decrypt, output, mode, key, keyLen, iv, ivLen, ciphertext,
                  ciphertextLen);
}

const signal_crypto_provider s_callbacks = {
        .random_func = randomBytes,
        .hmac_sha256_init_func = hmacSha256Init,
        .hmac_sha256_update_func = hmacSha256Update,
        .hmac_sha256_final_func = hmacSha256Final,
        .hmac_sha256_cleanup_func = hmacSha256Cleanup,
        .sha512_digest_init_func = sha512Init,
        .sha512_digest_update_func = sha512Update,
        .sha512_digest_final_func = sha512Final,
        .sha512_digest_cleanup_func = sha512Cleanup,
        .encrypt_func = aesEncrypt,
        .decrypt_func = aesDecrypt,
        .user_data = nullptr,
};

} // namespace

const signal_crypto_provider &OpenSslCryptoProvider::callbacks()
{
    return s_callbacks;
}

} // namespace Parley
