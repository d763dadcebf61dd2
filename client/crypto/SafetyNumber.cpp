#include "SafetyNumber.h"

#include "SignalContext.h"
#include "SignalHandle_p.h"

#include <signal/fingerprint.h>

namespace Parley {

namespace {

constexpr int DigitCount = 60;
constexpr int GroupLength = 5;

struct GeneratorFree
{
    void operator()(fingerprint_generator *generator) const
    {
        fingerprint_generator_free(generator);
    }
};

CryptoResult<SignalPtr<scannable_fingerprint>> parseScannable(const QByteArray &data,
                                                              signal_context *context)
{
    scannable_fingerprint *raw = nullptr;
    if (data.isEmpty()
        || scannable_fingerprint_deserialize(&raw, bytes(data), length(data), context) < 0)
        return CryptoError::InvalidMessage;
    return SignalPtr<scannable_fingerprint>(raw);
}

} // namespace

CryptoResult<SafetyNumber> SafetyNumber::compute(SignalContext &context, qint64 localUserId,
                                                 const QByteArray &localIdentityKey,
                                                 qint64 remoteUserId,
                                                 const QByteArray &remoteIdentityKey)
{
    auto localKey = decodePublicKey(localIdentityKey, context.handle());
    auto remoteKey = decodePublicKey(remoteIdentityKey, context.handle());
    if (!localKey || !remoteKey)
        return CryptoError::InvalidArgument;

    fingerprint_generator *rawGenerator = nullptr;
    if (int result = fingerprint_generator_create(&rawGenerator, Iterations, ScannableVersion,
                                                  context.handle());
        result < 0)
        return fromSignalCode(result);
    std::unique_ptr<fingerprint_generator, GeneratorFree> generator(rawGenerator);

    const QByteArray localId = QByteArray::number(localUserId);
    const QByteArray remoteId = QByteArray::number(remoteUserId);
    fingerprint *rawFingerprint = nullptr;
    if (int result = fingerprint_generator_create_for(rawGenerator, localId.constData(),
                                                      localKey.value().get(), remoteId.constData(),
                                                      remoteKey.value().get(), &rawFingerprint);
        result < 0)
        return fromSignalCode(result);
    SignalPtr<fingerprint> fingerprintValue(rawFingerprint);

    return fromFingerprint(rawFingerprint);
}

CryptoResult<SafetyNumber> SafetyNumber::fromFingerprint(fingerprint *rawFingerprint)
{
    SafetyNumber number;
    number.m_digits = QString::fromLatin1(
            displayable_fingerprint_text(fingerprint_get_displayable(rawFingerprint)));
    if (number.m_digits.size() != DigitCount)
        return CryptoError::CryptoFailure;

    signal_buffer *rawScannable = nullptr;
    if (int result = scannable_fingerprint_serialize(&rawScannable,
                                                     fingerprint_get_scannable(rawFingerprint));
        result < 0)
        return fromSignalCode(result);
    SignalBufferPtr scannable(rawScannable);
    number.m_scannable = toByteArray(rawScannable);
    return number;
}

namespace {

struct KeyListFree
{
    void operator()(ec_public_key_list *list) const { ec_public_key_list_free(list); }
};

CryptoResult<std::unique_ptr<ec_public_key_list, KeyListFree>>
decodeKeyList(const QList<QByteArray> &keys, signal_context *context)
{
    if (keys.isEmpty())
        return CryptoError::InvalidArgument;
    std::unique_ptr<ec_public_key_list, KeyListFree> list(ec_public_key_list_alloc());
    if (!list)
        return CryptoError::CryptoFailure;
    for (const QByteArray &data : keys) {
        auto key = decodePublicKey(data, context);
        if (!key)
            return CryptoError::InvalidArgument;
        if (ec_public_key_list_push_back(list.get(), key.value().get()) < 0) // takes a reference
            return CryptoError::CryptoFailure;
    }
    return list;
}

} // namespace

CryptoResult<SafetyNumber>
SafetyNumber::computeForDevices(SignalContext &context, qint64 localUserId,
                                const QList<QByteArray> &localIdentityKeys, qint64 remoteUserId,
                                const QList<QByteArray> &remoteIdentityKeys)
{
    auto localKeys = decodeKeyList(localIdentityKeys, context.handle());
    auto remoteKeys = decodeKeyList(remoteIdentityKeys, context.handle());
    if (!localKeys || !remoteKeys)
        return localKeys ? remoteKeys.error() : localKeys.error();

    fingerprint_generator *rawGenerator = nullptr;
    if (int result = fingerprint_generator_create(&rawGenerator, Iterations, ScannableVersion,
                                                  context.handle());
        result < 0)
        return fromSignalCode(result);
    std::unique_ptr<fingerprint_generator, GeneratorFree> generator(rawGenerator);

    const QByteArray localId = QByteArray::number(localUserId);
    const QByteArray remoteId = QByteArray::number(remoteUserId);
    fingerprint *rawFingerprint = nullptr;
    if (int result = fingerprint_generator_create_for_list(
                rawGenerator, localId.constData(), localKeys.value().get(), remoteId.constData(),
                remoteKeys.value().get(), &rawFingerprint);
        result < 0)
        return fromSignalCode(result);
    SignalPtr<fingerprint> fingerprintValue(rawFingerprint);
    return fromFingerprint(rawFingerprint);
}

QStringList SafetyNumber::groups() const
{
    QStringList result;
    for (qsizetype i = 0; i < m_digits.size(); i += GroupLength)
        result.append(m_digits.mid(i, GroupLength));
    return result;
}

QString SafetyNumber::displayText() const
{
    return groups().join(QLatin1Char(' '));
}

CryptoResult<bool> SafetyNumber::matchesScanned(SignalContext &context,
                                                const QByteArray &scanned) const
{
    auto ours = parseScannable(m_scannable, context.handle());
    auto theirs = parseScannable(scanned, context.handle());
    if (!ours)
        return CryptoError::CryptoFailure;
    if (!theirs)
        return theirs.error();
    const int result = scannable_fingerprint_compare(ours.value().get(), theirs.value().get());
    if (result < 0)
        return fromSignalCode(result);
    return result == 1;
}

} // namespace Parley
