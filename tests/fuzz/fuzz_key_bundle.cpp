// libFuzzer entry point: any bytes as one CBOR key bundle of a `keyBundles` answer, used as the
// client uses it (DeviceDirectory): read, turned into libsignal's pre-key bundle, X3DH with
// Bob's key store, then a first message encrypted on the new session. Each input starts from the
// same key store (UnwrapFixture::Input): the remote device is always new, its identity trusted on
// first use. Must never crash, hang or leak.

#include "UnwrapFixture.h"
#include "model/Keys.h"

#include <QtCore/QCborValue>

#include <cstddef>
#include <cstdint>

using namespace Parley;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    UnwrapFixture &fixture = UnwrapFixture::instance();
    TestDevice &bob = fixture.bob();
    // As FrameCodec reads a frame: nothing of a map that did not parse whole.
    QCborParserError error;
    const QCborValue value = QCborValue::fromCbor(
            QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)), &error);
    if (error.error != QCborError::NoError)
        return 0;
    const Result<KeyBundle> read = KeyBundle::fromCbor(value.toMap());
    if (!read)
        return 0;
    const KeyBundle &bundle = read.value();

    // As DeviceDirectory turns a KeyBundle into a PreKeyBundle.
    PreKeyBundle preKeys;
    preKeys.registrationId = quint32(bundle.registrationId);
    preKeys.identityKey = bundle.identityKey;
    preKeys.signedPreKey = {quint32(bundle.signedPreKey.id), bundle.signedPreKey.publicKey,
                            bundle.signedPreKey.signature};
    if (bundle.oneTimePreKey)
        preKeys.preKeys.append(
                {quint32(bundle.oneTimePreKey->id), bundle.oneTimePreKey->publicKey});

    const DeviceAddress remote{4, 1};
    const UnwrapFixture::Input input{&bob};
    if (bob.pairwise().buildSession(remote, preKeys))
        (void)bob.pairwise().encrypt(remote, QByteArrayLiteral("hello"));
    return 0;
}
